// "Meine Fahrzeuge": for now only the signed-in frame; vehicle management follows.

import { isOwnerRole, requireReadySession } from './session.js';

const status = document.getElementById('app-status');

requireReadySession().then((me) => {
  const owner = isOwnerRole(me.user && me.user.role);
  document.getElementById(owner ? 'app-owner' : 'app-moderator').hidden = false;
  status.textContent = `Angemeldet als ${(me.user && me.user.email_masked) || 'unbekannt'}.`;
}, (error) => {
  status.textContent = '';
  document.getElementById('app-alert').textContent =
    `Die Anmeldung konnte nicht geprüft werden. ${error.message || ''}`.trim();
});
