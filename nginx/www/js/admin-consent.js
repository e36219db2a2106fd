// /admin#einwilligung (superadmins): publish a new version of the terms or the privacy policy
// (POST /api/admin/consent-documents, step-up through the dialog). Every user accepts again.

import { api, ApiError, fieldMessageFor } from './api.js';
import { apiFieldProblems, clearFieldErrors, showFieldErrors } from './form.js';
import { isBusy, setBusy } from './admin-labels.js';

const el = (id) => document.getElementById(id);
const DOCS = { terms: 'Nutzungsbedingungen', privacy: 'Datenschutzerklärung' };

export function createConsentView() {
  const form = el('consent-form');
  const alertRegion = el('consent-alert');
  const statusRegion = el('consent-status');
  const inputs = { version: el('consent-version'), url: el('consent-url') };

  async function showCurrent() {
    const target = el('consent-current');
    try {
      const answer = await api('GET', '/api/consent');
      target.textContent = `Gültig: ${(answer.current || []).map((doc) => `${DOCS[doc.doc] || doc.doc} ${doc.version}`).join(', ')}`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      target.textContent = `Die gültigen Fassungen konnten nicht geladen werden. ${error.message}`;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(form)) return;
    clearFieldErrors(inputs);
    alertRegion.textContent = '';
    statusRegion.textContent = '';
    const body = { doc: el('consent-doc').value, version: inputs.version.value.trim(), url: inputs.url.value.trim() };
    const missing = Object.fromEntries(Object.keys(inputs).filter((name) => body[name] === '')
      .map((name) => [name, fieldMessageFor('required')]));
    if (showFieldErrors(inputs, missing)) return;
    setBusy(form, true);
    try {
      await api('POST', '/api/admin/consent-documents', body);
      statusRegion.textContent = `${DOCS[body.doc]} in der Fassung ${body.version} veröffentlicht. Alle Nutzer stimmen beim nächsten Besuch neu zu.`;
      form.reset();
      showCurrent();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!showFieldErrors(inputs, apiFieldProblems(error))) alertRegion.textContent = error.message;
    } finally {
      setBusy(form, false);
    }
  });

  return { activate: showCurrent };
}
