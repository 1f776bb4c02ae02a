// The dashboard page: loads what the page needs, wires each card, then follows the live feed.
import { adoptPageSecretFromLink, dashboard, forgetPageSecret, pageSecret } from './api.js';
import { setUpApp } from './app.js';
import { setUpCopyButtons } from './copy.js';
import { byId, say } from './dom.js';
import { renderLive, startLive } from './live.js';
import { setUpTokenForm } from './token.js';
import { setUpUsers } from './users.js';

adoptPageSecretFromLink();
if (!pageSecret()) {
  // A tab without the page secret (opened anew, storage cleared) cannot use the session: sign in here.
  window.location.replace('/dashboard?signin');
} else {
  setUpCopyButtons();
  setUpTokenForm();
  byId('sign-out').addEventListener('click', async () => {
    try {
      await dashboard('logout', {});
    } finally {
      forgetPageSecret();
      window.location.replace('/dashboard');
    }
  });

  try {
    const app = await dashboard('api/app');
    const updateApp = setUpApp(app);
    const updateUsers = setUpUsers();
    startLive([updateApp, updateUsers, renderLive]);
  } catch (error) {
    say(byId('app-status'), error.message, true);
  }
}
