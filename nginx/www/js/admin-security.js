// /admin#sicherheit: an admin renews their backup codes (POST /api/auth/backup-codes, step-up
// through the dialog). The new codes are shown once; the old ones are dead.

import { api, ApiError } from './api.js';
import { element } from './dom.js';
import { isBusy, setBusy } from './admin-labels.js';

const el = (id) => document.getElementById(id);

export function createSecurityView() {
  const button = el('security-renew');
  const alertRegion = el('security-alert');
  const statusRegion = el('security-status');

  button.addEventListener('click', async () => {
    if (isBusy(button)) return;
    setBusy(button, true);
    alertRegion.textContent = '';
    statusRegion.textContent = '';
    try {
      const answer = await api('POST', '/api/auth/backup-codes');
      el('security-codes').replaceChildren(...answer.backup_codes.map((code) => element('li', 'mono', code)));
      el('security-codes-box').hidden = false;
      statusRegion.textContent = 'Neue Backup-Codes erzeugt. Die bisherigen gelten nicht mehr.';
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      alertRegion.textContent = `Die Backup-Codes konnten nicht erneuert werden. ${error.message}`;
    } finally {
      setBusy(button, false);
    }
  });

  return { activate() {} };
}
