// Shared German formatting and labels: dates TT.MM.JJJJ, numbers and money with
// Intl.NumberFormat('de-DE'), and the German words for the API's enum values (PRODUCT.md §5, §6).

const TIME_ZONE = 'Europe/Berlin';
const numberFormat = new Intl.NumberFormat('de-DE');
const moneyFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const dayFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

export const VEHICLE_CLASSES = {
  hypercar: 'Hypercar',
  sport: 'Sportwagen',
  luxus: 'Luxus',
  alltag: 'Alltag',
  nutzfahrzeug: 'Nutzfahrzeug',
  oldtimer: 'Oldtimer',
};

export const ACCIDENT_STATUSES = {
  unfallfrei: 'Unfallfrei',
  nicht_unfallfrei: 'Nicht unfallfrei',
  unbekannt: 'Unbekannt',
};

export const CATEGORIES = {
  wartung: 'Wartung',
  inspektion: 'Inspektion',
  oelwechsel: 'Ölwechsel',
  reifen: 'Reifen',
  bremsen: 'Bremsen',
  reparatur: 'Reparatur',
  unfallreparatur: 'Unfallreparatur',
  hu_au: 'HU/AU',
  gutachten: 'Gutachten',
  umbau: 'Umbau',
  restauration: 'Restauration',
  sonstiges: 'Sonstiges',
};

export const PERFORMERS = {
  fachwerkstatt: 'Fachwerkstatt',
  haendler: 'Händler',
  autohaus: 'Autohaus',
  reifenservice: 'Reifenservice',
  tuning_fachbetrieb: 'Tuning-Fachbetrieb',
  gesetzlich: 'Prüfstelle (TÜV, Gutachten, Wertgutachten)',
  eigenleistung: 'Eigenleistung',
  sonstiges: 'Sonstige',
};

export const TRUST_LEVELS = {
  T1: 'T1 · Eigenangabe',
  T2: 'T2 · Im Serviceheft gestempelt',
  T3: 'T3 · Mit Dokument belegt',
};

/** The German word for an enum value of `labels`; unknown values are shown as they are. */
export function labelOf(labels, value) {
  if (value === null || value === undefined || value === '') return '';
  return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : String(value);
}

/** "2024-05-01" → "01.05.2024" (a calendar date, no time zone involved). */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

/** An ISO timestamp ("…Z") as "TT.MM.JJJJ, HH:MM" in Berlin time. */
export function formatDateTime(timestamp) {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** The Berlin calendar day of an ISO timestamp as "TT.MM.JJJJ". */
export function formatDay(timestamp) {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : dayFormat.format(date);
}

/** Today's calendar date in Berlin as "YYYY-MM-DD" (the API's "today"). */
export function todayIso() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date());
  const get = (type) => (parts.find((part) => part.type === type) || {}).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function formatNumber(value) {
  return numberFormat.format(value);
}

/** 123456 → "123.456 km". */
export function formatKm(km) {
  return `${numberFormat.format(km)} km`;
}

/** "129.90" → "129,90 €". */
export function formatMoney(amount) {
  const value = Number(amount);
  return Number.isFinite(value) ? moneyFormat.format(value) : '';
}

/** "129.90" (API) → "129,90" (for an input field). */
export function costForInput(amount) {
  return amount === null || amount === undefined ? '' : String(amount).replace('.', ',');
}

/**
 * A typed amount ("129,90", "1.299,00", "129.90", "129") → the API's decimal string, or null
 * when it is not an amount with at most two decimals.
 */
export function parseCost(text) {
  let value = String(text).trim().replace(/\s|€/g, '');
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  return /^\d{1,8}(\.\d{1,2})?$/.test(value) ? value : null;
}

/** A typed whole number ("120.000", "120 000", "120000") → the number, or null. */
export function parseWholeNumber(text) {
  const value = String(text).trim().replace(/[\s.]/g, '');
  return /^\d{1,9}$/.test(value) ? Number.parseInt(value, 10) : null;
}

/** How a vehicle is named in headings and lists: nickname, else make and model, else the masked VIN. */
export function vehicleName(vehicle) {
  if (!vehicle) return 'Fahrzeug';
  if (vehicle.nickname) return vehicle.nickname;
  const makeModel = [vehicle.make, vehicle.model].filter(Boolean).join(' ');
  if (makeModel) return makeModel;
  return vehicle.vin_masked ? `Fahrzeug ${vehicle.vin_masked}` : 'Fahrzeug';
}
