/**
 * @module
 * `GET /search/{dataset}`: yente's simple search in its SearchResponse shape (`results`, `facets`,
 * `total`, `limit`, `offset`; `yente/routers/search.py`, filters as `yente/search/queries.py`
 * `filter_query`). Embargo has no full-text index: `q` is screened as a name (any schema unless
 * `schema` says), so those results are ranked by Embargo's score, which each carries. Without
 * `q` the search browses every listed party (yente's `match_all`), filtered and sorted as asked.
 * `total` counts every result found, so paging on it reaches the last one.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { isA, isSchemaName, type ScoredEntity } from '../../core/index.ts';
import type { FtmRecord } from '../../engine/index.ts';
import { ALGORITHM_HEADER, resolveAlgorithm } from '../algorithms.ts';
import type { RouteContext } from '../context.ts';
import {
  COLLECTIONS,
  collectionTitle,
  filteredSources,
  resolveDataset,
  screenIn,
} from '../datasets.ts';
import { badRequest } from '../errors.ts';
import { exampleToQuery } from '../query.ts';
import {
  COVERAGE,
  DATASET_PARAMS,
  DATE_PARAM,
  errors,
  SCORED_RESPONSE,
  STRING_LIST,
  StringEnum,
  stringList,
  TOTAL,
  typed,
} from '../schemas.ts';
import { dateTime, snapshotDates, toYenteScored } from '../yente.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** Most results a search may page through (yente's MAX_OFFSET + MAX_PAGE is 10,000). */
const MAX_WINDOW = 10_000;
/** Most results a page holds. */
const MAX_PAGE = 500;
/** Most name-screening results counted for `total`; beyond it the relation is `gte`. */
const MAX_SCREENED = 1000;
const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'flag'];
/** yente's default facets. */
const DEFAULT_FACETS = ['countries', 'topics', 'datasets'];
const FACET_LABELS: Record<string, string> = {
  countries: 'Countries',
  topics: 'Topics',
  datasets: 'Data sources',
  schema: 'Entity types',
};
/** FtM's topic labels (followthemoney `types/topic.py`). */
const TOPIC_LABELS: Record<string, string> = {
  sanction: 'Sanctioned entity',
  'sanction.linked': 'Sanction-linked entity',
  'export.risk': 'Trade risk',
  'export.control': 'Export controlled',
  debarment: 'Debarred entity',
};

/** yente's search query parameters. */
const SEARCH_QUERY = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000, examples: ['Kim Jong Un'] })),
  schema: Type.Optional(Type.String({ default: 'Thing' })),
  countries: Type.Optional(STRING_LIST),
  topics: Type.Optional(STRING_LIST),
  datasets: Type.Optional(STRING_LIST),
  include_dataset: Type.Optional(STRING_LIST),
  exclude_dataset: Type.Optional(STRING_LIST),
  exclude_schema: Type.Optional(STRING_LIST),
  changed_since: Type.Optional(DATE_PARAM),
  filter: Type.Optional(stringList({ description: 'prop:value, e.g. gender:female' })),
  filter_op: Type.Optional(StringEnum(['AND', 'OR'], { default: 'AND' })),
  facets: Type.Optional(STRING_LIST),
  sort: Type.Optional(stringList({ description: 'field:asc|desc' })),
  target: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_PAGE, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WINDOW, default: 0 })),
  algorithm: Type.Optional(Type.String()),
});

const SCHEMA = {
  tags: ['Matching'],
  summary: 'Simple entity search (yente-compatible)',
  description:
    "Searches the lists for a name (`q`), or browses them without one (`?topics=sanction`, `?schema=Vessel`), in yente's SearchResponse shape. Name results are ranked by Embargo's score (in each result); browsing is sorted by id unless `sort` (`field:asc|desc`, e.g. `last_change:desc`, `caption`) says. Filters: `countries`, `topics`, `datasets`, `include_dataset`, `exclude_dataset` (a name that is no dataset filters nothing in, with a warning), `exclude_schema`, `changed_since`, `filter=prop:value` (with `filter_op` AND or OR). `facets` (default countries, topics, datasets; also schema) count every result found, labelled with names. `limit=0` gives only `total` and facets. `coverage` and `warnings` say which snapshots were searched and which are stale; with no list loaded (or none of the dataset's) the answer is 503 `E_NOT_READY`.",
  params: DATASET_PARAMS,
  querystring: SEARCH_QUERY,
  response: {
    200: {
      type: 'object',
      properties: {
        results: { type: 'array', items: SCORED_RESPONSE },
        facets: { type: 'object', additionalProperties: true },
        total: TOTAL,
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        algorithm: { type: 'string' },
        coverage: COVERAGE,
        warnings: { type: 'array', items: { type: 'string' } },
      },
    },
    ...errors(400, 401, 403, 404, 422, 429, 503),
  },
} as const;

