// The admin's full export: create it (step-up via the dialog), download the ciphertext once
// with its token, decrypt it here with WebCrypto (AES-256-GCM: nonce ‖ ciphertext ‖ tag) and
// offer the JSON as a file. The key is shown once and kept only in this page's memory.

import { api, ApiError } from './api.js';
import { formatDateTime } from './format.js';

const el = (id) => document.getElementById(id);
const NONCE_BYTES = 12;

function fromBase64url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function decrypt(keyText, sealed) {
  const key = await crypto.subtle.importKey('raw', fromBase64url(keyText), 'AES-GCM', false, ['decrypt']);
  const bytes = new Uint8Array(sealed);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, NONCE_BYTES) }, key, bytes.slice(NONCE_BYTES));
}

async function downloadOnce(created) {
  const response = await fetch(`/api/admin/exports/${encodeURIComponent(created.export_id)}`, {
    headers: { 'X-Export-Token': created.download_token },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError({
      code: (body.error && body.error.code) || 'internal_error',
      status: response.status,
      requestId: body.request_id || response.headers.get('X-Request-Id'),
    });
  }
  return response.arrayBuffer();
}

export function createExportView() {
  const form = el('export-form');
  const alertRegion = el('export-alert');
  const status = el('export-status');
  let url = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertRegion.textContent = '';
    status.textContent = 'Der Export wird erstellt …';
    el('export-submit').disabled = true;
    try {
      const created = await api('POST', '/api/admin/exports', { target: el('export-target').value, id: el('export-id').value.trim() });
      el('export-key').textContent = created.key;
      el('export-result').hidden = false;
      const plaintext = await decrypt(created.key, await downloadOnce(created));
      const exported = JSON.parse(new TextDecoder().decode(plaintext));
      el('export-summary').textContent =
        `Entschlüsselt: ${exported.format}, Version ${exported.version}, exportiert am ${formatDateTime(exported.exported_at)}.`;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([plaintext], { type: 'application/json' }));
      const link = el('export-download');
      link.href = url;
      link.download = `ltc-export-${created.export_id}.json`;
      status.textContent = 'Der Export wurde heruntergeladen und entschlüsselt.';
    } catch (error) {
      status.textContent = '';
      alertRegion.textContent = error instanceof ApiError ? error.message : 'Der Export konnte nicht entschlüsselt werden.';
    } finally {
      el('export-submit').disabled = false;
    }
  });
  return { activate() {} };
}
