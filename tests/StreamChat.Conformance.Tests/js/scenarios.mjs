// Drives the official JavaScript chat client (npm stream-chat) against the dev server, one scenario per process.
// Talks to the .NET test host over stdio (host.mjs): lines starting with "@@" are JSON messages. The host answers
// {"kind":"token"} (sign a token for a user) and {"kind":"checkpoint"} (do something on the server side), and reads the
// final {"kind":"result"}. Usage: node scenarios.mjs <scenario>, with STREAM_BASE_URL and STREAM_API_KEY set.
import { StreamChat } from 'stream-chat';
import { ask, run } from './host.mjs';

const baseURL = process.env.STREAM_BASE_URL;
const apiKey = process.env.STREAM_API_KEY;
const channelId = process.env.STREAM_CHANNEL_ID ?? 'conformance';

function newClient() {
  return new StreamChat(apiKey, { baseURL, allowServerSideConnect: true, timeout: 15000 });
}

// A token provider backed by the host, counting its calls.
function hostTokenProvider(userId) {
  const provider = async () => {
    provider.calls += 1;
    const reply = await ask('token', { user: userId, call: provider.calls });
    return reply.token;
  };
  provider.calls = 0;
  return provider;
}

function errorInfo(error) {
  return { code: error?.code ?? null, status: error?.status ?? null };
}

// Connects with a development token; a refusal is reported with its code instead of thrown.
async function connectWithDevToken(userId) {
  const client = newClient();
  try {
    const connected = await client.connectUser({ id: userId }, client.devToken(userId));
    const result = { connected: true, meId: connected.me.id };
    await client.disconnectUser();
    return result;
  } catch (error) {
    // A refused connect rejects with an Error whose message is the JSON of the server's error.
    let code = error?.code ?? null;
    try {
      code = JSON.parse(error.message).code;
    } catch {
      // not JSON: keep what the error carried
    }
    return { connected: false, code };
  }
}

