// The sign-in page: the API secret opens a session; a wrong link key is explained, then dropped from the address.
import { dashboard, keepPageSecret } from './api.js';
import { byId, say } from './dom.js';

if (new URLSearchParams(window.location.search).get('refused') === 'key') {
  say(byId('refused'), "That link's key is not valid for this dev server: the key changes at every start. Use the link it printed at this start, or sign in with the API secret.", true);
  window.history.replaceState(null, '', '/dashboard');
}

byId('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const secret = byId('secret');
  const error = byId('sign-in-error');
  say(error, '', true);
  secret.removeAttribute('aria-invalid');
  try {
    const { page_secret: page } = await dashboard('login', { secret: secret.value });
    keepPageSecret(page);
    window.location.replace('/dashboard');
  } catch (failure) {
    say(error, failure.message, true);
    secret.setAttribute('aria-invalid', 'true');
    secret.setAttribute('aria-errormessage', 'sign-in-error');
    secret.focus();
  }
});
