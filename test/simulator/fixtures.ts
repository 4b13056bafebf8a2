// The simulator's documents start from real ones (test/fixtures/real), so their shapes are the
// shapes the real APIs serve. Only the fields the simulator rewrites are read here; the rest is kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the real fixture documents live; overridable for a checkout laid out differently. */
export const REAL_FIXTURES_DIR =
  process.env.GANDI_STATUS_FIXTURES ?? path.resolve(__dirname, '../fixtures/real');

export type JsonObject = { [key: string]: unknown };

export interface FixtureComponent extends JsonObject {
  id: string;
  name: string;
  status: string;
  group: boolean;
  group_id: string | null;
}

export interface LegacyServiceEntry {
  description: string;
  name: string;
  status: string;
}

export interface RealDocuments {
  /** Gandi's page object (id xnm08yh10bv5). */
  page: JsonObject;
  /** Gandi's 27 components, groups included, in the order the API lists them. */
  components: FixtureComponent[];
  /** Gandi legacy `/api/services`: the fixed list of 7 services. */
  legacyServices: LegacyServiceEntry[];
  legacyStatusSchema: unknown;
  legacyApiIndex: unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(file: string): unknown {
  const full = path.join(REAL_FIXTURES_DIR, file);
  try {
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new Error(`simulator: cannot read fixture ${full}: ${(error as Error).message}`);
  }
}

function toComponent(value: unknown): FixtureComponent {
  if (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.status === 'string' &&
    typeof value.group === 'boolean' &&
    (value.group_id === null || typeof value.group_id === 'string')
  ) {
    return { ...value, id: value.id, name: value.name, status: value.status, group: value.group, group_id: value.group_id };
  }
  throw new Error('simulator: unexpected component shape in the Gandi summary fixture');
}

function toLegacyService(value: unknown): LegacyServiceEntry {
  if (isObject(value) && typeof value.name === 'string' && typeof value.status === 'string') {
    const description = typeof value.description === 'string' ? value.description : value.name;
    return { description, name: value.name, status: value.status };
  }
  throw new Error('simulator: unexpected service shape in the legacy services fixture');
}

let cached: RealDocuments | null = null;

export function loadRealDocuments(): RealDocuments {
  if (cached) return cached;
  const summary = readJson('statuspage-gandi-summary-all-ok.json');
  if (!isObject(summary) || !isObject(summary.page) || !Array.isArray(summary.components)) {
    throw new Error('simulator: the Gandi summary fixture has no page or components');
  }
  const services = readJson('gandi-legacy-services-all-sunny.json');
  if (!Array.isArray(services)) throw new Error('simulator: the legacy services fixture is not a list');
  cached = {
    page: summary.page,
    components: summary.components.map(toComponent),
    legacyServices: services.map(toLegacyService),
    legacyStatusSchema: readJson('gandi-legacy-status-schema.json'),
    legacyApiIndex: readJson('gandi-legacy-api-index.json'),
  };
  return cached;
}
