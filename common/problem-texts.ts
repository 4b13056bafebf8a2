// Why a status page could not be read, in words: one sentence per message of problem-message.ts,
// in each language the app speaks. The tray, its notifications and the window all say it from
// here; the type makes every language give every sentence, with the placeholders it needs.
import { secondsText, type ProblemMessage } from './problem-message';

export type ProblemLanguage = 'en' | 'fr';

/** Each message's sentence, given what fills it. */
export type ProblemTexts = { [M in ProblemMessage as M['key']]: (vars: M['vars']) => string };

export const PROBLEM_TEXTS: Record<ProblemLanguage, ProblemTexts> = {
  en: {
    notRefreshed: () => 'not refreshed since the app started',
    timeout: ({ host, seconds }) => `no answer from ${host} within ${secondsText(seconds, false)}`,
    noConnection: ({ host, detail }) => `could not reach ${host} (${detail})`,
    cutShort: ({ host, detail }) => `the answer from ${host} was cut short (${detail})`,
    truncated: ({ host, received, declared }) => `the answer from ${host} was cut short (${received} of ${declared} bytes)`,
    http: ({ host, status }) => `${host} answered HTTP ${status}`,
    httpRetry: ({ host, status, seconds }) => `${host} answered HTTP ${status} (retry after ${secondsText(seconds, false)})`,
    http304: ({ host }) => `${host} answered HTTP 304 to a request that was not conditional`,
    tooLarge: ({ host, limit }) => `${host} sent more than ${limit} KB; not read`,
    webPage: ({ host }) => `${host} sent a web page instead of JSON`,
    notJson: ({ host }) => `${host} sent data that is not valid JSON`,
    unexpectedData: ({ host }) => `${host} sent data that is not what was expected`,
    unexpectedDataAt: ({ host, detail }) => `${host} sent data that is not what was expected (at ${detail})`,
    unknownApi: ({ host }) => `${host} answers like no status page format read here`,
    badAddress: ({ detail }) => `not a valid status page address: ${detail}`,
    notHttp: ({ detail }) => `not an http(s) address: ${detail}`,
  },
  fr: {
    notRefreshed: () => 'pas actualisé depuis le lancement de l’application',
    timeout: ({ host, seconds }) => `pas de réponse de ${host} en ${secondsText(seconds, true)}`,
    noConnection: ({ host, detail }) => `impossible de joindre ${host} (${detail})`,
    cutShort: ({ host, detail }) => `la réponse de ${host} a été interrompue (${detail})`,
    truncated: ({ host, received, declared }) => `la réponse de ${host} a été interrompue (${received} octets sur ${declared})`,
    http: ({ host, status }) => `${host} a répondu HTTP ${status}`,
    httpRetry: ({ host, status, seconds }) => `${host} a répondu HTTP ${status} (réessayer dans ${secondsText(seconds, true)})`,
    http304: ({ host }) => `${host} a répondu HTTP 304 à une requête qui n’était pas conditionnelle`,
    tooLarge: ({ host, limit }) => `${host} a envoyé plus de ${limit} Ko ; non lu`,
    webPage: ({ host }) => `${host} a envoyé une page web au lieu de JSON`,
    notJson: ({ host }) => `${host} a envoyé des données qui ne sont pas du JSON valide`,
    unexpectedData: ({ host }) => `${host} a envoyé des données inattendues`,
    unexpectedDataAt: ({ host, detail }) => `${host} a envoyé des données inattendues (en ${detail})`,
    unknownApi: ({ host }) => `${host} ne répond dans aucun des formats de page de statut lus ici`,
    badAddress: ({ detail }) => `adresse de page de statut non valide : ${detail}`,
    notHttp: ({ detail }) => `pas une adresse http(s) : ${detail}`,
  },
};

/** The sentence for a message, from one language's texts. */
export function problemSentence(message: ProblemMessage, texts: ProblemTexts): string {
  // TypeScript cannot tie a key to its own vars across the union; ProblemTexts types each entry by its key.
  const say = texts[message.key] as (vars: ProblemMessage['vars']) => string;
  return say(message.vars);
}
