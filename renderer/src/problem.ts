// Why a status page could not be read, in the window's language. The core sends its English
// sentence (`error`) and the same as data (`problem`): the data is translated; the sentence is kept
// for failures the core could only put in words (and for data too old to carry a problem).
import type { SourceProblem, SourceSnapshot } from '../../main/core/model';
import type { Language, MessageKey, Translate } from './i18n/messages';

/** "3 s", "2.5 s"; a decimal comma in French. */
function seconds(value: number, lang: Language): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${lang === 'fr' ? text.replace('.', ',') : text} s`;
}

/** The sentence for `problem`, or null when the problem lacks what its sentence needs. */
export function problemText(problem: SourceProblem, t: Translate, lang: Language): string | null {
  const { host, detail, status, limit } = problem;
  const about = (key: MessageKey, vars: Record<string, string | number> = {}): string | null =>
    host === null ? null : t(key, { host, ...vars });
  switch (problem.reason) {
    case 'not-refreshed':
      return t('problem.notRefreshed');
    case 'timeout':
      return limit === null ? null : about('problem.timeout', { seconds: seconds(limit, lang) });
    case 'too-large':
      return limit === null ? null : about('problem.tooLarge', { limit });
    case 'http':
      if (status === null) return null;
      if (status === 304) return about('problem.http304');
      return problem.retryAfterSeconds === null
        ? about('problem.http', { status })
        : about('problem.httpRetry', { status, seconds: seconds(problem.retryAfterSeconds, lang) });
    case 'network': {
      if (problem.case === 'truncated') {
        const [received, declared] = (detail ?? '').split('/');
        return received && declared ? about('problem.truncated', { received, declared }) : null;
      }
      if (detail === null) return null;
      if (problem.case === 'cut-short') return about('problem.cutShort', { detail });
      return problem.case === 'no-connection' ? about('problem.noConnection', { detail }) : null;
    }
    case 'invalid':
      switch (problem.case) {
        case 'web-page':
          return about('problem.webPage');
        case 'not-json':
          return about('problem.notJson');
        case 'unexpected-data':
          return detail === null ? about('problem.unexpectedData') : about('problem.unexpectedDataAt', { detail });
        case 'unknown-api':
          return about('problem.unknownApi');
        case 'bad-address':
          return detail === null ? null : t('problem.badAddress', { detail });
        case 'not-http':
          return detail === null ? null : t('problem.notHttp', { detail });
        default:
          return null;
      }
  }
}

/** What went wrong with a source, in the window's language when the problem is known. */
export function sourceErrorText(source: Pick<SourceSnapshot, 'error' | 'problem'>, t: Translate, lang: Language): string {
  const translated = source.problem === null ? null : problemText(source.problem, t, lang);
  return translated ?? source.error ?? t('header.unknownError');
}
