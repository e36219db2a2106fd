// Who is signed in: one `GET /api/auth/me` per page load, shared by every module that asks.
// Pages mark themselves with <body data-auth="required"> when they need a session; there a
// 401 leads to /auth. Public pages ask only when this tab has seen a session, so an anonymous
// visitor causes no 401 (and no console error); a failure there stays silent.

import { api, currentPath, hasSessionHint, redirectWithNext, setCsrfToken } from './api.js';

const required = document.body.dataset.auth === 'required';
let pending = null;

async function fetchMe() {
  if (!required && !hasSessionHint()) return null;
  try {
    const me = await api('GET', '/api/auth/me', undefined, { redirect: required });
    setCsrfToken(me && me.csrf_token);
    return me;
  } catch (error) {
    if (required) throw error;
    return null;
  }
}

/** Resolves to the `me` answer, or null for an anonymous visitor of a public page. */
export function loadSession() {
  if (!pending) pending = fetchMe();
  return pending;
}

/** True for roles that own vehicles (moderators never see vehicle data). */
export function isOwnerRole(role) {
  return ['user', 'vip', 'dealer', 'admin', 'superadmin'].includes(role);
}

/**
 * For pages that need a full session: the second factor done and consent complete.
 * Otherwise navigates to the missing step and never resolves.
 */
export async function requireReadySession({ consent = true } = {}) {
  const me = await loadSession();
  if (!me) return redirectWithNext('/auth', currentPath());
  if (me.second_factor && me.second_factor !== 'none') {
    return redirectWithNext('/auth?step=totp', currentPath());
  }
  if (consent && me.consent && me.consent.complete === false) {
    return redirectWithNext('/consent', currentPath());
  }
  return me;
}
