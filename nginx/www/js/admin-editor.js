// /admin#redaktion: the blog and news editor. Moderators and admins write, save and submit;
// admins review; superadmins publish (the API asks for step-up, the dialog of js/step-up.js
// answers). The preview is the server's own rendering: a draft is saved shortly after typing
// stops and the answer's body_html (cmark, raw HTML and unsafe links removed) is shown — the
// browser never renders Markdown itself.

import { api, ApiError, fieldMessageFor } from './api.js';
import { element } from './dom.js';
import { formatDateTime } from './format.js';
import { apiFieldProblems, clearFieldErrors, showFieldErrors } from './form.js';
import { isBusy, setBusy } from './admin-labels.js';

const el = (id) => document.getElementById(id);
const PREVIEW_DELAY_MS = 1200;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const STATES = {
  draft: 'Entwurf',
  in_review: 'In Prüfung',
  published: 'Veröffentlicht',
};

const EDITOR_MESSAGES = {
  slug_taken: 'Diese Adresse ist in diesem Bereich schon vergeben.',
  not_in_review: 'Nur eingereichte Artikel können geprüft werden.',
  already_published: 'Dieser Artikel ist schon veröffentlicht.',
};

export function createEditorView(me) {
  const role = me.user.role;
  const canReview = role === 'admin' || role === 'superadmin';
  const canPublish = role === 'superadmin';
  const form = el('editor-form');
  const workspace = el('editor-workspace');
  const alertRegion = el('editor-alert');
  const statusRegion = el('editor-status');
  const preview = el('editor-preview');
  const typeSelect = el('editor-type');
  const inputs = {
    slug: el('editor-slug'),
    title: el('editor-title-input'),
    excerpt: el('editor-excerpt'),
    body_md: el('editor-body'),
  };
  let current = null; // the article being edited, as the API last answered
  let previewTimer = null;
  let loaded = false;

  const type = () => typeSelect.value;
  const articlePath = (article) => `/api/cms/${type()}/${encodeURIComponent(article.id)}`;

  function fail(error) {
    statusRegion.textContent = '';
    if (!(error instanceof ApiError)) throw error;
    if (showFieldErrors(inputs, apiFieldProblems(error))) {
      alertRegion.textContent = error.message;
      return;
    }
    alertRegion.textContent = EDITOR_MESSAGES[error.code] ? `${EDITOR_MESSAGES[error.code]} ${error.message}` : error.message;
  }

  function say(text) {
    alertRegion.textContent = '';
    statusRegion.textContent = text;
  }

  function values() {
    return Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
  }

  function clientProblems(body) {
    const problems = {};
    for (const [name, value] of Object.entries(body)) if (value === '') problems[name] = fieldMessageFor('required');
    if (body.slug && !SLUG.test(body.slug)) {
      problems.slug = 'Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, zum Beispiel „neuer-beitrag“.';
    }
    return problems;
  }

  // ---------- the list ----------

  function renderItem(article) {
    const item = element('li', 'editor-list__item');
    const title = element('span', 'editor-list__title', article.title);
    const meta = element('span', 'muted', `${STATES[article.state] || article.state} · geändert ${formatDateTime(article.updated_at)}`);
    const open = element('button', 'button-link', 'Bearbeiten');
    open.type = 'button';
    open.append(element('span', 'visually-hidden', `: ${article.title}`));
    open.addEventListener('click', () => show(article, { focus: true }));
    item.append(title, meta, open);
    return item;
  }

  async function loadList() {
    const status = el('editor-list-status');
    status.textContent = 'Artikel werden geladen …';
    try {
      const answer = await api('GET', `/api/cms/${type()}?limit=100`);
      const items = (answer && answer.items) || [];
      el('editor-list').replaceChildren(...items.map(renderItem));
      status.textContent = items.length ? `${items.length} Artikel` : 'Noch keine Artikel in diesem Bereich.';
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = `Die Artikel konnten nicht geladen werden. ${error.message}`;
    }
  }

  // ---------- one article ----------

  function show(article, { focus }) {
    current = article;
    workspace.hidden = false;
    clearFieldErrors(inputs);
    alertRegion.textContent = '';
    for (const [name, input] of Object.entries(inputs)) input.value = article ? article[name] || '' : '';
    const state = article ? article.state : null;
    el('editor-form-title').textContent = article ? `Artikel bearbeiten: ${article.title}` : 'Neuer Artikel';
    el('editor-state').textContent = article ? `Status: ${STATES[state] || state}` : 'Noch nicht gespeichert.';
    const note = el('editor-review-note');
    note.hidden = !(article && article.review_note);
    note.textContent = article && article.review_note ? `Anmerkung der Prüfung: ${article.review_note}` : '';
    const readOnly = state === 'published' && role !== 'superadmin';
    for (const input of Object.values(inputs)) input.readOnly = readOnly;
    el('editor-save').hidden = readOnly;
    el('editor-save').textContent = state === 'published' ? 'Änderung speichern' : 'Entwurf speichern';
    el('editor-submit').hidden = state !== 'draft';
    el('editor-review').hidden = !(canReview && state === 'in_review');
    el('editor-publish-box').hidden = !(canPublish && state === 'in_review');
    renderPreview(article);
    if (focus) el('editor-form-title').focus();
  }

  function renderPreview(article) {
    if (article) preview.innerHTML = article.body_html; // rendered and sanitised by the server
    else preview.replaceChildren(element('p', 'muted', 'Speichere den Entwurf, dann erscheint hier die Vorschau.'));
  }

  async function save() {
    clearFieldErrors(inputs);
    const body = values();
    if (showFieldErrors(inputs, clientProblems(body))) return null;
    const saved = current
      ? await api('PATCH', articlePath(current), body)
      : await api('POST', `/api/cms/${type()}`, body);
    show(saved, { focus: false });
    loadList();
    return saved;
  }

  // Runs `action` with the form busy; errors go to the alert region.
  async function busy(action) {
    if (isBusy(form)) return;
    window.clearTimeout(previewTimer);
    setBusy(form, true);
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(form, false);
    }
  }

  // Live preview: a saved draft is saved again shortly after typing stops (only drafts: saving
  // an article in review would send it back to draft).
  function schedulePreview() {
    window.clearTimeout(previewTimer);
    if (!current || current.state !== 'draft') return;
    previewTimer = window.setTimeout(async () => {
      if (isBusy(form) || Object.values(clientProblems(values())).length) return;
      try {
        const saved = await api('PATCH', articlePath(current), values());
        current = saved;
        renderPreview(saved);
        el('editor-state').textContent = `Status: ${STATES[saved.state]} · Vorschau aktualisiert ${formatDateTime(saved.updated_at)}`;
      } catch (error) {
        fail(error);
      }
    }, PREVIEW_DELAY_MS);
  }

  async function transition(step, body, done) {
    await busy(async () => {
      const answer = await api('POST', `${articlePath(current)}/${step}`, body);
      show(answer, { focus: false });
      loadList();
      say(done);
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(async () => {
      if (await save()) say('Gespeichert.');
    });
  });
  for (const input of Object.values(inputs)) input.addEventListener('input', schedulePreview);
  el('editor-submit').addEventListener('click', () => transition('submit', undefined, 'Der Artikel ist zur Prüfung eingereicht.'));
  el('editor-review-submit').addEventListener('click', () =>
    transition('review', { note: el('editor-review-text').value.trim() }, 'Die Prüfung ist vermerkt.'));
  el('editor-publish').addEventListener('click', () => transition('publish', undefined, 'Der Artikel ist veröffentlicht.'));
  el('editor-new').addEventListener('click', () => show(null, { focus: true }));
  el('editor-close').addEventListener('click', () => {
    window.clearTimeout(previewTimer);
    workspace.hidden = true;
    current = null;
    el('editor-new').focus();
  });
  typeSelect.addEventListener('change', () => {
    workspace.hidden = true;
    current = null;
    loadList();
  });

  return {
    activate() {
      if (loaded) return;
      loaded = true;
      loadList();
    },
  };
}
