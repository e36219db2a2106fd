// The step-up dialog for admins: when a sensitive API call answers 403 `step_up_required`,
// api.js awaits the handler installed here. The dialog asks for a fresh TOTP or backup code,
// calls POST /api/auth/step-up and resolves, so api.js retries the original request once.
// Cancelling rejects with an ApiError (code `step_up_cancelled`) that the caller shows like any
// other failure. The dialog is a modal <dialog> (role=dialog, aria-modal): the page behind it is
// inert, Tab stays inside it, and focus goes back to where it was when the dialog closes.

import { api, ApiError, setStepUpHandler } from './api.js';
import { element } from './dom.js';
import { clearFieldError, setFieldError } from './form.js';

const TOTP_MESSAGES = {
  invalid_code: 'Der Code ist ungültig oder wurde bereits verwendet. Bitte gib einen aktuellen Code aus ' +
    'deiner Authenticator-App oder einen unbenutzten Backup-Code ein.',
  code_locked: 'Zu viele Fehlversuche. Der zweite Faktor ist für 15 Minuten gesperrt.',
};

/** German text for a failed TOTP/backup-code request (sign-in second factor or step-up). */
export function totpMessage(error) {
  return TOTP_MESSAGES[error && error.code] || (error && error.message) || 'Es ist ein Fehler aufgetreten.';
}

/**
 * What the user typed as a second factor, normalised: six digits (TOTP) or a backup code
 * (24 characters A–Z, 2–7, dashes and spaces ignored, shown back as XXXX-XXXX-…).
 * `allowBackup` false accepts only the six digits. Returns the code to send, or null.
 */
export function normaliseFactorCode(text, { allowBackup = true } = {}) {
  const compact = String(text).replace(/[\s-]+/g, '');
  if (/^[0-9]{6}$/.test(compact)) return compact;
  if (!allowBackup) return null;
  const upper = compact.toUpperCase();
  if (!/^[A-Z2-7]{24}$/.test(upper)) return null;
  return upper.match(/.{4}/g).join('-');
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

let dialog = null;
let parts = null;
let pending = null; // { promise, resolve, reject } while the dialog is open
let returnFocusTo = null;
let lastFocused = null; // the last element outside the dialog that had focus

function build() {
  dialog = document.createElement('dialog');
  dialog.id = 'step-up-dialog';
  dialog.className = 'modal';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'step-up-title');
  dialog.setAttribute('aria-describedby', 'step-up-text');

  const title = element('h2', 'modal__title', 'Aktion bestätigen');
  title.id = 'step-up-title';
  const text = element('p', '', 'Diese Aktion ist besonders geschützt. Bitte bestätige sie mit einem aktuellen ' +
    'Code aus deiner Authenticator-App oder mit einem unbenutzten Backup-Code.');
  text.id = 'step-up-text';

  const form = element('form');
  form.id = 'step-up-form';
  form.noValidate = true;
  const alert = element('div', 'message message-error');
  alert.id = 'step-up-alert';
  alert.setAttribute('role', 'alert');

  const field = element('div', 'field');
  const label = element('label', '', 'Code ');
  label.htmlFor = 'step-up-code';
  const mark = element('span', 'required-mark', '*');
  mark.setAttribute('aria-hidden', 'true');
  label.append(mark, element('span', 'visually-hidden', ' (Pflichtfeld)'));
  const hint = element('p', 'hint', 'Sechs Ziffern aus der App, oder ein Backup-Code wie ABCD-EFGH-…');
  hint.id = 'step-up-code-hint';
  const input = document.createElement('input');
  input.id = 'step-up-code';
  input.name = 'code';
  input.type = 'text';
  input.className = 'code-input code-input--wide';
  input.autocomplete = 'one-time-code';
  input.spellcheck = false;
  input.required = true;
  input.maxLength = 40;
  input.setAttribute('autocapitalize', 'characters');
  input.setAttribute('aria-required', 'true');
  input.setAttribute('aria-describedby', 'step-up-code-hint');
  const error = element('p', 'field-error');
  error.id = 'step-up-code-error';
  field.append(label, hint, input, error);

  const submit = element('button', 'button-primary', 'Bestätigen');
  submit.type = 'submit';
  submit.id = 'step-up-submit';
  const cancel = element('button', '', 'Abbrechen');
  cancel.type = 'button';
  cancel.id = 'step-up-cancel';
  const actions = element('div', 'actions');
  actions.append(submit, cancel);
  form.append(alert, field, actions);
  dialog.append(title, text, form);
  document.body.append(dialog);

  parts = { form, alert, input, submit, cancel };
  form.addEventListener('submit', onSubmit);
  input.addEventListener('input', () => clearFieldError(input));
  cancel.addEventListener('click', () => finish(false));
  // Escape: the browser would close the dialog by itself; close it our way instead.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (!parts.submit.disabled) finish(false);
  });
  dialog.addEventListener('keydown', trapTab);
}

