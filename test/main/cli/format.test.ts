import { describe, expect, it } from 'vitest';
import { clean, describeEvent, formatEventLine, localTime } from '../../../main/cli/format';
import type { ChangeEvent } from '../../../common/model';

const base = { at: '2026-03-01T12:00:00.000Z', sourceUrl: 'https://s.example', sourceName: 'Example', key: 'k', url: 'https://s.example/incidents/1' };

describe('format', () => {
  it('keeps terminal escape sequences from the network out of the output', () => {
    expect(clean('Title\u001b[2J\u0007 with\nnewline')).toBe('Title [2J with newline');
  });

  it('shows unreadable times as given and missing ones as ?', () => {
    expect(localTime(null)).toBe('?');
    expect(localTime('soon')).toBe('soon');
    expect(localTime('2026-03-01T12:00:00.000Z')).toMatch(/^2026-03-0[12] \d\d:00$/);
  });

  const events: ChangeEvent[] = [
    { ...base, type: 'incident.opened', incidentId: '1', title: 'Down', status: 'investigating', previousStatus: null, impact: 'major', services: [], serviceIds: [], update: null },
    { ...base, type: 'service.changed', serviceId: 'w', serviceName: 'Web', from: 'operational', to: 'major_outage' },
    { ...base, type: 'overall.changed', from: 'operational', to: 'degraded' },
    { ...base, type: 'source.unreachable', error: 'HTTP 500', problem: null },
    { ...base, type: 'source.recovered', error: null, problem: null },
    { ...base, type: 'maintenance.reminder', maintenanceId: 'm', title: 'Upgrade', status: 'scheduled', scheduledFor: '2026-03-01T13:00:00.000Z', scheduledUntil: null, services: [], serviceIds: [] },
  ];
  it.each(events)('$type reads as one line with its link', (event) => {
    const line = formatEventLine(event);
    expect(line).not.toContain('\n');
    expect(line).toContain(`[${event.type}]`);
    expect(line).toContain(event.url);
    expect(describeEvent(event).title.length).toBeGreaterThan(0);
  });

  it('says what changed in words', () => {
    expect(describeEvent(events[1] as ChangeEvent)).toEqual({ title: 'Example: Web MAJOR OUTAGE', message: 'Web: operational -> MAJOR OUTAGE' });
    expect(describeEvent(events[3] as ChangeEvent).message).toBe('HTTP 500');
  });
});
