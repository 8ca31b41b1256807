import { api } from '../api.js';
import { h, ms, ago, badge, pageHead, table, short } from '../ui.js';

function stat(id, value, label, bad) {
  return h('div.stat', { id, class: bad ? 'stat bad' : 'stat' }, h('div.value', String(value)), h('div.label', label));
}

export async function dashboardPage() {
  const d = await api.get('dashboard');
  const node2 = d.node2.up
    ? h('div.panel#node2-status', { dataset: { up: 'true' } },
        h('strong', 'Node 2 '), badge('reachable', 'ok'),
        h('span.muted', ` · answered in ${ms(d.node2.roundTripMs)} · ${d.node2.nodeId}`))
    : h('div.panel#node2-status', { dataset: { up: 'false' } },
        h('strong', 'Node 2 '), badge('unreachable', 'bad'),
        h('span.muted', ` · ${d.node2.reason}: no key can sign or change until it is back.`));
  return h('div',
    pageHead('Dashboard', 'Your organization at a glance.'),
    node2,
    h('div.stats',
      stat('stat-customers', d.customers, 'Customers'),
      stat('stat-keys', d.keys, 'Keys'),
      stat('stat-wallets', d.wallets, 'Wallets'),
      stat('stat-signatures', d.signaturesToday, 'Signatures today (UTC)'),
      stat('stat-exported', d.exportedWallets, 'Wallets exported', d.exportedWallets > 0),
      stat('stat-frozen', d.frozenKeys, 'Frozen keys', d.frozenKeys > 0),
      stat('stat-failed', d.failedSessionsToday, 'Failed sessions today', d.failedSessionsToday > 0)),
    h('h2', 'Recent failures'),
    table({
      id: 'recent-failures',
      rows: d.recentFailures,
      empty: { title: 'No failed sessions', hint: 'Every protocol session with Node 2 succeeded.' },
      columns: [
        { title: 'When', cell: s => ago(s.startedAt) },
        { title: 'Operation', cell: s => s.operation },
        { title: 'Key', cell: s => h('span.mono', short(s.keyId, 8)), narrow: true },
        { title: 'Outcome', cell: s => h('span', badge('failed', 'bad'), ' ', s.outcome || '') },
      ],
    }),
    h('p', h('a', { href: '#/sessions' }, 'All protocol sessions →')));
}
