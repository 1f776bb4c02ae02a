// The stdio protocol between a .NET host and one scenario process, shared by the conformance scenarios and the
// end-to-end benchmarks' worker: lines starting with "@@" are JSON messages. The process asks the host with
// ask(kind, body) and gets the answer carrying the same id; run() reports the scenario's {"kind":"result"} and exits.
import readline from 'node:readline';

const pending = new Map();
let nextRequestId = 1;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  const resolve = pending.get(message.id);
  pending.delete(message.id);
  resolve?.(message);
});

export function send(message) {
  return new Promise((resolve) => process.stdout.write(`@@${JSON.stringify(message)}\n`, resolve));
}

export function ask(kind, body = {}) {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ id, kind, ...body });
  });
}

// Runs scenarios[name] and reports {"ok":true,"result"} or {"ok":false,"error":{message, ...describe(error)}}, then exits.
export async function run(scenarios, name, describe = () => ({})) {
  const scenario = scenarios[name];
  try {
    if (!scenario) {
      throw new Error(`unknown scenario '${name}'`);
    }

    const result = await scenario();
    await send({ kind: 'result', ok: true, result });
    process.exit(0);
  } catch (error) {
    await send({ kind: 'result', ok: false, error: { message: String(error?.message ?? error), ...describe(error) } });
    process.exit(1);
  }
}
