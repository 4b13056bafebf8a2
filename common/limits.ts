// How much of a status page the app keeps. One set of bounds for the core (which trims what it
// reads to them), the state file and the window (which check them): what the core publishes or
// saves always passes every check that reads it back.

export const LIMITS = {
  /** Service, incident and maintenance ids. */
  idChars: 200,
  /** Page, service and group names, titles. */
  nameChars: 1_000,
  /** One incident update's text. */
  bodyChars: 20_000,
  /** URLs and hosts. */
  urlChars: 2_048,
  /** Announcement keys (a source URL, an id and a time or two). */
  keyChars: 4_096,
  /** ISO timestamps. */
  timeChars: 64,
  /** Status words of an update ("investigating", ...). */
  wordChars: 100,
  servicesPerSource: 5_000,
  incidentsPerSource: 500,
  maintenancesPerSource: 500,
  /** The newest updates of an incident; older ones are dropped. */
  updatesPerIncident: 100,
  /** Service ids an incident or maintenance names. */
  servicesPerItem: 1_000,
  sources: 10,
  /** Sentences said the same in every language (error details). */
  detailChars: 2_000,
} as const;

/** Short stable hash (FNV-1a, 32 bits, base 36) so two long ids cut to the limit stay distinct. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Text cut to `max` characters, with an ellipsis when cut; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** An id within the limit: kept whole when it fits, else cut and suffixed with a hash of the whole. */
export function boundId(id: string): string {
  if (id.length <= LIMITS.idChars) return id;
  const suffix = `~${shortHash(id)}`;
  return `${id.slice(0, LIMITS.idChars - suffix.length)}${suffix}`;
}
