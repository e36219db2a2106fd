// The admin's second factor after the e-mail code (the session is still "pending"):
// - totp_enrollment_required: "Zwei-Faktor einrichten" — QR code and secret from
//   POST /api/auth/totp/enroll, a code → POST /api/auth/totp/activate, then the ten backup codes
//   once, confirmed with "Ich habe die Codes gespeichert";
// - totp_required: a TOTP or backup code → POST /api/auth/totp/verify.
// Both answers rotate the session (new cookie and CSRF token); then `onDone()` continues.

import { api, ApiError, setCsrfToken } from './api.js';
import { element } from './dom.js';
import { clearFieldError, setFieldError } from './form.js';
import { setTitle } from './admin-labels.js';
import { normaliseFactorCode, totpMessage } from './step-up.js';

const el = (id) => document.getElementById(id);
const heading = el('page-title');
const alertRegion = el('admin-alert');
const statusRegion = el('admin-status');

function showStep(section, title) {
  for (const id of ['sf-enroll', 'sf-backup', 'sf-verify']) el(id).hidden = el(id) !== section;
  heading.textContent = title;
  setTitle(title);
  heading.focus();
}

function setBusy(form, busy) {
  for (const control of form.querySelectorAll('button, input')) control.disabled = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
}

/** The QR code as an <img> with a data: URL — the SVG is never parsed into this page. */
function showQr(svg) {
  const box = el('enroll-qr');
  if (typeof svg !== 'string' || !/^\s*<svg[\s>]/.test(svg)) {
    box.replaceChildren(element('p', 'muted', 'Der QR-Code kann nicht angezeigt werden. Bitte gib den Schlüssel von Hand ein.'));
    return;
  }
  const img = document.createElement('img');
  img.id = 'enroll-qr-image';
  img.className = 'qr-image';
  img.alt = 'QR-Code zum Einrichten der Authenticator-App';
  img.width = 220;
  img.height = 220;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  box.replaceChildren(img);
}

/** "JBSWY3DPEHPK3PXP…" in groups of four for reading and typing. */
function groupSecret(secret) {
  return String(secret).match(/.{1,4}/g).join(' ');
}

function codeProblem(error, input) {
  if (error.code === 'invalid_code' || (error.code === 'validation_failed' && error.fields && error.fields.code)) {
    setFieldError(input, totpMessage({ code: 'invalid_code' }));
    input.focus();
    input.select();
    return true;
  }
  return false;
}

// ---------- enrolment ----------

async function startEnrolment(onDone) {
  showStep(el('sf-enroll'), 'Zwei-Faktor einrichten');
  statusRegion.textContent = 'Schlüssel wird erzeugt …';
  const form = el('enroll-form');
  const input = el('enroll-code');
  setBusy(form, true);
  let enrolment;
  try {
    enrolment = await api('POST', '/api/auth/totp/enroll');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    statusRegion.textContent = '';
    alertRegion.textContent = `Die Einrichtung konnte nicht gestartet werden. ${error.message}`;
    el('enroll-qr').replaceChildren();
    return;
  }
  showQr(enrolment.qr_svg);
  el('enroll-secret').textContent = groupSecret(enrolment.secret || '');
  if (typeof enrolment.otpauth_uri === 'string' && enrolment.otpauth_uri.startsWith('otpauth://totp/')) {
    el('enroll-app-link').href = enrolment.otpauth_uri;
    el('enroll-app-link-wrap').hidden = false;
  }
  statusRegion.textContent = 'Scanne den QR-Code und gib dann den Code aus der App ein.';
  setBusy(form, false);

  input.addEventListener('input', () => clearFieldError(input));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertRegion.textContent = '';
    const code = normaliseFactorCode(input.value, { allowBackup: false });
    if (!code) {
      setFieldError(input, 'Bitte gib den sechsstelligen Code aus deiner Authenticator-App ein.');
      input.focus();
      return;
    }
    clearFieldError(input);
    setBusy(form, true);
    try {
      const answer = await api('POST', '/api/auth/totp/activate', { code });
      setCsrfToken(answer.csrf_token);
      el('enroll-secret').textContent = '';
      el('enroll-qr').replaceChildren();
      showBackupCodes(answer.backup_codes || [], onDone);
    } catch (error) {
      setBusy(form, false);
      if (!(error instanceof ApiError)) throw error;
      if (!codeProblem(error, input)) alertRegion.textContent = totpMessage(error);
    }
  });
  input.focus();
}

function showBackupCodes(codes, onDone) {
  const list = el('backup-codes');
  list.replaceChildren(...codes.map((code) => {
    const item = element('li');
    item.append(element('code', 'backup-code', code));
    return item;
  }));
  statusRegion.textContent = '';
  showStep(el('sf-backup'), 'Backup-Codes sichern');

  const copyStatus = el('backup-copy-status');
  const copyButton = el('backup-copy');
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') copyButton.hidden = true;
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      copyStatus.textContent = 'Die Codes wurden in die Zwischenablage kopiert.';
    } catch {
      copyStatus.textContent = 'Kopieren ist hier nicht möglich. Bitte schreib die Codes ab.';
    }
  });

  const box = el('backup-saved');
  box.addEventListener('change', () => clearFieldError(box));
  el('backup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!box.checked) {
      setFieldError(box, 'Bitte bestätige, dass du die Codes gespeichert hast.');
      box.focus();
      return;
    }
    list.replaceChildren(); // shown once: gone from the page before we continue
    el('backup-continue').disabled = true;
    statusRegion.textContent = 'Eingerichtet. Du wirst weitergeleitet …';
    onDone();
  });
}

// ---------- verify at sign-in ----------

function startVerify(onDone) {
  showStep(el('sf-verify'), 'Zweiter Faktor');
  statusRegion.textContent = '';
  const form = el('verify-form');
  const input = el('verify-code');
  input.addEventListener('input', () => clearFieldError(input));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertRegion.textContent = '';
    const code = normaliseFactorCode(input.value);
    if (!code) {
      setFieldError(input, 'Bitte gib sechs Ziffern aus der App oder einen vollständigen Backup-Code ein.');
      input.focus();
      return;
    }
    clearFieldError(input);
    setBusy(form, true);
    try {
      const answer = await api('POST', '/api/auth/totp/verify', { code });
      setCsrfToken(answer.csrf_token);
      input.value = '';
      statusRegion.textContent = 'Bestätigt. Du wirst weitergeleitet …';
      onDone();
    } catch (error) {
      setBusy(form, false);
      if (!(error instanceof ApiError)) throw error;
      if (codeProblem(error, input)) return;
      alertRegion.textContent = totpMessage(error);
      if (error.code === 'code_locked') {
        // The lock ends pending sessions: a new sign-in is needed after the 15 minutes.
        setBusy(form, true);
        el('verify-restart').hidden = false;
        el('verify-restart-link').focus();
      } else {
        input.focus();
      }
    }
  });
  input.focus();
}

/** Show the step for `secondFactor` ("totp_enrollment_required" | "totp_required"). */
export function startSecondFactor(secondFactor, onDone) {
  if (secondFactor === 'totp_enrollment_required') return startEnrolment(onDone);
  return startVerify(onDone);
}
