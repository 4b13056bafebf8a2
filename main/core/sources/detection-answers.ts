// The answers a detection got, handed once more to the fetch that follows it: the first poll of an
// `auto` page asks for each document once, not once to detect and again to read.
import type { HttpClient, JsonResponse, TextResponse } from '../http';

export interface DetectionAnswers {
  /** For the detection: asks the network and keeps each answer. */
  recording: HttpClient;
  /** For the source: an answer the detection kept is used once, then the network is asked. */
  replaying: HttpClient;
  /** Lets go of what was kept (after the first fetch, so nothing old is ever served). */
  clear(): void;
}

export function detectionAnswers(http: HttpClient): DetectionAnswers {
  const json = new Map<string, Promise<JsonResponse>>();
  const text = new Map<string, Promise<TextResponse>>();
  const take = <T>(kept: Map<string, Promise<T>>, url: string, ask: () => Promise<T>): Promise<T> => {
    const answer = kept.get(url);
    kept.delete(url);
    return answer ?? ask();
  };
  const keep = <T>(kept: Map<string, Promise<T>>, url: string, answer: Promise<T>): Promise<T> => {
    // A failed answer is not kept: the source asks again.
    answer.then(
      () => kept.set(url, answer),
      () => undefined,
    );
    return answer;
  };
  return {
    recording: {
      getJson: (url) => keep(json, url, http.getJson(url)),
      getText: (url) => keep(text, url, http.getText(url)),
    },
    replaying: {
      getJson: (url) => take(json, url, () => http.getJson(url)),
      getText: (url) => take(text, url, () => http.getText(url)),
    },
    clear() {
      json.clear();
      text.clear();
    },
  };
}
