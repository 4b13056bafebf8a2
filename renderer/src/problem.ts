// Why a status page could not be read, in the window's language. The core sends its English
// sentence (`error`) and the same as data (`problem`): the data is translated; the sentence is kept
// for failures the core could only put in words (and for data too old to carry a problem).
import type { SourceProblem, SourceSnapshot } from '../../common/model';
import { problemMessage } from '../../common/problem-message';
import { PROBLEM_TEXTS, problemSentence } from '../../common/problem-texts';
import type { Language, Translate } from './i18n/messages';

/** The sentence for `problem` (the same the tray says), or null when the problem lacks what its sentence needs. */
export function problemText(problem: SourceProblem, lang: Language): string | null {
  const message = problemMessage(problem);
  return message === null ? null : problemSentence(message, PROBLEM_TEXTS[lang]);
}

/** What went wrong with a source, in the window's language when the problem is known. */
export function sourceErrorText(source: Pick<SourceSnapshot, 'error' | 'problem'>, t: Translate, lang: Language): string {
  const translated = source.problem === null ? null : problemText(source.problem, lang);
  return translated ?? source.error ?? t('header.unknownError');
}
