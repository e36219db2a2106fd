// /admin "Benutzer": the list with role/status filters and "Weitere laden", the exact e-mail
// search (POST, so the address never travels in a URL), and one user's panel: role change with a
// reason, disable/enable, reveal the e-mail address, reset the second factor (superadmin, admins).
// Sensitive actions may answer `step_up_required`: api.js then opens the step-up dialog and
// retries, so this module only sees the final answer.

import { api, ApiError } from './api.js';
import { element, factRow } from './dom.js';
import { apiFieldProblems, clearFieldError, setFieldError, showFieldErrors } from './form.js';
import { formatDateTime, formatDay } from './format.js';
import {
  ADMIN_ROLES, isBusy, label, mono, ROLES, ROLES_FOR_ADMIN, setBusy, STATUSES, tableCell, tableRow,
} from './admin-labels.js';

const REASON_LIMIT = 500;
const PAGE_SIZE = 50;

const el = (id) => document.getElementById(id);

/** Just enough of an address check to catch typos; the server decides. */
function emailProblem(value) {
  if (value === '') return 'Bitte gib eine E-Mail-Adresse ein.';
  if (value.length > 254) return 'Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Bitte gib eine vollständige E-Mail-Adresse ein.';
  return null;
}

function countText(count, more) {
  return `${count} Benutzer angezeigt${more ? ' – weitere vorhanden' : ''}.`;
}

/**
 * me: the `GET /api/auth/me` answer of the signed-in admin.
 * onShowAudit(userId): switch to the audit log filtered to that user.
 */
