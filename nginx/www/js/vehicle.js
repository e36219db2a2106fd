// /app/vehicle?id=…: vehicle data (edit), trust light with sentence, hint and to-dos, the
// timeline (newest first) with add / revise / delete / history, and deleting the vehicle.

import { api, ApiError, withRequestId } from './api.js';
import { createDocumentsPanel } from './documents.js';
import { factRow } from './dom.js';
import { createEntryForm } from './entry-form.js';
import { ACCIDENT_STATUSES, formatDay, labelOf, vehicleName, VEHICLE_CLASSES } from './format.js';
import { createPager } from './pager.js';
import { createPublicLinkPanel } from './public-link-panel.js';
import { createReasonForm } from './reason-form.js';
import { isOwnerRole, requireReadySession } from './session.js';
import { renderEntry } from './timeline.js';
import { lightWord, renderTrust, renderTrustError, renderTrustLoading } from './trust.js';
import { createVehicleFields } from './vehicle-form.js';
import { restorePanel } from './vehicle-restore.js';

const SITE = 'LifeTimeCircle · Service Heft 4.0';
const el = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
const vehicleId = params.get('id') || '';
const vehiclePath = `/api/vehicles/${encodeURIComponent(vehicleId)}`;

const status = el('vehicle-status');
const alertRegion = el('vehicle-alert');
const trustPanel = el('trust-panel');
const editForm = el('edit-form');
const editOpen = el('edit-open');
let vehicle = null;
let entryCount = null; // from the trust answer: the latest non-deleted entries

function say(text) {
  alertRegion.textContent = '';
  status.textContent = text;
}

function fail(text) {
  status.textContent = '';
  alertRegion.textContent = text;
}

// ---------- vehicle data ----------

const publicLink = createPublicLinkPanel({ vehiclePath, say, fail });
const editFields = createVehicleFields(el('edit-fields'), { prefix: 'edit', vin: 'optional' });

function renderVehicle(data) {
  vehicle = data;
  const name = vehicleName(data);
  el('page-title').textContent = name;
  document.title = `${name} – ${SITE}`;
  const accident = labelOf(ACCIDENT_STATUSES, data.accident_status) +
    (data.accident_status === 'nicht_unfallfrei' ? (data.accident_closed ? ' (abgeschlossen)' : ' (nicht abgeschlossen)') : '');
  const rows = [
    ['FIN', data.vin_masked || '', 'vin'],
    ['Spitzname', data.nickname],
    ['Fahrzeugklasse', labelOf(VEHICLE_CLASSES, data.vehicle_class)],
    ['Marke', data.make],
    ['Modell', data.model],
    ['Baujahr', data.year === null || data.year === undefined ? '' : String(data.year)],
    ['Motor / Antrieb', data.engine],
    ['Unfallstatus', accident],
    ['Angelegt am', formatDay(data.created_at)],
  ];
  el('vehicle-facts').replaceChildren(...rows.map(([term, value, cls]) => factRow(term, value || '—', cls || '')));
  el('vin-check-note').hidden = data.vin_check_digit_valid !== false;
  publicLink.render(data.public_link);
}

function syncVinField() {
  // The owner may correct the VIN only while there are no entries (PRODUCT.md §5).
  editFields.inputs.vin.closest('.field').hidden = entryCount !== 0;
}

function openEdit() {
  editFields.fill(vehicle);
  syncVinField();
  el('edit-alert').textContent = '';
  editForm.hidden = false;
  editOpen.setAttribute('aria-expanded', 'true');
  el('edit-title').focus();
}

function closeEdit(focusTarget) {
  editForm.hidden = true;
  editOpen.setAttribute('aria-expanded', 'false');
  editFields.inputs.vin.value = '';
  editFields.clear();
  focusTarget.focus();
}

