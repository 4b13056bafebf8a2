// What a notification says when a status page cannot be read: in the tray's language, from the
// problem the core sends with its English words.
import { describe, expect, it } from 'vitest';
import type { SourceHealthEvent, SourceProblem } from '../../../common/model';
import { composeNotice, problemLine } from '../../../main/electron/notification-text';
import { textsFor } from '../../../main/electron/texts';

const SOURCE = 'https://status.gandi.net';

function unreachable(error: string, problem: SourceProblem | null): SourceHealthEvent {
  return {
    type: 'source.unreachable',
    at: '2026-03-10T08:05:00.000Z',
    sourceUrl: SOURCE,
    sourceName: 'Gandi',
    key: `source.unreachable|${SOURCE}|never`,
    url: SOURCE,
    error,
    problem,
  };
}

const none = { case: null, host: 'status.gandi.net', status: null, retryAfterSeconds: null, limit: null, detail: null } as const;
const busy = unreachable('status.gandi.net answered HTTP 503 (retry after 3 s)', { ...none, reason: 'http', status: 503, retryAfterSeconds: 3 });
const slow = unreachable('no answer from status.gandi.net within 2.5 s', { ...none, reason: 'timeout', limit: 2.5 });

describe('source.unreachable notices', () => {
  it('say in French why the page cannot be read', () => {
    const fr = textsFor('fr');
    expect(composeNotice([busy], fr)).toEqual({
      title: 'Gandi injoignable',
      body: 'status.gandi.net a répondu HTTP 503 (réessayer dans 3 s)',
      target: { kind: 'view', view: 'overview' },
    });
    expect(composeNotice([slow], fr)?.body).toBe('pas de réponse de status.gandi.net en 2,5 s');
    expect(composeNotice([busy, slow], fr)?.body.split('\n')).toEqual([
      'Gandi injoignable: status.gandi.net a répondu HTTP 503 (réessayer dans 3 s)',
      'Gandi injoignable: pas de réponse de status.gandi.net en 2,5 s',
    ]);
  });

  it('say in English what the core said', () => {
    expect(composeNotice([busy], textsFor('en'))?.body).toBe(busy.error);
    expect(composeNotice([slow], textsFor('en'))?.body).toBe(slow.error);
  });

  it('fall back to the core’s words when the problem is unknown or lacks what its sentence needs', () => {
    const fr = textsFor('fr');
    expect(composeNotice([unreachable('socket hang up', null)], fr)?.body).toBe('socket hang up');
    const hostless = unreachable('no answer within 2 s', { ...none, host: null, reason: 'timeout', limit: 2 });
    expect(composeNotice([hostless], fr)?.body).toBe('no answer within 2 s');
  });

  it('have a French sentence for every case of the core', () => {
    const fr = textsFor('fr');
    const lines = [
      problemLine({ ...none, reason: 'not-refreshed', host: null }, fr),
      problemLine({ ...none, reason: 'network', case: 'no-connection', detail: 'ECONNREFUSED' }, fr),
      problemLine({ ...none, reason: 'network', case: 'cut-short', detail: 'ECONNRESET' }, fr),
      problemLine({ ...none, reason: 'network', case: 'truncated', detail: '3/10' }, fr),
      problemLine({ ...none, reason: 'http', status: 500 }, fr),
      problemLine({ ...none, reason: 'http', status: 304 }, fr),
      problemLine({ ...none, reason: 'too-large', limit: 5120 }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'web-page' }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'not-json' }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'unexpected-data', detail: 'components.0.status' }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'unknown-api' }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'bad-address', host: null, detail: 'x y' }, fr),
      problemLine({ ...none, reason: 'invalid', case: 'not-http', host: null, detail: 'ftp://x' }, fr),
    ];
    expect(lines).toEqual([
      'pas actualisé depuis le lancement de l’application',
      'impossible de joindre status.gandi.net (ECONNREFUSED)',
      'la réponse de status.gandi.net a été interrompue (ECONNRESET)',
      'la réponse de status.gandi.net a été interrompue (3 octets sur 10)',
      'status.gandi.net a répondu HTTP 500',
      'status.gandi.net a répondu HTTP 304 à une requête qui n’était pas conditionnelle',
      'status.gandi.net a envoyé plus de 5120 Ko ; non lu',
      'status.gandi.net a envoyé une page web au lieu de JSON',
      'status.gandi.net a envoyé des données qui ne sont pas du JSON valide',
      'status.gandi.net a envoyé des données inattendues (en components.0.status)',
      'status.gandi.net ne répond dans aucun des formats de page de statut lus ici',
      'adresse de page de statut non valide : x y',
      'pas une adresse http(s) : ftp://x',
    ]);
  });
});
