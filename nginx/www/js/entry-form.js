// The timeline entry form, used for both adding an entry and revising one (a new version that
// names the version it changes). Mandatory: date, category, performed by, odometer; optional:
// note, cost, paper-book stamp — with the hint why the optional data pays off.

import { api, ApiError, messageFor } from './api.js';
import { element } from './dom.js';
import { apiFieldProblems, buildCheckbox, buildField, clearFieldErrors, showFieldErrors } from './form.js';
import { CATEGORIES, costForInput, formatDate, parseCost, parseWholeNumber, PERFORMERS, todayIso } from './format.js';

const NOTE_LIMIT = 4000;
const REASON_LIMIT = 500;
const MAX_KM = 2000000;
export const CARE_HINT = 'Datenpflege = bessere Trust-Stufe & Verkaufswert';

function choices(labels) {
  return [['', 'Bitte wählen'], ...Object.entries(labels)];
}

/** "2024-05-01" or "01.05.2024" (browsers without a date picker) → "2024-05-01", else null. */
function parseDate(text) {
  const value = String(text).trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    if (!german) return null;
    match = [value, german[3], german[2].padStart(2, '0'), german[1].padStart(2, '0')];
  }
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? `${y}-${m}-${d}` : null;
}

/**
 * elements: { form, fields (container), title, submit, cancel, alert, status (page status region) }
 * onSaved(entry, mode): after 201 ('add' | 'revise'); onStale(): the timeline should reload.
 */
