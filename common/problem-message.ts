// A source's problem as a message to put into words: which sentence, and what fills it. Shared by
// the tray (main/electron/texts.ts) and the window (renderer i18n), so both decide alike which
// sentence a problem gets and when it lacks what its sentence needs.
import type { SourceProblem } from './model';

export type ProblemMessage =
  | { key: 'notRefreshed'; vars: Record<string, never> }
  | { key: 'timeout'; vars: { host: string; seconds: number } }
  | { key: 'noConnection' | 'cutShort' | 'unexpectedDataAt'; vars: { host: string; detail: string } }
  | { key: 'truncated'; vars: { host: string; received: string; declared: string } }
  | { key: 'http'; vars: { host: string; status: number } }
  | { key: 'httpRetry'; vars: { host: string; status: number; seconds: number } }
  | { key: 'http304' | 'webPage' | 'notJson' | 'unexpectedData' | 'unknownApi'; vars: { host: string } }
  | { key: 'tooLarge'; vars: { host: string; limit: number } }
  | { key: 'badAddress' | 'notHttp'; vars: { detail: string } };

export type ProblemKey = ProblemMessage['key'];

/** The message for `problem`, or null when the problem lacks what its sentence needs. */
export function problemMessage(problem: SourceProblem): ProblemMessage | null {
  const { host, detail, status, limit } = problem;
  if (problem.reason === 'not-refreshed') return { key: 'notRefreshed', vars: {} };
  if (problem.case === 'bad-address' || problem.case === 'not-http') {
    return detail === null ? null : { key: problem.case === 'bad-address' ? 'badAddress' : 'notHttp', vars: { detail } };
  }
  if (host === null) return null;
  switch (problem.reason) {
    case 'timeout':
      return limit === null ? null : { key: 'timeout', vars: { host, seconds: limit } };
    case 'too-large':
      return limit === null ? null : { key: 'tooLarge', vars: { host, limit } };
    case 'http':
      if (status === null) return null;
      if (status === 304) return { key: 'http304', vars: { host } };
      return problem.retryAfterSeconds === null
        ? { key: 'http', vars: { host, status } }
        : { key: 'httpRetry', vars: { host, status, seconds: problem.retryAfterSeconds } };
    case 'network': {
      if (problem.case === 'truncated') {
        const [received, declared] = (detail ?? '').split('/');
        return received && declared ? { key: 'truncated', vars: { host, received, declared } } : null;
      }
      if (detail === null) return null;
      if (problem.case === 'cut-short') return { key: 'cutShort', vars: { host, detail } };
      return problem.case === 'no-connection' ? { key: 'noConnection', vars: { host, detail } } : null;
    }
    case 'invalid':
      switch (problem.case) {
        case 'web-page':
          return { key: 'webPage', vars: { host } };
        case 'not-json':
          return { key: 'notJson', vars: { host } };
        case 'unexpected-data':
          return detail === null ? { key: 'unexpectedData', vars: { host } } : { key: 'unexpectedDataAt', vars: { host, detail } };
        case 'unknown-api':
          return { key: 'unknownApi', vars: { host } };
        default:
          return null;
      }
  }
}

/** "3 s", "2.5 s"; "2,5 s" with a decimal comma. */
export function secondsText(value: number, decimalComma: boolean): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${decimalComma ? text.replace('.', ',') : text} s`;
}