export function createUsersView(me, { onShowAudit }) {
  const myId = me.user && me.user.id;
  const iAmSuperadmin = me.user && me.user.role === 'superadmin';

  const body = el('users-body');
  const caption = el('users-caption-text');
  const alertRegion = el('users-alert');
  const empty = el('users-empty');
  const more = el('users-more');
  const searchForm = el('user-search-form');
  const searchInput = el('user-search-email');
  const searchReset = el('user-search-reset');
  const filterForm = el('user-filter-form');

  const panel = el('user-panel');
  const panelTitle = el('user-panel-title');
  const panelStatus = el('user-panel-status');
  const panelAlert = el('user-panel-alert');
  const roleForm = el('role-form');
  const roleSelect = el('role-select');
  const roleReason = el('role-reason');
  const toggle = el('user-toggle');
  const resetTotp = el('reset-totp');
  const confirmBox = el('confirm-box');
  const revealButton = el('reveal-button');
  const revealOutput = el('reveal-output');

  const users = new Map(); // id → item, for every row shown
  let cursor = null;
  let filters = { role: '', status: '' };
  let loaded = false;
  let selected = null; // the user in the panel
  let opener = null; // the "Verwalten" button that opened the panel
  let confirmAction = null;
  let generation = 0; // answers of an older list load or search are dropped

  // ---------- list ----------

  function manageButton(user) {
    const button = element('button', 'button-small manage-button', 'Verwalten');
    button.type = 'button';
    button.dataset.userId = user.id;
    button.append(element('span', 'visually-hidden', ` – ${user.email_masked || user.id}`));
    button.addEventListener('click', () => openPanel(user.id, button));
    return button;
  }

  function renderRow(user) {
    const row = tableRow();
    row.dataset.userId = user.id;
    const status = element('span', `status-badge status-badge--${user.status === 'disabled' ? 'disabled' : 'active'}`,
      label(STATUSES, user.status));
    row.append(
      tableCell('E-Mail (maskiert)', user.email_masked || '', 'cell-strong'),
      tableCell('Rolle', label(ROLES, user.role)),
      tableCell('Status', status),
      tableCell('Angelegt', formatDay(user.created_at)),
      tableCell('Letzte Anmeldung', user.last_sign_in_at ? formatDateTime(user.last_sign_in_at) : 'noch nie'),
      tableCell('Aktionen', manageButton(user), 'cell-actions'),
    );
    return row;
  }

  function showItems(items, { append }) {
    if (!append) {
      users.clear();
      body.replaceChildren();
    }
    const rows = items.map((user) => {
      users.set(user.id, user);
      return renderRow(user);
    });
    body.append(...rows);
    empty.hidden = users.size > 0;
    return rows;
  }

  async function loadList({ append = false } = {}) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filters.role) params.set('role', filters.role);
    if (filters.status) params.set('status', filters.status);
    if (append && cursor) params.set('cursor', cursor);
    alertRegion.textContent = '';
    if (!append) caption.textContent = 'Benutzer werden geladen …';
    const mine = append ? generation : ++generation;
    const page = await api('GET', `/api/admin/users?${params}`);
    if (mine !== generation) return [];
    const items = page && Array.isArray(page.items) ? page.items : [];
    cursor = (page && page.next_cursor) || null;
    const rows = showItems(items, { append });
    more.hidden = cursor === null;
    searchReset.hidden = true;
    const filterText = [
      filters.role ? `Rolle: ${label(ROLES, filters.role)}` : '',
      filters.status ? `Status: ${label(STATUSES, filters.status)}` : '',
    ].filter(Boolean).join(', ');
    caption.textContent = `${filterText ? `${filterText}. ` : ''}${countText(users.size, cursor !== null)}`;
    return rows;
  }

  async function reload() {
    closePanel({ restoreFocus: false });
    try {
      await loadList();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      caption.textContent = '';
      more.hidden = true;
      alertRegion.textContent = `Die Benutzer konnten nicht geladen werden. ${error.message}`;
    }
  }

  more.addEventListener('click', async () => {
    if (isBusy(more)) return;
    setBusy(more, true);
    try {
      const rows = await loadList({ append: true });
      if (rows.length) {
        rows[0].tabIndex = -1;
        rows[0].focus();
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      alertRegion.textContent = `Weitere Benutzer konnten nicht geladen werden. ${error.message}`;
    } finally {
      setBusy(more, false);
    }
  });

  filterForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(filterForm)) return;
    filters = { role: el('user-filter-role').value, status: el('user-filter-status').value };
    setBusy(filterForm, true);
    try {
      await reload();
    } finally {
      setBusy(filterForm, false);
    }
  });

  // ---------- search by exact address ----------

  searchInput.addEventListener('input', () => clearFieldError(searchInput));
  searchForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(searchForm)) return;
    alertRegion.textContent = '';
    const email = searchInput.value.trim();
    const problem = emailProblem(email);
    if (problem) {
      setFieldError(searchInput, problem);
      searchInput.focus();
      return;
    }
    clearFieldError(searchInput);
    setBusy(searchForm, true);
    closePanel({ restoreFocus: false });
    caption.textContent = 'Suche läuft …';
    const mine = ++generation;
    try {
      const page = await api('POST', '/api/admin/users/search', { email });
      if (mine !== generation) return;
      const items = page && Array.isArray(page.items) ? page.items : [];
      cursor = null;
      more.hidden = true;
      showItems(items, { append: false });
      searchReset.hidden = false;
      caption.textContent = items.length === 0
        ? 'Kein Benutzer mit genau dieser E-Mail-Adresse.'
        : `Suchergebnis: ${countText(items.length, false)}`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      caption.textContent = '';
      if (!showFieldErrors({ email: searchInput }, apiFieldProblems(error))) {
        alertRegion.textContent = `Die Suche ist fehlgeschlagen. ${error.message}`;
      }
    } finally {
      setBusy(searchForm, false);
    }
  });

  searchReset.addEventListener('click', async () => {
    searchInput.value = '';
    searchInput.focus();
    await reload();
  });

  // ---------- one user ----------

  function isAdminTarget(user) {
    return ADMIN_ROLES.includes(user.role);
  }

  function fillPanel(user) {
    panelTitle.textContent = `Benutzer ${user.email_masked || ''}`.trim();
    const facts = el('user-facts');
    const idValue = factRow('ID', '');
    idValue.querySelector('dd').append(mono(user.id));
    facts.replaceChildren(
      factRow('E-Mail (maskiert)', user.email_masked || ''),
      idValue,
      factRow('Rolle', label(ROLES, user.role)),
      factRow('Status', label(STATUSES, user.status)),
      factRow('Angelegt', formatDateTime(user.created_at)),
      factRow('Letzte Anmeldung', user.last_sign_in_at ? formatDateTime(user.last_sign_in_at) : 'noch nie'),
    );

    const own = user.id === myId;
    const protectedTarget = isAdminTarget(user) && !iAmSuperadmin;
    el('user-own-note').hidden = !own;
    el('user-superadmin-note').hidden = !protectedTarget || own;
    roleForm.hidden = own || protectedTarget;
    toggle.hidden = own || protectedTarget;
    revealButton.hidden = protectedTarget;
    resetTotp.hidden = own || !iAmSuperadmin || !isAdminTarget(user);
    toggle.textContent = user.status === 'disabled' ? 'Aktivieren' : 'Deaktivieren';
    toggle.className = user.status === 'disabled' ? '' : 'button-danger';
    el('user-toggle-hint').textContent = user.status === 'disabled'
      ? 'Aktivieren erlaubt wieder die Anmeldung mit diesem Konto.'
      : 'Deaktivieren beendet sofort alle Sitzungen dieses Kontos.';
    el('user-toggle-hint').parentElement.hidden = toggle.hidden && resetTotp.hidden;

    const roles = iAmSuperadmin ? Object.keys(ROLES) : ROLES_FOR_ADMIN;
    roleSelect.replaceChildren(...roles.map((role) => {
      const option = element('option', '', role === user.role ? `${ROLES[role]} (aktuell)` : ROLES[role]);
      option.value = role;
      option.selected = role === user.role;
      return option;
    }));
  }

  function hideConfirm() {
    confirmBox.hidden = true;
    confirmAction = null;
  }

  function hideReveal() {
    revealOutput.hidden = true;
    revealOutput.textContent = '';
    revealButton.textContent = 'E-Mail-Adresse anzeigen';
    revealButton.setAttribute('aria-expanded', 'false');
  }

  function openPanel(id, button) {
    const user = users.get(id);
    if (!user) return;
    selected = user;
    opener = button;
    panelStatus.textContent = '';
    panelAlert.textContent = '';
    roleReason.value = '';
    clearFieldError(roleReason);
    clearFieldError(roleSelect);
    hideConfirm();
    hideReveal();
    fillPanel(user);
    panel.hidden = false;
    panelTitle.focus();
  }

  function closePanel({ restoreFocus = true } = {}) {
    if (panel.hidden) return;
    panel.hidden = true;
    hideReveal();
    hideConfirm();
    selected = null;
    if (restoreFocus) {
      const target = opener && opener.isConnected ? opener : el('users-title');
      target.focus();
    }
    opener = null;
  }

  /** A changed user item from the API: new row, new panel contents. */
  function updateUser(user) {
    users.set(user.id, user);
    const oldRow = body.querySelector(`tr[data-user-id="${CSS.escape(user.id)}"]`);
    const newRow = renderRow(user);
    if (oldRow) oldRow.replaceWith(newRow);
    const newButton = newRow.querySelector('.manage-button');
    if (opener && !opener.isConnected) opener = newButton;
    if (selected && selected.id === user.id) {
      selected = user;
      fillPanel(user);
    }
  }

  function failure(error, prefix) {
    if (error.code === 'not_found') return `${prefix} Diesen Benutzer gibt es nicht mehr.`;
    return `${prefix} ${error.message}`;
  }

  el('user-panel-close').addEventListener('click', () => closePanel());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      closePanel();
    }
  });

  roleReason.addEventListener('input', () => clearFieldError(roleReason));
  roleSelect.addEventListener('change', () => clearFieldError(roleSelect));
  roleForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!selected || isBusy(roleForm)) return;
    panelStatus.textContent = '';
    panelAlert.textContent = '';
    const user = selected;
    const role = roleSelect.value;
    const reason = roleReason.value.trim();
    const problems = {};
    if (role === user.role) problems.role = 'Das Konto hat diese Rolle bereits. Bitte wähle eine andere.';
    if (reason === '') problems.reason = 'Bitte gib eine Begründung an.';
    else if ([...reason].length > REASON_LIMIT) problems.reason = `Höchstens ${REASON_LIMIT} Zeichen.`;
    const inputs = { role: roleSelect, reason: roleReason };
    if (showFieldErrors(inputs, problems)) return;
    setBusy(roleForm, true);
    try {
      const changed = await api('PUT', `/api/admin/users/${encodeURIComponent(user.id)}/role`, { role, reason });
      roleReason.value = '';
      updateUser(changed);
      panelStatus.textContent = `Die Rolle wurde auf „${label(ROLES, changed.role)}“ geändert.`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!showFieldErrors(inputs, apiFieldProblems(error))) {
        panelAlert.textContent = failure(error, 'Die Rolle wurde nicht geändert.');
      }
    } finally {
      setBusy(roleForm, false);
    }
  });

  async function runAction(button, path, done, failText) {
    panelStatus.textContent = '';
    panelAlert.textContent = '';
    setBusy(button, true);
    try {
      const changed = await api('POST', path);
      updateUser(changed);
      panelStatus.textContent = done(changed);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      panelAlert.textContent = failure(error, failText);
    } finally {
      setBusy(button, false);
      if (!button.hidden) button.focus();
    }
  }

  function askConfirm(text, yesText, action) {
    el('confirm-text').textContent = text;
    el('confirm-yes').textContent = yesText;
    confirmAction = action;
    confirmBox.hidden = false;
    el('confirm-no').focus();
  }

  el('confirm-no').addEventListener('click', () => {
    const back = confirmAction && confirmAction.returnTo;
    hideConfirm();
    if (back) back.focus();
  });
  el('confirm-yes').addEventListener('click', () => {
    const action = confirmAction;
    hideConfirm();
    if (!action) return;
    action.returnTo.focus(); // the confirm box is gone: focus back on the button that asked
    action.run();
  });
  for (const id of ['confirm-yes', 'confirm-no']) el(id).setAttribute('aria-describedby', 'confirm-text');

  toggle.addEventListener('click', () => {
    if (!selected || isBusy(toggle)) return;
    const user = selected;
    const base = `/api/admin/users/${encodeURIComponent(user.id)}`;
    if (user.status === 'disabled') {
      runAction(toggle, `${base}/enable`, () => 'Das Konto ist wieder aktiv.', 'Das Konto wurde nicht aktiviert.');
      return;
    }
    askConfirm(`Konto ${user.email_masked} wirklich deaktivieren? Alle Sitzungen dieses Kontos werden sofort beendet.`,
      'Ja, deaktivieren', {
        returnTo: toggle,
        run: () => runAction(toggle, `${base}/disable`, () => 'Das Konto ist deaktiviert.',
          'Das Konto wurde nicht deaktiviert.'),
      });
  });

  resetTotp.addEventListener('click', () => {
    if (!selected || isBusy(resetTotp)) return;
    const user = selected;
    askConfirm(`Zwei-Faktor-Anmeldung von ${user.email_masked} zurücksetzen? Die Sitzungen des Kontos enden, und bei ` +
      'der nächsten Anmeldung muss die Authenticator-App neu eingerichtet werden.', 'Ja, zurücksetzen', {
      returnTo: resetTotp,
      run: () => runAction(resetTotp, `/api/admin/users/${encodeURIComponent(user.id)}/reset-totp`,
        () => 'Die Zwei-Faktor-Anmeldung wurde zurückgesetzt.', 'Die Zwei-Faktor-Anmeldung wurde nicht zurückgesetzt.'),
    });
  });

  revealButton.setAttribute('aria-controls', 'reveal-output');
  revealButton.setAttribute('aria-expanded', 'false');
  revealButton.addEventListener('click', async () => {
    if (!selected || isBusy(revealButton)) return;
    if (!revealOutput.hidden) {
      hideReveal();
      return;
    }
    const user = selected;
    panelStatus.textContent = '';
    panelAlert.textContent = '';
    setBusy(revealButton, true);
    try {
      const answer = await api('POST', `/api/admin/users/${encodeURIComponent(user.id)}/reveal-email`);
      if (selected !== user) return;
      revealOutput.replaceChildren(element('span', 'muted', 'E-Mail-Adresse: '), element('strong', '', answer.email || ''));
      revealOutput.id = 'reveal-output';
      revealOutput.hidden = false;
      revealButton.textContent = 'E-Mail-Adresse verbergen';
      revealButton.setAttribute('aria-expanded', 'true');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      panelAlert.textContent = failure(error, 'Die E-Mail-Adresse kann nicht angezeigt werden.');
    } finally {
      setBusy(revealButton, false);
      if (!revealButton.hidden) revealButton.focus();
    }
  });

  el('user-audit-link').addEventListener('click', () => {
    if (selected) onShowAudit(selected.id);
  });

  return {
    /** Load the list the first time the view is shown. */
    activate() {
      if (loaded) return;
      loaded = true;
      reload();
    },
  };
}
