// The vehicle fields, defined once for "Fahrzeug anlegen" (/app) and "Fahrzeugdaten bearbeiten"
// (/app/vehicle): building, filling, reading into an API body, and showing the API's errors
// next to the right field. The VIN typed here is never stored in the browser.

import { messageFor } from './api.js';
import { ACCIDENT_STATUSES, VEHICLE_CLASSES } from './format.js';
import { apiFieldProblems, buildCheckbox, buildField, clearFieldErrors, showFieldErrors } from './form.js';

const TEXT_LIMIT = 60;
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]{17}$/;
const CHASSIS_CHARS = /^[A-Z0-9]{5,17}$/;

/** The VIN as the server normalises it: trimmed, upper-case, without spaces and dashes. */
export function normaliseVin(text) {
  return String(text).trim().toUpperCase().replace(/[\s-]/g, '');
}

function vinProblem(vin, year) {
  if (year !== null && year < 1981) {
    return CHASSIS_CHARS.test(vin) ? null
      : 'Vor Baujahr 1981: Fahrgestellnummer mit 5 bis 17 Buchstaben und Ziffern.';
  }
  if (vin.length !== 17) {
    return `Die FIN hat 17 Zeichen – du hast ${vin.length} eingegeben.`;
  }
  return VIN_CHARS.test(vin) ? null : 'Die FIN enthält nur Ziffern und Buchstaben außer I, O und Q.';
}

function withEmpty(labels, emptyText) {
  return [['', emptyText], ...Object.entries(labels)];
}

/**
 * Builds the vehicle fields into `container`.
 * vin: 'required' (create), 'optional' (correcting while no entries exist) or 'none'.
 */
