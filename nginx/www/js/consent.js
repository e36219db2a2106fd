// Consent page: accept the current terms and privacy versions, then continue to `next`.

import { api, ApiError, safeNext } from './api.js';
import { requireReadySession } from './session.js';

const DOCS = {
  terms: { name: 'Nutzungsbedingungen', acc: 'die Nutzungsbedingungen', dat: 'den Nutzungsbedingungen', pron: 'ihnen' },
  privacy: { name: 'Datenschutzerklärung', acc: 'die Datenschutzerklärung', dat: 'der Datenschutzerklärung', pron: 'ihr' },
};

function wordsFor(doc) {
  return DOCS[doc] || { name: doc, acc: `das Dokument „${doc}“`, dat: `dem Dokument „${doc}“`, pron: 'ihm' };
}
const next = safeNext(new URLSearchParams(window.location.search).get('next'));

const el = (id) => document.getElementById(id);
const form = el('consent-form');
const list = el('doc-list');
const submit = el('consent-submit');
const alertRegion = el('consent-alert');
const statusRegion = el('consent-status');

/** Only http(s) links, resolved against this site (a document URL comes from the server). */
function safeLink(url) {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function isAccepted(doc, accepted) {
  return (accepted || []).some((a) => a.doc === doc.doc && a.version === doc.version);
}

function renderDocument(doc, accepted) {
  const words = wordsFor(doc.doc);
  const item = document.createElement('li');

  const href = safeLink(doc.url);
  if (href) {
    const link = document.createElement('a');
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = `${words.name} lesen (Fassung ${doc.version})`;
    const note = document.createElement('span');
    note.className = 'visually-hidden';
    note.textContent = ' (öffnet in einem neuen Tab)';
    link.append(note);
    item.append(link);
  }

  const label = document.createElement('label');
  label.className = 'checkbox';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.dataset.doc = doc.doc;
  box.dataset.version = doc.version;
  const text = document.createElement('span');
  if (isAccepted(doc, accepted)) {
    box.checked = true;
    box.disabled = true;
    box.dataset.accepted = 'true';
    text.textContent = `Du hast ${words.dat} (Fassung ${doc.version}) bereits zugestimmt.`;
  } else {
    box.required = true;
    text.textContent = `Ich habe ${words.acc} (Fassung ${doc.version}) gelesen und stimme ${words.pron} zu.`;
  }
  label.append(box, text);
  item.append(label);
  return item;
}

function boxes() {
  return [...list.querySelectorAll('input[type="checkbox"]')];
}

function updateSubmit() {
  const all = boxes();
  submit.disabled = all.length === 0 || !all.every((box) => box.checked);
}

async function load() {
  const data = await api('GET', '/api/consent');
  if (data.complete === true) {
    statusRegion.textContent = 'Du hast bereits zugestimmt. Du wirst weitergeleitet …';
    window.location.replace(next);
    return;
  }
  list.replaceChildren(...(data.current || []).map((doc) => renderDocument(doc, data.accepted)));
  updateSubmit();
  form.hidden = false;
  statusRegion.textContent = '';
  const first = boxes().find((box) => !box.disabled);
  if (first) first.focus();
}

async function onSubmit(event) {
  event.preventDefault();
  alertRegion.textContent = '';
  const accept = boxes()
    .filter((box) => box.checked && box.dataset.accepted !== 'true')
    .map((box) => ({ doc: box.dataset.doc, version: box.dataset.version }));
  submit.disabled = true;
  try {
    await api('POST', '/api/consent', { accept });
    statusRegion.textContent = 'Vielen Dank. Du wirst weitergeleitet …';
    window.location.assign(next);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    alertRegion.textContent = error.code === 'consent_incomplete'
      ? `${error.message} Die Dokumente wurden neu geladen.`
      : error.message;
    if (error.code === 'consent_incomplete') await load().catch(showLoadError);
    else updateSubmit();
  }
}

function showLoadError(error) {
  statusRegion.textContent = '';
  alertRegion.textContent = error instanceof ApiError
    ? `Die Dokumente konnten nicht geladen werden. ${error.message}`
    : 'Die Dokumente konnten nicht geladen werden.';
}

list.addEventListener('change', updateSubmit);
form.addEventListener('submit', onSubmit);

requireReadySession({ consent: false }).then(load).catch(showLoadError);
