// The console API client: same-origin fetch with the session cookie, the CSRF token on every
// change, and RFC 9457 problems thrown as ConsoleProblem.

const BASE = '/api/v1/console/';
let csrfToken = null;

export class ConsoleProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.type = (problem.type || '').replace('https://planbok.org/problems/', '');
    this.problem = problem;
  }
}

/** Called when a request finds no session: the app shows the sign-in page with the reason. */
let onSignedOut = () => {};
export function whenSignedOut(handler) { onSignedOut = handler; }

export function rememberCsrf(token) { csrfToken = token; }

function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'console-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  // Every change runs once per key (DESIGN §7): a retried request gets the first answer.
  if (method !== 'GET') headers['Idempotency-Key'] = idempotencyKey();
  let response;
  try {
    response = await fetch(BASE + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ConsoleProblem(0, { detail: 'Planbok did not answer. Check the connection and retry.' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const problem = json && typeof json === 'object'
      ? json : { detail: `The server answered ${response.status}.` };
    const error = new ConsoleProblem(response.status, problem);
    if (response.status === 401 && path !== 'session') onSignedOut(error);
    throw error;
  }
  return json;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
  signIn: (email, password) => request('POST', 'session', { email, password }),
  session: () => request('GET', 'session'),
};
