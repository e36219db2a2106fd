// /admin: the admin's second factor after the e-mail code (enrolment or a code), then the
// dashboard — stats on top, "Benutzer" and "Audit-Protokoll" as in-page views (#benutzer,
// #protokoll). Moderators see a note (their editor comes later); other roles have no access.
// Sensitive actions are confirmed in the step-up dialog (js/step-up.js) when the API asks.

import { api, ApiError, currentPath, redirectWithNext, safeNext } from './api.js';
import { element } from './dom.js';
import { formatNumber } from './format.js';
import { loadSession } from './session.js';
import { installStepUpDialog } from './step-up.js';
import { setTitle } from './admin-labels.js';
import { startSecondFactor } from './admin-second-factor.js';
import { createUsersView } from './admin-users.js';
import { createAuditView } from './admin-audit.js';
import { createReviewView } from './admin-documents.js';
import { createExportView } from './admin-export.js';

const el = (id) => document.getElementById(id);
const heading = el('page-title');
const alertRegion = el('admin-alert');
const statusRegion = el('admin-status');
const params = new URLSearchParams(window.location.search);

installStepUpDialog();

/** After the second factor: `next` when given (same-origin only), else the dashboard. */
function continueAfterSecondFactor() {
  const next = params.get('next');
  window.location.assign(next ? safeNext(next) : '/admin');
}

// ---------- stats ----------

const STATS = [
  ['users', 'Benutzer'],
  ['vehicles', 'Fahrzeuge'],
  ['entries', 'Einträge'],
  ['documents_in_quarantine', 'Dokumente in Quarantäne'],
  ['transfers_open', 'Offene Übergaben'],
];

async function loadStats() {
  const status = el('stats-status');
  const list = el('stats');
  try {
    const stats = await api('GET', '/api/admin/stats');
    list.replaceChildren(...STATS.map(([key, name]) => {
      const item = element('div', 'stats__item');
      const value = Number(stats && stats[key]);
      item.append(element('dt', 'stats__label', name), element('dd', 'stats__value', Number.isFinite(value) ? formatNumber(value) : '–'));
      return item;
    }));
    list.hidden = false;
    status.textContent = '';
    status.hidden = true;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status.textContent = `Die Kennzahlen konnten nicht geladen werden. ${error.message}`;
    status.classList.add('message', 'message-error');
  }
}

// ---------- in-page views ----------

const VIEWS = {
  benutzer: { section: 'users-section', link: 'nav-users', title: 'users-title', name: 'Benutzer' },
  protokoll: { section: 'audit-section', link: 'nav-audit', title: 'audit-title', name: 'Audit-Protokoll' },
  pruefung: { section: 'review-section', link: 'nav-review', title: 'review-title', name: 'Dokumentprüfung' },
  export: { section: 'export-section', link: 'nav-export', title: 'export-title', name: 'Vollexport' },
};

function viewFromHash() {
  const name = window.location.hash.replace(/^#/, '');
  return Object.prototype.hasOwnProperty.call(VIEWS, name) ? name : 'benutzer';
}

function startDashboard(me) {
  el('admin-dashboard').hidden = false;
  const users = createUsersView(me, {
    onShowAudit: (userId) => {
      audit.showTarget(userId);
      if (viewFromHash() === 'protokoll') showView('protokoll', { focus: true });
      else window.location.hash = 'protokoll';
    },
  });
  const audit = createAuditView();
  const controllers = { benutzer: users, protokoll: audit, pruefung: createReviewView(), export: createExportView() };

  function showView(name, { focus }) {
    for (const [key, view] of Object.entries(VIEWS)) {
      const active = key === name;
      el(view.section).hidden = !active;
      if (active) el(view.link).setAttribute('aria-current', 'page');
      else el(view.link).removeAttribute('aria-current');
    }
    setTitle(VIEWS[name].name, 'Verwaltung');
    controllers[name].activate();
    if (focus) el(VIEWS[name].title).focus();
  }

  window.addEventListener('hashchange', () => showView(viewFromHash(), { focus: true }));
  showView(viewFromHash(), { focus: false });
  loadStats();
}

// ---------- start ----------

async function start(me) {
  if (!me || !me.user) return redirectWithNext('/auth', currentPath());
  statusRegion.textContent = '';
  const secondFactor = me.second_factor || 'none';
  if (secondFactor === 'totp_enrollment_required' || secondFactor === 'totp_required') {
    return startSecondFactor(secondFactor, continueAfterSecondFactor);
  }
  if (me.consent && me.consent.complete === false) return redirectWithNext('/consent', currentPath());

  const role = me.user.role;
  if (role === 'admin' || role === 'superadmin') {
    startDashboard(me);
    return undefined;
  }
  if (role === 'moderator') {
    heading.textContent = 'Redaktion';
    setTitle('Redaktion', 'Verwaltung');
    el('moderator-note').hidden = false;
    return undefined;
  }
  heading.textContent = 'Kein Zugriff';
  setTitle('Kein Zugriff');
  el('no-access').hidden = false;
  return undefined;
}

loadSession().then(start).catch((error) => {
  statusRegion.textContent = '';
  alertRegion.textContent = `Die Anmeldung konnte nicht geprüft werden. ${(error && error.message) || ''}`.trim();
});
