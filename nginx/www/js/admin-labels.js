// Shared bits of the /admin page modules: German labels for roles, account states, audit
// actions and results, the page title, and small table-building helpers.

import { element } from './dom.js';

const SITE = 'LifeTimeCircle · Service Heft 4.0';

export const ROLES = {
  user: 'Nutzer',
  vip: 'VIP',
  dealer: 'Händler',
  moderator: 'Moderator',
  admin: 'Admin',
  superadmin: 'Superadmin',
};

/** Roles an admin may assign; a superadmin may assign every role. */
export const ROLES_FOR_ADMIN = ['user', 'vip', 'dealer', 'moderator'];
export const ADMIN_ROLES = ['admin', 'superadmin'];

export const STATUSES = {
  active: 'Aktiv',
  disabled: 'Deaktiviert',
};

export const RESULTS = {
  success: 'Erfolg',
  denied: 'Abgelehnt',
  error: 'Fehler',
};

export const ACTIONS = {
  ROLE_CHANGED: 'Rolle geändert',
  USER_DISABLED: 'Konto deaktiviert',
  USER_ENABLED: 'Konto aktiviert',
  EMAIL_REVEALED: 'E-Mail-Adresse angezeigt',
  TOTP_RESET: 'Zwei-Faktor zurückgesetzt',
  CONSENT_PUBLISHED: 'Neue Version der Bedingungen veröffentlicht',
  ADMIN_CREATED_CLI: 'Admin über die Kommandozeile angelegt',
  STEP_UP_GRANTED: 'Aktion bestätigt (Step-up)',
  STEP_UP_FAILED: 'Bestätigung fehlgeschlagen',
  TOTP_ENROLLED: 'Zwei-Faktor eingerichtet',
  TOTP_FAILED: 'Zwei-Faktor-Code falsch',
  TOTP_LOCKED: 'Zwei-Faktor gesperrt',
  BACKUP_CODE_USED: 'Backup-Code verwendet',
  BACKUP_CODES_RENEWED: 'Backup-Codes erneuert',
  AUTH_CODE_REQUESTED: 'Anmeldecode angefordert',
  AUTH_CODE_FAILED: 'Anmeldecode falsch',
  AUTH_RATE_LIMITED: 'Anmeldung gebremst',
  SESSION_CREATED: 'Angemeldet',
  SESSION_ENDED: 'Sitzung beendet',
  CONSENT_ACCEPTED: 'Zustimmung erteilt',
  ACCESS_DENIED: 'Zugriff verweigert',
  VEHICLE_CREATED: 'Fahrzeug angelegt',
  VEHICLE_UPDATED: 'Fahrzeug geändert',
  VEHICLE_DELETED: 'Fahrzeug gelöscht',
  VEHICLE_RESTORED: 'Fahrzeug wiederhergestellt',
  ENTRY_CREATED: 'Eintrag angelegt',
  ENTRY_REVISED: 'Eintrag geändert',
  ENTRY_DELETED: 'Eintrag gelöscht',
};

/** The German word for `value` in `labels`, or the value itself. */
export function label(labels, value) {
  if (value === null || value === undefined || value === '') return '';
  return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : String(value);
}

/** document.title for a view of the admin page. */
export function setTitle(...parts) {
  document.title = [...parts, SITE].join(' – ');
}

/** A table row that keeps its semantics when CSS turns it into a card on a phone. */
export function tableRow() {
  const row = document.createElement('tr');
  row.setAttribute('role', 'row');
  return row;
}

/** A cell with its column name for the card layout (`data-label`, shown by CSS on phones). */
export function tableCell(columnLabel, content = undefined, className = '') {
  const cell = element('td', className);
  cell.setAttribute('role', 'cell');
  cell.dataset.label = columnLabel;
  if (content instanceof DocumentFragment) {
    // One box for several nodes, so the phone layout keeps them beside the column name.
    const box = element('div', 'cell-content');
    box.append(content);
    cell.append(box);
  } else if (content instanceof Node) cell.append(content);
  else if (content !== undefined) cell.textContent = content;
  return cell;
}

/** Monospace text for ids and codes. */
export function mono(text) {
  return element('code', 'mono', text);
}

/**
 * Mark buttons busy without `disabled`: a disabled button loses the keyboard focus (and the
 * step-up dialog could not give it back). Busy buttons carry aria-disabled="true"; click and
 * submit handlers ask isBusy() and do nothing meanwhile.
 */
export function setBusy(container, busy) {
  const buttons = container.matches && container.matches('button') ? [container] : container.querySelectorAll('button');
  for (const button of buttons) {
    if (busy) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }
  if (container.tagName === 'FORM') container.setAttribute('aria-busy', busy ? 'true' : 'false');
  container.dataset.busy = busy ? 'true' : 'false';
}

/** True while `container` (a form or button) is marked busy by setBusy(). */
export function isBusy(container) {
  return container.dataset.busy === 'true';
}
