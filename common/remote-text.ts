// Text that came from a status page, made safe to show anywhere: no control characters (a NUL
// makes a child process argument throw, escape sequences reach a terminal) and no bidi overrides
// or isolates (U+202E would show a title reversed, or hide what a line really says).
// Pure: used by the source adapters, the notifications, the tray and the command alike.

/** C0 controls except tab and newline, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** A surrogate without its pair: not text, and not valid UTF-8 once encoded (D-Bus refuses it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes control characters and bidi overrides/isolates. Newlines are kept (a carriage return,
 * alone or before a newline, becomes one newline), a tab becomes a space, and a lone surrogate
 * becomes U+FFFD.
 */
export function cleanRemoteText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

/** As cleanRemoteText, on one line: newlines become spaces (names, titles, labels). */
export function cleanRemoteLine(text: string): string {
  return cleanRemoteText(text).replace(/\n/g, ' ');
}
