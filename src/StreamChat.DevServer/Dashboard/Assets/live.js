// The Live card, fed by server-sent events: open connections, channels and refusals, updated without reloading.
import { DASHBOARD_HEADER, pageSecret } from './api.js';
import { byId, el, formatTime, syncRows, textRow } from './dom.js';

const MEANINGS = {
  2: 'api key wrong or missing, no Authorization',
  4: 'input error',
  5: 'authentication failed (malformed token, development token while auth checks are on)',
  16: 'not found',
  17: 'not allowed',
  40: 'token expired or revoked',
  41: 'token not valid yet (nbf)',
  42: 'token issued in the future (iat)',
  43: 'token signature invalid',
  99: 'app suspended',
  [-1]: 'internal error',
};

/**
 * Follows the live feed and hands every snapshot to `consumers`. The feed is read with fetch, not EventSource, so that it
 * carries the page secret in the dashboard header; it ends for good at sign-out or when the session is gone.
 */
export function startLive(consumers) {
  const state = byId('live-state');
  const show = (text, className) => {
    state.textContent = text;
    state.className = `live-state ${className}`;
  };

  const follow = async () => {
    for (;;) {
      let response = null;
      try {
        response = await fetch('/dashboard/api/live', {
          headers: { [DASHBOARD_HEADER]: pageSecret() ?? '' },
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        // the server is away: try again below
      }

      if (response && !response.ok) {
        show('Live view stopped: you are signed out. Reload the page and sign in again.', 'off');
        return;
      }

      if (response) {
        show('Live', 'on');
        if (await readEvents(response.body, consumers)) {
          show('Live view stopped: you are signed out. Reload the page and sign in again.', 'off');
          return;
        }
      }

      show('Reconnecting…', 'off');
      await new Promise((resolve) => { setTimeout(resolve, RETRY_MS); });
    }
  };

  follow();
}

const RETRY_MS = 2000;

// Reads server-sent events until the stream breaks (false) or the server ends the session (true).
async function readEvents(body, consumers) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      return false;
    }

    if (chunk.done) return false;
    buffer += chunk.value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length)).join('\n');
      if (event === 'end') return true;
      if (event === 'snapshot') {
        const snapshot = JSON.parse(data);
        for (const consume of consumers) consume(snapshot);
      }
    }
  }
}

export function renderLive(snapshot) {
  const { connections, channels, refusals } = snapshot;
  byId('connections-count').textContent = `(${connections.total})`;
  syncRows(byId('connections'), connections.rows, (c) => c.id, () => {
    const { row, cells } = textRow(['id', '', '']);
    return {
      row,
      update: (c) => {
        cells[0].textContent = c.user_id;
        cells[1].replaceChildren(el('span', { className: `badge ${c.auth}`, text: c.auth }));
        cells[2].textContent = formatTime(c.since);
      },
    };
  }, 'No open connections.', 3);

  byId('channels-count').textContent = `(${channels.total})`;
  syncRows(byId('channels'), channels.rows, (c) => c.cid, () => numbers(['id', 'number', 'number', 'number'],
    (c) => [c.cid, c.members, c.messages, c.watchers]), 'No channels yet.', 4);

  syncRows(byId('refusal-codes'), refusals.by_code, (r) => r.code, () => {
    const entry = numbers(['number', '', 'number'], (r) => [r.code, MEANINGS[r.code] ?? 'other', r.count]);
    const update = entry.update;
    entry.update = (r) => {
      update(r);
      entry.row.classList.toggle('nonzero', r.count > 0);
    };
    return entry;
  }, '', 3);

  // Latest first; the same refusal keeps its row (by time, code and request).
  syncRows(byId('refusals'), refusals.recent, (r) => `${r.at} ${r.code} ${r.where} ${r.message}`, () => numbers(['', 'number', 'id', 'message'],
    (r) => [formatTime(r.at), r.code, r.where, r.message]), 'No refusals yet.', 4);
}

function numbers(classes, values) {
  const { row, cells } = textRow(classes);
  return {
    row,
    update: (item) => values(item).forEach((value, index) => { cells[index].textContent = String(value); }),
  };
}