async function onEditSubmit(event) {
  event.preventDefault();
  el('edit-alert').textContent = '';
  const { body, problems } = editFields.read('patch');
  if (editFields.showProblems(problems)) return;
  const submit = el('edit-submit');
  submit.disabled = true;
  try {
    const updated = await api('PATCH', vehiclePath, body);
    renderVehicle(updated);
    closeEdit(el('data-title'));
    await refreshTrust();
    say(`Die Fahrzeugdaten wurden gespeichert.${trustNote()}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (!editFields.showApiError(error)) el('edit-alert').textContent = error.message;
  } finally {
    submit.disabled = false;
  }
}

// ---------- trust light ----------

let lastLight = null;

async function refreshTrust() {
  renderTrustLoading(trustPanel);
  try {
    const trust = await api('GET', `${vehiclePath}/trust`);
    renderTrust(trustPanel, trust);
    lastLight = trust.light;
    entryCount = trust.counts && typeof trust.counts.entries === 'number' ? trust.counts.entries : null;
  } catch (error) {
    lastLight = null;
    renderTrustError(trustPanel, `Die Trust-Ampel konnte nicht geladen werden. ${error.message || ''}`.trim());
  }
}

function trustNote() {
  return lastLight ? ` Trust-Ampel: ${lightWord(lastLight)}.` : '';
}

// ---------- timeline ----------

const timelineSummary = el('timeline-summary');

async function deleteEntry(entry, reason) {
  // A 409 stale_revision is shown in the entry's reason form ("… Bitte neu laden.").
  await api('DELETE', `${vehiclePath}/entries/${encodeURIComponent(entry.id)}`, { reason, base_version: entry.version });
  if (entryForm.isRevising(entry.id)) entryForm.setAddMode();
  await refreshAll();
  el('timeline-title').focus();
  say(`Der Eintrag wurde gelöscht. Er bleibt im Verlauf erhalten.${trustNote()}`);
}

const pager = createPager({
  path: `${vehiclePath}/entries`,
  limit: 100,
  list: el('timeline'),
  moreButton: el('timeline-more'),
  renderItem: (entry) => renderEntry(entry, {
    vehicleId,
    onEdit: (item) => entryForm.setReviseMode(item),
    onDelete: deleteEntry,
  }),
  onError: (error) => fail(`Ältere Einträge konnten nicht geladen werden. ${error.message || ''}`.trim()),
});

async function refreshTimeline() {
  try {
    const items = await pager.reload();
    timelineSummary.textContent = items.length === 0
      ? 'Noch keine Einträge. Erfasse oben den ersten – auch ältere Einträge aus dem Papier-Serviceheft.'
      : 'Neueste Einträge zuerst. Änderungen erzeugen eine neue Version; der Verlauf bleibt lesbar.';
  } catch (error) {
    timelineSummary.textContent = '';
    fail(`Die Historie konnte nicht geladen werden. ${error.message || ''}`.trim());
  }
}

const documents = createDocumentsPanel({
  vehicleId,
  elements: {
    alert: el('documents-alert'),
    entry: el('documents-entry'),
    file: el('documents-file'),
    camera: el('documents-camera'),
    progress: el('documents-progress'),
    summary: el('documents-summary'),
    list: el('documents-list'),
  },
  say,
  fail,
  onChanged: () => refreshAll(),
});

async function refreshDocuments() {
  try {
    await documents.refresh();
  } catch (error) {
    fail(`Die Dokumente konnten nicht geladen werden. ${error.message || ''}`.trim());
  }
}

async function refreshAll() {
  await Promise.all([refreshTrust(), refreshTimeline(), refreshDocuments()]);
}

const entryForm = createEntryForm({
  vehicleId,
  elements: {
    form: el('entry-form'),
    fields: el('entry-fields'),
    title: el('entry-title'),
    submit: el('entry-submit'),
    cancel: el('entry-cancel'),
    alert: el('entry-alert'),
    status,
  },
  onSaved: async (entry, mode) => {
    await refreshAll();
    say(`${mode === 'revise' ? `Der Eintrag wurde geändert (Version ${entry.version}).` : 'Der Eintrag wurde gespeichert.'}${trustNote()}`);
    const item = document.getElementById(`entry-${entry.id}-title`);
    if (mode === 'revise' && item) item.focus();
  },
  onStale: refreshTimeline,
});

// ---------- deleting the vehicle ----------

const deleteOpen = el('delete-open');
const vehicleDelete = createReasonForm({
  id: 'vehicle-delete',
  label: 'Grund für das Löschen',
  hint: 'Pflichtangabe, zum Beispiel „Fahrzeug verkauft“ oder „Doppelt angelegt“.',
  submitLabel: 'Fahrzeug endgültig löschen',
  onSubmit: async (reason) => {
    await api('DELETE', vehiclePath, { reason });
    window.location.assign(`/app?geloescht=${encodeURIComponent(vehicleId)}`);
    await new Promise(() => {}); // leaving the page
  },
  onCancel: () => {
    deleteOpen.setAttribute('aria-expanded', 'false');
    deleteOpen.focus();
  },
});
el('delete-slot').append(vehicleDelete.element);

// ---------- start ----------

async function start(me) {
  if (!isOwnerRole(me.user && me.user.role)) {
    fail('Als Moderator hast du keinen Zugriff auf Fahrzeugdaten.');
    return;
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(vehicleId)) {
    fail('Kein gültiges Fahrzeug angegeben. Bitte wähle es unter „Meine Fahrzeuge“ aus.');
    return;
  }
  try {
    renderVehicle(await api('GET', vehiclePath));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code !== 'not_found') {
      fail(`Das Fahrzeug konnte nicht geladen werden. ${error.message}`);
      return;
    }
    fail(withRequestId('Dieses Fahrzeug gibt es nicht (mehr), oder es gehört nicht zu deinem Konto.', error.requestId));
    el('vehicle-alert').after(restorePanel(vehicleId, {
      onRestored: () => window.location.assign(`/app/vehicle?id=${encodeURIComponent(vehicleId)}`),
    }));
    return;
  }
  el('vehicle-content').hidden = false;
  const created = params.get('neu') === '1';
  say(created ? 'Das Fahrzeug wurde angelegt. Erfasse jetzt den ersten Eintrag der Historie.' : '');
  if (created) {
    window.history.replaceState(null, '', `/app/vehicle?id=${encodeURIComponent(vehicleId)}`);
    el('page-title').focus();
  }
  await refreshAll();
}

editOpen.addEventListener('click', () => (editForm.hidden ? openEdit() : el('edit-title').focus()));
el('edit-cancel').addEventListener('click', () => closeEdit(editOpen));
editForm.addEventListener('submit', onEditSubmit);
deleteOpen.addEventListener('click', () => {
  deleteOpen.setAttribute('aria-expanded', 'true');
  vehicleDelete.open();
});

requireReadySession().then(start, (error) => {
  fail(`Die Anmeldung konnte nicht geprüft werden. ${error.message || ''}`.trim());
});
