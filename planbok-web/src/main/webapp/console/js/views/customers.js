import { api } from '../api.js';
import { session } from '../app.js';
import { h, when, badge, pageHead, table, copyButton, showQr, short, confirmAction, flash, busy } from '../ui.js';

export async function customersPage({ query, go }) {
  const q = query.get('q') || '';
  const page = Number(query.get('page') || 0);
  const result = await api.get(`customers?${new URLSearchParams({ q, page, size: 20 })}`);
  const search = h('input#customer-search', { type: 'search', value: q, placeholder: 'externalRef or email starts with…', 'aria-label': 'Search customers' });
  const form = h('form.inline#customer-search-form', search, h('button#customer-search-go', { type: 'submit' }, 'Search'),
    q ? h('a', { href: '#/customers' }, 'Clear') : null);
  form.addEventListener('submit', e => { e.preventDefault(); go('/customers', { q: search.value.trim() }); });
  return h('div',
    pageHead('Customers', 'The end users your backend created through the API.'),
    h('div.panel', form),
    table({
      id: 'customers',
      rows: result.items,
      rowData: c => ({ customerId: c.id }),
      empty: q
        ? { title: `No customer matches “${q}”`, hint: 'Search by the start of the external reference or the email address.' }
        : { title: 'No customers yet', hint: 'Your backend creates them with POST /api/v1/customers.' },
      page: { ...result, go: p => go('/customers', { q, page: p }) },
      columns: [
        { title: 'External reference', cell: c => h('a.customer-link', { href: `#/customers/${encodeURIComponent(c.id)}` }, c.externalRef) },
        { title: 'Email', cell: c => c.email },
        { title: 'Status', cell: c => badge(c.status.toLowerCase(), c.status === 'ACTIVE' ? 'ok' : 'warn') },
        { title: 'Created', cell: c => when(c.createdAt), narrow: true },
      ],
    }));
}

function walletsTable(result, go, id) {
  return table({
    id: 'wallets',
    rows: result.items,
    rowData: w => ({ walletId: w.id, chain: w.chain }),
    empty: { title: 'No wallets yet', hint: 'Wallets appear when your backend derives them (POST …/wallets).' },
    page: { ...result, go: p => go(`/customers/${id}`, { page: p }) },
    columns: [
      { title: 'Chain', cell: w => h('span', h('strong', w.chain), h('div.muted.mono', w.path)) },
      { title: 'Address', cell: w => h('span', h('span.mono.wrap.address', w.address), ' ', copyButton(w.address),
          ' ', h('button.secondary.small.qr', { type: 'button', onclick: () => showQr(w) }, 'QR')) },
      { title: 'Exports', cell: w => w.exportCount > 0
          ? h('span.exported', badge(`exported ×${w.exportCount}`, 'warn'), h('div.muted', when(w.lastExportedAt)))
          : h('span.muted', 'never') },
      { title: 'Created', cell: w => when(w.createdAt), narrow: true },
    ],
  });
}

export async function customerPage({ params: [id], query, go }) {
  const page = Number(query.get('page') || 0);
  const [d, wallets] = await Promise.all([
    api.get(`customers/${encodeURIComponent(id)}`),
    api.get(`customers/${encodeURIComponent(id)}/wallets?page=${page}&size=20`),
  ]);
  const c = d.customer;
  let unlockButton = null;
  if (d.pin.lockedUntil && session.isAdmin()) {
    unlockButton = h('button.secondary.small#unlock-pin', { type: 'button' }, 'Unlock');
    unlockButton.addEventListener('click', async () => {
      if (!(await confirmAction(`Lift ${c.externalRef}'s PIN lock? Do this only after checking who is asking.`, 'Unlock'))) return;
      await busy(unlockButton, async () => {
        await api.post(`customers/${encodeURIComponent(id)}/pin/unlock`);
        flash(`${c.externalRef}'s PIN is unlocked.`);
        go(`/customers/${id}`);
      });
    });
  }
  const lock = d.pin.lockedUntil
    ? h('div.notice.bad#pin-lock', h('strong', `PIN locked until ${when(d.pin.lockedUntil)}. `), d.pin.unlock, ' ', unlockButton)
    : h('div#pin-lock', { dataset: { locked: 'false' } },
        d.pin.set ? badge('PIN set', 'ok') : badge('no PIN yet', 'warn'));
  const actions = [];
  if (session.isAdmin() && c.status === 'ACTIVE') {
    const disable = h('button.danger#disable-customer', { type: 'button' }, 'Disable customer');
    disable.addEventListener('click', async () => {
      if (!(await confirmAction(`Disable ${c.externalRef}? Nothing of theirs will sign or change any more.`, 'Disable'))) return;
      await busy(disable, async () => {
        await api.post(`customers/${encodeURIComponent(id)}/disable`);
        flash(`${c.externalRef} is disabled.`);
        go(`/customers/${id}`);
      });
    });
    actions.push(disable);
  }
  return h('div',
    h('p', h('a', { href: '#/customers' }, '← Customers')),
    pageHead(c.externalRef, c.email, ...actions),
    h('div.panel',
      h('dl.facts',
        h('dt', 'Customer id'), h('dd.mono#customer-id', c.id),
        h('dt', 'Status'), h('dd#customer-status', badge(c.status.toLowerCase(), c.status === 'ACTIVE' ? 'ok' : 'warn')),
        h('dt', 'Created'), h('dd', when(c.createdAt)),
        h('dt', 'PIN'), h('dd', lock),
        h('dt', 'Recovery'), h('dd', d.recovery.securityQuestions ? badge('security questions', 'ok') : h('span.muted', 'none set up')),
        h('dt', 'Wallets'), h('dd#wallets-by-chain', Object.keys(d.walletsByChain).length
          ? Object.entries(d.walletsByChain).map(([chain, n]) => badge(`${chain} ${n}`)).reduce((a, b) => [a, ' ', b])
          : h('span.muted', 'none')))),
    h('h2', 'Keys'),
    table({
      id: 'customer-keys',
      rows: d.keys,
      rowData: k => ({ keyId: k.id, frozen: String(k.frozen) }),
      empty: { title: 'No keys yet', hint: 'The customer\'s app runs the key generation with their PIN.' },
      columns: [
        { title: 'Curve', cell: k => k.curve },
        { title: 'Public key', cell: k => h('span.mono', short(k.publicKey, 12)) },
        { title: 'State', cell: k => k.frozen
            ? h('span', badge('frozen', 'bad'), h('div.muted', `since ${when(k.frozenAt)}; the customer\'s app refreshes it with the PIN`))
            : badge('active', 'ok') },
        { title: 'Exports', cell: k => k.exportCount ? badge(`×${k.exportCount}`, 'warn') : h('span.muted', 'none'), narrow: true },
      ],
    }),
    h('h2', 'Wallets'),
    walletsTable(wallets, go, id));
}
