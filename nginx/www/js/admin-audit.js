// /admin "Audit-Protokoll": filters (action, actor, target, from, to), newest first, and
// "Weiter" for the next page (cursor). The dates are days in the browser's time zone: "Von"
// from 0:00 of that day (inclusive), "Bis einschließlich" up to 0:00 of the next day (exclusive).

import { api, ApiError } from './api.js';
import { element } from './dom.js';
import { apiFieldProblems, clearFieldError, showFieldErrors } from './form.js';
import { formatDateTime } from './format.js';
import { ACTIONS, isBusy, label, mono, RESULTS, ROLES, setBusy, tableCell, tableRow } from './admin-labels.js';

const PAGE_SIZE = 50;

const el = (id) => document.getElementById(id);

/** "2024-05-01" (local day) + days → "2024-04-30T22:00:00Z" (UTC, no milliseconds). */
function dayStartUtc(day, addDays = 0) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function metaList(meta) {
  if (!meta || typeof meta !== 'object') return document.createTextNode('–');
  const entries = Object.entries(meta);
  if (entries.length === 0) return document.createTextNode('–');
  const list = element('ul', 'meta-list');
  for (const [key, value] of entries) {
    const item = element('li');
    item.append(element('span', 'muted', `${key}: `), document.createTextNode(String(value)));
    list.append(item);
  }
  return list;
}

function who(role, id, roleLabels) {
  const box = document.createDocumentFragment();
  if (!role && !id) {
    box.append(document.createTextNode('–'));
    return box;
  }
  if (role) box.append(element('span', 'cell-line', label(roleLabels, role)));
  if (id) box.append(mono(id));
  return box;
}

function renderRow(event) {
  const row = tableRow();
  row.dataset.action = event.action || '';
  const time = document.createElement('time');
  time.dateTime = event.at || '';
  time.textContent = formatDateTime(event.at);

  const action = document.createDocumentFragment();
  action.append(element('code', 'mono audit-action', event.action || ''));
  if (event.action && ACTIONS[event.action]) action.append(element('span', 'cell-line muted', ACTIONS[event.action]));

  const result = element('span', `status-badge status-badge--${event.result === 'success' ? 'active' : 'disabled'}`,
    label(RESULTS, event.result));

  row.append(
    tableCell('Zeitpunkt', time),
    tableCell('Aktion', action),
    tableCell('Ergebnis', result),
    tableCell('Akteur', who(event.actor_role, event.actor_id, { ...ROLES, cli: 'Kommandozeile' })),
    tableCell('Ziel', who(event.target_type, event.target_id, { user: 'Benutzer', vehicle: 'Fahrzeug', entry: 'Eintrag', document: 'Dokument' })),
    tableCell('Details', metaList(event.meta)),
    tableCell('Request-ID', event.request_id ? mono(event.request_id) : '–'),
  );
  return row;
}

