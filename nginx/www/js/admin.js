// /admin: the admin's second factor after the e-mail code (enrolment or a code), then the
// dashboard — stats on top, the in-page views below (#benutzer, #protokoll, #pruefung, #export,
// #redaktion, #sicherheit, #einwilligung for superadmins). Moderators see only the editor
// (#redaktion); other roles have no access.
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
import { createEditorView } from './admin-editor.js';
import { createSecurityView } from './admin-security.js';
import { createConsentView } from './admin-consent.js';

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
  redaktion: { section: 'editor-section', link: 'nav-editor', title: 'editor-title', name: 'Redaktion' },
  sicherheit: { section: 'security-section', link: 'nav-security', title: 'security-title', name: 'Backup-Codes' },
  einwilligung: { section: 'consent-section', link: 'nav-consent', title: 'consent-title', name: 'Einwilligungstexte' },
};

/** The views of a role, the first one being the default. */
function viewsFor(role) {
  if (role === 'moderator') return ['redaktion'];
  const views = ['benutzer', 'protokoll', 'pruefung', 'export', 'redaktion', 'sicherheit'];
  return role === 'superadmin' ? [...views, 'einwilligung'] : views;
}

function createControllers(me, views) {
  const controllers = {};
  const factories = {
    benutzer: () => createUsersView(me, {
      onShowAudit: (userId) => {
        controllers.protokoll.showTarget(userId);
        window.location.hash = 'protokoll';
      },
    }),
    protokoll: createAuditView,
    pruefung: createReviewView,
    export: createExportView,
    redaktion: () => createEditorView(me),
    sicherheit: createSecurityView,
    einwilligung: createConsentView,
  };
  for (const name of views) controllers[name] = factories[name]();
  return controllers;
}

function startDashboard(me) {
  const role = me.user.role;
  const views = viewsFor(role);
  el('admin-dashboard').hidden = false;
  // Moderators: no stats, no navigation — the editor is all they have.
  el('stats-section').hidden = role === 'moderator';
  el('admin-nav').closest('nav').hidden = views.length === 1;
  el('nav-consent-item').hidden = !views.includes('einwilligung');
  if (role === 'moderator') heading.textContent = 'Redaktion';
  const controllers = createControllers(me, views);

  const viewFromHash = () => {
    const name = window.location.hash.replace(/^#/, '');
    return views.includes(name) ? name : views[0];
  };

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
  if (role !== 'moderator') loadStats();
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

  if (['moderator', 'admin', 'superadmin'].includes(me.user.role)) {
    startDashboard(me);
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
