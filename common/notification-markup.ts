// What a desktop notification may carry. Freedesktop notification servers read the body as
// markup (<b>, <i>, <a href>, <img src>): text from a status page must reach them escaped, or a
// page could put a link whose target the user cannot see, or make the server load a local file.
// The summary (title) is plain text by the specification and is never escaped.
// Pure, shared by the tray app and the command line.
import { cleanRemoteLine, cleanRemoteText } from './remote-text';

/** Longest title a notification gets (characters, UTF-16 units). */
export const MAX_NOTIFICATION_TITLE = 200;
/** Longest body a notification gets, escaping included. */
export const MAX_NOTIFICATION_BODY = 1000;

const ELLIPSIS = '…';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `&`, `<` and `>` as entities: the text shows as written, with no markup in it. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The end of a cut at `end` moved back so it does not split a surrogate pair. */
function pairSafe(text: string, end: number): number {
  return end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** At most `max` characters, ending with an ellipsis when cut; a surrogate pair is never split. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  return `${text.slice(0, pairSafe(text, max - 1))}${ELLIPSIS}`;
}

/**
 * Escaped text cut to at most `max` characters, ending with an ellipsis when cut; the cut never
 * falls inside an entity (`&am…` would be shown as is, or refused as broken markup).
 */
export function truncateMarkup(markup: string, max: number): string {
  if (markup.length <= max) return markup;
  if (max < 1) return '';
  let end = max - 1;
  const amp = markup.lastIndexOf('&', end - 1);
  if (amp >= 0) {
    const semicolon = markup.indexOf(';', amp);
    if (semicolon === -1 || semicolon >= end) end = amp;
  }
  return `${markup.slice(0, pairSafe(markup, end))}${ELLIPSIS}`;
}

export interface NotificationText {
  title: string;
  body: string;
}

export interface NotificationTextOptions {
  /** The body is read as markup (freedesktop servers, i.e. Linux): escape it. */
  markup: boolean;
  maxTitle?: number;
  maxBody?: number;
}

/**
 * Title and body as a notification may show them: no control characters or bidi overrides, the
 * title on one line, the body escaped where it is read as markup, both bounded.
 */
export function notificationText(notice: NotificationText, options: NotificationTextOptions): NotificationText {
  const title = truncateText(cleanRemoteLine(notice.title).trim(), options.maxTitle ?? MAX_NOTIFICATION_TITLE);
  const body = cleanRemoteText(notice.body).trim();
  const maxBody = options.maxBody ?? MAX_NOTIFICATION_BODY;
  return { title, body: options.markup ? truncateMarkup(escapeMarkup(body), maxBody) : truncateText(body, maxBody) };
}
