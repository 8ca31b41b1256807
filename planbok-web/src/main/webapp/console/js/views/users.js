import { api } from '../api.js';
import { session } from '../app.js';
import { h, when, badge, pageHead, table, copyButton, confirmAction, flash, busy } from '../ui.js';

export async function usersPage({ go }) {
  const users = await api.get('users');
  const shown = h('div#new-user');
  let form = null;
  if (session.isAdmin()) {
    const email = h('input#new-user-email', { type: 'email', placeholder: 'name@example.com', required: true });
    const role = h('select#new-user-role', h('option', { value: 'viewer' }, 'Viewer'), h('option', { value: 'admin' }, 'Admin'));
    const add = h('button#add-user', { type: 'submit' }, 'Add user');
    form = h('form.inline.panel#add-user-form',
      h('div', h('label', { for: 'new-user-email' }, 'Email address'), email),
      h('div', h('label', { for: 'new-user-role' }, 'Role'), role), add);
    form.addEventListener('submit', e => {
      e.preventDefault();
      busy(add, async () => {
        const made = await api.post('users', { email: email.value.trim(), role: role.value });
        email.value = '';
        shown.replaceChildren(h('div.secret-once',
          h('strong', `${made.email} can sign in now (${made.role}). `),
          'Hand over this password; they change it under their name, top right. It is not shown again.',
          h('code.mono#new-user-password', made.password), copyButton(made.password)));
        document.getElementById('users').replaceWith(usersTable(await api.get('users'), go));
      });
    });
  }
  return h('div',
    pageHead('Team', 'Who may use this console. Admins change things; viewers only look.'),
    form, shown, usersTable(users, go));
}

function usersTable(users, go) {
  const me = session.current.userId;
  return table({
    id: 'users',
    rows: users,
    rowData: u => ({ userId: u.id }),
    empty: { title: 'No users', hint: '' },
    columns: [
      { title: 'Email', cell: u => h('span', h('strong', u.email), u.id === me ? h('span.muted', ' (you)') : '') },
      { title: 'Role', cell: u => badge(u.role, u.role === 'admin' ? 'ok' : '') },
      { title: 'State', cell: u => !u.active ? badge('disabled', 'bad')
          : u.lockedUntil ? badge(`locked until ${when(u.lockedUntil)}`, 'warn') : badge('active', 'ok') },
      { title: 'Last sign-in', cell: u => when(u.lastSignInAt), narrow: true },
      { title: '', cell: u => session.isAdmin() && u.active && u.id !== me ? userActions(u, go) : '' },
    ],
  });
}

function userActions(user, go) {
  const next = user.role === 'admin' ? 'viewer' : 'admin';
  const role = h('button.secondary.small', { type: 'button' }, `Make ${next}`);
  role.addEventListener('click', () => busy(role, async () => {
    await api.post(`users/${encodeURIComponent(user.id)}/role`, { role: next });
    flash(`${user.email} is now ${next === 'admin' ? 'an admin' : 'a viewer'}.`);
    go('/users');
  }));
  const disable = h('button.danger.small', { type: 'button' }, 'Disable');
  disable.addEventListener('click', async () => {
    if (!(await confirmAction(`Disable ${user.email}? Their sessions end now.`, 'Disable'))) return;
    await busy(disable, async () => {
      await api.post(`users/${encodeURIComponent(user.id)}/disable`);
      flash(`${user.email} is disabled.`);
      go('/users');
    });
  });
  return h('span', role, ' ', disable);
}

export async function accountPage() {
  const current = h('input#current-password', { type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input#new-password', { type: 'password', autocomplete: 'new-password', minlength: 12, required: true });
  const save = h('button#change-password', { type: 'submit' }, 'Change password');
  const form = h('form.panel',
    h('label', { for: 'current-password' }, 'Current password'), current,
    h('label', { for: 'new-password' }, 'New password (12 to 128 characters)'), next,
    h('div.actions', save));
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(save, async () => {
      await api.post('session/password', { password: current.value, newPassword: next.value });
      current.value = '';
      next.value = '';
      flash('Your password is changed. Your other sessions have ended.');
    });
  });
  const s = session.current;
  return h('div',
    pageHead('Your account', `${s.email} · ${s.role} of ${s.organizationName}`),
    h('div.panel', h('dl.facts',
      h('dt', 'Email'), h('dd', s.email),
      h('dt', 'Role'), h('dd', s.role),
      h('dt', 'Organization'), h('dd', s.organizationName),
      h('dt', 'Session'), h('dd', `ends after ${Math.round(s.sessionTimeoutSeconds / 60)} min without activity`))),
    h('h2', 'Change password'),
    form);
}
