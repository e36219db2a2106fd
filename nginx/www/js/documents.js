// The documents of a vehicle on /app/vehicle: upload (file picker or phone camera) with a
// progress bar, the list with plain-German status badges, attach to an entry, raise a privacy
// concern, delete. Evidence counts only after the review (PRODUCT.md §7).

import { api, ApiError, uploadFile } from './api.js';
import { element, srOnly } from './dom.js';
import { CATEGORIES, formatDate, formatDay, labelOf } from './format.js';

/** The badge text for a document's state, in plain German. */
export function documentStatus(doc) {
  if (doc.approval === 'rejected') return doc.scan === 'infected' ? 'Abgelehnt: Schadsoftware gefunden' : 'Abgelehnt: Nachweis nicht anerkannt';
  if (doc.pii !== 'ok') return 'Datenschutz-Prüfung offen';
  if (doc.valid_evidence) return 'Gültiger Nachweis';
  return 'Wird geprüft';
}

function entryOptions(select, entries, selected) {
  const none = element('option', '', 'Keinem Eintrag zugeordnet');
  none.value = '';
  select.replaceChildren(none, ...entries.map((entry) => {
    const option = element('option', '', `${formatDate(entry.date)} · ${labelOf(CATEGORIES, entry.category)}`);
    option.value = entry.id;
    option.selected = entry.id === selected;
    return option;
  }));
}

export function createDocumentsPanel({ vehicleId, elements, say, fail, onChanged }) {
  const base = `/api/vehicles/${encodeURIComponent(vehicleId)}`;
  let entries = [];

  function setProgress(fraction) {
    elements.progress.hidden = fraction === null;
    elements.progress.value = fraction === null ? 0 : Math.round(fraction * 100);
  }

  async function upload(file) {
    if (!file) return;
    elements.alert.textContent = '';
    const query = new URLSearchParams({ filename: file.name });
    if (elements.entry.value) query.set('entry_id', elements.entry.value);
    setProgress(0);
    try {
      await uploadFile(`${base}/documents?${query}`, file, setProgress);
      say('Das Dokument wurde hochgeladen. Es zählt als Nachweis, sobald es geprüft und freigegeben ist.');
      await onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      elements.alert.textContent = error.message;
    } finally {
      setProgress(null);
      elements.file.value = '';
      elements.camera.value = '';
    }
  }

  async function act(work, message) {
    try {
      await work();
      say(message);
      await onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(error.message);
    }
  }

  function renderDocument(doc) {
    const item = element('li', 'document-item');
    const head = element('p', 'document-item__head');
    head.append(element('strong', '', doc.filename), document.createTextNode(` · hochgeladen am ${formatDay(doc.uploaded_at)} `));
    head.append(element('span', `status-badge document-badge--${doc.valid_evidence ? 'valid' : doc.approval}`, documentStatus(doc)));
    item.append(head);
    const actions = element('div', 'actions');
    if (doc.valid_evidence) {
      const link = element('a', '', 'Herunterladen');
      link.href = `/api/documents/${encodeURIComponent(doc.id)}/content`;
      link.append(srOnly(` (${doc.filename})`));
      actions.append(link);
    }
    const label = element('label', '', 'Eintrag');
    const select = element('select');
    select.id = `doc-${doc.id}-entry`;
    label.htmlFor = select.id;
    entryOptions(select, entries, doc.entry_id);
    select.addEventListener('change', () => act(
      () => api('PATCH', `/api/documents/${encodeURIComponent(doc.id)}`, { entry_id: select.value || null }),
      'Die Zuordnung wurde gespeichert.'));
    actions.append(label, select);
    if (doc.pii === 'ok') {
      const pii = element('button', 'button-small', 'Datenschutz-Bedenken melden');
      pii.type = 'button';
      pii.addEventListener('click', () => act(
        () => api('POST', `/api/documents/${encodeURIComponent(doc.id)}/pii`, { status: 'suspected' }),
        'Die Bedenken wurden gemeldet. Das Dokument zählt bis zur Prüfung nicht als Nachweis.'));
      actions.append(pii);
    }
    const remove = element('button', 'button-small button-danger', 'Löschen');
    remove.type = 'button';
    remove.append(srOnly(` (${doc.filename})`));
    remove.addEventListener('click', () => act(
      () => api('DELETE', `/api/documents/${encodeURIComponent(doc.id)}`), 'Das Dokument wurde gelöscht.'));
    actions.append(remove);
    item.append(actions);
    return item;
  }

  async function refresh() {
    const [docs, entryList] = await Promise.all([
      api('GET', `${base}/documents`), api('GET', `${base}/entries`),
    ]);
    entries = entryList.items;
    entryOptions(elements.entry, entries, elements.entry.value);
    elements.list.replaceChildren(...docs.items.map(renderDocument));
    elements.summary.textContent = docs.items.length === 0
      ? 'Noch keine Dokumente. Rechnungen und Fotos machen Einträge zu belegten Nachweisen.'
      : 'Dokumente werden geprüft, bevor sie als Nachweis zählen.';
  }

  elements.file.addEventListener('change', () => upload(elements.file.files[0]));
  elements.camera.addEventListener('change', () => upload(elements.camera.files[0]));
  return { refresh };
}
