import { api } from '../api.js';
import { session } from '../app.js';
import { h, when, ago, badge, pageHead, table, copyButton, confirmAction, flash, busy } from '../ui.js';

export async function apiKeysPage({ go }) {
  const keys = await api.get('api-keys');
  const shown = h('div#new-key');
  let form = null;
  if (session.isAdmin()) {
    const label = h('input#new-key-label', { type: 'text', maxlength: 100, placeholder: 'e.g. billing backend', required: true });
    const create = h('button#create-key', { type: 'submit' }, 'Create key');
    form = h('form.inline.panel#create-key-form', h('div', h('label', { for: 'new-key-label' }, 'Label'), label), create);
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(create, async () => {
        const made = await api.post('api-keys', { label: label.value.trim() });
        label.value = '';
        const text = h('code.mono#new-key-text', made.apiKey);
        shown.replaceChildren(h('div.secret-once',
          h('strong', `Key “${made.key.label}” created. Copy it now: `),
          'Planbok keeps only its hash and will never show it again.',
          text, copyButton(made.apiKey, 'Copy key')));
        const rows = await api.get('api-keys');
        document.getElementById('api-keys').replaceWith(keysTable(rows, go));
      });
    });
  }
  return h('div',
    pageHead('API keys', 'Your backend calls the API with these. Revoked keys stay listed.'),
    form ?? h('p.notice#viewer-note', 'Viewers can see keys but not create or revoke them.'),
    shown,
    keysTable(keys, go));
}

function keysTable(keys, go) {
  return table({
    id: 'api-keys',
    rows: keys,
    rowData: k => ({ keyId: k.id, revoked: String(!!k.revokedAt) }),
    empty: { title: 'No API keys', hint: 'Create one for your backend.' },
    columns: [
      { title: 'Label', cell: k => h('strong', k.label) },
      { title: 'Key', cell: k => h('span.mono.wrap', `${k.prefix}_…`), narrow: true },
      { title: 'Created', cell: k => when(k.createdAt), narrow: true },
      { title: 'Last used', cell: k => ago(k.lastUsedAt) },
      { title: 'State', cell: k => k.revokedAt ? h('span', badge('revoked', 'bad'), h('div.muted', when(k.revokedAt))) : badge('active', 'ok') },
      { title: '', cell: k => !k.revokedAt && session.isAdmin() ? revokeButton(k, go) : '' },
    ],
  });
}

function revokeButton(key, go) {
  const button = h('button.danger.small.revoke', { type: 'button' }, 'Revoke');
  button.addEventListener('click', async () => {
    if (!(await confirmAction(`Revoke “${key.label}”? Calls with it get 401 from now on.`, 'Revoke'))) return;
    await busy(button, async () => {
      await api.post(`api-keys/${encodeURIComponent(key.id)}/revoke`);
      flash(`Key “${key.label}” is revoked.`);
      const rows = await api.get('api-keys');
      document.getElementById('api-keys').replaceWith(keysTable(rows, go));
    });
  });
  return button;
}
