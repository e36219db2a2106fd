// The shared header: shows the signed-in user's masked e-mail, the navigation for the role,
// "Abmelden" and "Überall abmelden". The markup is nginx/www/partials/header.html; this module only fills it in.

import { api, setCsrfToken } from './api.js';
import { loadSession } from './session.js';

const account = document.getElementById('account');
const emailSlot = document.getElementById('account-email');
const logoutButton = document.getElementById('logout');
const logoutAllButton = document.getElementById('logout-all');
const signIn = document.getElementById('nav-signin');
const nav = document.getElementById('nav-signed-in');
const alertRegion = document.getElementById('header-alert');

function showSignedIn(me) {
  const user = me.user || {};
  if (emailSlot) emailSlot.textContent = user.email_masked || '';
  if (account) account.hidden = false;
  if (signIn) signIn.hidden = true;
  if (nav) {
    for (const item of nav.querySelectorAll('[data-roles]')) {
      item.hidden = !item.dataset.roles.split(' ').includes(user.role);
    }
    nav.hidden = false;
  }
}

function showAnonymous() {
  if (account) account.hidden = true;
  if (nav) nav.hidden = true;
  if (signIn && document.body.dataset.auth !== 'required') signIn.hidden = false;
}

// "Abmelden" ends this session, "Überall abmelden" every session of the account.
async function logout(button, path) {
  button.disabled = true;
  if (alertRegion) alertRegion.textContent = '';
  try {
    await api('POST', path, undefined, { redirect: false });
  } catch (error) {
    // 401 means the session had already ended: that is a successful logout too.
    if (error.status !== 401) {
      button.disabled = false;
      if (alertRegion) alertRegion.textContent = `Abmelden fehlgeschlagen: ${error.message}`;
      return;
    }
  }
  setCsrfToken(null);
  window.location.assign('/');
}

// The header markup is shared by every page, so the current page is marked here.
for (const link of document.querySelectorAll('.header-nav a[href]')) {
  if (link.getAttribute('href') === window.location.pathname) link.setAttribute('aria-current', 'page');
}

if (logoutButton) logoutButton.addEventListener('click', () => logout(logoutButton, '/api/auth/logout'));
if (logoutAllButton) logoutAllButton.addEventListener('click', () => logout(logoutAllButton, '/api/auth/logout-all'));

loadSession().then((me) => {
  if (me && me.user) showSignedIn(me);
  else showAnonymous();
}, () => showAnonymous());
