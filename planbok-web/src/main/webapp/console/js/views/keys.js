import { api } from '../api.js';
import { session } from '../app.js';
import { h, when, badge, pageHead, table, short, flash, busy } from '../ui.js';

function refreshForm(key, go) {
  const secret = h('input.org-secret', { type: 'password', autocomplete: 'off', placeholder: 'Organization Secret', 'aria-label': 'Organization Secret' });
  const button = h('button.small', { type: 'submit' }, 'Refresh');
  const form = h('form.inline.refresh-form', secret, button);
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(button, async () => {
      const value = secret.value.trim();
      secret.value = '';
      await api.post(`keys/organization/${encodeURIComponent(key.id)}/refresh`, { organizationSecret: value });
      flash('The key was refreshed: both shares changed, the address stayed' + (key.frozen ? ', and the freeze is lifted.' : '.'));
      go('/keys');
    });
  });
  return form;
}

export async function keysPage({ go }) {
  const [frozen, own] = await Promise.all([api.get('keys/frozen'), api.get('keys/organization')]);
  return h('div',
    pageHead('Keys', 'Frozen keys and your organization\'s own keys.'),
    h('h2', 'Frozen keys'),
    h('p.muted', 'A key freezes when a joint signature fails verification at Node 2 (a sign of tampering); it signs and exports nothing until a refresh, which can lift a freeze once in a key\'s life. A customer\'s key is refreshed by their app with their PIN (POST …/keys/{id}/refresh); your organization\'s keys below, with the Organization Secret.'),
    table({
      id: 'frozen-keys',
      rows: frozen,
      rowData: k => ({ keyId: k.id }),
      empty: { title: 'No frozen keys', hint: 'Every key can sign.' },
      columns: [
        { title: 'Key', cell: k => h('span.mono', short(k.id, 8)) },
        { title: 'Owner', cell: k => k.owner.startsWith('customer:')
            ? h('a', { href: `#/customers/${encodeURIComponent(k.owner.slice(9))}` }, 'customer')
            : 'your organization' },
        { title: 'Curve', cell: k => k.curve },
        { title: 'Frozen', cell: k => h('span', badge('frozen', 'bad'), ' ', when(k.frozenAt)) },
      ],
    }),
    h('h2', 'Organization keys'),
    table({
      id: 'organization-keys',
      rows: own,
      rowData: k => ({ keyId: k.id, frozen: String(k.frozen) }),
      empty: { title: 'No organization keys', hint: 'Your backend generates them with POST /api/v1/organization/keys.' },
      columns: [
        { title: 'Curve', cell: k => k.curve },
        { title: 'Public key', cell: k => h('span.mono', short(k.publicKey, 12)) },
        { title: 'State', cell: k => k.frozen ? badge('frozen', 'bad') : badge('active', 'ok') },
        { title: 'Refreshed', cell: k => when(k.refreshedAt), narrow: true },
        { title: '', cell: k => session.isAdmin() ? refreshForm(k, go) : '' },
      ],
    }));
}
