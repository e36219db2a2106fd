// Form fields: labelled controls built from one definition, and errors next to the field — the
// text goes into the element `<id>-error`, which the input names in aria-describedby;
// aria-invalid marks the field.

import { fieldMessageFor } from './api.js';
import { element, srOnly } from './dom.js';

function errorElementFor(input) {
  return document.getElementById(`${input.id}-error`);
}

function describedBy(input, errorId, add) {
  const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  const rest = ids.filter((id) => id !== errorId);
  if (add) rest.push(errorId);
  if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
  else input.removeAttribute('aria-describedby');
}

/** Show `message` next to `input` and mark it invalid. */
export function setFieldError(input, message) {
  const target = errorElementFor(input);
  input.setAttribute('aria-invalid', 'true');
  if (target) {
    target.textContent = message;
    describedBy(input, target.id, true);
  }
}

/** Remove the error of `input`. */
export function clearFieldError(input) {
  const target = errorElementFor(input);
  input.removeAttribute('aria-invalid');
  if (target) target.textContent = '';
}

// ---------- building labelled fields (one definition per form, used by several pages) ----------

function labelFor(id, text, required) {
  const label = element('label', '', text);
  label.htmlFor = id;
  if (required) {
    const mark = element('span', 'required-mark', ' *');
    mark.setAttribute('aria-hidden', 'true');
    label.append(mark, srOnly(' (Pflichtfeld)'));
  }
  return label;
}

/**
 * A labelled field: `<div class="field">` with label, optional hint, the control and its error
 * slot (`<id>-error`). `options` ([[value, text], …]) makes a select, `type: 'textarea'` a
 * textarea. Returns { wrapper, input }.
 */
export function buildField({ id, label, type = 'text', required = false, hint = '', options = null, attrs = {} }) {
  const wrapper = element('div', 'field');
  wrapper.append(labelFor(id, label, required));
  let input;
  if (options) {
    input = document.createElement('select');
    for (const [value, text] of options) {
      const option = element('option', '', text);
      option.value = value;
      input.append(option);
    }
  } else if (type === 'textarea') {
    input = document.createElement('textarea');
    input.rows = 3;
  } else {
    input = document.createElement('input');
    input.type = type;
  }
  input.id = id;
  input.name = id;
  if (required) input.required = true;
  for (const [name, value] of Object.entries(attrs)) input.setAttribute(name, value);
  const described = [];
  if (hint) {
    const hintNode = element('p', 'hint', hint);
    hintNode.id = `${id}-hint`;
    described.push(hintNode.id);
    wrapper.append(hintNode);
  }
  const error = element('p', 'field-error');
  error.id = `${id}-error`;
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(input, error);
  input.addEventListener('input', () => clearFieldError(input));
  input.addEventListener('change', () => clearFieldError(input));
  return { wrapper, input };
}

/** A checkbox with its label text beside it. Returns { wrapper, input }. */
export function buildCheckbox({ id, label, hint = '' }) {
  const wrapper = element('div', 'field field--checkbox');
  const labelNode = element('label', 'checkbox');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.name = id;
  labelNode.append(input, element('span', '', label));
  wrapper.append(labelNode);
  if (hint) {
    const hintNode = element('p', 'hint', hint);
    hintNode.id = `${id}-hint`;
    input.setAttribute('aria-describedby', hintNode.id);
    wrapper.append(hintNode);
  }
  const error = element('p', 'field-error');
  error.id = `${id}-error`;
  wrapper.append(error);
  return { wrapper, input };
}

/** Clear the errors of every input in `inputs` (an object of API field → input). */
export function clearFieldErrors(inputs) {
  for (const input of Object.values(inputs)) if (input) clearFieldError(input);
}

/**
 * Show `problems` ({API field: German message}) next to the inputs and focus the first wrong
 * field in document order. Returns true when at least one field was marked.
 */
export function showFieldErrors(inputs, problems) {
  const marked = [];
  for (const [field, message] of Object.entries(problems)) {
    const input = inputs[field];
    if (!input || !message) continue;
    setFieldError(input, message);
    marked.push(input);
  }
  marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  if (marked.length) marked[0].focus();
  return marked.length > 0;
}

/** The `fields` of a `validation_failed` error as {API field: German message}. */
export function apiFieldProblems(error) {
  const problems = {};
  if (error && error.code === 'validation_failed' && error.fields) {
    for (const [field, code] of Object.entries(error.fields)) problems[field] = fieldMessageFor(code);
  }
  return problems;
}