const scenarios = {
  async 'connect-user'() {
    const client = newClient();
    const provider = hostTokenProvider('alice');
    const connected = await client.connectUser({ id: 'alice', name: 'Alice' }, provider);
    const result = {
      meId: connected.me.id,
      meName: connected.me.name,
      meRole: connected.me.role,
      connectionId: client._getConnectionID() ?? null,
      providerCalls: provider.calls,
    };
    await client.disconnectUser();
    return result;
  },

  async 'anonymous-livestream'() {
    const client = newClient();
    await client.connectAnonymousUser();
    const channel = client.channel('livestream', channelId);
    const state = await channel.watch();
    let sendError = null;
    try {
      await channel.sendMessage({ text: 'anonymous visitors cannot post' });
    } catch (error) {
      sendError = errorInfo(error);
    }

    const result = {
      cid: channel.cid,
      messages: state.messages.map((m) => m.text),
      stateMessages: channel.state.messages.map((m) => m.text),
      connectionId: client._getConnectionID() ?? null,
      sendError,
    };
    await client.disconnectUser();
    return result;
  },

  async 'guest-user'() {
    const client = newClient();
    const connected = await client.setGuestUser({ id: 'guest-ann', name: 'Ann' });
    const channel = client.channel('livestream', channelId);
    await channel.watch();
    const sent = await channel.sendMessage({ text: 'hello from a guest' });
    const result = {
      meId: connected.me.id,
      meRole: connected.me.role,
      clientUserRole: client.user?.role ?? null,
      sentBy: sent.message.user.id,
    };
    await client.disconnectUser();
    return result;
  },

  async 'watch-send-receive'() {
    const alice = newClient();
    const bob = newClient();
    await bob.connectUser({ id: 'bob', name: 'Bob' }, hostTokenProvider('bob'));
    await alice.connectUser({ id: 'alice', name: 'Alice' }, hostTokenProvider('alice'));

    const aliceChannel = alice.channel('messaging', channelId, { members: ['alice', 'bob'] });
    await aliceChannel.watch();
    const bobChannel = bob.channel('messaging', channelId);
    const received = new Promise((resolve) => bobChannel.on('message.new', resolve));
    await bobChannel.watch();

    const sent = await aliceChannel.sendMessage({ text: 'hello bob' });
    const event = await received;
    const result = {
      sentId: sent.message.id,
      receivedId: event.message.id,
      receivedText: event.message.text,
      receivedFrom: event.user.id,
      bobStateHasMessage: bobChannel.state.messages.some((m) => m.id === sent.message.id),
      memberCount: aliceChannel.data.member_count,
    };
    await Promise.all([alice.disconnectUser(), bob.disconnectUser()]);
    return result;
  },

  async 'expired-token-rest'() {
    const client = newClient();
    const provider = hostTokenProvider('erin');
    await client.connectUser({ id: 'erin' }, provider);
    const callsBefore = provider.calls;
    // The host moves the server's clock past the token's exp.
    await ask('checkpoint', { name: 'connected' });
    const channel = client.channel('messaging', channelId);
    await channel.watch();
    const sent = await channel.sendMessage({ text: 'sent after a refresh' });
    const result = { callsBefore, callsAfter: provider.calls, sentText: sent.message.text };
    await client.disconnectUser();
    return result;
  },

  'dev-token'() {
    return connectWithDevToken('dave');
  },

  // The official server client (the same package, given the secret) reads and changes the app's settings.
  async 'app-settings'() {
    const server = new StreamChat(apiKey, process.env.STREAM_API_SECRET, { baseURL, timeout: 15000 });
    const before = await server.getAppSettings();
    await server.updateAppSettings({ disable_auth_checks: true });
    const during = await server.getAppSettings();
    const accepted = await connectWithDevToken('dora');
    await server.updateAppSettings({ disable_auth_checks: false });
    const after = await server.getAppSettings();
    const refused = await connectWithDevToken('dora');
    return {
      before: before.app.disable_auth_checks,
      during: during.app.disable_auth_checks,
      after: after.app.disable_auth_checks,
      accepted,
      refused,
    };
  },

  // The official server client upserts a user, then changes it with a partial update (set and unset).
  async 'partial-update-user'() {
    const server = new StreamChat(apiKey, process.env.STREAM_API_SECRET, { baseURL, timeout: 15000 });
    await server.upsertUser({ id: 'pat', bio: 'first', color: 'red' });
    const updated = await server.partialUpdateUser({ id: 'pat', set: { color: 'blue', role: 'admin' }, unset: ['bio'] });
    const pat = updated.users.pat;
    return { color: pat.color, hasBio: 'bio' in pat, role: pat.role };
  },

  // Bob stops watching one channel, then recovers what he missed with sync(channel_cids, last_sync_at), as after a reconnect.
  async 'stop-watching-and-sync'() {
    const alice = newClient();
    const bob = newClient();
    await alice.connectUser({ id: 'alice' }, hostTokenProvider('alice'));
    await bob.connectUser({ id: 'bob' }, hostTokenProvider('bob'));
    const quiet = `${channelId}-quiet`;
    const aliceLoud = alice.channel('messaging', channelId, { members: ['alice', 'bob'] });
    const aliceQuiet = alice.channel('messaging', quiet, { members: ['alice', 'bob'] });
    await aliceLoud.watch();
    await aliceQuiet.watch();
    const bobLoud = bob.channel('messaging', channelId);
    const bobQuiet = bob.channel('messaging', quiet);
    await bobLoud.watch();
    await bobQuiet.watch();
    const before = await aliceQuiet.sendMessage({ text: 'before the mark' });
    // The host moves the server's clock on, so the mark lies between the first message and the rest.
    await ask('checkpoint', { name: 'advance' });
    const mark = new Date(Date.parse(before.message.created_at) + 500).toISOString();

    const stopped = await bobQuiet.stopWatching();
    const live = [];
    bob.on('message.new', (event) => live.push(event.message.text));
    await aliceQuiet.sendMessage({ text: 'missed while not watching' });
    const loudReceived = new Promise((resolve) => bobLoud.on('message.new', resolve));
    await aliceLoud.sendMessage({ text: 'seen live' });
    await loudReceived;

    const synced = await bob.sync([bobQuiet.cid, bobLoud.cid], mark);
    const withInaccessible = await bob.sync([bobLoud.cid, 'messaging:never-created'], mark, { with_inaccessible_cids: true });
    const result = {
      stoppedDuration: typeof stopped.duration,
      live,
      syncTypes: synced.events.map((e) => e.type),
      syncTexts: synced.events.map((e) => e.message?.text ?? null),
      syncCids: synced.events.map((e) => e.cid),
      inaccessible: withInaccessible.inaccessible_cids ?? null,
      inaccessibleEvents: withInaccessible.events.length,
    };
    await Promise.all([alice.disconnectUser(), bob.disconnectUser()]);
    return result;
  },

  async 'expired-token-connect'() {
    const client = newClient();
    const provider = hostTokenProvider('fred');
    const connected = await client.connectUser({ id: 'fred' }, provider);
    const result = { meId: connected.me.id, providerCalls: provider.calls };
    await client.disconnectUser();
    return result;
  },
};

await run(scenarios, process.argv[2], errorInfo);