/** What the filters, facets and sorts read of a result, whichever way it was found. */
interface Row {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  topics: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score?: number;
  /** The response entry. */
  out: () => Record<string, unknown>;
}

function countriesOf(r: Row): string[] {
  const out = new Set<string>();
  for (const p of COUNTRY_PROPS) for (const c of r.properties[p] ?? []) out.add(c.toLowerCase());
  return [...out];
}

/** The value label of a facet. */
function valueLabel(field: string, name: string): string {
  if (field === 'countries')
    return countries.getName(name.toUpperCase(), 'en', { select: 'alias' }) ?? name;
  if (field === 'topics') return TOPIC_LABELS[name] ?? name;
  if (field === 'datasets')
    return (COLLECTIONS as readonly string[]).includes(name)
      ? collectionTitle(name as (typeof COLLECTIONS)[number])
      : name;
  return name;
}

/** The values of a facet field on a row. */
function facetValues(field: string, r: Row): string[] {
  if (field === 'countries') return countriesOf(r);
  if (field === 'topics') return r.topics;
  if (field === 'datasets') return r.datasets;
  if (field === 'schema') return [r.schema];
  return r.properties[field] ?? [];
}

/** One facet: value → count over every result found, as yente's SearchFacet. */
function facet(field: string, rows: Row[], titles: Map<string, string>) {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const v of new Set(facetValues(field, r))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return {
    label: FACET_LABELS[field] ?? field,
    values: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, count]) => ({
        name,
        label: (field === 'datasets' && titles.get(name)) || valueLabel(field, name),
        count,
      })),
  };
}

/**
 * `prop:value` filters, grouped by property. As yente's `filter_query`: with `filter_op=AND` a
 * result must have every value given for a property, with `OR` one of them; properties are
 * always combined with AND.
 */
function parseFilters(filters: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of filters) {
    const at = f.indexOf(':');
    if (at <= 0) throw badRequest(`filter ${JSON.stringify(f)}: use prop:value`);
    const prop = f.slice(0, at);
    const list = out.get(prop) ?? [];
    list.push(f.slice(at + 1));
    out.set(prop, list);
  }
  return out;
}

/** A row's values for a filter or sort field. */
function fieldValues(r: Row, field: string): string[] {
  switch (field) {
    case 'id':
    case 'entity_id':
      return [r.id];
    case 'schema':
      return [r.schema];
    case 'caption':
      return [r.caption];
    case 'datasets':
      return r.datasets;
    case 'topics':
      return r.topics;
    case 'countries':
      return countriesOf(r);
    case 'first_seen':
    case 'last_seen':
    case 'last_change': {
      const v = r[field];
      return v ? [v] : [];
    }
    default:
      return r.properties[field] ?? [];
  }
}

/** Whether a row is of `schema` or one of its descendants (`Thing` is everything). */
function ofSchema(r: Row, schema: string): boolean {
  if (schema === 'Thing') return true;
  return isSchemaName(r.schema) && isSchemaName(schema) && isA(r.schema, schema);
}

/** Sorts rows in place by `field:order` sorts, then by score (when ranked) and id. */
function sortRows(rows: Row[], sorts: string[]): void {
  const keys = sorts.map((s) => {
    const at = s.lastIndexOf(':');
    const order = at > 0 ? s.slice(at + 1) : 'asc';
    const known = order === 'asc' || order === 'desc';
    return { field: known && at > 0 ? s.slice(0, at) : s, desc: order === 'desc' };
  });
  rows.sort((a, b) => {
    for (const { field, desc } of keys) {
      const va = field === 'score' ? a.score : fieldValues(a, field)[0];
      const vb = field === 'score' ? b.score : fieldValues(b, field)[0];
      // Missing values last, as yente's `missing: _last`.
      if (va === undefined || vb === undefined) {
        if (va !== vb) return va === undefined ? 1 : -1;
        continue;
      }
      const c = typeof va === 'number' ? va - (vb as number) : String(va).localeCompare(String(vb));
      if (c) return desc ? -c : c;
    }
    return (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id);
  });
}