export function createAuditView() {
  const form = el('audit-form');
  const body = el('audit-body');
  const caption = el('audit-caption-text');
  const alertRegion = el('audit-alert');
  const empty = el('audit-empty');
  const more = el('audit-more');
  const inputs = {
    action: el('audit-action'),
    actor: el('audit-actor'),
    target: el('audit-target'),
    from: el('audit-from'),
    to: el('audit-to'),
  };

  let query = new URLSearchParams();
  let cursor = null;
  let count = 0;
  let loaded = false;
  let generation = 0; // answers for older filters are dropped

  for (const input of Object.values(inputs)) {
    input.addEventListener('input', () => clearFieldError(input));
    input.addEventListener('change', () => clearFieldError(input));
  }

  /** The filter form as query parameters, or null after showing the problems. */
  function readFilters() {
    const problems = {};
    const params = new URLSearchParams();
    const action = inputs.action.value.trim().toUpperCase();
    if (action) {
      if (/^[A-Z0-9_]+$/.test(action)) params.set('action', action);
      else problems.action = 'Nur Großbuchstaben, Ziffern und Unterstriche, zum Beispiel ROLE_CHANGED.';
    }
    for (const name of ['actor', 'target']) {
      const value = inputs[name].value.trim();
      if (!value) continue;
      if (/^[0-9A-Za-z-]{1,64}$/.test(value)) params.set(name, value);
      else problems[name] = 'Bitte gib eine ID ein, zum Beispiel aus der Benutzerübersicht.';
    }
    const from = inputs.from.value ? dayStartUtc(inputs.from.value) : null;
    const to = inputs.to.value ? dayStartUtc(inputs.to.value, 1) : null;
    if (inputs.from.value && !from) problems.from = 'Bitte gib ein gültiges Datum ein.';
    if (inputs.to.value && !to) problems.to = 'Bitte gib ein gültiges Datum ein.';
    if (from && to && from >= to) problems.to = 'Das Ende liegt vor dem Anfang.';
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    if (showFieldErrors(inputs, problems)) return null;
    inputs.action.value = action;
    return params;
  }

  function describeFilters() {
    const parts = [];
    if (query.get('action')) parts.push(`Aktion ${query.get('action')}`);
    if (query.get('actor')) parts.push('Akteur gefiltert');
    if (query.get('target')) parts.push('Ziel gefiltert');
    if (query.get('from') || query.get('to')) parts.push('Zeitraum gefiltert');
    return parts.length ? `${parts.join(', ')}. ` : '';
  }

  async function loadPage({ append }) {
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE_SIZE));
    if (append && cursor) params.set('cursor', cursor);
    alertRegion.textContent = '';
    if (!append) caption.textContent = 'Ereignisse werden geladen …';
    const mine = append ? generation : ++generation;
    const page = await api('GET', `/api/admin/audit?${params}`);
    if (mine !== generation) return [];
    const items = page && Array.isArray(page.items) ? page.items : [];
    const rows = items.map(renderRow);
    if (append) body.append(...rows);
    else body.replaceChildren(...rows);
    count = append ? count + items.length : items.length;
    cursor = (page && page.next_cursor) || null;
    more.hidden = cursor === null;
    empty.hidden = count > 0;
    caption.textContent = `${describeFilters()}Neueste zuerst: ${count} ${count === 1 ? 'Ereignis' : 'Ereignisse'} angezeigt` +
      `${cursor ? ' – mit „Weiter“ ältere laden' : ''}.`;
    return rows;
  }

  async function reload() {
    try {
      await loadPage({ append: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      caption.textContent = '';
      more.hidden = true;
      if (!showFieldErrors(inputs, apiFieldProblems(error))) {
        alertRegion.textContent = `Das Audit-Protokoll konnte nicht geladen werden. ${error.message}`;
      }
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(form)) return;
    const params = readFilters();
    if (!params) return;
    query = params;
    loaded = true;
    setBusy(form, true);
    try {
      await reload();
    } finally {
      setBusy(form, false);
    }
  });

  el('audit-reset').addEventListener('click', async () => {
    if (isBusy(form)) return;
    for (const input of Object.values(inputs)) {
      input.value = '';
      clearFieldError(input);
    }
    query = new URLSearchParams();
    loaded = true;
    setBusy(form, true);
    try {
      await reload();
    } finally {
      setBusy(form, false);
      inputs.action.focus();
    }
  });

  more.addEventListener('click', async () => {
    if (isBusy(more)) return;
    setBusy(more, true);
    try {
      const rows = await loadPage({ append: true });
      if (rows.length) {
        rows[0].tabIndex = -1;
        rows[0].focus();
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      alertRegion.textContent = `Weitere Ereignisse konnten nicht geladen werden. ${error.message}`;
    } finally {
      setBusy(more, false);
    }
  });

  return {
    /** Load the newest events the first time the view is shown. */
    activate() {
      if (loaded) return;
      loaded = true;
      reload();
    },
    /** Filter to one target (e.g. a user) and load. */
    showTarget(targetId) {
      for (const input of Object.values(inputs)) {
        input.value = '';
        clearFieldError(input);
      }
      inputs.target.value = targetId;
      query = new URLSearchParams({ target: targetId });
      loaded = true;
      reload();
    },
  };
}
