// "Meine Fahrzeuge": the owner's vehicles with trust light and masked VIN, and "Fahrzeug
// anlegen". A first visit without a vehicle opens the form directly, focus on the VIN.

import { api, ApiError, messageFor } from './api.js';
import { element, factRow } from './dom.js';
import { formatDay, labelOf, vehicleName, VEHICLE_CLASSES } from './format.js';
import { createPager } from './pager.js';
import { isOwnerRole, requireReadySession } from './session.js';
import { trustSummary } from './trust.js';
import { createVehicleFields } from './vehicle-form.js';
import { restorePanel } from './vehicle-restore.js';

const el = (id) => document.getElementById(id);
const status = el('app-status');
const alertRegion = el('app-alert');
const createSection = el('create-section');
const createOpen = el('create-open');
const createForm = el('create-form');
const createAlert = el('create-alert');
const createSubmit = el('create-submit');
const list = el('vehicle-list');

const LIMIT_MESSAGE = 'Im kostenlosen Tarif ist ein aktives Fahrzeug möglich. Du hast bereits ein Fahrzeug ' +
  'angelegt – ein weiteres kannst du erst anlegen, wenn das vorhandene gelöscht oder übergeben ist.';

const fields = createVehicleFields(el('create-fields'), { prefix: 'create', vin: 'required' });

function renderVehicle(vehicle) {
  const item = element('li', 'vehicle-card');
  const title = element('h3', 'vehicle-card__title');
  const link = document.createElement('a');
  link.href = `/app/vehicle?id=${encodeURIComponent(vehicle.id)}`;
  link.textContent = vehicleName(vehicle);
  title.append(link);

  const facts = element('dl', 'facts facts--compact');
  facts.append(factRow('FIN', vehicle.vin_masked || '', 'vin'));
  const model = [vehicle.make, vehicle.model].filter(Boolean).join(' ');
  if (model && model !== vehicleName(vehicle)) facts.append(factRow('Fahrzeug', model));
  if (vehicle.vehicle_class) facts.append(factRow('Klasse', labelOf(VEHICLE_CLASSES, vehicle.vehicle_class)));
  if (vehicle.year) facts.append(factRow('Baujahr', String(vehicle.year)));
  if (vehicle.created_at) facts.append(factRow('Angelegt am', formatDay(vehicle.created_at)));

  item.append(title, trustSummary(vehicle.trust && vehicle.trust.light), facts);
  return item;
}

const pager = createPager({
  path: '/api/vehicles',
  list,
  moreButton: el('vehicles-more'),
  renderItem: renderVehicle,
  onError: (error) => { alertRegion.textContent = `Weitere Fahrzeuge konnten nicht geladen werden. ${error.message}`; },
});

function openCreate({ focusVin = false } = {}) {
  createSection.hidden = false;
  createOpen.setAttribute('aria-expanded', 'true');
  document.title = 'Fahrzeug anlegen – LifeTimeCircle · Service Heft 4.0';
  if (focusVin) fields.inputs.vin.focus();
  else el('create-title').focus();
}

function closeCreate() {
  createSection.hidden = true;
  createOpen.setAttribute('aria-expanded', 'false');
  createAlert.textContent = '';
  fields.inputs.vin.value = '';
  fields.clear();
  document.title = 'Meine Fahrzeuge – LifeTimeCircle · Service Heft 4.0';
  createOpen.focus();
}

async function onCreate(event) {
  event.preventDefault();
  createAlert.textContent = '';
  const { body, problems } = fields.read('create');
  if (fields.showProblems(problems)) return;
  createSubmit.disabled = true;
  createForm.setAttribute('aria-busy', 'true');
  let leaving = false;
  try {
    const vehicle = await api('POST', '/api/vehicles', body);
    fields.inputs.vin.value = ''; // the typed VIN is never kept in the page
    leaving = true;
    status.textContent = 'Das Fahrzeug wurde angelegt. Du wirst weitergeleitet …';
    window.location.assign(`/app/vehicle?id=${encodeURIComponent(vehicle.id)}&neu=1`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'vehicle_limit_reached') createAlert.textContent = LIMIT_MESSAGE;
    else if (!fields.showApiError(error)) createAlert.textContent = error.message || messageFor(error.code);
  } finally {
    if (!leaving) {
      createSubmit.disabled = false;
      createForm.setAttribute('aria-busy', 'false');
    }
  }
}

/**
 * Just deleted on the vehicle page (?geloescht=<id>): the note and the offer to restore it.
 * The id stays in the address until the vehicle is restored, so a reload keeps the offer.
 */
function arrivalNote() {
  const deletedId = new URLSearchParams(window.location.search).get('geloescht');
  if (!deletedId) return null;
  el('vehicles-section').before(restorePanel(deletedId, {
    onRestored: async () => {
      window.history.replaceState(null, '', '/app');
      el('vehicles-section').hidden = false;
      el('vehicles-empty').hidden = true;
      await pager.reload();
      status.textContent = 'Das Fahrzeug wurde wiederhergestellt.';
      el('page-title').focus();
    },
  }));
  return 'Das Fahrzeug wurde gelöscht.';
}

async function start(me) {
  if (!isOwnerRole(me.user && me.user.role)) {
    el('app-moderator').hidden = false;
    status.textContent = `Angemeldet als ${(me.user && me.user.email_masked) || 'unbekannt'}.`;
    return;
  }
  el('app-owner').hidden = false;
  const note = arrivalNote();
  let vehicles;
  try {
    vehicles = await pager.reload();
  } catch (error) {
    el('vehicles-loading').hidden = true;
    status.textContent = '';
    alertRegion.textContent = `Deine Fahrzeuge konnten nicht geladen werden. ${error.message || ''}`.trim();
    return;
  }
  el('vehicles-loading').hidden = true;
  el('vehicles-empty').hidden = vehicles.length > 0;
  // Without a vehicle the page is just the create form (nothing to go back to).
  el('vehicles-section').hidden = vehicles.length === 0;
  el('create-cancel').hidden = vehicles.length === 0;
  status.textContent = note || `Angemeldet als ${(me.user && me.user.email_masked) || 'unbekannt'}.`;
  if (vehicles.length === 0) openCreate({ focusVin: true });
}

createOpen.addEventListener('click', () => {
  if (createSection.hidden) openCreate();
  else el('create-title').focus();
});
el('create-cancel').addEventListener('click', closeCreate);
createForm.addEventListener('submit', onCreate);

requireReadySession().then(start, (error) => {
  status.textContent = '';
  alertRegion.textContent = `Die Anmeldung konnte nicht geprüft werden. ${error.message || ''}`.trim();
});
