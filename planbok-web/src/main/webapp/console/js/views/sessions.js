import { api } from '../api.js';
import { h, when, ms, badge, pageHead, table, short } from '../ui.js';

const STATES = { SUCCEEDED: 'ok', FAILED: 'bad', RUNNING: 'warn' };

export async function sessionsPage({ query, go }) {
  const page = Number(query.get('page') || 0);
  const result = await api.get(`activity/sessions?page=${page}&size=25`);
  return h('div',
    pageHead('Protocol sessions', 'Every key generation, signature, refresh and export run with Node 2, newest first.'),
    table({
      id: 'sessions',
      rows: result.items,
      rowData: s => ({ sessionId: s.id, state: s.state }),
      empty: { title: 'No sessions yet', hint: 'They appear when keys are generated or used.' },
      page: { ...result, go: p => go('/sessions', { page: p }) },
      columns: [
        { title: 'Started', cell: s => when(s.startedAt) },
        { title: 'Operation', cell: s => h('span', h('strong', s.operation), h('div.muted', s.curve)) },
        { title: 'Owner', cell: s => h('span.mono', short(s.owner, 14)), narrow: true },
        { title: 'State', cell: s => badge(s.state.toLowerCase(), STATES[s.state]) },
        { title: 'Duration', cell: s => ms(s.durationMs) },
        { title: 'Outcome', cell: s => s.outcome || '—', narrow: true },
      ],
    }));
}
