/**
 * @module
 * `GET /search/{dataset}?q=`: a name search in yente's SearchResponse shape (`results`, `facets`,
 * `total`, `limit`, `offset`; `yente/routers/search.py`). Embargo has no full-text index: `q` is
 * screened as a name (any schema unless `schema` says), so results are ranked by Embargo's score,
 * which each result carries.
 */
import type { FastifyInstance } from 'fastify';
import type { ScoredEntity } from '../../core/index.ts';
import { resolveAlgorithm } from '../algorithms.ts';
import type { RouteContext } from '../context.ts';
import { resolveDataset, screenedSources, screenIn } from '../datasets.ts';
import { badRequest } from '../errors.ts';
import { exampleToQuery } from '../query.ts';
import {
  COVERAGE,
  DATASET_PARAMS,
  errors,
  SCORED_RESPONSE,
  STRING_LIST,
  TOTAL,
} from '../schemas.ts';
import { snapshotDates, toYenteScored } from '../yente.ts';

interface SearchQuerystring {
  q?: string;
  schema?: string;
  countries?: string[];
  topics?: string[];
  datasets?: string[];
  limit?: number;
  offset?: number;
  algorithm?: string;
}

/** Most results a search looks at (limit + offset). */
const MAX_WINDOW = 500;
const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'flag'];

const SCHEMA = {
  tags: ['Matching'],
  summary: 'Simple entity search (yente-compatible)',
  description:
    "Searches the lists for a name, in yente's SearchResponse shape. Results are ranked by Embargo's score (in each result); facets count the results found. `coverage` and `warnings` say which snapshots were searched and which are stale; with no list loaded (or none of the dataset's) the answer is 503 `E_NOT_READY`.",
  params: DATASET_PARAMS,
  querystring: {
    type: 'object',
    properties: {
      q: { type: 'string', maxLength: 1000, examples: ['Kim Jong Un'] },
      schema: { type: 'string', default: 'Thing' },
      countries: STRING_LIST,
      topics: STRING_LIST,
      datasets: STRING_LIST,
      limit: { type: 'integer', minimum: 1, maximum: MAX_WINDOW, default: 10 },
      offset: { type: 'integer', minimum: 0, maximum: MAX_WINDOW, default: 0 },
      algorithm: { type: 'string' },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        results: { type: 'array', items: SCORED_RESPONSE },
        facets: { type: 'object', additionalProperties: true },
        total: TOTAL,
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        coverage: COVERAGE,
        warnings: { type: 'array', items: { type: 'string' } },
      },
    },
    ...errors(400, 401, 403, 404, 429, 503),
  },
} as const;

/** One facet: value → count over the results, as yente's SearchFacet. */
function facet(label: string, values: Iterable<string>) {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return {
    label,
    values: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, count]) => ({ name, label: name, count })),
  };
}

function countriesOf(r: ScoredEntity): string[] {
  const out = new Set<string>();
  for (const p of COUNTRY_PROPS) for (const c of r.properties[p] ?? []) out.add(c.toLowerCase());
  return [...out];
}

/** Registers `GET /search/{dataset}`. */
export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { dataset: string }; Querystring: SearchQuerystring }>(
    '/search/:dataset',
    { schema: SCHEMA, config: { access: 'read' } },
    async (request) => {
      const q = request.query;
      const text = (q.q ?? '').trim();
      if (!text) throw badRequest('q: give a name to search for');
      const dataset = resolveDataset(request.params.dataset);
      const sources = screenedSources(dataset, q.datasets);
      const algorithm = resolveAlgorithm(q.algorithm);
      const limit = q.limit ?? 10;
      const offset = q.offset ?? 0;
      const { query } = exampleToQuery({
        schema: q.schema ?? 'Thing',
        properties: { name: [text] },
      });
      const window = Math.min(MAX_WINDOW, limit + offset);
      const res = await screenIn(ctx.engine, query, { algorithm, limit: window, sources });
      const countries = (q.countries ?? []).map((c) => c.toLowerCase());
      const topics = q.topics ?? [];
      const found = res.results.filter(
        (r) =>
          (!countries.length || countriesOf(r).some((c) => countries.includes(c))) &&
          (!topics.length || r.topics.some((t) => topics.includes(t))),
      );
      const lastSeen = snapshotDates(res.snapshots);
      return {
        results: found.slice(offset, offset + limit).map((r) => toYenteScored(r, text, lastSeen)),
        facets: {
          countries: facet('Countries', found.flatMap(countriesOf)),
          topics: facet(
            'Topics',
            found.flatMap((r) => r.topics),
          ),
          datasets: facet(
            'Data sources',
            found.flatMap((r) => r.datasets),
          ),
        },
        total: { value: found.length, relation: res.results.length === window ? 'gte' : 'eq' },
        limit,
        offset,
        ...(res.coverage && { coverage: res.coverage }),
        ...(res.warnings && { warnings: res.warnings }),
      };
    },
  );
}
