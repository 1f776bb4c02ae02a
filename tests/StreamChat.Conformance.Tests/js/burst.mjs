// A fan-out burst with the official JavaScript client (npm stream-chat): N clients in this one process watch one channel,
// then each sends one message at the same moment, so every watcher must receive N message.new events (N x N in all).
// Same stdio protocol as scenarios.mjs (host.mjs). Usage: node burst.mjs burst, with STREAM_BASE_URL, STREAM_API_KEY,
// STREAM_CHANNEL_ID and BURST_CLIENTS set.
import { StreamChat } from 'stream-chat';
import { ask, run } from './host.mjs';

const baseURL = process.env.STREAM_BASE_URL;
const apiKey = process.env.STREAM_API_KEY;
const channelId = process.env.STREAM_CHANNEL_ID;
const clients = Number(process.env.BURST_CLIENTS);

// Guards against a hung burst only; the host asserts on counts, never on time.
const guardMs = 60_000;

async function watcher(index) {
  const userId = `burst-${index}`;
  const client = new StreamChat(apiKey, { baseURL, timeout: 30000 });
  await client.connectUser({ id: userId }, async () => (await ask('token', { user: userId, call: 1 })).token);
  const channel = client.channel('messaging', channelId);
  await channel.watch();
  const received = new Set();
  let duplicates = 0;
  let resolveAll;
  const all = new Promise((resolve) => { resolveAll = resolve; });
  channel.on('message.new', (event) => {
    if (received.has(event.message.id)) {
      duplicates += 1;
    }

    received.add(event.message.id);
    if (received.size === clients) {
      resolveAll();
    }
  });
  return { client, channel, userId, received, all, duplicates: () => duplicates };
}

const scenarios = {
  async burst() {
    const watchers = await Promise.all(Array.from({ length: clients }, (_, i) => watcher(i)));
    const guard = new Promise((resolve) => setTimeout(resolve, guardMs));
    await Promise.all(watchers.map((w) => w.channel.sendMessage({ id: `from-${w.userId}`, text: `hello from ${w.userId}` })));
    await Promise.race([Promise.all(watchers.map((w) => w.all)), guard]);
    const result = {
      delivered: watchers.reduce((sum, w) => sum + w.received.size, 0),
      complete: watchers.filter((w) => w.received.size === clients).length,
      duplicates: watchers.reduce((sum, w) => sum + w.duplicates(), 0),
    };
    await Promise.all(watchers.map((w) => w.client.disconnectUser()));
    return result;
  },
};

await run(scenarios, process.argv[2]);
