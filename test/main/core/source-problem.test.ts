// Every way a status page can fail, as the English sentence the core has always written and as the
// `problem` the windows translate. The tray's English words must say what the core says.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, problemOf, SourceError, type HttpClient } from '../../../main/core/http';
import type { SourceProblem } from '../../../common/model';
import type { FetchLike } from '../../../main/core/ports';
import { normaliseBaseUrl, validate } from '../../../main/core/sources/common';
import { detectKind } from '../../../main/core/sources/detect';
import { problemLine } from '../../../main/electron/notification-text';
import { textsFor } from '../../../main/electron/texts';

const URL_ = 'http://status.example.test/api/v2/summary.json';
const NOW = new Date('2026-03-01T12:00:00.500Z');
const JSON_TYPE = { 'content-type': 'application/json' };

/** A problem with every field null but those given. */
function problem(fields: Partial<SourceProblem> & Pick<SourceProblem, 'reason'>): SourceProblem {
  return { case: null, host: 'status.example.test', status: null, retryAfterSeconds: null, limit: null, detail: null, ...fields };
}

function get(fetch: FetchLike, options: { timeoutMs?: number; maxBytes?: number } = {}): () => Promise<unknown> {
  return () => createHttpClient({ fetch, now: () => NOW, ...options }).getJson(URL_);
}

const answer = (body: BodyInit | null, init: ResponseInit) => get(() => Promise.resolve(new Response(body, init)));

/** A body that sends one chunk, then breaks. */
function breakingBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"page":'));
      controller.error(new Error('other side closed'));
    },
  });
}

const neverAnswers: FetchLike = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));

const refused: FetchLike = () =>
  Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));

/** An HTTP client whose every document is valid JSON of no known API. */
const speaksNeither: HttpClient = {
  getJson: () => Promise.resolve({ body: { hello: 'world' }, notModified: false }),
  getText: () => Promise.resolve({ text: '<!doctype html><title>Status</title>', contentType: 'text/html', notModified: false }),
};

const cases: Array<[name: string, fail: () => unknown, message: string | RegExp, expected: SourceProblem]> = [
  ['timeout', get(neverAnswers, { timeoutMs: 100 }), 'no answer from status.example.test within 0.1 s', problem({ reason: 'timeout', limit: 0.1 })],
  ['connection refused', get(refused), 'could not reach status.example.test (ECONNREFUSED)', problem({ reason: 'network', case: 'no-connection', detail: 'ECONNREFUSED' })],
  ['body broken off', get(() => Promise.resolve(new Response(breakingBody(), { headers: JSON_TYPE }))), 'the answer from status.example.test was cut short (other side closed)', problem({ reason: 'network', case: 'cut-short', detail: 'other side closed' })],
  ['body shorter than announced', answer('{}', { headers: { ...JSON_TYPE, 'content-length': '10' } }), 'the answer from status.example.test was cut short (2 of 10 bytes)', problem({ reason: 'network', case: 'truncated', detail: '2/10' })],
  ['503 with Retry-After', answer(null, { status: 503, headers: { 'retry-after': '3' } }), 'status.example.test answered HTTP 503 (retry after 3 s)', problem({ reason: 'http', status: 503, retryAfterSeconds: 3 })],
  ['429 with a Retry-After date', answer(null, { status: 429, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:00:02 GMT' } }), 'status.example.test answered HTTP 429 (retry after 1.5 s)', problem({ reason: 'http', status: 429, retryAfterSeconds: 1.5 })],
  ['500', answer(null, { status: 500 }), 'status.example.test answered HTTP 500', problem({ reason: 'http', status: 500 })],
  ['304 unasked', answer(null, { status: 304 }), 'status.example.test answered HTTP 304 to a request that was not conditional', problem({ reason: 'http', status: 304 })],
  ['too large', get(() => Promise.resolve(new Response('{}', { headers: { ...JSON_TYPE, 'content-length': '4096' } })), { maxBytes: 1024 }), 'status.example.test sent more than 1 KB; not read', problem({ reason: 'too-large', limit: 1 })],
  ['a web page', answer('<html></html>', { headers: { 'content-type': 'text/html' } }), 'status.example.test sent a web page instead of JSON', problem({ reason: 'invalid', case: 'web-page' })],
  ['broken JSON', answer('{"page":', { headers: JSON_TYPE }), 'status.example.test sent data that is not valid JSON', problem({ reason: 'invalid', case: 'not-json' })],
  ['JSON of the wrong shape', () => validate(z.object({ status: z.string() }), { status: 1 }, URL_, 'a status'), /^status\.example\.test sent data that is not a status \(at status: /, problem({ reason: 'invalid', case: 'unexpected-data', detail: 'status' })],
  ['no known format', () => detectKind(speaksNeither, 'http://status.example.test'), /^status\.example\.test answers like no status page format read here \(\/api\/v2\/summary\.json: JSON of another shape, .*; no feed link found\)$/, problem({ reason: 'invalid', case: 'unknown-api' })],
  ['an address that does not parse', () => normaliseBaseUrl('status page'), 'not a valid status page address: status page', problem({ reason: 'invalid', case: 'bad-address', host: null, detail: 'status page' })],
  ['an address that is not http', () => normaliseBaseUrl('ftp://status.example.test'), 'not an http(s) address: ftp://status.example.test', problem({ reason: 'invalid', case: 'not-http', host: null, detail: 'ftp://status.example.test' })],
];

async function caught(fail: () => unknown): Promise<SourceError> {
  try {
    await fail();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('SourceError.problem', () => {
  it.each(cases)('%s: the words and the same as data', async (_name, fail, message, expected) => {
    const error = await caught(fail);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.problem).toEqual(expected);
    expect(error.problem.reason).toBe(error.reason);
    expect(problemOf(error)).toBe(error.problem);
  });

  it.each(cases)('%s: the tray says it in English as the core does', async (_name, fail, message, expected) => {
    const error = await caught(fail);
    const line = problemLine(error.problem, textsFor('en'));
    // zod's own words about the data stay out of the problem: only where it went wrong is kept.
    if (typeof message === 'string') expect(line).toBe(message);
    else if (expected.case === 'unknown-api') expect(line).toBe('status.example.test answers like no status page format read here');
    else expect(line).toBe('status.example.test sent data that is not what was expected (at status)');
  });

  it('has no problem for failures that are not SourceErrors: their words are all there is', () => {
    expect(problemOf(new Error('boom'))).toBeNull();
    expect(problemOf('boom')).toBeNull();
  });
});
