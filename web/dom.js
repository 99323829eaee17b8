// Building the page from data without parsing HTML strings: every text from the API becomes a text
// node, so nothing the server returns can ever run as script (and the CSP forbids inline
// script anyway).

// h('a', {href: '#/x', class: 'knop'}, 'tekst', child, [more]) → element. Attributes whose
// name starts with "on" and whose value is a function become event listeners.
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  let value;
  for (const [name, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (name.startsWith('on') && typeof v === 'function') {
      el.addEventListener(name.slice(2), v);
    } else if (name === 'value' && !svg) {
      value = v;
    } else {
      el.setAttribute(name, v === true ? '' : String(v));
    }
  }
  append(el, children);
  if (value !== undefined) el.value = value;  // after the options of a select exist
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let counter = 0;
// A unique id for label/for and aria-describedby pairs.
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

// "2026-03-04" → "4-3-2026"; a timestamp → date and time in Amsterdam.
export function datum(text) {
  if (!text) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return `${Number(m[3])}-${Number(m[2])}-${m[1]}`;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  return d.toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit',
  });
}

export function vandaag() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// A table with a caption, column headers and one row per item.
export function tabel(caption, headers, rows) {
  return h('div', { class: 'tabel-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

// A label with its field, and an optional hint tied to the field by aria-describedby.
export function veld(labelText, control, hint) {
  const id = control.id || uid('veld');
  control.id = id;
  const parts = [h('label', { for: id }, labelText)];
  if (hint) {
    const hid = uid('hint');
    const described = [control.getAttribute('aria-describedby'), hid].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', described);
    parts.push(h('p', { class: 'hint', id: hid }, hint));
  }
  parts.push(control);
  return h('div', { class: 'veld' }, parts);
}

// A checkbox with its label after it.
export function vinkje(labelText, control) {
  const id = control.id || uid('vink');
  control.id = id;
  return h('div', { class: 'veld vinkje' }, control, h('label', { for: id }, labelText));
}

export function select(name, options, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map(([value, text]) => h('option', { value }, text)));
}
