// Field errors next to the field: the text goes into the element `<id>-error`, which the input
// names in aria-describedby; aria-invalid marks the field.

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
