// The official JavaScript client's side of the end-to-end benchmarks (benchmarks/StreamChat.Benchmarks/EndToEnd), one
// scenario per process, mirroring the C# worker (EndToEnd/Worker) step for step. Talks to the harness over stdio through
// the conformance tests' host.mjs: the harness answers {"kind":"token"} (a provider call), {"kind":"tokens"} (tokens
// fetched ahead) and {"kind":"expire"} (moves the server's clock past every token's expiry), and reads the final
// {"kind":"result"}. Usage: node e2e.mjs <scenario> <parameters as JSON>.
import { performance } from 'node:perf_hooks';
import { StreamChat } from 'stream-chat';
import { ask, run } from './host.mjs';

const [scenarioName, parametersJson] = process.argv.slice(2);
const params = JSON.parse(parametersJson ?? '{}');

async function fetchTokens(users) {
  return (await ask('tokens', { users })).tokens;
}

// The C# client's request timeout (30 s) instead of stream-chat's 3 s default, so neither client gives up first.
function newClient() {
  return new StreamChat(params.apiKey, { baseURL: params.baseUrl, allowServerSideConnect: true, timeout: 30000 });
}

// Milliseconds to the microsecond, as the C# worker sends them: keeps the result line short.
function round(ms) {
  return Math.round(ms * 1000) / 1000;
}

function sleep(ms) {
  let timer;
  const promise = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function forEach(count, concurrency, action) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      await action(i);
    }
  });
  await Promise.all(lanes);
}

const scenarios = {
  // N queries at once on an expired token; the provider asks the harness for each token (one provider call each).
  async storm() {
    const user = `storm-js-${params.count}`;
    let calls = 0;
    const client = newClient();
    await client.connectUser({ id: user }, async () => {
      calls += 1;
      return (await ask('token', { user })).token;
    });
    const channel = client.channel('messaging', params.channel);
    await channel.query();
    await ask('expire');
    const callsBefore = calls;

    const start = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: params.count }, () => channel.query()));
    const wallMs = performance.now() - start;

    const failures = outcomes.filter((o) => o.status === 'rejected');
    const result = {
      providerCalls: calls - callsBefore,
      wallMs,
      succeeded: outcomes.length - failures.length,
      failed: failures.length,
      firstError: failures.length > 0 ? String(failures[0].reason?.message ?? failures[0].reason) : null,
    };
    await client.disconnectUser();
    return result;
  },

  // A new client per connect (tokens fetched ahead), timed from connectUser to its resolution.
  async connect() {
    const tokens = await fetchTokens(Array(params.warmup + params.count).fill('connect-js'));
    const latenciesMs = [];
    for (let i = 0; i < tokens.length; i++) {
      const client = newClient();
      const token = tokens[i];
      const start = performance.now();
      await client.connectUser({ id: 'connect-js' }, async () => token);
      const elapsed = performance.now() - start;
      if (i >= params.warmup) {
        latenciesMs.push(round(elapsed));
      }
      await client.disconnectUser();
    }
    return { latenciesMs };
  },

  // One connected client queries one channel N times, one after another.
  async rest() {
    const [token] = await fetchTokens(['rest-js']);
    const client = newClient();
    await client.connectUser({ id: 'rest-js' }, async () => token);
    const channel = client.channel('messaging', params.channel);
    for (let i = 0; i < params.warmup; i++) {
      await channel.query();
    }

    const latenciesMs = [];
    const start = performance.now();
    for (let i = 0; i < params.count; i++) {
      const one = performance.now();
      await channel.query();
      latenciesMs.push(round(performance.now() - one));
    }
    const wallMs = performance.now() - start;
    await client.disconnectUser();
    return { wallMs, latenciesMs };
  },

  // N StreamChat instances in this one process watch a channel; a sender posts M messages (after a few untimed ones)
  // one after another.
  async fanout() {
    const watchers = params.count;
    const messages = params.warmup + params.messages;
    const users = Array.from({ length: watchers }, (_, i) => `fan-js-${i}`);
    const tokens = await fetchTokens([...users, 'fan-js-sender']);
    const receivedAt = new Float64Array(messages * watchers);
    const delivered = new Int32Array(messages);
    const everyone = Array.from({ length: messages }, () => {
      let resolve;
      const promise = new Promise((r) => {
        resolve = r;
      });
      return { promise, resolve };
    });

    const sender = newClient();
    await sender.connectUser({ id: 'fan-js-sender' }, async () => tokens[watchers]);
    const senderChannel = sender.channel('messaging', params.channel);
    await senderChannel.query();

    const clients = new Array(watchers);
    const setupStart = performance.now();
    await forEach(watchers, params.concurrency, async (i) => {
      const client = (clients[i] = newClient());
      await client.connectUser({ id: users[i] }, async () => tokens[i]);
      const channel = client.channel('messaging', params.channel);
      channel.on('message.new', (event) => {
        const now = performance.now();
        const index = Number(event.message.text);
        receivedAt[index * watchers + i] = now;
        delivered[index] += 1;
        if (delivered[index] === watchers) {
          everyone[index].resolve();
        }
      });
      await channel.watch();
    });
    const setupMs = performance.now() - setupStart;

    const sentAt = new Float64Array(messages);
    for (let m = 0; m < messages; m++) {
      sentAt[m] = performance.now();
      await senderChannel.sendMessage({ text: String(m) });
      const timeout = sleep(params.deliveryTimeoutMs);
      await Promise.race([everyone[m].promise, timeout.promise]);
      timeout.cancel();
    }

    const latenciesMs = [];
    for (let m = params.warmup; m < messages; m++) {
      for (let i = 0; i < watchers; i++) {
        const at = receivedAt[m * watchers + i];
        if (at !== 0) {
          latenciesMs.push(round(at - sentAt[m]));
        }
      }
    }

    await forEach(watchers, params.concurrency, (i) => clients[i].disconnectUser());
    await sender.disconnectUser();
    return { setupMs, missing: params.messages * watchers - latenciesMs.length, latenciesMs };
  },
};

await run(scenarios, scenarioName);
