// Small DOM helpers: elements, formatted values, tables with paging and empty states, messages.

/** h('div.cls#id', {attrs}, ...children): an element; strings become text, never HTML. */
export function h(spec, attrs, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9]+)(.*)$/i);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function when(instant) {
  if (!instant) return '—';
  const d = new Date(instant);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ago(instant) {
  if (!instant) return '—';
  const s = Math.round((Date.now() - new Date(instant).getTime()) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return when(instant);
}

export function ms(value) {
  if (value === null || value === undefined) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

export function short(text, keep = 10) {
  if (!text || text.length <= keep * 2 + 1) return text || '';
  return `${text.slice(0, keep)}…${text.slice(-6)}`;
}

export function badge(text, kind) { return h('span.badge', { class: `badge ${kind || ''}` }, text); }

/** A button that copies {@code text} to the clipboard and says so. */
export function copyButton(text, label = 'Copy') {
  const button = h('button.secondary.small.copy', { type: 'button', title: 'Copy to the clipboard' }, label);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(button.previousSibling || button);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = 'Selected';
    }
    button.dataset.copied = 'true';
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}

/**
 * A table: columns [{title, cell: row => node|string, narrow?}], the rows, an empty state, and,
 * for a numbered page, a pager that calls {@code go(page)}.
 */
export function table({ id, columns, rows, empty, page, rowData }) {
  if (!rows.length) {
    return h('div.table-wrap', { id }, h('div.empty', h('strong', empty.title), empty.hint || ''));
  }
  const head = h('tr', columns.map(c => h('th', { class: c.narrow ? 'hide-narrow' : null }, c.title)));
  const body = rows.map(r => h('tr', { dataset: rowData ? rowData(r) : {} },
    columns.map(c => h('td', { class: c.narrow ? 'hide-narrow' : null }, c.cell(r)))));
  const wrap = h('div', { id }, h('div.table-wrap', h('table', h('thead', head), h('tbody', body))));
  if (page) wrap.append(pager(page));
  return wrap;
}

function pager({ page, pages, total, go }) {
  return h('div.pager',
    h('span', `${total} in all · page ${page + 1} of ${pages}`),
    h('span',
      h('button.secondary.small', { type: 'button', disabled: page === 0, onclick: () => go(page - 1) }, '← Previous'),
      ' ',
      h('button.secondary.small', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next →')));
}

export function flash(text, kind = 'ok') {
  const el = document.getElementById('flash');
  el.textContent = text;
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(flash.timer);
  if (kind === 'ok') flash.timer = setTimeout(() => { el.hidden = true; }, 6000);
}

export function clearFlash() { document.getElementById('flash').hidden = true; }

/** Asks in a dialog; resolves true when confirmed. */
export function confirmAction(text, yes = 'Confirm') {
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}

export function showQr(wallet) {
  document.getElementById('qr-title').textContent = `${wallet.chain} wallet ${wallet.index}`;
  document.getElementById('qr-image').src = `/api/v1/console/wallets/${encodeURIComponent(wallet.id)}/qr`;
  document.getElementById('qr-address').textContent = wallet.address;
  document.getElementById('qr-dialog').showModal();
}

/** A heading row: title, a line under it, and actions on the right. */
export function pageHead(title, subtitle, ...actions) {
  return h('div.page-head', h('div', h('h1', title), subtitle ? h('p.muted', subtitle) : null),
    actions.length ? h('div', actions) : null);
}

/** Runs an action from a button: disabled meanwhile, errors shown in the flash. */
export async function busy(button, work) {
  button.disabled = true;
  try {
    return await work();
  } catch (e) {
    flash(e.message, 'error');
    return undefined;
  } finally {
    button.disabled = false;
  }
}
