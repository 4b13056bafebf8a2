// The rules every process shares give the same answer on each side: the core, the tray and the
// window read one schema, one ranking, one freshness rule and one follow/mute rule.
import { describe, expect, it } from 'vitest';
import { boundSourceSnapshot } from '../../common/bound';
import { lastUpdate } from '../../common/freshness';
import { worstLevel } from '../../common/levels';
import { LIMITS } from '../../common/limits';
import type { Incident, Service, StatusSnapshot } from '../../common/model';
import { incident as makeIncident, service as makeService, sourceSnapshot } from '../support/snapshots';
import { statusSnapshotSchema } from '../../common/schema';
import { chooseService, defaultSettings, parseSourceUrl, POLL_INTERVAL_SECONDS, settingsSchema } from '../../common/settings';
import { checkPush } from '../../renderer/src/validate';
import { groupServices } from '../../renderer/src/selectors';

const source = sourceSnapshot;
const service = (id: string, status: Service['status'], group: string | null = 'Hosting'): Service => makeService(id, status, group, id);
const incident = (overrides: Partial<Incident> = {}): Incident => makeIncident({ id: 'i1', title: 'Mail delays', ...overrides });

describe('one ranking', () => {
  it('a group with a service in major outage and one unknown is in major outage in the window, as in the tray', () => {
    const [group] = groupServices(source({ services: [service('a', 'major_outage'), service('b', 'unknown')] }), '');
    expect(group?.worst).toBe('major_outage');
    expect(group?.worst).toBe(worstLevel(['major_outage', 'unknown']));
  });

  it('a group where nothing is known is unknown, not operational', () => {
    const [group] = groupServices(source({ services: [service('a', 'unknown')] }), '');
    expect(group?.worst).toBe('unknown');
  });
});

describe('one schema, one set of limits', () => {
  it('what the core keeps of odd items always passes the window check', () => {
    const longId = 'x'.repeat(201);
    const odd = source({
      name: 'N'.repeat(5000),
      services: [service(longId, 'degraded'), service(`${longId}y`, 'operational')],
      incidents: [
        incident({
          title: 'T'.repeat(100_001),
          services: [longId],
          updates: Array.from({ length: 1001 }, (_, i) => ({ at: '2026-12-01T10:00:00.000Z', status: 'investigating', body: `update ${i}` })),
        }),
      ],
    });
    const snapshot: StatusSnapshot = { overall: 'degraded', sources: [odd] };
    expect(statusSnapshotSchema.safeParse(snapshot).success).toBe(false);

    const bounded = boundSourceSnapshot(odd);
    const checked = checkPush('state', { overall: 'degraded', sources: [bounded] });
    expect(checked.ok).toBe(true);
    // Long ids stay distinct, and the incident still names its service.
    const [first, second] = bounded.services;
    expect(first?.id).toHaveLength(LIMITS.idChars);
    expect(first?.id).not.toBe(second?.id);
    expect(bounded.incidents[0]?.services).toEqual([first?.id]);
    // The newest updates are the ones kept.
    expect(bounded.incidents[0]?.updates).toHaveLength(LIMITS.updatesPerIncident);
    expect(bounded.incidents[0]?.updates[0]?.body).toBe('update 0');
    expect(bounded.incidents[0]?.title.endsWith('…')).toBe(true);
  });
});

describe('one "updated" rule', () => {
  it('the tray and the window both name the newest confirmation when one page never answered', () => {
    const snapshot: StatusSnapshot = {
      overall: 'operational',
      sources: [
        source({ fetchedAt: '2026-12-01T10:00:00.000Z' }),
        source({ url: 'https://dead.example', fetchedAt: null, stale: true, error: 'no answer' }),
      ],
    };
    expect(lastUpdate(snapshot)?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});

describe('one follow/mute rule', () => {
  it('following a muted service unmutes it, muting a followed one unfollows it, and toggling twice restores', () => {
    const muted = { ...defaultSettings(), mutedServices: ['paas'] };
    const followed = chooseService(muted, 'followedServices', 'paas');
    expect(followed.followedServices).toEqual(['paas']);
    expect(followed.mutedServices).toEqual([]);
    expect(chooseService(followed, 'mutedServices', 'paas')).toMatchObject({ followedServices: [], mutedServices: ['paas'] });
    expect(chooseService(followed, 'followedServices', 'paas').followedServices).toEqual([]);
    // An explicit choice is idempotent (the tray's checkbox says what it wants).
    expect(chooseService(followed, 'followedServices', 'paas', true).followedServices).toEqual(['paas']);
  });
});

describe('one address rule and one interval range', () => {
  it.each([
    ['status.gandi.net', true],
    ['ftp://status.gandi.net', false],
    ['https://user:pw@status.gandi.net', false],
    ['https://status.gandi.net/?x=1#y', true],
    ['https://status.gandi.net/', true],
    ['http://127.0.0.1:8080/page/', true],
  ])('%s is accepted: %s', (value, ok) => {
    expect(parseSourceUrl(value).ok).toBe(ok);
    expect(settingsSchema.safeParse({ sources: [{ url: value }] }).success).toBe(ok);
  });

  it('gives addresses back without a trailing slash', () => {
    expect(parseSourceUrl(' https://status.gandi.net/ ')).toEqual({ ok: true, url: 'https://status.gandi.net' });
  });

  it('bounds the interval the same way everywhere', () => {
    expect(settingsSchema.safeParse({ pollIntervalSeconds: POLL_INTERVAL_SECONDS.max }).success).toBe(true);
    expect(settingsSchema.safeParse({ pollIntervalSeconds: POLL_INTERVAL_SECONDS.max + 1 }).success).toBe(false);
  });
});
