// "Fahrzeug übergeben" on /app/vehicle?id=…: create a transfer code (shown once, with its QR
// code), see the open transfer's expiry, extend it once, cancel it; the redacted export link.

import { api, ApiError } from './api.js';
import { formatDateTime } from './format.js';

const el = (id) => document.getElementById(id);
const vehicleId = new URLSearchParams(window.location.search).get('id') || '';
const vehiclePath = `/api/vehicles/${encodeURIComponent(vehicleId)}`;

const alertRegion = el('transfer-alert');
const status = el('transfer-status');
const createButton = el('transfer-create');
const extendButton = el('transfer-extend');
const cancelButton = el('transfer-cancel');
let openTransfer = null;

function report(error) {
  status.textContent = '';
  alertRegion.textContent = error instanceof ApiError ? error.message : 'Die Aktion ist fehlgeschlagen.';
}

function showOpen(transfer) {
  openTransfer = transfer;
  const open = transfer !== null;
  createButton.hidden = open;
  cancelButton.hidden = !open;
  extendButton.hidden = !open || transfer.extended;
  const info = el('transfer-open-info');
  info.hidden = !open;
  if (open) {
    info.textContent = `Eine Übergabe ist offen bis ${formatDateTime(transfer.expires_at)}` +
      (transfer.extended ? ' (bereits verlängert).' : '.');
  }
}

async function load() {
  const page = await api('GET', `${vehiclePath}/transfers?limit=1`);
  const latest = page.items[0];
  showOpen(latest && latest.status === 'open' ? latest : null);
}

async function run(action) {
  alertRegion.textContent = '';
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    report(error);
  }
}

createButton.addEventListener('click', () => run(async () => {
  const created = await api('POST', `${vehiclePath}/transfers`);
  el('transfer-code').textContent = created.code;
  el('transfer-qr').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qr_svg)}`;
  el('transfer-code-box').hidden = false;
  showOpen(created);
  status.textContent = 'Der Übergabe-Code wurde erzeugt.';
  el('transfer-title').focus();
}));

extendButton.addEventListener('click', () => run(async () => {
  showOpen(await api('POST', `/api/transfers/${encodeURIComponent(openTransfer.id)}/extend`));
  status.textContent = 'Die Übergabe wurde um 14 Tage verlängert.';
}));

cancelButton.addEventListener('click', () => run(async () => {
  await api('DELETE', `/api/transfers/${encodeURIComponent(openTransfer.id)}`);
  el('transfer-code-box').hidden = true;
  el('transfer-code').textContent = '';
  showOpen(null);
  status.textContent = 'Die Übergabe wurde abgebrochen. Der Code gilt nicht mehr.';
}));

el('export-link').href = `${vehiclePath}/export`;
if (/^[A-Za-z0-9-]{1,64}$/.test(vehicleId)) run(load);