/** Keep Tab and Shift+Tab inside the dialog. */
function trapTab(event) {
  if (event.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll(FOCUSABLE)].filter((node) => node.getClientRects().length > 0);
  if (focusable.length === 0) {
    event.preventDefault();
    return;
  }
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

function setBusy(busy) {
  parts.submit.disabled = busy;
  parts.cancel.disabled = busy;
  parts.form.setAttribute('aria-busy', busy ? 'true' : 'false');
}

async function onSubmit(event) {
  event.preventDefault();
  parts.alert.textContent = '';
  const code = normaliseFactorCode(parts.input.value);
  if (!code) {
    setFieldError(parts.input, 'Bitte gib sechs Ziffern aus der App oder einen vollständigen Backup-Code ein.');
    parts.input.focus();
    return;
  }
  clearFieldError(parts.input);
  setBusy(true);
  try {
    await api('POST', '/api/auth/step-up', { code });
    setBusy(false);
    finish(true);
  } catch (error) {
    setBusy(false);
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'invalid_code' || (error.code === 'validation_failed' && error.fields && error.fields.code)) {
      setFieldError(parts.input, totpMessage({ code: 'invalid_code' }));
      parts.input.focus();
      parts.input.select();
    } else {
      parts.alert.textContent = totpMessage(error);
      parts.input.focus();
    }
  }
}

function open() {
  if (!dialog) build();
  // The element that had focus; if the focus was lost meanwhile (e.g. a button that got
  // disabled while its request ran), the last element that had it.
  const active = document.activeElement;
  returnFocusTo = active && active !== document.body && active.id !== 'main' ? active : lastFocused;
  parts.input.value = '';
  parts.alert.textContent = '';
  clearFieldError(parts.input);
  setBusy(false);
  dialog.showModal();
  parts.input.focus();
}

function finish(confirmed) {
  if (!pending) return;
  const { resolve, reject } = pending;
  pending = null;
  parts.input.value = '';
  dialog.close();
  // Back to where the user was; if that element is gone (re-rendered), to the main content.
  const target = returnFocusTo && returnFocusTo.isConnected && !returnFocusTo.closest('[hidden]') &&
    !returnFocusTo.disabled
    ? returnFocusTo
    : document.getElementById('main');
  returnFocusTo = null;
  if (target) target.focus();
  if (confirmed) resolve();
  else {
    reject(new ApiError({
      code: 'step_up_cancelled',
      status: 403,
      message: 'Die Aktion wurde nicht ausgeführt, weil die Bestätigung abgebrochen wurde.',
    }));
  }
}

/**
 * The handler for api.js: opens the dialog (once, however many requests are waiting) and
 * settles when the user has confirmed or cancelled.
 */
function askForStepUp() {
  if (pending) return pending.promise;
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  pending = { promise, resolve, reject };
  open();
  return promise;
}

/** Install the dialog as the step-up handler of every api() call on this page. */
export function installStepUpDialog() {
  document.addEventListener('focusin', (event) => {
    if (!dialog || !dialog.contains(event.target)) lastFocused = event.target;
  });
  setStepUpHandler(askForStepUp);
}