export function createVehicleFields(container, { prefix, vin = 'required' }) {
  const id = (name) => `${prefix}-${name}`;
  const parts = {};
  if (vin !== 'none') {
    parts.vin = buildField({
      id: id('vin'),
      label: vin === 'required' ? 'Fahrgestellnummer (FIN)' : 'Fahrgestellnummer (FIN) korrigieren',
      required: vin === 'required',
      hint: vin === 'required'
        ? '17 Zeichen, wie im Fahrzeugschein (Feld E). Leerzeichen und Bindestriche werden entfernt.'
        : 'Nur ausfüllen, wenn die FIN falsch erfasst wurde. Möglich, solange es keine Einträge gibt.',
      attrs: { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '40' },
    });
  }
  parts.nickname = buildField({ id: id('nickname'), label: 'Spitzname', hint: 'Zum Beispiel „Familienkombi“.', attrs: { maxlength: String(TEXT_LIMIT) } });
  parts.vehicle_class = buildField({ id: id('class'), label: 'Fahrzeugklasse', options: withEmpty(VEHICLE_CLASSES, 'Keine Angabe') });
  parts.make = buildField({ id: id('make'), label: 'Marke', attrs: { maxlength: String(TEXT_LIMIT) } });
  parts.model = buildField({ id: id('model'), label: 'Modell', attrs: { maxlength: String(TEXT_LIMIT) } });
  parts.year = buildField({ id: id('year'), label: 'Baujahr', hint: 'Vierstellig, zum Beispiel 2019.', attrs: { inputmode: 'numeric', maxlength: '4', autocomplete: 'off' } });
  parts.engine = buildField({ id: id('engine'), label: 'Motor / Antrieb', hint: 'Grob, zum Beispiel „2.0 TDI, Allrad“.', attrs: { maxlength: String(TEXT_LIMIT) } });
  parts.accident_status = buildField({ id: id('accident'), label: 'Unfallstatus', options: Object.entries(ACCIDENT_STATUSES) });
  parts.accident_closed = buildCheckbox({
    id: id('accident-closed'),
    label: 'Unfall abgeschlossen',
    hint: 'Der Unfallschaden ist vollständig repariert. Für die Trust-Ampel zählt er erst mit einer belegten Unfallreparatur als abgeschlossen.',
  });
  parts.accident_status.input.value = 'unbekannt';

  for (const part of Object.values(parts)) container.append(part.wrapper);
  const inputs = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part.input]));
  const closedWrapper = parts.accident_closed.wrapper;
  const syncClosed = () => {
    closedWrapper.hidden = inputs.accident_status.value !== 'nicht_unfallfrei';
  };
  inputs.accident_status.addEventListener('change', syncClosed);
  syncClosed();

  /** Put a vehicle answer into the fields (the VIN field stays empty: only the mask is known). */
  function fill(vehicle) {
    for (const name of ['nickname', 'make', 'model', 'engine']) inputs[name].value = vehicle[name] || '';
    inputs.vehicle_class.value = vehicle.vehicle_class || '';
    inputs.year.value = vehicle.year === null || vehicle.year === undefined ? '' : String(vehicle.year);
    inputs.accident_status.value = vehicle.accident_status || 'unbekannt';
    inputs.accident_closed.checked = vehicle.accident_closed === true;
    if (inputs.vin) inputs.vin.value = '';
    clearFieldErrors(inputs);
    syncClosed();
  }

  /**
   * The API body. mode 'create': empty optional fields are left out; 'patch': they are sent as
   * null (which clears them) and the VIN only when one was typed.
   * Returns { body, problems } — problems ({field: message}) from the checks done here.
   */
  function read(mode) {
    clearFieldErrors(inputs);
    const problems = {};
    const body = {};
    const text = (name) => inputs[name].value.trim();

    const yearText = text('year');
    let year = null;
    if (yearText !== '') {
      const max = new Date().getFullYear() + 1;
      year = /^\d{4}$/.test(yearText) ? Number.parseInt(yearText, 10) : NaN;
      if (Number.isNaN(year)) problems.year = 'Bitte gib das Baujahr vierstellig an, zum Beispiel 2019.';
      else if (year < 1886 || year > max) problems.year = `Das Baujahr muss zwischen 1886 und ${max} liegen.`;
    }

    // A hidden VIN field (vehicle with entries: the VIN is locked) is never sent.
    if (inputs.vin && !inputs.vin.closest('.field').hidden) {
      const vin = normaliseVin(inputs.vin.value);
      if (vin === '' && mode === 'create') problems.vin = 'Bitte gib die Fahrgestellnummer (FIN) ein.';
      else if (vin !== '') {
        const problem = vinProblem(vin, Number.isNaN(year) ? null : year);
        if (problem) problems.vin = problem;
        body.vin = vin;
      }
    }
    for (const name of ['nickname', 'make', 'model', 'engine']) {
      const value = text(name);
      if (value.length > TEXT_LIMIT) problems[name] = `Höchstens ${TEXT_LIMIT} Zeichen.`;
      if (value !== '') body[name] = value;
      else if (mode === 'patch') body[name] = null;
    }
    if (inputs.vehicle_class.value) body.vehicle_class = inputs.vehicle_class.value;
    else if (mode === 'patch') body.vehicle_class = null;
    if (year !== null && !Number.isNaN(year)) body.year = year;
    else if (mode === 'patch' && yearText === '') body.year = null;
    body.accident_status = inputs.accident_status.value || 'unbekannt';
    body.accident_closed = body.accident_status === 'nicht_unfallfrei' && inputs.accident_closed.checked;
    if (mode === 'create' && !body.accident_closed) delete body.accident_closed;
    return { body, problems };
  }

  /** Mark the fields of `problems` and focus the first; true when something was marked. */
  function showProblems(problems) {
    return showFieldErrors(inputs, problems);
  }

  /** Show an ApiError next to its field when it belongs to one; true when it did. */
  function showApiError(error) {
    if (['invalid_vin', 'vin_already_registered', 'vin_locked'].includes(error.code) && inputs.vin) {
      return showFieldErrors(inputs, { vin: messageFor(error.code) });
    }
    return showFieldErrors(inputs, apiFieldProblems(error));
  }

  return { inputs, fill, read, showProblems, showApiError, clear: () => clearFieldErrors(inputs) };
}
