import { api } from '../api.js';
import { h } from '../ui.js';

const REASONS = {
  SESSION_EXPIRED: 'Your session expired after a while without activity. Sign in again.',
  SESSION_ENDED: 'Your session ended because your account changed. Sign in again.',
};

export async function signInPage(signedIn, reason) {
  const email = h('input#email', { type: 'email', name: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input#password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('p.notice.bad#sign-in-error', { hidden: true, role: 'alert' });
  const button = h('button#sign-in', { type: 'submit' }, 'Sign in');
  const form = h('form.sign-in', { novalidate: true },
    h('div.brand', 'Planbok'),
    h('h1', 'Sign in to the console'),
    h('p.muted', 'For your organization\'s administrators.'),
    REASONS[reason] ? h('p.notice#sign-in-reason', REASONS[reason]) : null,
    error,
    h('label', { for: 'email' }, 'Email address'), email,
    h('label', { for: 'password' }, 'Password'), password,
    button,
    h('p.muted', { style: null }, 'No account yet? Your operator creates the first admin; admins add the rest.'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      const session = await api.signIn(email.value.trim(), password.value);
      password.value = '';
      signedIn(session);
    } catch (problem) {
      error.textContent = problem.message;
      error.hidden = false;
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
