// Small DOM helpers. Data from the server is always set as text, never parsed as markup.

export const byId = (id) => document.getElementById(id);

/** Creates an element with attributes (className, text, dataset are special) and child nodes or strings. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** A server time (RFC 3339) in the viewer's local time; an em dash for none. */
export function formatTime(iso) {
  if (!iso) return '—';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Shows a message in a status or alert element; errors get the alert's styling. */
export function say(element, message, isError = false) {
  element.textContent = message;
  element.classList.toggle('error', isError);
  element.classList.toggle('status', !isError);
}

/**
 * Brings a table body in line with `items` without rebuilding it: rows are kept by key and updated in place, so a focused
 * button inside survives every live update. `create(item)` returns { row, update(item) }.
 */
export function syncRows(tbody, items, keyOf, create, emptyText, columnCount) {
  const rows = tbody.rowsByKey ?? (tbody.rowsByKey = new Map());
  const wanted = new Set(items.map(keyOf));
  for (const [key, entry] of rows) {
    if (!wanted.has(key)) {
      entry.row.remove();
      rows.delete(key);
    }
  }

  tbody.querySelector('tr.placeholder')?.remove();
  items.forEach((item, index) => {
    const key = keyOf(item);
    let entry = rows.get(key);
    if (!entry) {
      entry = create(item);
      rows.set(key, entry);
    }

    entry.update(item);
    if (tbody.children[index] !== entry.row) tbody.insertBefore(entry.row, tbody.children[index] ?? null);
  });

  if (items.length === 0) {
    tbody.append(el('tr', { className: 'placeholder' }, el('td', { className: 'empty', colspan: columnCount, text: emptyText })));
  }
}

/** A row of cells with fixed classes; update sets their text. */
export function textRow(classes) {
  const cells = classes.map((className) => el('td', { className }));
  return { row: el('tr', {}, ...cells), cells };
}