export function createEntryForm({ vehicleId, elements, onSaved, onStale }) {
  const { form, fields, title, submit, cancel, alert } = elements;
  const base = `/api/vehicles/${encodeURIComponent(vehicleId)}/entries`;
  let revising = null; // the entry (latest version) being revised

  const required = element('div', 'field-group');
  const parts = {
    date: buildField({ id: 'entry-date', label: 'Datum', type: 'date', required: true, hint: 'Auch ältere Einträge aus dem Papier-Serviceheft sind willkommen.' }),
    category: buildField({ id: 'entry-category', label: 'Kategorie', required: true, options: choices(CATEGORIES) }),
    performed_by: buildField({ id: 'entry-performer', label: 'Durchgeführt von', required: true, options: choices(PERFORMERS) }),
    odometer_km: buildField({ id: 'entry-km', label: 'Kilometerstand (km)', required: true, hint: 'Ganze Kilometer, zum Beispiel 123.456.', attrs: { inputmode: 'numeric', autocomplete: 'off', maxlength: '12' } }),
  };
  required.append(parts.date.wrapper, parts.category.wrapper, parts.performed_by.wrapper, parts.odometer_km.wrapper);

  const optional = element('fieldset', 'optional-fields');
  const legend = element('legend', '', 'Optionale Angaben');
  const careHint = element('p', 'care-hint', CARE_HINT);
  careHint.id = 'entry-care-hint';
  parts.note = buildField({ id: 'entry-note', label: 'Notiz', type: 'textarea', hint: 'Was wurde gemacht? Teile, Befunde, Werkstatt.', attrs: { maxlength: String(NOTE_LIMIT) } });
  parts.cost = buildField({ id: 'entry-cost', label: 'Kosten (EUR)', hint: 'Zum Beispiel 129,90.', attrs: { inputmode: 'decimal', autocomplete: 'off', maxlength: '16' } });
  parts.paper_book = buildCheckbox({
    id: 'entry-paper',
    label: 'Im Papier-Serviceheft gestempelt',
    hint: 'Gestempelte Einträge zählen als T2, Einträge mit geprüftem Dokument als T3.',
  });
  const optionalBody = element('div', 'optional-fields__body');
  optionalBody.append(parts.note.wrapper, parts.cost.wrapper, parts.paper_book.wrapper);
  const optionalGrid = element('div', 'optional-fields__grid');
  optionalGrid.append(careHint, optionalBody);
  optional.append(legend, optionalGrid);
  optional.setAttribute('aria-describedby', careHint.id);

  parts.reason = buildField({ id: 'entry-reason', label: 'Grund der Änderung (optional)', type: 'textarea', hint: 'Zum Beispiel „Kilometerstand vertippt“. Der bisherige Stand bleibt im Verlauf lesbar.', attrs: { maxlength: String(REASON_LIMIT) } });
  parts.reason.wrapper.hidden = true;

  fields.append(required, optional, parts.reason.wrapper);
  const inputs = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part.input]));

  function reset() {
    form.reset();
    clearFieldErrors(inputs);
    alert.replaceChildren();
    const today = todayIso();
    inputs.date.value = today;
    inputs.date.max = today;
    inputs.date.min = '1886-01-01';
  }

  /** Back to "Eintrag hinzufügen". */
  function setAddMode() {
    revising = null;
    reset();
    title.textContent = 'Eintrag hinzufügen';
    submit.textContent = 'Eintrag speichern';
    cancel.hidden = true;
    parts.reason.wrapper.hidden = true;
  }

  /** Prefill with `entry` (its latest version) and switch to revising it; focus moves to the heading. */
  function setReviseMode(entry) {
    reset();
    revising = entry;
    title.textContent = `Eintrag vom ${formatDate(entry.date)} bearbeiten (Version ${entry.version})`;
    submit.textContent = 'Änderung speichern';
    cancel.hidden = false;
    parts.reason.wrapper.hidden = false;
    inputs.date.value = entry.date || '';
    inputs.category.value = entry.category || '';
    inputs.performed_by.value = entry.performed_by || '';
    inputs.odometer_km.value = entry.odometer_km === null || entry.odometer_km === undefined ? '' : String(entry.odometer_km);
    inputs.note.value = entry.note || '';
    inputs.cost.value = costForInput(entry.cost);
    inputs.paper_book.checked = entry.paper_book === true;
    title.focus();
  }

  function read() {
    clearFieldErrors(inputs);
    const problems = {};
    const body = {};
    const date = parseDate(inputs.date.value);
    if (inputs.date.value.trim() === '') problems.date = 'Bitte gib das Datum ein.';
    else if (!date) problems.date = 'Bitte gib ein gültiges Datum ein (TT.MM.JJJJ).';
    else if (date > todayIso()) problems.date = 'Das Datum darf nicht in der Zukunft liegen.';
    else if (date < '1886-01-01') problems.date = 'Das Datum darf nicht vor dem 01.01.1886 liegen.';
    body.date = date;
    if (!inputs.category.value) problems.category = 'Bitte wähle eine Kategorie.';
    body.category = inputs.category.value;
    if (!inputs.performed_by.value) problems.performed_by = 'Bitte wähle, wer die Arbeit durchgeführt hat.';
    body.performed_by = inputs.performed_by.value;
    const kmText = inputs.odometer_km.value.trim();
    const km = parseWholeNumber(kmText);
    if (kmText === '') problems.odometer_km = 'Bitte gib den Kilometerstand ein.';
    else if (km === null) problems.odometer_km = 'Bitte nur ganze Kilometer angeben, zum Beispiel 123.456.';
    else if (km > MAX_KM) problems.odometer_km = 'Der Kilometerstand darf höchstens 2.000.000 km betragen.';
    body.odometer_km = km;

    const note = inputs.note.value.trim();
    if ([...note].length > NOTE_LIMIT) problems.note = `Höchstens ${NOTE_LIMIT} Zeichen.`;
    const costText = inputs.cost.value.trim();
    const cost = costText === '' ? null : parseCost(costText);
    if (costText !== '' && cost === null) problems.cost = 'Bitte gib den Betrag in Euro an, zum Beispiel 129,90.';
    else if (cost !== null && Number(cost) > 10000000) problems.cost = 'Der Betrag darf höchstens 10.000.000 € betragen.';
    if (revising) {
      body.note = note === '' ? null : note;
      body.cost = cost;
    } else {
      if (note !== '') body.note = note;
      if (cost !== null) body.cost = cost;
    }
    body.paper_book = inputs.paper_book.checked;
    if (revising) {
      body.base_version = revising.version;
      const reason = inputs.reason.value.trim();
      if ([...reason].length > REASON_LIMIT) problems.reason = `Höchstens ${REASON_LIMIT} Zeichen.`;
      if (reason !== '') body.reason = reason;
    }
    return { body, problems };
  }

  /** The alert with a "Neu laden" button: fetch the latest version into the form. */
  function showStale() {
    const button = element('button', 'button-link', 'Eintrag neu laden');
    button.type = 'button';
    button.addEventListener('click', reloadRevising);
    alert.replaceChildren(document.createTextNode(`${messageFor('stale_revision')} `), button);
    if (onStale) onStale();
  }

  async function reloadRevising() {
    if (!revising) return;
    const id = revising.id;
    try {
      const latest = await api('GET', `${base}/${encodeURIComponent(id)}`);
      setReviseMode(latest);
      elements.status.textContent = `Der Eintrag wurde neu geladen (Version ${latest.version}). Bitte wiederhole deine Änderung.`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'not_found') {
        setAddMode();
        elements.status.textContent = 'Der Eintrag wurde inzwischen gelöscht.';
        title.focus();
      } else {
        alert.textContent = error.message;
      }
    }
  }

  async function onSubmit(event) {
    event.preventDefault();
    alert.replaceChildren();
    const { body, problems } = read();
    if (showFieldErrors(inputs, problems)) return;
    const mode = revising ? 'revise' : 'add';
    const path = revising ? `${base}/${encodeURIComponent(revising.id)}/revisions` : base;
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const entry = await api('POST', path, body);
      setAddMode();
      onSaved(entry, mode);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'stale_revision') showStale();
      else if (error.code === 'not_found' && revising) {
        alert.textContent = 'Der Eintrag wurde inzwischen gelöscht oder ist nicht mehr erreichbar.';
        if (onStale) onStale();
      } else if (!showFieldErrors(inputs, apiFieldProblems(error))) alert.textContent = error.message;
    } finally {
      submit.disabled = false;
      form.setAttribute('aria-busy', 'false');
    }
  }

  form.addEventListener('submit', onSubmit);
  cancel.addEventListener('click', () => {
    const id = revising && revising.id;
    setAddMode();
    const back = id && document.querySelector(`[data-entry-id="${CSS.escape(id)}"] [data-action="edit"]`);
    if (back) back.focus();
    else title.focus();
  });
  setAddMode();

  return { setAddMode, setReviseMode, isRevising: (id) => Boolean(revising && revising.id === id) };
}
