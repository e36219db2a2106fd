// The one way the pages talk to the API: JSON in/out, CSRF header, error envelope → ApiError,
// and the redirects every page needs (sign-in, consent, second factor).
// Nothing secret is kept in the browser: the session is the HttpOnly cookie. The CSRF token is
// held in memory and mirrored to sessionStorage (per tab, gone with the tab) so that a
// page change does not need another round trip; it is never written to localStorage.

const CSRF_KEY = 'ltc.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = readStoredCsrf();
let stepUpHandler = null;

function readStoredCsrf() {
  try {
    return window.sessionStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
}

/** Remember the CSRF token from `GET /api/auth/me` or a verify/rotation answer (null forgets it). */
export function setCsrfToken(token) {
  csrfToken = typeof token === 'string' && token !== '' ? token : null;
  try {
    if (csrfToken) window.sessionStorage.setItem(CSRF_KEY, csrfToken);
    else window.sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // sessionStorage unavailable (privacy mode): the in-memory copy is enough.
  }
}

/** True when this tab has seen a session (a hint only; the server decides). */
export function hasSessionHint() {
  return csrfToken !== null;
}

/** Register the admin step-up dialog: `fn(error)` is awaited, then the request is retried once. */
export function setStepUpHandler(fn) {
  stepUpHandler = typeof fn === 'function' ? fn : null;
}

const MESSAGES = {
  // generic
  invalid_json: 'Die Anfrage konnte nicht gelesen werden. Bitte lade die Seite neu.',
  validation_failed: 'Bitte prüfe die markierten Eingaben.',
  unauthenticated: 'Bitte melde dich an.',
  csrf_failed: 'Die Sitzung konnte nicht bestätigt werden. Bitte lade die Seite neu.',
  second_factor_required: 'Bitte bestätige die Anmeldung mit deinem zweiten Faktor.',
  forbidden: 'Für diese Aktion fehlt dir die Berechtigung.',
  consent_required: 'Bitte stimme zuerst den aktuellen Nutzungsbedingungen und der Datenschutzerklärung zu.',
  step_up_required: 'Bitte bestätige diese Aktion mit einem aktuellen Code deines zweiten Faktors.',
  superadmin_required: 'Diese Aktion ist nur für Superadmins erlaubt.',
  not_found: 'Nicht gefunden.',
  method_not_allowed: 'Diese Aktion ist hier nicht möglich.',
  payload_too_large: 'Die Datei oder Anfrage ist zu groß.',
  unsupported_media_type: 'Dieses Dateiformat wird nicht unterstützt. Erlaubt sind JPEG, PNG und PDF.',
  rate_limited: 'Zu viele Anfragen. Bitte warte einen Moment und versuche es erneut.',
  internal_error: 'Ein interner Fehler ist aufgetreten. Bitte versuche es später erneut.',
  unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuche es später erneut.',
  network_error: 'Keine Verbindung zum Server. Bitte prüfe deine Internetverbindung.',
  // sign-in
  invalid_code: 'Der Code ist ungültig. Bitte prüfe die sechs Ziffern.',
  code_locked: 'Zu viele Fehlversuche. Dieser Code ist gesperrt – bitte fordere später einen neuen Code an.',
  code_expired: 'Der Code ist abgelaufen. Bitte fordere einen neuen Code an.',
  account_disabled: 'Dieses Konto ist deaktiviert. Bitte wende dich an den Betreiber.',
  // consent
  consent_incomplete: 'Bitte stimme allen aktuellen Dokumenten zu.',
  // vehicles and entries
  invalid_vin: 'Die Fahrgestellnummer (FIN) ist ungültig. Ab Baujahr 1981: 17 Zeichen, Buchstaben ohne I, O und Q sowie Ziffern.',
  vehicle_limit_reached: 'Im kostenlosen Tarif ist ein aktives Fahrzeug möglich.',
  vin_already_registered: 'Für diese Fahrgestellnummer ist bereits ein Fahrzeug angelegt.',
  vin_locked: 'Die Fahrgestellnummer kann nicht mehr geändert werden, weil bereits Einträge bestehen.',
  stale_revision: 'Der Eintrag wurde inzwischen geändert. Bitte neu laden.',
  // documents
  document_deleted: 'Das Dokument wurde gelöscht.',
  document_rejected: 'Das Dokument wurde bereits abgelehnt.',
  scan_not_clean: 'Das Dokument ist noch nicht als virenfrei geprüft.',
  pii_not_cleared: 'Die Datenschutz-Prüfung des Dokuments ist noch offen.',
  // transfers
  transfer_open: 'Für dieses Fahrzeug läuft bereits eine Übergabe.',
  transfer_expired: 'Der Übergabe-Code ist abgelaufen.',
  transfer_not_open: 'Diese Übergabe ist nicht mehr offen.',
  own_vehicle: 'Dieses Fahrzeug gehört bereits dir.',
  already_extended: 'Die Übergabe wurde bereits einmal verlängert.',
  // exports
  export_token_invalid: 'Der Download-Schlüssel ist ungültig.',
  export_expired: 'Der Export ist abgelaufen.',
  // admin and CMS
  own_role: 'Die eigene Rolle kann nicht geändert werden.',
  last_superadmin: 'Der letzte aktive Superadmin kann nicht herabgestuft oder deaktiviert werden.',
  review_required: 'Der Beitrag muss vor der Veröffentlichung geprüft werden.',
};

const FIELD_MESSAGES = {
  required: 'Bitte fülle dieses Feld aus.',
  invalid: 'Diese Eingabe ist ungültig.',
  too_long: 'Diese Eingabe ist zu lang.',
  out_of_range: 'Dieser Wert liegt außerhalb des erlaubten Bereichs.',
  unknown_field: 'Dieses Feld ist nicht vorgesehen.',
};

const GENERIC_BY_STATUS = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** German message for an API error code. */
export function messageFor(code) {
  return MESSAGES[code] || 'Es ist ein Fehler aufgetreten. Bitte versuche es erneut.';
}

/** German message for a field code of `validation_failed`. */
export function fieldMessageFor(code) {
  return FIELD_MESSAGES[code] || FIELD_MESSAGES.invalid;
}

/**
 * `text` with the request id of the answer ("Fehler-ID: …"), so a user can quote it to support
 * and an operator finds the log line; `text` alone when there was no answer.
 */
export function withRequestId(text, requestId) {
  return requestId ? `${text} Fehler-ID: ${requestId}` : text;
}

export class ApiError extends Error {
  constructor({ code, status, message, fields = null, requestId = null, retryAfter = null }) {
    super(withRequestId(message || messageFor(code), requestId));
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.requestId = requestId;
    this.retryAfter = retryAfter; // seconds, or null
  }
}

/**
 * Only same-origin absolute paths are accepted as a redirect target:
 * a single leading "/", not "//" and not "/\", no control characters or whitespace.
 * Anything else gives "/app".
 */
export function safeNext(next) {
  const fallback = '/app';
  if (typeof next !== 'string' || next === '' || next.length > 2048) return fallback;
  if (next[0] !== '/' || next[1] === '/' || next[1] === '\\') return fallback;
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** The current page (path + query) as a `next` value. */
export function currentPath() {
  return window.location.pathname + window.location.search;
}

/** Navigate to `path` with `next` appended; the returned promise never settles (the page is leaving). */
export function redirectWithNext(path, next) {
  window.location.assign(`${path}${path.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}`);
  // Never settle, so no error flashes up before the navigation.
  return new Promise(() => {});
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON (e.g. an HTML error page)
  }
}

function toApiError(response, body) {
  const envelope = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : null;
  const code = (envelope && typeof envelope.code === 'string' && envelope.code) ||
    GENERIC_BY_STATUS[response.status] || 'internal_error';
  const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  return new ApiError({
    code,
    status: response.status,
    message: messageFor(code),
    fields: envelope && envelope.fields && typeof envelope.fields === 'object' ? envelope.fields : null,
    requestId: (body && typeof body.request_id === 'string' && body.request_id) ||
      response.headers.get('X-Request-Id'),
    retryAfter: Number.isFinite(retry) && retry >= 0 ? retry : null,
  });
}

/**
 * api(method, path, body?, options?) → parsed JSON (null for 204).
 * options.redirect (default true): follow the 401 / consent / second-factor redirects;
 * false makes the caller handle every ApiError itself (used for silent session checks).
 */
export async function api(method, path, body, options = {}) {
  const { redirect = true } = options;
  const verb = method.toUpperCase();
  const send = async () => {
    const headers = { Accept: 'application/json' };
    const init = { method: verb, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (UNSAFE.has(verb) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new ApiError({ code: 'network_error', status: 0 });
    }
    const data = await readBody(response);
    if (response.ok) return data === undefined ? null : data;
    throw toApiError(response, data);
  };

  const attempt = async (allowStepUp) => {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) setCsrfToken(null);
      if (!redirect) throw error;
      if (error.status === 401) return redirectWithNext('/auth', currentPath());
      if (error.status === 403 && error.code === 'consent_required') return redirectWithNext('/consent', currentPath());
      if (error.status === 403 && error.code === 'second_factor_required') {
        return redirectWithNext('/auth?step=totp', currentPath());
      }
      if (error.status === 403 && error.code === 'step_up_required' && allowStepUp && stepUpHandler) {
        await stepUpHandler(error);
        return attempt(false);
      }
      throw error;
    }
  };
  return attempt(true);
}

/**
 * Upload `file` as the raw request body (POST `path`); `onProgress(fraction)` follows the
 * upload (fetch cannot report upload progress, so this one request uses XMLHttpRequest).
 * Resolves with the parsed JSON; rejects with an ApiError like api().
 */
export function uploadFile(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    });
    request.addEventListener('error', () => reject(new ApiError({ code: 'network_error', status: 0 })));
    request.addEventListener('load', () => {
      let body;
      try {
        body = request.responseText === '' ? null : JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
        return;
      }
      reject(toApiError({ status: request.status, headers: { get: (name) => request.getResponseHeader(name) } }, body));
    });
    request.send(file);
  });
}
