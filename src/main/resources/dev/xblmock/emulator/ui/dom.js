// Builds DOM nodes from data: text always goes through text nodes, never innerHTML, because blob names,
// paths and queries shown here come from the clients under test.

/** h('td', {class: 'x', onclick: f}, 'text', childNode, ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

/** Replaces the element's children; arrays among them are flattened, null/false skipped, as in h(). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** A labelled input: the label wraps the control, so clicking the text focuses it. */
export function field(label, control) {
  return h('label', {}, label, control);
}

export function table(headers, rows) {
  return h('div', {class: 'table-wrap'},
    h('table', {}, h('thead', {}, h('tr', {}, headers.map(name => h('th', {scope: 'col'}, name)))),
      h('tbody', {}, rows)));
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

/** The values of a form's named controls, empty ones left out; checkboxes as booleans. */
export function formValues(form) {
  const values = {};
  for (const control of form.elements) {
    if (!control.name) continue;
    if (control.type === 'checkbox') values[control.name] = control.checked;
    else if (control.type === 'file') values[control.name] = control.files[0];
    else if (control.value.trim() !== '') values[control.name] = control.value.trim();
  }
  return values;
}
