/**
 * A small DOM builder. Text always goes in as text (textContent), never as markup: every value
 * shown comes from the API and may contain anything.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

let ids = 0;
/** A unique id for label / aria-describedby pairs. */
export const uid = (prefix) => `${prefix}-${++ids}`;

/** A labelled form field: `<div class="field"><label/>control</div>`. */
export function field(label, control, hint) {
  control.id ||= uid('field');
  const hintId = hint ? uid('hint') : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint && h('p', { id: hintId, class: 'hint' }, hint));
}

export function select(name, options, value = '') {
  const control = h('select', { name });
  for (const option of options) control.append(h('option', { value: option.value, selected: option.value === value }, option.label));
  return control;
}

/** A polite announcement for screen readers (new live entries, loaded pages). */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read the same message again.
  setTimeout(() => (region.textContent = text), 50);
}
