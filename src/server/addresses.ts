/**
 * @module
 * `schema: Address` queries in `/match`, as yente takes them (an Address is matchable in FtM):
 * the query's address is compared with every Address entity of the lists screened, by the
 * overlap of their words (Dice coefficient over folded tokens, country names read as their
 * codes). Every address is looked at, so an empty answer means none is close, never that none
 * was checked; with no list loaded the engine's coverage raises E_NOT_READY as a screening does.
 */
import {
  EmbargoError,
  ERROR_CODES,
  type Coverage,
  type Properties,
  type SourceId,
} from '../core/index.ts';
import { countryCode, lenientQuery } from '../engine/index.ts';
import type { RouteContext } from './context.ts';
import type { EntityExample } from './query.ts';
import { dateTime, type YenteScored } from './yente.ts';

/** The Address properties that make up the address text. */
const ADDRESS_PROPS = [
  'full',
  'street',
  'street2',
  'remarks',
  'postOfficeBox',
  'city',
  'postalCode',
  'region',
  'state',
  'country',
  'name',
];

/** Default threshold of an address match (yente's default threshold). */
export const ADDRESS_THRESHOLD = 0.7;

/** Folded word tokens of some texts. */
export function addressTokens(values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const v of values)
    for (const t of v
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u))
      if (t) out.add(t);
  return out;
}

/** Dice coefficient of two token sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

function tokensOf(properties: Properties): Set<string> {
  return addressTokens(ADDRESS_PROPS.flatMap((p) => properties[p] ?? []));
}

/** One Address query against every address of `sources`. */
export async function matchAddress(
  ctx: RouteContext,
  example: EntityExample,
  o: { limit: number; sources: SourceId[]; threshold?: number; cutoff?: number },
): Promise<{
  results: YenteScored[];
  total: { value: number; relation: 'eq' };
  query: { id: string | null; schema: string; properties: Properties };
  coverage: Coverage;
  warnings?: string[];
}> {
  // Not ready (no list of those asked for loaded) is an error here as in a screening.
  const coverage = await ctx.engine.coverage(o.sources.length ? o.sources : undefined);
  const given: Properties = {};
  for (const [prop, value] of Object.entries(example.properties ?? {})) {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    if (values.length) given[prop] = values;
  }
  const { query, warnings } = lenientQuery({ schema: 'Thing', properties: given });
  // Countries as codes, like the lists' addresses; the other properties as given.
  const properties: Properties = { ...given };
  if (given.country) {
    const codes = (query.properties.country ?? []).map((c) => countryCode(c)).filter((c) => !!c);
    if (codes.length) properties.country = codes as string[];
    else delete properties.country;
  }
  const wanted = tokensOf(properties);
  // Nothing to compare is a query error, as a screening without a name is: never "no match".
  if (!wanted.size)
    throw new EmbargoError(
      ERROR_CODES.INVALID_QUERY,
      'an Address query needs address text: full, street, city, postalCode or country',
      { field: 'properties.full' },
    );
  const threshold = o.threshold ?? ADDRESS_THRESHOLD;
  const cutoff = o.cutoff ?? Math.min(ADDRESS_THRESHOLD, threshold);
  const sources = new Set<string>(o.sources);
  const index = await ctx.entities.get();
  const scored: { r: (typeof index.addresses)[number]; score: number }[] = [];
  for (const r of index.addresses) {
    if (sources.size && !sources.has(r.datasets[0] ?? '')) continue;
    const score = dice(wanted, tokensOf(r.properties));
    if (score >= cutoff && score > 0) scored.push({ r, score: Math.round(score * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score || a.r.id.localeCompare(b.r.id));
  const results: YenteScored[] = scored.slice(0, o.limit).map(({ r, score }) => ({
    id: r.id,
    caption: r.caption,
    schema: r.schema,
    properties: r.properties,
    datasets: r.datasets,
    referents: [],
    target: r.target,
    first_seen: dateTime(r.first_seen),
    last_seen: dateTime(r.last_seen),
    last_change: dateTime(r.last_change),
    score,
    match: score >= threshold,
    features: { address: score },
    explanations: {
      address: {
        score,
        detail: 'word overlap (Dice) of the full addresses',
        query: [...wanted].join(' '),
      },
    },
    matched_name: r.caption,
    programs: [],
    topics: [],
    tokens: [],
  }));
  return {
    results,
    total: { value: scored.filter((s) => s.score >= threshold).length, relation: 'eq' },
    query: { id: example.id ?? null, schema: 'Address', properties },
    coverage,
    ...(warnings.length && { warnings }),
  };
}
