import { api } from '../api.js';
import { h, when, badge, pageHead, table, busy, short } from '../ui.js';

const OUTCOMES = { OK: 'ok', FROZEN: 'bad', WRONG_PASSWORD: 'warn', THROTTLED: 'bad', DISABLED: 'warn' };

export async function auditPage({ query, go }) {
  const before = query.get('before');
  const result = await api.get(`activity/audit?size=25${before ? `&before=${before}` : ''}`);
  const outcome = h('div#verify-result', { role: 'status' });
  const verify = h('button#verify-chain', { type: 'button' }, 'Verify chain');
  verify.addEventListener('click', () => busy(verify, async () => {
    outcome.replaceChildren(h('p.muted', 'Verifying every row…'));
    const v = await api.get('activity/audit/verification');
    outcome.dataset.ok = String(v.ok);
    outcome.replaceChildren(h(v.ok ? 'div.notice.ok' : 'div.notice.bad',
      h('strong', v.ok ? 'Intact. ' : 'Broken. '), v.message,
      v.ok ? '' : ' Someone changed the database outside Planbok: keep a copy and tell your operator.'));
  }));
  return h('div',
    pageHead('Audit log', 'Who changed what, in an append-only chain: each row carries the hash of the one before.', verify),
    outcome,
    table({
      id: 'audit',
      rows: result.items,
      rowData: r => ({ sequence: String(r.sequence), action: r.action }),
      empty: { title: 'Nothing recorded yet', hint: 'Sign-ins, API keys, PINs, keys and exports are recorded here.' },
      columns: [
        { title: '#', cell: r => String(r.sequence) },
        { title: 'When', cell: r => when(r.at) },
        { title: 'Who', cell: r => h('span.wrap', r.actor) },
        { title: 'What', cell: r => h('span', h('strong', r.action), h('div.muted.wrap', r.target)) },
        { title: 'Outcome', cell: r => badge(r.outcome, OUTCOMES[r.outcome]) },
        { title: 'Detail', cell: r => h('span.wrap', r.detail || ''), narrow: true },
        { title: 'Hash', cell: r => h('span.mono', { title: r.hash }, short(r.hash, 6)), narrow: true },
      ],
    }),
    h('div.pager',
      h('span', before ? h('a', { href: '#/audit' }, '← Newest') : 'Newest first'),
      result.nextBefore
        ? h('button.secondary.small#audit-older', { type: 'button', onclick: () => go('/audit', { before: result.nextBefore }) }, 'Older →')
        : h('span', 'The first row')));
}
