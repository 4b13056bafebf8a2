// The options of `--check`, read as strictly as the rest of the command line.
import { ArgsError } from './args-error';

export const DEFAULT_CHECK_TIMEOUT_SECONDS = 10;

/** What `--check` judges (see nagios.ts). */
export interface CheckSelection {
  components: string[];
  groups: string[];
  /** Seconds the last good data may be old when the page cannot be read now; null: only live data. */
  maxAgeSeconds: number | null;
  timeoutSeconds: number;
}

export const CHECK_BOOLEAN_FLAGS: readonly string[] = ['--check'];
export const CHECK_VALUE_FLAGS: readonly string[] = ['--component', '--group', '--max-age', '--timeout'];

/** Longest sensible timeout: monitoring cores kill a plugin long before. */
const MAX_TIMEOUT_SECONDS = 300;
const MAX_AGE_SECONDS = 7 * 24 * 3600;

export function newCheckSelection(): { selection: CheckSelection; given: string[] } {
  return { selection: { components: [], groups: [], maxAgeSeconds: null, timeoutSeconds: DEFAULT_CHECK_TIMEOUT_SECONDS }, given: [] };
}

function seconds(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new ArgsError(`${flag} expects a whole number of seconds, got "${value}"`);
  const number = Number(value);
  if (number < min || number > max) throw new ArgsError(`${flag} must be between ${min} and ${max} seconds, got ${number}`);
  return number;
}

export function takeCheckValue(check: { selection: CheckSelection; given: string[] }, flag: string, value: string): void {
  if (!check.given.includes(flag)) check.given.push(flag);
  const { selection } = check;
  if (flag === '--component' || flag === '--group') {
    if (value.trim() === '') throw new ArgsError(`${flag} needs a name`);
    (flag === '--component' ? selection.components : selection.groups).push(value.trim());
  } else if (flag === '--max-age') selection.maxAgeSeconds = seconds(flag, value, 0, MAX_AGE_SECONDS);
  else selection.timeoutSeconds = seconds(flag, value, 1, MAX_TIMEOUT_SECONDS);
}
