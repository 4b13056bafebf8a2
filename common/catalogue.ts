// The built-in catalogue: status pages a Gandi customer commonly also depends on, each with its
// address and format. The list is data (catalogue.json); this module checks it and searches it.
import { z } from 'zod';
import raw from './catalogue.json';
import { SOURCE_KINDS } from './model';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  url: z.string().url(),
  kind: z.enum(SOURCE_KINDS),
  /** What the page covers, in a few words. */
  covers: z.string(),
});
export type CatalogueEntry = z.infer<typeof entrySchema>;

/** Gandi first, then the others in the order of the file. */
export const CATALOGUE: readonly CatalogueEntry[] = z.array(entrySchema).parse(raw);

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Entries whose name, address or coverage holds every word of `query`; all of them for an empty query. */
export function searchCatalogue(query: string): CatalogueEntry[] {
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  return CATALOGUE.filter((entry) => {
    const haystack = fold(`${entry.name} ${entry.url} ${entry.covers}`);
    return words.every((word) => haystack.includes(word));
  });
}