/** A browsed entity as a row. */
function recordRow(r: FtmRecord, referents: string[]): Row {
  const out = () => ({
    id: r.id,
    caption: r.caption,
    schema: r.schema,
    properties: r.properties,
    datasets: r.datasets,
    referents,
    target: r.target,
    first_seen: dateTime(r.first_seen),
    last_seen: dateTime(r.last_seen),
    last_change: dateTime(r.last_change),
  });
  return {
    id: r.id,
    schema: r.schema,
    caption: r.caption,
    properties: r.properties,
    datasets: r.datasets,
    topics: r.properties.topics ?? [],
    target: r.target,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    last_change: r.last_change,
    out,
  };
}

/** A screened result as a row. */
function scoredRow(
  r: ScoredEntity,
  text: string,
  lastSeen: Map<string, string>,
  referents: string[],
): Row {
  return {
    id: r.id,
    schema: r.schema,
    caption: r.caption,
    properties: r.properties,
    datasets: r.datasets,
    topics: r.topics,
    target: true,
    first_seen: r.first_seen ?? null,
    last_seen: lastSeen.get(r.datasets[0] ?? '') ?? null,
    last_change: r.last_change ?? null,
    score: r.score,
    out: () => ({ ...toYenteScored(r, text, lastSeen), referents }),
  };
}

/** Registers `GET /search/{dataset}`. */
export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).get(
    '/search/:dataset',
    { schema: SCHEMA, config: { access: 'read', yente: true } },
    async (request, reply) => {
      const q = request.query;
      const text = (q.q ?? '').trim();
      const dataset = resolveDataset(request.params.dataset);
      const { sources, warnings: filterWarnings } = filteredSources(
        dataset,
        [...(q.include_dataset ?? []), ...(q.datasets ?? [])],
        q.exclude_dataset,
      );
      const algorithm = resolveAlgorithm(q.algorithm);
      const limit = q.limit ?? 10;
      const offset = q.offset ?? 0;
      const schema = q.schema ?? 'Thing';
      if (!isSchemaName(schema))
        throw badRequest(`schema ${JSON.stringify(schema)}: Invalid schema`);
      const filters = parseFilters(q.filter ?? []);
      const wantCountries = (q.countries ?? []).map((c) => c.toLowerCase());
      const wantTopics = q.topics ?? [];
      const excludeSchema = q.exclude_schema ?? [];
      const changedSince = q.changed_since;
      const and = (q.filter_op ?? 'AND') === 'AND';
      const index = await ctx.entities.get();
      // Not ready (no list of those asked for loaded) is an error, never an empty page.
      const coverage = await ctx.engine.coverage(sources.length ? sources : undefined);
      const inSources = new Set<string>(sources);

      let rows: Row[];
      let capped = false;
      let warnings: string[] = [];
      if (text) {
        const { query } = exampleToQuery({ schema, properties: { name: [text] } });
        const res = await screenIn(ctx.engine, query, { algorithm, limit: MAX_SCREENED, sources });
        capped = res.results.length === MAX_SCREENED;
        warnings = res.warnings ?? [];
        const lastSeen = snapshotDates(res.snapshots);
        rows = res.results.map((r) =>
          scoredRow(r, text, lastSeen, index.referents.get(r.id) ?? []),
        );
      } else {
        rows = index.targets
          .filter((r) => inSources.has(r.datasets[0] ?? ''))
          .map((r) => recordRow(r, index.referents.get(r.id) ?? []));
      }
      const found = rows.filter((r) => {
        if (!ofSchema(r, schema) || excludeSchema.includes(r.schema)) return false;
        if (q.target !== undefined && r.target !== q.target) return false;
        if (wantCountries.length && !countriesOf(r).some((c) => wantCountries.includes(c)))
          return false;
        if (wantTopics.length && !r.topics.some((t) => wantTopics.includes(t))) return false;
        if (changedSince && !((r.last_change ?? '') > changedSince)) return false;
        for (const [field, values] of filters) {
          const has = fieldValues(r, field);
          if (and ? !values.every((v) => has.includes(v)) : !values.some((v) => has.includes(v)))
            return false;
        }
        return true;
      });
      if (q.sort?.length || !text) sortRows(found, q.sort ?? []);
      const titles = new Map((await ctx.engine.status()).map((s) => [s.source as string, s.title]));
      reply.header(ALGORITHM_HEADER, algorithm);
      const allWarnings = [...filterWarnings, ...warnings];
      return {
        results: found.slice(offset, offset + limit).map((r) => r.out()),
        facets: Object.fromEntries(
          (q.facets?.length ? q.facets : DEFAULT_FACETS).map((f) => [f, facet(f, found, titles)]),
        ),
        total: { value: found.length, relation: capped ? 'gte' : 'eq' },
        limit,
        offset,
        algorithm,
        coverage,
        ...(allWarnings.length && { warnings: allWarnings }),
      };
    },
  );
}
