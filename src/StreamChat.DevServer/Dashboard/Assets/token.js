// The "Token for testing" form: the server checks every field and signs the token; the page shows it decoded.
import { dashboard } from './api.js';
import { byId, formatTime, say } from './dom.js';

const FIELDS = { user_id: 'token-user', expires_in: 'token-expires', expires_unit: 'token-unit', claims: 'token-claims' };

export function setUpTokenForm() {
  const form = byId('token-form');
  const error = byId('token-error');
  const result = byId('token-result');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '', true);
    for (const id of Object.values(FIELDS)) byId(id).removeAttribute('aria-invalid');

    try {
      const token = await dashboard('api/tokens', {
        user_id: byId('token-user').value,
        expires_in: byId('token-expires').value,
        expires_unit: byId('token-unit').value,
        claims: byId('token-claims').value,
      });
      byId('token-output').value = token.token;
      byId('token-decoded').textContent = JSON.stringify(token.claims, null, 2);
      byId('token-expiry').textContent = token.expires_at ? `Expires ${formatTime(token.expires_at)}.` : 'Never expires.';
      result.hidden = false;
      say(byId('token-status'), `Token created for ${token.claims.user_id}.`);
    } catch (failure) {
      result.hidden = true;
      say(byId('token-status'), '');
      say(error, failure.message, true);
      const field = byId(FIELDS[failure.field]);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-errormessage', 'token-error');
        field.focus();
      }
    }
  });
}
