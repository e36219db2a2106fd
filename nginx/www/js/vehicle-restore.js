// "Wiederherstellen": an owner brings back a vehicle deleted within the last 30 days
// (POST /api/vehicles/{id}/restore). Used on "Meine Fahrzeuge" right after deleting and on the
// vehicle page when it finds the vehicle gone.

import { api, ApiError, withRequestId } from './api.js';
import { element } from './dom.js';

const RESTORE_MESSAGES = {
  not_found: 'Dieses Fahrzeug kann nicht wiederhergestellt werden: Es ist länger als 30 Tage gelöscht, oder es gehört nicht zu deinem Konto.',
  vehicle_limit_reached: 'Im kostenlosen Tarif ist ein aktives Fahrzeug möglich. Lösch oder übergib zuerst dein anderes Fahrzeug.',
};

/**
 * A panel offering to restore vehicle `vehicleId`; `onRestored(vehicle)` runs after a 200.
 * Returns the panel element (the caller places it).
 */
export function restorePanel(vehicleId, { onRestored }) {
  const panel = element('section', 'panel restore-panel');
  panel.setAttribute('aria-labelledby', 'restore-title');
  const title = element('h2', '', 'Fahrzeug wiederherstellen');
  title.id = 'restore-title';
  const text = element('p', '', 'Versehentlich gelöscht? Innerhalb von 30 Tagen nach dem Löschen kannst du das Fahrzeug ' +
    'mit seiner ganzen Historie wiederherstellen.');
  const alertRegion = element('div', 'message message-error');
  alertRegion.setAttribute('role', 'alert');
  const button = element('button', 'button-primary', 'Wiederherstellen');
  button.type = 'button';
  button.id = 'restore-vehicle';

  button.addEventListener('click', async () => {
    button.disabled = true;
    alertRegion.textContent = '';
    try {
      const vehicle = await api('POST', `/api/vehicles/${encodeURIComponent(vehicleId)}/restore`);
      panel.hidden = true;
      onRestored(vehicle);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      button.disabled = false;
      const specific = RESTORE_MESSAGES[error.code];
      alertRegion.textContent = specific ? withRequestId(specific, error.requestId) : error.message;
    }
  });

  const actions = element('div', 'actions actions--tight');
  actions.append(button);
  panel.append(title, text, alertRegion, actions);
  return panel;
}
