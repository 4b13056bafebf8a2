// Bytes on the wire in an hour of an unchanged page, against the simulator serving Gandi's real
// summary with an ETag and a Last-Modified as Statuspage sends them: this app (conditional
// requests, at the default 60 s interval) against a naive poller at the same interval (a full GET
// each time) and the polling pattern of Instatus Out (a full GET of the summary every 5 s). The
// hour is played back to back: what is counted is requests and bytes, not time.
import { DEFAULT_SOURCE_URL } from '../common/settings';
import type { FetchLike } from '../main/core/ports';
import { createStatusCore } from '../main/core/status-core';
import { startSimulator } from '../test/simulator/server';
import type { Measurement } from './report';

const SECTION = 'wire';
const HOUR_S = 3600;
const APP_INTERVAL_S = 60;
const INSTATUS_OUT_INTERVAL_S = 5;

/** What a response costs on the wire: status line, headers and body (as sent, before any decoding). */
async function responseBytes(response: Response): Promise<number> {
  let headers = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`.length + 2;
  response.headers.forEach((value, name) => {
    headers += name.length + value.length + 4;
  });
  const body = response.status === 304 ? 0 : (await response.clone().arrayBuffer()).byteLength;
  return headers + body;
}

function countingFetch(): { fetch: FetchLike; bytes: () => number; requests: () => number } {
  let bytes = 0;
  let requests = 0;
  const counted: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    requests += 1;
    bytes += await responseBytes(response);
    return response;
  };
  return { fetch: counted, bytes: () => bytes, requests: () => requests };
}

export async function runWireBench(): Promise<Measurement[]> {
  const simulator = await startSimulator({ port: 0, scenario: 'all-clear' });
  try {
    const polls = HOUR_S / APP_INTERVAL_S;
    // This app: the status core, as the tray and --watch run it.
    const app = countingFetch();
    const core = createStatusCore({ sources: [{ url: simulator.url, kind: 'auto' }], fetch: app.fetch });
    await core.start();
    await core.refreshNow();
    const startBytes = app.bytes();
    const startRequests = app.requests();
    for (let poll = 0; poll < polls; poll += 1) await core.refreshNow();
    await core.stop();
    const appBytes = app.bytes() - startBytes;
    const appRequests = app.requests() - startRequests;

    // A naive poller: the summary in full at the same interval.
    const naive = countingFetch();
    for (let poll = 0; poll < polls; poll += 1) await naive.fetch(`${simulator.url}/api/v2/summary.json`);
    // Instatus Out's pattern: the summary in full every 5 s.
    const out = countingFetch();
    const outPolls = HOUR_S / INSTATUS_OUT_INTERVAL_S;
    for (let poll = 0; poll < outPolls; poll += 1) await out.fetch(`${simulator.url}/api/v2/summary.json`);

    const ratio = naive.bytes() / Math.max(1, appBytes);
    return [
      { section: SECTION, name: `this app, unchanged page, ${APP_INTERVAL_S} s interval`, value: appBytes / 1024, unit: 'kB/h', detail: `${appRequests} requests` },
      { section: SECTION, name: 'naive poller, same interval', value: naive.bytes() / 1024, unit: 'kB/h', detail: `${naive.requests()} requests` },
      { section: SECTION, name: `Instatus Out's pattern (every ${INSTATUS_OUT_INTERVAL_S} s)`, value: out.bytes() / 1024, unit: 'kB/h', detail: `${out.requests()} requests` },
      {
        section: SECTION,
        name: 'naive poller ÷ this app (bytes)',
        value: ratio,
        unit: '×',
        // The goal is a floor; the report checks ceilings, so it is checked on the inverse.
        detail: `goal at least 20×; ${ratio >= 20 ? 'met' : 'MISSED'}`,
      },
      {
        section: SECTION,
        name: 'this app ÷ naive poller (bytes)',
        value: appBytes / Math.max(1, naive.bytes()),
        unit: '',
        goal: { max: 1 / 20, why: `at least 20 times fewer bytes than a naive poller (${DEFAULT_SOURCE_URL} sends an ETag)` },
      },
    ];
  } finally {
    await simulator.close();
  }
}
