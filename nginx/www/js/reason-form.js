// A small inline form that asks for a mandatory reason before a deletion (entry or vehicle).

import { ApiError } from './api.js';
import { element } from './dom.js';
import { apiFieldProblems, buildField, clearFieldError, showFieldErrors } from './form.js';

const REASON_LIMIT = 500;

/**
 * id: prefix for the element ids; label/hint: the reason field; submitLabel: the button;
 * onSubmit(reason) → Promise (an ApiError it throws is shown in the form);
 * onCancel(): after "Abbrechen" (the form is already hidden).
 * Returns { element, open(), close() }; open() focuses the reason field.
 */
export function createReasonForm({ id, label, hint = '', submitLabel, onSubmit, onCancel }) {
  const form = element('form', 'reason-form');
  form.id = id;
  form.noValidate = true;
  form.hidden = true;
  const alert = element('div', 'message message-error');
  alert.setAttribute('role', 'alert');
  const { wrapper, input } = buildField({
    id: `${id}-reason`, label, type: 'textarea', required: true, hint, attrs: { maxlength: String(REASON_LIMIT) },
  });
  const submit = element('button', 'button-danger', submitLabel);
  submit.type = 'submit';
  const cancel = element('button', '', 'Abbrechen');
  cancel.type = 'button';
  const actions = element('div', 'actions');
  actions.append(submit, cancel);
  form.append(alert, wrapper, actions);

  function close() {
    form.hidden = true;
    input.value = '';
    clearFieldError(input);
    alert.replaceChildren();
  }

  function open() {
    form.hidden = false;
    input.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.replaceChildren();
    const reason = input.value.trim();
    const problems = {};
    if (reason === '') problems.reason = 'Bitte gib einen Grund an.';
    else if ([...reason].length > REASON_LIMIT) problems.reason = `Höchstens ${REASON_LIMIT} Zeichen.`;
    if (showFieldErrors({ reason: input }, problems)) return;
    submit.disabled = true;
    try {
      await onSubmit(reason);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!showFieldErrors({ reason: input }, apiFieldProblems(error))) alert.textContent = error.message;
    } finally {
      submit.disabled = false;
    }
  });
  cancel.addEventListener('click', () => {
    close();
    if (onCancel) onCancel();
  });

  return { element: form, open, close, alert };
}
