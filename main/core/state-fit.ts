// The text of a persisted state, made to fit the state file's byte cap, so what is saved is always
// what the next start can load: a page of thousands of services and incidents with long timelines
// is saved leaner rather than refused on load (and everything then announced again).
import { boundSourceSnapshot } from '../../common/bound';
import { clip } from '../../common/limits';
import type { SourceSnapshot } from '../../common/model';
import type { PersistedState } from './ports';

/**
 * What a lean snapshot keeps of each incident: the newest update only (its time and status are
 * what the next diff compares), its text cut short, and the first service ids it names.
 */
const LEAN_BODY_CHARS = 1_000;
const LEAN_SERVICES_PER_ITEM = 100;

function lean(snapshot: SourceSnapshot): SourceSnapshot {
  return {
    ...snapshot,
    incidents: snapshot.incidents.map((incident) => ({
      ...incident,
      services: incident.services.slice(0, LEAN_SERVICES_PER_ITEM),
      updates: incident.updates.slice(0, 1).map((update) => ({ ...update, body: clip(update.body, LEAN_BODY_CHARS) })),
    })),
    maintenances: snapshot.maintenances.map((m) => ({ ...m, services: m.services.slice(0, LEAN_SERVICES_PER_ITEM) })),
  };
}

/** Characters of the strings in `value`: a floor under its JSON size, cheap to get without building it. */
function textFloor(value: unknown, stopAbove: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= stopAbove) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (Array.isArray(item)) stack.push(...(item as unknown[]));
    else if (typeof item === 'object' && item !== null) stack.push(...Object.values(item));
  }
  return total;
}

function fits(candidate: PersistedState, maxBytes: number): string | null {
  // A state far over the cap is not even built: its text could pass the longest string V8 makes.
  if (textFloor(candidate, maxBytes) > maxBytes) return null;
  const text = JSON.stringify(candidate);
  return Buffer.byteLength(text, 'utf8') <= maxBytes ? text : null;
}

/**
 * JSON of `state` within `maxBytes`: whole if it fits, else with lean snapshots, else without
 * snapshots (the announced keys alone keep anything from being said twice), else with only the
 * newest keys that fit.
 */
export function fittedStateText(state: PersistedState, maxBytes: number): string {
  const bounded = { ...state, snapshots: state.snapshots.map(boundSourceSnapshot) };
  const candidates = [bounded, { ...bounded, snapshots: bounded.snapshots.map(lean) }, { ...bounded, snapshots: [] }];
  for (const candidate of candidates) {
    const text = fits(candidate, maxBytes);
    if (text !== null) return text;
  }
  let announced = state.announced;
  for (;;) {
    announced = announced.slice(Math.ceil(announced.length / 2));
    const text = fits({ ...state, snapshots: [], announced }, maxBytes);
    if (text !== null) return text;
  }
}
