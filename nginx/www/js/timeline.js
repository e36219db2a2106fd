// One timeline entry (newest first in the list) with its actions — edit (a new revision),
// version history, delete with a reason — and the history view (oldest version first).

import { api } from './api.js';
import { element, factRow, srOnly } from './dom.js';
import {
  CATEGORIES, formatDate, formatDateTime, formatKm, formatMoney, labelOf, PERFORMERS, TRUST_LEVELS,
} from './format.js';
import { createReasonForm } from './reason-form.js';

// The fields a revision can change, in display order, with how to show them.
const FIELDS = [
  ['date', 'Datum', (e) => formatDate(e.date)],
  ['category', 'Kategorie', (e) => labelOf(CATEGORIES, e.category)],
  ['performed_by', 'Durchgeführt von', (e) => labelOf(PERFORMERS, e.performed_by)],
  ['odometer_km', 'Kilometerstand', (e) => formatKm(e.odometer_km)],
  ['cost', 'Kosten', (e) => (e.cost === null || e.cost === undefined ? '—' : formatMoney(e.cost))],
  ['paper_book', 'Papier-Serviceheft', (e) => (e.paper_book ? 'Gestempelt' : 'Nicht gestempelt')],
  ['note', 'Notiz', (e) => e.note || '—'],
];

function entryLabel(entry) {
  return `${formatDate(entry.date)} · ${labelOf(CATEGORIES, entry.category)}`;
}

function actionButton(text, context, action) {
  const button = element('button', 'button-small', text);
  button.type = 'button';
  button.dataset.action = action;
  button.append(srOnly(` (Eintrag vom ${context})`));
  return button;
}

function entryFacts(entry) {
  const facts = element('dl', 'facts facts--compact');
  facts.append(
    factRow('Durchgeführt von', labelOf(PERFORMERS, entry.performed_by)),
    factRow('Kilometerstand', formatKm(entry.odometer_km)),
  );
  if (entry.cost !== null && entry.cost !== undefined) facts.append(factRow('Kosten', formatMoney(entry.cost)));
  facts.append(factRow('Nachweis', labelOf(TRUST_LEVELS, entry.trust_level)));
  return facts;
}

function versionItem(version, previous) {
  const item = element('li', 'history-item');
  item.dataset.version = String(version.version);
  const head = element('p', 'history-item__head');
  head.append(element('strong', '', `Version ${version.version}`),
    document.createTextNode(` · ${version.version === 1 ? 'erfasst' : 'geändert'} am ${formatDateTime(version.created_at)}`));
  item.append(head);
  if (version.deleted) {
    item.append(element('p', 'history-item__deleted', 'Eintrag gelöscht.'));
  } else {
    if (previous) {
      const changed = FIELDS.filter(([key]) => JSON.stringify(previous[key]) !== JSON.stringify(version[key]))
        .map(([, name]) => name);
      item.append(element('p', 'small muted', changed.length ? `Geändert: ${changed.join(', ')}` : 'Keine Feldänderung.'));
    }
    const facts = element('dl', 'facts facts--compact');
    for (const [, name, show] of FIELDS) facts.append(factRow(name, show(version), name === 'Notiz' ? 'note' : ''));
    facts.append(factRow('Nachweis', labelOf(TRUST_LEVELS, version.trust_level)));
    item.append(facts);
  }
  if (version.reason) item.append(element('p', 'small', `Grund: ${version.reason}`));
  return item;
}

/** Fill `container` with the versions (oldest first) of `GET …/entries/{id}/history`. */
export function renderHistory(container, versions, headingId) {
  const heading = element('h4', 'history-title', `Verlauf: ${versions.length} ${versions.length === 1 ? 'Version' : 'Versionen'}`);
  heading.id = headingId;
  heading.tabIndex = -1;
  const list = element('ol', 'history-list');
  versions.forEach((version, index) => list.append(versionItem(version, index > 0 ? versions[index - 1] : null)));
  container.replaceChildren(heading, list);
  return heading;
}

/**
 * The <li> of one entry. handlers: onEdit(entry); onDelete(entry, reason) → Promise (throws
 * ApiError to show in the form); onError(message) for failures outside a form.
 */
export function renderEntry(entry, { vehicleId, onEdit, onDelete }) {
  const domId = `entry-${entry.id}`;
  const item = element('li', 'entry');
  item.id = domId;
  item.dataset.entryId = entry.id;
  item.dataset.version = String(entry.version);

  const article = element('article', 'entry__body');
  article.setAttribute('aria-labelledby', `${domId}-title`);
  const title = element('h3', 'entry__title', entryLabel(entry));
  title.id = `${domId}-title`;
  title.tabIndex = -1;
  const level = element('span', `entry__level entry__level--${String(entry.trust_level || '').toLowerCase()}`, entry.trust_level || '');
  level.setAttribute('aria-hidden', 'true');
  const head = element('div', 'entry__head');
  head.append(title, level);
  article.append(head, entryFacts(entry));
  if (entry.note) article.append(element('p', 'entry__note note', entry.note));
  if (entry.version > 1) {
    const changed = element('p', 'small muted entry__version',
      `Version ${entry.version} · zuletzt geändert am ${formatDateTime(entry.created_at)}`);
    changed.dataset.role = 'version';
    article.append(changed);
    if (entry.reason) article.append(element('p', 'small muted', `Grund der Änderung: ${entry.reason}`));
  }

  const context = entryLabel(entry);
  const edit = actionButton('Bearbeiten', context, 'edit');
  const history = actionButton('Verlauf', context, 'history');
  const remove = actionButton('Löschen', context, 'delete');
  const historyBox = element('div', 'entry-history');
  historyBox.id = `${domId}-history`;
  historyBox.hidden = true;
  history.setAttribute('aria-expanded', 'false');
  history.setAttribute('aria-controls', historyBox.id);
  const actions = element('div', 'entry__actions');
  actions.append(edit, history, remove);

  const reasonForm = createReasonForm({
    id: `${domId}-delete`,
    label: 'Grund für das Löschen',
    hint: 'Pflichtangabe. Der Eintrag bleibt im Verlauf als gelöscht erhalten.',
    submitLabel: 'Eintrag löschen',
    onSubmit: (reason) => onDelete(entry, reason),
    onCancel: () => remove.focus(),
  });
  remove.setAttribute('aria-controls', reasonForm.element.id);

  edit.addEventListener('click', () => onEdit(entry));
  remove.addEventListener('click', () => reasonForm.open());
  history.addEventListener('click', async () => {
    if (!historyBox.hidden) {
      historyBox.hidden = true;
      history.setAttribute('aria-expanded', 'false');
      return;
    }
    historyBox.hidden = false;
    history.setAttribute('aria-expanded', 'true');
    historyBox.replaceChildren(element('p', 'muted', 'Der Verlauf wird geladen …'));
    try {
      const answer = await api('GET',
        `/api/vehicles/${encodeURIComponent(vehicleId)}/entries/${encodeURIComponent(entry.id)}/history`);
      renderHistory(historyBox, (answer && answer.items) || [], `${domId}-history-title`).focus();
    } catch (error) {
      const failure = element('p', 'message message-error', `Der Verlauf konnte nicht geladen werden. ${error.message || ''}`.trim());
      failure.setAttribute('role', 'alert');
      historyBox.replaceChildren(failure);
    }
  });

  article.append(actions, reasonForm.element, historyBox);
  item.append(article);
  return item;
}
