// The console's shell: who is signed in, the hash router and the page frame. Each page is a module
// in views/ that returns its content; every call goes through api.js.

import { api, rememberCsrf, whenSignedOut } from './api.js';
import { h, flash, clearFlash } from './ui.js';
import { signInPage } from './views/sign-in.js';
import { dashboardPage } from './views/dashboard.js';
import { customersPage, customerPage } from './views/customers.js';
import { sessionsPage } from './views/sessions.js';
import { auditPage } from './views/audit.js';
import { apiKeysPage } from './views/api-keys.js';
import { keysPage } from './views/keys.js';
import { policyPage } from './views/policy.js';
import { usersPage, accountPage } from './views/users.js';
import { webhooksPage } from './views/webhooks.js';

const routes = [
  { pattern: /^\/$/, page: 'dashboard', nav: 'nav-dashboard', view: dashboardPage },
  { pattern: /^\/customers$/, page: 'customers', nav: 'nav-customers', view: customersPage },
  { pattern: /^\/customers\/([^/]+)$/, page: 'customer', nav: 'nav-customers', view: customerPage },
  { pattern: /^\/sessions$/, page: 'sessions', nav: 'nav-sessions', view: sessionsPage },
  { pattern: /^\/audit$/, page: 'audit', nav: 'nav-audit', view: auditPage },
  { pattern: /^\/api-keys$/, page: 'api-keys', nav: 'nav-api-keys', view: apiKeysPage },
  { pattern: /^\/keys$/, page: 'keys', nav: 'nav-keys', view: keysPage },
  { pattern: /^\/policy$/, page: 'policy', nav: 'nav-policy', view: policyPage },
  { pattern: /^\/users$/, page: 'users', nav: 'nav-users', view: usersPage },
  { pattern: /^\/webhooks$/, page: 'webhooks', nav: 'nav-webhooks', view: webhooksPage },
  { pattern: /^\/account$/, page: 'account', nav: null, view: accountPage },
];

/** The signed-in user, or null. */
export const session = { current: null, isAdmin: () => session.current?.role === 'admin' };

function location() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { path, query: new URLSearchParams(query || '') };
}

/** Goes to a route (with query parameters) and renders it. */
export function go(path, query) {
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString() : '';
  const target = '#' + path + (q ? '?' + q : '');
  if (window.location.hash === target) render(); else window.location.hash = target;
}

function frame(signedIn) {
  document.getElementById('topbar').hidden = !signedIn;
  if (!signedIn) return;
  document.getElementById('org-name').textContent = session.current.organizationName;
  document.getElementById('whoami').textContent = session.current.email;
  document.getElementById('role-badge').textContent = session.current.role;
  // Webhooks are for admins only (the server refuses viewers too).
  document.getElementById('nav-webhooks').hidden = !session.isAdmin();
}

async function render() {
  const main = document.getElementById('page');
  const { path, query } = location();
  if (!session.current) {
    frame(false);
    return show(main, 'sign-in', () => signInPage(signedIn, query.get('reason')));
  }
  frame(true);
  const route = routes.find(r => r.pattern.test(path));
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', route && a.id === route.nav);
  document.getElementById('nav').classList.remove('open');
  if (!route) {
    return show(main, 'not-found', async () => h('div.panel',
      h('h1', 'Page not found'),
      h('p.muted', `There is no console page at ${path}.`),
      h('a', { href: '#/' }, 'Back to the dashboard')));
  }
  const params = path.match(route.pattern).slice(1).map(decodeURIComponent);
  return show(main, route.page, () => route.view({ params, query, go }));
}

async function show(main, page, build) {
  main.dataset.page = page;
  main.dataset.state = 'loading';
  const token = (show.token = (show.token || 0) + 1);
  try {
    const content = await build();
    if (token !== show.token) return; // a newer navigation won
    main.replaceChildren(content);
    main.dataset.state = 'ready';
  } catch (e) {
    if (token !== show.token) return;
    if (e.status === 401 && !session.current) return;
    main.replaceChildren(h('div.panel.error-page',
      h('h1', e.status === 404 ? 'Not found' : 'Something went wrong'),
      h('p', e.message),
      e.status === 404
        ? h('p.muted', 'It may belong to another organization, or the link is mistyped.')
        : h('p.muted', 'Retry in a moment. If it keeps happening, quote the incident id above to your operator.'),
      h('p', h('a', { href: '#/' }, 'Back to the dashboard'))));
    main.dataset.state = 'error';
  }
}

function signedIn(current) {
  session.current = current;
  rememberCsrf(current.csrfToken);
  clearFlash();
  const { path } = location();
  if (path === '/sign-in') go('/'); else render();
}

whenSignedOut(error => {
  if (!session.current) return;
  session.current = null;
  rememberCsrf(null);
  const reason = error.problem?.reason;
  // The sign-in page explains an expired or ended session itself.
  if (reason !== 'SESSION_EXPIRED' && reason !== 'SESSION_ENDED') flash(error.message, 'error');
  go('/sign-in', { reason });
});

async function start() {
  document.getElementById('sign-out').addEventListener('click', async () => {
    try { await api.post('session/sign-out'); } catch (e) { /* the session is gone either way */ }
    session.current = null;
    rememberCsrf(null);
    flash('You are signed out.');
    go('/sign-in');
  });
  document.getElementById('menu-toggle').addEventListener('click', e => {
    const nav = document.getElementById('nav');
    nav.classList.toggle('open');
    e.target.setAttribute('aria-expanded', nav.classList.contains('open'));
  });
  window.addEventListener('hashchange', () => render());
  try {
    session.current = await api.session();
    rememberCsrf(session.current.csrfToken);
  } catch (e) {
    session.current = null;
  }
  await render();
  document.body.dataset.ready = 'true';
  window.__planbok = { csrf: () => session.current?.csrfToken };
}

start();
