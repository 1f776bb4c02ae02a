// The Users card: who the server knows, when each was last seen, and per-user token revocation.
import { dashboard } from './api.js';
import { byId, el, formatTime, say, syncRows } from './dom.js';

export function setUpUsers() {
  const tbody = byId('users');
  const status = byId('users-status');

  const revoke = async (userId, revoked, entry) => {
    try {
      const result = await dashboard('api/revocation', { user_id: userId, revoked });
      entry.update({ ...entry.user, revoke_tokens_issued_before: result.revoke_tokens_issued_before });
      say(status, revoked
        ? `Tokens of ${userId} issued before this second are revoked: the client gets code 40 and fetches a new token.`
        : `The revocation of ${userId}'s tokens is lifted.`);
    } catch (error) {
      say(status, error.message, true);
    }
  };

  const create = (user) => {
    const id = el('th', { scope: 'row', className: 'id' });
    const role = el('td');
    const seen = el('td');
    const cutoff = el('td');
    const label = el('span', { className: 'visually-hidden' });
    const action = el('button', { type: 'button' }, el('span'), label);
    const entry = { row: el('tr', {}, id, role, seen, cutoff, el('td', {}, action)), user };
    action.addEventListener('click', () => revoke(entry.user.id, !entry.user.revoke_tokens_issued_before, entry));
    entry.update = (next) => {
      entry.user = next;
      id.textContent = next.id;
      role.textContent = next.role;
      seen.replaceChildren(next.online ? el('span', { className: 'badge online', text: 'online now' }) : formatTime(next.last_seen));
      cutoff.textContent = formatTime(next.revoke_tokens_issued_before);
      const revoked = Boolean(next.revoke_tokens_issued_before);
      action.className = revoked ? '' : 'danger';
      action.firstChild.textContent = revoked ? 'Lift revocation' : 'Revoke tokens';
      label.textContent = ` of ${next.id}`;
    };
    return entry;
  };

  return (snapshot) => {
    const users = snapshot.users;
    byId('users-count').textContent = `(${users.total}${users.total > users.rows.length ? `, the ${users.rows.length} seen last` : ''})`;
    syncRows(tbody, users.rows, (user) => user.id, create, 'No users yet: they are created when they first connect.', 5);
  };
}
