// @vitest-environment jsdom
// Why a status page cannot be read, in the window's language: the banner and the ticket summary
// translate the core's `problem`, and show its English words only when there is no problem to translate.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceProblem } from '../../common/model';
import { Header } from '../../renderer/src/components/Header';
import { translator } from '../../renderer/src/i18n/messages';
import { buildTicketSummary } from '../../renderer/src/summary';
import { checkPush } from '../../renderer/src/validate';
import { gandiAllOkSource, INFO, OUTAGE_NOW, staleSource, wrap } from './fixtures';
import { renderWith } from './render';

afterEach(cleanup);

const none = { case: null, host: null, status: null, retryAfterSeconds: null, limit: null, detail: null } as const;
const BUSY: [string, SourceProblem] = [
  '127.0.0.1:18081 answered HTTP 503 (retry after 3 s)',
  { ...none, reason: 'http', host: '127.0.0.1:18081', status: 503, retryAfterSeconds: 3 },
];
const SLOW: [string, SourceProblem] = [
  'no answer from status.gandi.net within 10 s',
  { ...none, reason: 'timeout', host: 'status.gandi.net', limit: 10 },
];
const LATER = OUTAGE_NOW + 3 * 3_600_000;

function banner(problem: [string, SourceProblem | null], language: 'en' | 'fr'): string {
  renderWith(<Header />, { snapshot: wrap(staleSource(gandiAllOkSource(), ...problem)), now: LATER, settings: { language } });
  return screen.getByRole('alert').textContent ?? '';
}

describe('the stale banner', () => {
  it('says in French that the page answered 503 and when to try again', () => {
    const text = banner(BUSY, 'fr');
    expect(text).toContain('Gandi.net Status est injoignable : 127.0.0.1:18081 a répondu HTTP 503 (réessayer dans 3 s)');
    expect(text).not.toContain('answered');
  });

  it('says in French that the page did not answer in time', () => {
    const text = banner(SLOW, 'fr');
    expect(text).toContain('Gandi.net Status est injoignable : pas de réponse de status.gandi.net en 10 s');
    expect(text).not.toContain('no answer');
  });

  it('says in English what the core said', () => {
    expect(banner(BUSY, 'en')).toContain('Gandi.net Status is unreachable: 127.0.0.1:18081 answered HTTP 503 (retry after 3 s)');
  });

  it('shows the core’s words when there is no problem to translate', () => {
    expect(banner(['socket hang up', null], 'fr')).toContain('Gandi.net Status est injoignable : socket hang up');
  });
});

describe('the ticket summary', () => {
  it('says in French why a page cannot be read', () => {
    const text = buildTicketSummary({
      snapshot: wrap(staleSource(gandiAllOkSource(), ...SLOW)),
      settings: null,
      info: INFO,
      now: LATER,
      t: translator('fr'),
      lang: 'fr',
      zone: { locale: 'fr-FR', timeZone: 'Europe/Paris' },
    });
    expect(text).toContain(': pas de réponse de status.gandi.net en 10 s');
    expect(text).not.toContain('no answer');
  });
});

describe('checkPush state', () => {
  it('reads a snapshot without a problem (or with one it cannot read) as having none', () => {
    const { problem: _problem, ...old } = staleSource(gandiAllOkSource(), ...BUSY);
    const checked = checkPush('state', { overall: 'operational', sources: [old] });
    expect(checked.ok && checked.value.sources[0]?.problem).toBeNull();
    const odd = checkPush('state', { overall: 'operational', sources: [{ ...old, problem: { reason: 'sunny' } }] });
    expect(odd.ok && odd.value.sources[0]?.problem).toBeNull();
    const kept = checkPush('state', wrap(staleSource(gandiAllOkSource(), ...BUSY)));
    expect(kept.ok && kept.value.sources[0]?.problem).toEqual(BUSY[1]);
  });
});
