// The trust light, rendered one way everywhere: a coloured dot plus the German word and the
// sentence — never colour alone (WEB.md). Before the server has answered, a neutral state
// without any light is shown.

import { element, factRow, srOnly } from './dom.js';
import { formatNumber } from './format.js';

const LIGHTS = {
  rot: { word: 'Rot', sentence: 'Nachweisqualität gering oder unsicher.' },
  orange: { word: 'Orange', sentence: 'Nachweise lückenhaft oder Unfallstatus offen.' },
  gelb: { word: 'Gelb', sentence: 'Solide Dokumentation mit Verbesserungspotenzial.' },
  gruen: { word: 'Grün', sentence: 'Sehr gute, belegte Dokumentation.' },
};

const INDICATORS = [
  ['history', 'Historie', { vorhanden: 'Vorhanden', nicht_vorhanden: 'Nicht vorhanden' }],
  ['evidence', 'Dokumente als Nachweis', { vorhanden: 'Vorhanden', nicht_vorhanden: 'Nicht vorhanden' }],
  ['verification', 'Verifizierung', { hoch: 'Hoch', mittel: 'Mittel', niedrig: 'Niedrig' }],
  ['regularity', 'Regelmäßigkeit', { vorhanden: 'Vorhanden', nicht_vorhanden: 'Nicht vorhanden' }],
  ['odometer', 'Kilometerstände', { schluessig: 'Schlüssig', nicht_schluessig: 'Nicht schlüssig', kein_urteil: 'Kein Urteil möglich' }],
  ['accident', 'Unfallstatus', {
    unfallfrei: 'Unfallfrei',
    nicht_unfallfrei_offen: 'Nicht unfallfrei',
    nicht_unfallfrei_abgeschlossen: 'Nicht unfallfrei',
    unbekannt: 'Unbekannt',
  }],
];

/** The German word for a light ("gruen" → "Grün"); '' for anything unknown. */
export function lightWord(light) {
  return LIGHTS[light] ? LIGHTS[light].word : '';
}

/** The sentence shown with a light (PRODUCT.md §8). */
export function lightSentence(light) {
  return LIGHTS[light] ? LIGHTS[light].sentence : '';
}

/**
 * The badge: dot + word. `label` (visually hidden) introduces it for screen readers.
 * An unknown light gives a grey badge reading "Keine Bewertung" — never a made-up colour.
 */
export function trustBadge(light, { label = 'Trust-Ampel: ' } = {}) {
  const known = Boolean(LIGHTS[light]);
  const badge = element('span', `trust-light trust-light--${known ? light : 'unknown'}`);
  badge.dataset.light = known ? light : '';
  const dot = element('span', 'trust-light__dot');
  dot.setAttribute('aria-hidden', 'true');
  if (label) badge.append(srOnly(label));
  badge.append(dot, element('span', 'trust-light__word', known ? LIGHTS[light].word : 'Keine Bewertung'));
  return badge;
}

/** Badge and sentence side by side (lists: the vehicle answer carries only the light). */
export function trustSummary(light) {
  const wrap = element('p', 'trust-summary');
  wrap.append(trustBadge(light), ' ', element('span', 'trust-summary__sentence', lightSentence(light)));
  return wrap;
}

/** The neutral state while the light is being computed: no colour, no word. */
export function renderTrustLoading(container, text = 'Die Trust-Ampel wird berechnet …') {
  container.dataset.state = 'loading';
  container.setAttribute('aria-busy', 'true');
  container.replaceChildren(element('p', 'muted trust-pending', text));
}

export function renderTrustError(container, message) {
  container.dataset.state = 'error';
  container.setAttribute('aria-busy', 'false');
  container.replaceChildren(element('p', 'message message-error', message));
}

function countsLine(counts) {
  if (!counts || typeof counts.entries !== 'number') return null;
  const n = counts.entries;
  const text = n === 0
    ? 'Noch keine Einträge.'
    : `${formatNumber(n)} ${n === 1 ? 'Eintrag' : 'Einträge'}: ${formatNumber(counts.t3 || 0)} mit Dokument belegt (T3), ` +
      `${formatNumber(counts.t2 || 0)} im Serviceheft gestempelt (T2), ${formatNumber(counts.t1 || 0)} Eigenangabe (T1).`;
  return element('p', 'small muted', text);
}

/** The qualitative indicators as a `<dl>` (the public page shows them too). */
export function indicatorList(indicators) {
  if (!indicators || typeof indicators !== 'object') return null;
  const list = element('dl', 'facts facts--compact');
  for (const [key, name, values] of INDICATORS) {
    if (!(key in indicators)) continue;
    list.append(factRow(name, values[indicators[key]] || String(indicators[key])));
  }
  return list.children.length ? list : null;
}

function todoList(reasons) {
  const list = element('ol', 'todo-list');
  list.id = 'trust-todos';
  for (const reason of reasons) {
    const item = element('li', `todo todo--${reason.severity || 'info'}`);
    item.dataset.code = reason.code || '';
    if (reason.priority_todo) item.append(element('strong', 'todo__priority', 'Priorität: '));
    if (reason.severity === 'info') item.append(element('span', 'todo__info', 'Info: '));
    item.append(document.createTextNode(reason.hint || ''));
    list.append(item);
  }
  return list;
}

/**
 * The full answer of `GET /api/vehicles/{id}/trust`: light with word and sentence, the hint,
 * the to-do list (reason hints in priority order), counts and indicators.
 * `headingLevel` is the level of the sub-headings inside (the panel's own heading is outside).
 */
export function renderTrust(container, trust, { headingLevel = 3 } = {}) {
  const light = trust && trust.light;
  const head = element('div', 'trust-head');
  const badge = trustBadge(light);
  badge.id = 'trust-badge';
  badge.querySelector('.trust-light__word').id = 'trust-word';
  const sentence = element('p', 'trust-sentence', (trust && trust.sentence) || lightSentence(light));
  sentence.id = 'trust-sentence';
  head.append(badge, sentence);

  const hint = element('p', 'trust-hint');
  hint.id = 'trust-hint';
  hint.append(element('strong', '', 'Hinweis: '), document.createTextNode((trust && trust.hint) || ''));

  const todoHeading = element(`h${headingLevel}`, 'trust-todo-title', 'To-dos für eine bessere Stufe');
  const reasons = (trust && Array.isArray(trust.reasons)) ? trust.reasons : [];
  const todos = reasons.length ? todoList(reasons) : element('p', 'muted', 'Keine offenen Punkte.');

  const parts = [head, hint, countsLine(trust && trust.counts), todoHeading, todos];
  const indicators = indicatorList(trust && trust.indicators);
  if (indicators) parts.push(element(`h${headingLevel}`, 'trust-todo-title', 'Indikatoren'), indicators);
  container.replaceChildren(...parts.filter(Boolean));
  container.dataset.state = 'ready';
  container.dataset.light = light || '';
  container.setAttribute('aria-busy', 'false');
}
