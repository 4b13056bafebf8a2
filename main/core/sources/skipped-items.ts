// One odd item (an incident whose name is null, an update without a date) must not blind a whole
// status page: the items of a list that do not fit their schema are left out, the rest is read,
// and what was left out is noted for the poll that read it (see `collectSkippedItems`).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { z } from 'zod';

/** Beyond this many bad items the document is not the format it was read as. */
export const MAX_SKIPPED_ITEMS = 50;

export type SkippingParse<T> = { ok: true; data: T; skipped: string[] } | { ok: false; error: z.ZodError };

/** `root` with the array element at `path` removed, copying only the containers on the way. */
function withoutElement(root: unknown, path: readonly PropertyKey[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  if (Array.isArray(root) && typeof head === 'number') {
    if (rest.length === 0) return [...root.slice(0, head), ...root.slice(head + 1)];
    const copy = [...root];
    copy[head] = withoutElement(root[head], rest);
    return copy;
  }
  if (typeof root === 'object' && root !== null && typeof head !== 'symbol') {
    const record = root as Record<string | number, unknown>;
    return { ...record, [head]: withoutElement(record[head], rest) };
  }
  return root;
}

/** Parses `body`, leaving out each array element (the innermost around the problem) that does not fit. */
export function parseSkippingBadItems<T>(schema: z.ZodType<T>, body: unknown): SkippingParse<T> {
  let current = body;
  const skipped: string[] = [];
  for (;;) {
    const result = schema.safeParse(current);
    if (result.success) return { ok: true, data: result.data, skipped };
    const path = result.error.issues[0]?.path ?? [];
    let last = -1;
    path.forEach((segment, index) => {
      if (typeof segment === 'number') last = index;
    });
    // A problem outside any list (the page's own fields) is the document's, not an item's.
    if (last < 0 || skipped.length >= MAX_SKIPPED_ITEMS) return { ok: false, error: result.error };
    // A document that is a bare list is something else when none of its items fits.
    if (last === 0 && Array.isArray(current) && current.length === 1) return { ok: false, error: result.error };
    const itemPath = path.slice(0, last + 1);
    current = withoutElement(current, itemPath);
    skipped.push(itemPath.map(String).join('.'));
  }
}

const notes = new AsyncLocalStorage<string[]>();

/** Notes that the document at `url` was read without the items at `paths`. */
export function noteSkippedItems(url: string, paths: readonly string[]): void {
  if (paths.length === 0) return;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  const count = paths.length === 1 ? '1 item' : `${paths.length} items`;
  notes.getStore()?.push(`${host}: left out ${count} it could not read (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''})`);
}

/** Runs one read of a page, and gives what it left out with its result. */
export async function collectSkippedItems<T>(read: () => Promise<T>): Promise<{ result: T; skipped: string[] }> {
  const collected: string[] = [];
  const result = await notes.run(collected, read);
  return { result, skipped: collected };
}
