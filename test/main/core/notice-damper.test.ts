// Notification storms: a component flapping for 50 polls, a page failing 2 polls in 3. The events
// stay exact; the notices are damped.
import { describe, expect, it } from 'vitest';
import type { ChangeEvent, Level } from '../../../common/model';
import { createNoticeDamper, FLAP_WINDOW_MS, MIN_OUTAGE_MS } from '../../../main/core/notice-damper';
import { createNotifier } from '../../../main/electron/notifier';
import type { Notice } from '../../../main/electron/notification-text';
import { textsFor } from '../../../main/electron/texts';
import { settingsWith } from '../electron/fixtures';

const URL_ = 'https://status.example.test';
const START = Date.parse('2026-03-10T12:00:00.000Z');
const POLL_MS = 60_000;

function base(type: ChangeEvent['type'], at: number, key: string) {
  return { type, at: new Date(at).toISOString(), sourceUrl: URL_, sourceName: 'Example', key, url: URL_ };
}
function change(from: Level, to: Level, at: number): ChangeEvent[] {
  return [
    { ...base('service.changed', at, `s|${at}`), type: 'service.changed', serviceId: 'dns', serviceName: 'DNS', from, to },
    { ...base('overall.changed', at, `o|${at}`), type: 'overall.changed', from, to },
  ];
}
function health(type: 'source.unreachable' | 'source.recovered', at: number, outage: number): ChangeEvent {
  return { ...base(type, at, `${type}|${outage}`), type, error: type === 'source.unreachable' ? 'HTTP 500' : null, problem: null };
}

/** A component flapping every poll for 50 polls, then steady. */
function flapping(): Array<{ at: number; events: ChangeEvent[] }> {
  const rounds = [];
  for (let n = 1; n <= 50; n += 1) {
    const at = START + n * POLL_MS;
    rounds.push({ at, events: n % 2 === 1 ? change('operational', 'degraded', at) : change('degraded', 'operational', at) });
  }
  for (let n = 51; n <= 90; n += 1) rounds.push({ at: START + n * POLL_MS, events: [] });
  return rounds;
}

/** A page failing 2 polls in 3 for 48 polls: each second failure is an outage the core announces. */
function failingTwoInThree(): Array<{ at: number; events: ChangeEvent[] }> {
  const rounds = [];
  for (let n = 1; n <= 48; n += 1) {
    const at = START + n * POLL_MS;
    const phase = n % 3;
    rounds.push({ at, events: phase === 2 ? [health('source.unreachable', at, n)] : phase === 0 ? [health('source.recovered', at, n - 1)] : [] });
  }
  return rounds;
}

function noticesOf(rounds: Array<{ at: number; events: ChangeEvent[] }>): ChangeEvent[] {
  const damper = createNoticeDamper();
  return rounds.flatMap((round) => damper.filter(round.events, new Date(round.at)));
}

describe('createNoticeDamper', () => {
  it('turns 50 polls of flapping into at most 3 notices, ending on the settled level', () => {
    const notices = noticesOf(flapping());
    expect(notices.length).toBeLessThanOrEqual(4);
    expect(notices.every((event) => event.type === 'service.changed')).toBe(true);
    const last = notices[notices.length - 1];
    expect(last?.type === 'service.changed' && last.to).toBe('operational');
  });

  it('says "keeps changing" once per bout of flapping, and again only after the service settled', () => {
    const said = (events: ChangeEvent[]) => events.filter((event) => event.type === 'service.changed' && event.flapping === true);
    const first = noticesOf(flapping());
    expect(said(first)).toHaveLength(1);
    // The third change within the window is the one that says it, with the level it went to.
    expect(said(first)[0]?.at).toBe(new Date(START + 3 * POLL_MS).toISOString());
    const twoBouts = noticesOf([...flapping(), ...flapping().map((round) => ({ ...round, at: round.at + 200 * POLL_MS }))]);
    expect(said(twoBouts)).toHaveLength(2);
  });

  it('says nothing of outages shorter than the grace period, and announces a lasting one once, then its end', () => {
    expect(noticesOf(failingTwoInThree())).toEqual([]);
    const damper = createNoticeDamper();
    const down = health('source.unreachable', START, 1);
    expect(damper.filter([down], new Date(START))).toEqual([]);
    expect(damper.filter([], new Date(START + MIN_OUTAGE_MS))).toEqual([down]);
    expect(damper.filter([], new Date(START + MIN_OUTAGE_MS + POLL_MS))).toEqual([]);
    const up = health('source.recovered', START + 2 * MIN_OUTAGE_MS, 1);
    expect(damper.filter([up], new Date(START + 2 * MIN_OUTAGE_MS))).toEqual([up]);
  });

  it('lets a single change through at once, and the overall level only when it is the only news', () => {
    const damper = createNoticeDamper();
    const [service, overall] = change('operational', 'major_outage', START);
    expect(damper.filter([service!, overall!], new Date(START))).toEqual([service]);
    expect(damper.filter([overall!], new Date(START + FLAP_WINDOW_MS * 2))).toEqual([overall]);
  });
});

describe('the desktop notifier', () => {
  it('shows a handful of notifications for 50 polls of flapping and none for a page failing 2 polls in 3', () => {
    const shown: Notice[] = [];
    let clock = new Date(START);
    const notifier = createNotifier({
      sink: { show: (notice) => shown.push(notice) },
      getSettings: () => ({ ...settingsWith(), notifications: { ...settingsWith().notifications, serviceChanges: true, sourceHealth: true } }),
      getSnoozedUntil: () => null,
      getTexts: () => textsFor('en'),
      now: () => clock,
      // Each poll's burst is shown at once (flushed below).
      setTimer: () => 1,
      clearTimer: () => undefined,
    });
    for (const round of [...flapping(), ...failingTwoInThree().map((r) => ({ ...r, at: r.at + 100 * POLL_MS }))]) {
      clock = new Date(round.at);
      notifier.handle(round.events);
      notifier.flush();
    }
    expect(shown.length).toBeLessThanOrEqual(4);
    expect(shown.filter((notice) => notice.title.startsWith('DNS keeps changing'))).toHaveLength(1);
    expect(shown.find((notice) => notice.title.startsWith('DNS keeps changing'))?.body).toContain('steady for 30 minutes');
  });
});

describe('a followed service', () => {
  it('is heard at every change, flapping or not: following it is asking for that', () => {
    const damper = createNoticeDamper();
    const heard = flapping().flatMap((round) => damper.filter(round.events, new Date(round.at), ['dns']));
    expect(heard.filter((event) => event.type === 'service.changed')).toHaveLength(50);
  });
});
