// Calls to the dev server: the dashboard's own API (session cookie + the page secret in the dashboard header) and the chat
// protocol itself (GET/PATCH /app with the server token, as the official server clients send them).

export const DASHBOARD_HEADER = 'X-StreamChat-Dashboard';
const PAGE_SECRET = 'streamchat-dashboard-page';

/** The page secret of this tab's session: the cookie alone opens nothing, so it stays in this tab, never in a cookie. */
export function pageSecret() {
  return window.sessionStorage.getItem(PAGE_SECRET);
}

export function keepPageSecret(secret) {
  window.sessionStorage.setItem(PAGE_SECRET, secret);
}

export function forgetPageSecret() {
  window.sessionStorage.removeItem(PAGE_SECRET);
}

/** The printed link hands the page secret over in the fragment: keep it, and drop it from the address bar and history. */
export function adoptPageSecretFromLink() {
  const match = /^#page=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match) {
    keepPageSecret(match[1]);
    window.history.replaceState(null, '', '/dashboard');
  }
}

export class DashboardError extends Error {
  constructor(message, field = null, status = 0) {
    super(message);
    this.field = field;
    this.status = status;
  }
}

async function send(url, method, headers, body) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new DashboardError('The dev server did not answer. Is it still running?');
  }

  let json = null;
  try {
    json = await response.json();
  } catch {
    // not JSON: the status says enough
  }

  if (!response.ok) {
    const message = json?.message ?? `The dev server answered HTTP ${response.status}.`;
    throw new DashboardError(message, json?.field ?? null, response.status);
  }

  return json ?? {};
}

/** A dashboard call: `path` below /dashboard/ (api/app, logout…); a body makes it a POST. */
export async function dashboard(path, body) {
  try {
    return await send(`/dashboard/${path}`, body === undefined ? 'GET' : 'POST', { [DASHBOARD_HEADER]: pageSecret() ?? '1' }, body);
  } catch (error) {
    if (error.status === 401 && path !== 'login') {
      throw new DashboardError('You are signed out (the dev server may have restarted): reload the page and sign in again.', null, 401);
    }

    throw error;
  }
}

/**
 * A chat protocol call with the app's server token, e.g. protocol(app, 'PATCH', 'app', { disable_auth_checks: true }).
 * The token is short-lived: when it is refused, the page asks for a new one and tries once more.
 */
export async function protocol(app, method, path, body) {
  const call = () => send(`/${path}?api_key=${encodeURIComponent(app.api_key)}`, method,
    { Authorization: app.server_token, 'stream-auth-type': 'jwt', 'X-Stream-Client': 'streamchat-dashboard' }, body);
  try {
    return await call();
  } catch (error) {
    if (error.status !== 401) throw error;
    app.server_token = (await dashboard('api/app')).server_token;
    return call();
  }
}
