// Sign-in page: e-mail → six-digit code → `next` (or /app); admins continue to the second factor.

import { api, ApiError, fieldMessageFor, messageFor, safeNext, setCsrfToken } from './api.js';
import { clearFieldError, setFieldError } from './form.js';

const RESEND_DELAY_MS = 60 * 1000;
const params = new URLSearchParams(window.location.search);
const next = safeNext(params.get('next'));

const el = (id) => document.getElementById(id);
const alertRegion = el('auth-alert');
const statusRegion = el('auth-status');
const stepEmail = el('step-email');
const stepCode = el('step-code');
const stepTotp = el('step-totp');
const requestForm = el('request-form');
const verifyForm = el('verify-form');
const emailInput = el('email');
const codeInput = el('code');
const resendButton = el('resend');
const resendHint = el('resend-hint');

let challengeId = null;
let email = '';
let resendTimer = null;

function say(region, text) {
  region.textContent = text;
}

function clearMessages() {
  say(alertRegion, '');
  say(statusRegion, '');
}

function waitText(seconds) {
  if (seconds >= 90) return `etwa ${Math.ceil(seconds / 60)} Minuten`;
  return seconds === 1 ? 'eine Sekunde' : `${seconds} Sekunden`;
}

/** The German text for a failed request, with the waiting time for 429 `rate_limited`. */
function describe(error) {
  if (error.code === 'rate_limited' && error.retryAfter !== null) {
    return `Zu viele Anfragen. Bitte warte ${waitText(error.retryAfter)} und versuche es dann erneut.`;
  }
  return error.message || messageFor(error.code);
}

function emailProblem(value) {
  if (value === '') return 'Bitte gib deine E-Mail-Adresse ein.';
  if (value.length > 254) return 'Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    return 'Bitte gib eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.';
  }
  return null;
}

function setBusy(form, busy) {
  for (const button of form.querySelectorAll('button')) button.disabled = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
}

// ---------- resend countdown ----------

function startResendCountdown() {
  window.clearInterval(resendTimer);
  const readyAt = Date.now() + RESEND_DELAY_MS;
  resendButton.disabled = true;
  const tick = () => {
    const left = Math.ceil((readyAt - Date.now()) / 1000);
    if (left <= 0) {
      window.clearInterval(resendTimer);
      resendButton.disabled = false;
      resendHint.textContent = 'Du kannst jetzt einen neuen Code anfordern.';
      return;
    }
    resendHint.textContent = `Ein neuer Code kann in ${waitText(left)} angefordert werden.`;
  };
  tick();
  resendTimer = window.setInterval(tick, 1000);
}

// ---------- steps ----------

function showEmailStep() {
  window.clearInterval(resendTimer);
  challengeId = null;
  stepCode.hidden = true;
  stepTotp.hidden = true;
  stepEmail.hidden = false;
  document.title = 'Anmelden – LifeTimeCircle · Service Heft 4.0';
  emailInput.focus();
}

function showCodeStep() {
  stepEmail.hidden = true;
  stepTotp.hidden = true;
  stepCode.hidden = false;
  el('code-email').textContent = email;
  codeInput.value = '';
  clearFieldError(codeInput);
  document.title = 'Code eingeben – LifeTimeCircle · Service Heft 4.0';
  startResendCountdown();
  codeInput.focus();
}

function showTotpStep() {
  stepEmail.hidden = true;
  stepCode.hidden = true;
  stepTotp.hidden = false;
  el('totp-continue').href = `/admin?next=${encodeURIComponent(next)}`;
  document.title = 'Zweiter Faktor – LifeTimeCircle · Service Heft 4.0';
  el('auth-title').focus();
}

// ---------- requests ----------

async function requestCode() {
  const answer = await api('POST', '/api/auth/request', { email }, { redirect: false });
  challengeId = answer.challenge_id;
  return answer;
}

async function onRequest(event) {
  event.preventDefault();
  clearMessages();
  email = emailInput.value.trim();
  const problem = emailProblem(email);
  if (problem) {
    setFieldError(emailInput, problem);
    emailInput.focus();
    return;
  }
  clearFieldError(emailInput);
  setBusy(requestForm, true);
  try {
    const answer = await requestCode();
    showCodeStep();
    say(statusRegion, answer.message || 'Wenn die E-Mail-Adresse gültig ist, wurde ein Code gesendet.');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'validation_failed') {
      const code = error.fields && error.fields.email;
      setFieldError(emailInput, code === 'too_long' || code === 'required'
        ? fieldMessageFor(code)
        : 'Diese E-Mail-Adresse ist nicht möglich. Bitte prüfe die Schreibweise.');
      emailInput.focus();
    } else {
      say(alertRegion, describe(error));
    }
  } finally {
    setBusy(requestForm, false);
  }
}

async function onResend() {
  clearMessages();
  resendButton.disabled = true;
  try {
    const answer = await requestCode();
    showCodeStep();
    say(statusRegion, `Ein neuer Code wurde angefordert. ${answer.message || ''}`.trim());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    say(alertRegion, describe(error));
    resendButton.disabled = false;
  }
}

function finishSignIn(answer) {
  setCsrfToken(answer.csrf_token);
  if (answer.second_factor === 'totp_required' || answer.second_factor === 'totp_enrollment_required') {
    say(statusRegion, 'Code bestätigt. Weiter zum zweiten Faktor …');
    window.location.assign(`/admin?next=${encodeURIComponent(next)}`);
    return;
  }
  say(statusRegion, 'Angemeldet. Du wirst weitergeleitet …');
  window.location.assign(next);
}

async function onVerify(event) {
  event.preventDefault();
  clearMessages();
  const code = codeInput.value.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(code)) {
    setFieldError(codeInput, 'Bitte gib den sechsstelligen Code aus der E-Mail ein.');
    codeInput.focus();
    return;
  }
  clearFieldError(codeInput);
  setBusy(verifyForm, true);
  let done = false;
  try {
    const answer = await api('POST', '/api/auth/verify', { challenge_id: challengeId, code }, { redirect: false });
    done = true;
    finishSignIn(answer);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'invalid_code' || (error.code === 'validation_failed' && error.fields && error.fields.code)) {
      setFieldError(codeInput, messageFor('invalid_code'));
      codeInput.focus();
      codeInput.select();
    } else {
      say(alertRegion, describe(error));
    }
  } finally {
    if (!done) setBusy(verifyForm, false);
  }
}

// ---------- wiring ----------

requestForm.addEventListener('submit', onRequest);
verifyForm.addEventListener('submit', onVerify);
resendButton.addEventListener('click', onResend);
el('change-email').addEventListener('click', () => {
  clearMessages();
  showEmailStep();
});
emailInput.addEventListener('input', () => clearFieldError(emailInput));
codeInput.addEventListener('input', () => clearFieldError(codeInput));

if (params.get('step') === 'totp') showTotpStep();
else showEmailStep();
