// Tiny DOM helpers shared by the page modules (text only: nothing is parsed as HTML).

/** `<tag class="className">text</tag>`; `text` undefined leaves it empty. */
export function element(tag, className = '', text = undefined) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One row of a `<dl class="facts">`: `<div class="facts__row"><dt>term</dt><dd>value</dd></div>`. */
export function factRow(term, value, valueClass = '') {
  const row = element('div', 'facts__row');
  row.append(element('dt', '', term), element('dd', valueClass, value));
  return row;
}

/** Text that only screen readers announce. */
export function srOnly(text) {
  return element('span', 'visually-hidden', text);
}
