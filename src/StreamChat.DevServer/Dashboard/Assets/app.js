// The App card: key, secret (revealed on request), the "Disable auth checks" switch and app-wide revocation.
import { dashboard, protocol } from './api.js';
import { byId, formatTime, say } from './dom.js';

export function setUpApp(app) {
  const status = byId('app-status');
  const secret = byId('api-secret');
  const reveal = byId('reveal-secret');
  const copySecret = document.querySelector('[data-copy="api-secret"]');
  const toggle = byId('auth-checks');
  let switchBusy = false;

  byId('base-url').value = app.base_url;
  byId('api-key').value = app.api_key;

  reveal.addEventListener('click', async () => {
    if (secret.type === 'text') {
      secret.value = '';
      secret.type = 'password';
      reveal.textContent = 'Reveal';
      copySecret.disabled = true;
      say(status, 'The API secret is hidden again.');
      return;
    }

    try {
      const { api_secret: value } = await dashboard('api/secret', {});
      secret.type = 'text';
      secret.value = value;
      reveal.textContent = 'Hide';
      copySecret.disabled = false;
      say(status, 'The API secret is shown. Keep it out of screenshots and apps.');
    } catch (error) {
      say(status, error.message, true);
    }
  });

  const showSwitch = (disabled) => {
    toggle.setAttribute('aria-checked', String(disabled));
  };

  // While saving, the switch is busy, not disabled: a disabled button would drop the keyboard focus.
  toggle.addEventListener('click', async () => {
    if (switchBusy) return;
    const wanted = toggle.getAttribute('aria-checked') !== 'true';
    switchBusy = true;
    toggle.setAttribute('aria-busy', 'true');
    try {
      await protocol(app, 'PATCH', 'app', { disable_auth_checks: wanted });
      const { app: settings } = await protocol(app, 'GET', 'app');
      showSwitch(settings.disable_auth_checks === true);
      say(status, settings.disable_auth_checks
        ? 'Auth checks are disabled: development tokens are accepted.'
        : 'Auth checks are enabled: development tokens are refused with code 5.');
    } catch (error) {
      say(status, `The switch was not changed: ${error.message}`, true);
    } finally {
      switchBusy = false;
      toggle.removeAttribute('aria-busy');
    }
  });

  const revokeApp = async (revoked) => {
    try {
      const result = await dashboard('api/revocation', { revoked });
      showAppRevocation(result.revoke_tokens_issued_before);
      say(status, revoked
        ? 'Every token issued before this second is revoked: clients get code 40 and must fetch a new token.'
        : 'The app-wide revocation is lifted.');
    } catch (error) {
      say(status, error.message, true);
    }
  };
  byId('revoke-app').addEventListener('click', () => revokeApp(true));
  byId('lift-app').addEventListener('click', () => revokeApp(false));

  protocol(app, 'GET', 'app')
    .then(({ app: settings }) => {
      showSwitch(settings.disable_auth_checks === true);
      toggle.disabled = false;
    })
    .catch((error) => say(status, `The app's settings could not be read: ${error.message}`, true));

  // Live updates (a server client may change the settings too), unless the switch is being saved right now.
  return (snapshot) => {
    if (!switchBusy && !toggle.disabled) showSwitch(snapshot.app.disable_auth_checks);
    showAppRevocation(snapshot.app.revoke_tokens_issued_before);
  };
}

function showAppRevocation(cutoff) {
  byId('app-revocation').textContent = cutoff
    ? `Tokens issued before ${formatTime(cutoff)} are revoked (code 40), for every user.`
    : 'No app-wide revocation: tokens are refused only when they expire.';
  byId('lift-app').disabled = !cutoff;
}
