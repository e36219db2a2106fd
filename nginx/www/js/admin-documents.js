// /admin#pruefung: the document review queue (oldest first, keyset pages) with a preview
// (images inline, PDFs as a download), scan results by hand, and approve / reject through the
// step-up dialog (api() asks for the code and retries).

import { api, ApiError } from './api.js';
import { element, factRow } from './dom.js';
import { documentStatus } from './documents.js';
import { formatDateTime } from './format.js';
import { createReasonForm } from './reason-form.js';

const SCAN = { pending: 'Ausstehend', clean: 'Sauber', infected: 'Schadsoftware gefunden' };
const PII = { ok: 'Unbedenklich', suspected: 'Verdacht', confirmed: 'Bestätigt' };

export function createReviewView() {
  const list = document.getElementById('review-list');
  const status = document.getElementById('review-status');
  const more = document.getElementById('review-more');
  let cursor = null;

  function say(text) {
    status.classList.remove('message-error');
    status.textContent = text;
  }

  function fail(error) {
    status.classList.add('message', 'message-error');
    status.textContent = error instanceof ApiError ? error.message : 'Es ist ein Fehler aufgetreten.';
  }

  async function act(work, message) {
    try {
      await work();
      say(message);
      await reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(error);
    }
  }

  function button(text, onClick, className = 'button-small') {
    const node = element('button', className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function preview(doc) {
    const url = `/api/documents/${encodeURIComponent(doc.id)}/content`;
    if (doc.content_type.startsWith('image/')) {
      const image = element('img', 'document-preview');
      image.src = url;
      image.alt = `Vorschau von ${doc.filename}`;
      image.loading = 'lazy';
      return image;
    }
    const link = element('a', '', `PDF herunterladen: ${doc.filename}`);
    link.href = url;
    return link;
  }

  function renderItem(doc) {
    const item = element('li', 'document-item');
    const base = `/api/admin/documents/${encodeURIComponent(doc.id)}`;
    item.append(element('h3', '', doc.filename), preview(doc));
    const facts = element('dl', 'facts facts--compact');
    facts.append(
      factRow('Status', documentStatus(doc)),
      factRow('Virenprüfung', SCAN[doc.scan] || doc.scan),
      factRow('Datenschutz', PII[doc.pii] || doc.pii),
      factRow('Hochgeladen', formatDateTime(doc.uploaded_at)),
    );
    item.append(facts);
    const reject = createReasonForm({
      id: `reject-${doc.id}`,
      label: 'Grund der Ablehnung',
      hint: 'Pflichtangabe, zum Beispiel „Rechnung unleserlich“.',
      submitLabel: 'Ablehnen',
      onSubmit: (reason) => act(() => api('POST', `${base}/reject`, { reason }), 'Das Dokument wurde abgelehnt.'),
      onCancel: () => {},
    });
    const actions = element('div', 'actions');
    actions.append(
      button('Freigeben', () => act(() => api('POST', `${base}/approve`), 'Das Dokument wurde freigegeben.'), 'button-primary'),
      button('Ablehnen …', () => reject.open()),
    );
    if (doc.scan === 'pending') {
      actions.append(button('Als sauber markieren', () => act(() => api('POST', `${base}/scan`, { result: 'clean' }),
        'Die Virenprüfung wurde als sauber eingetragen.')));
    }
    if (doc.pii !== 'ok') {
      actions.append(button('Datenschutz unbedenklich', () => act(
        () => api('POST', `/api/documents/${encodeURIComponent(doc.id)}/pii`, { status: 'ok' }), 'Datenschutz: unbedenklich.')));
    }
    item.append(actions, reject.element);
    return item;
  }

  async function load(append) {
    const query = new URLSearchParams({ approval: 'quarantined', limit: '20' });
    if (append && cursor) query.set('cursor', cursor);
    const page = await api('GET', `/api/admin/documents?${query}`);
    cursor = page.next_cursor;
    more.hidden = !cursor;
    const items = page.items.map(renderItem);
    if (append) list.append(...items); else list.replaceChildren(...items);
    if (!append && page.items.length === 0) say('Keine Dokumente warten auf eine Prüfung.');
  }

  function reload() {
    return load(false).catch(fail);
  }

  more.addEventListener('click', () => load(true).catch(fail));
  return { activate: reload };
}
