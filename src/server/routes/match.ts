/**
 * @module
 * `POST /match/{dataset}`: yente's query-by-example matcher. The request and response shapes are
 * yente's (`yente/routers/match.py`, `yente/data/common.py`): named queries in, one
 * `EntityMatches` (`status`, `results`, `total`, `query`) per name out, `limit` at the top, the
 * `x-batch-size` header. Scores and thresholds are Embargo's.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  EmbargoError,
  ERROR_CODES,
  type Algorithm,
  type Coverage,
  type ScoredEntity,
  type SourceId,
} from '../../core/index.ts';
import { ALGORITHM_HEADER, resolveAlgorithm } from '../algorithms.ts';
import { ADDRESS_THRESHOLD, matchAddress } from '../addresses.ts';
import type { RouteContext } from '../context.ts';
import { countryCode, ENGINE_VERSION, lenientQuery } from '../../engine/index.ts';
import { filteredSources, resolveDataset, screenIn } from '../datasets.ts';
import { badRequest } from '../errors.ts';
import { exampleToQuery, type EntityExample } from '../query.ts';
import {
  AnyObject,
  COVERAGE,
  DATASET_PARAMS,
  DATE_PARAM,
  Dict,
  errors,
  Nullable,
  SCORED_RESPONSE,
  STRING_LIST,
  stringList,
  TOTAL,
  typed,
} from '../schemas.ts';
import { snapshotDates, toYenteScored, type YenteScored } from '../yente.ts';

/** Most queries in one request (yente's MAX_BATCH). */
export const MAX_BATCH = 100;
/** Most results per query. */
export const MAX_LIMIT = 500;

/** yente's EntityExample: `{"schema", "properties"}`, each property a string or a list. */
const EXAMPLE = Type.Object({
  id: Type.Optional(Nullable(Type.String())),
  schema: Type.String({ examples: ['Person'] }),
  properties: Dict(
    Type.Union([
      Type.String(),
      Type.Number(),
      Type.Unsafe<unknown[]>({ type: 'array' }),
      Type.Null(),
    ]),
    { description: 'FtM properties: each a string or a list of strings.' },
  ),
});

/** yente's match query parameters. */
const MATCH_QUERY = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 5 })),
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  cutoff: Type.Optional(Type.Number({ minimum: 0, maximum: 1, deprecated: true })),
  algorithm: Type.Optional(
    Type.String({
      description: "best (= embargo), embargo or ofac, or one of yente's names (logic-v2…)",
    }),
  ),
  include_dataset: Type.Optional(STRING_LIST),
  exclude_dataset: Type.Optional(STRING_LIST),
  exclude_schema: Type.Optional(STRING_LIST),
  exclude_entity_ids: Type.Optional(stringList({ maxItems: 50 })),
  changed_since: Type.Optional(DATE_PARAM),
  topics: Type.Optional(STRING_LIST),
});

/** yente's EntityMatchQuery: named queries (yente skips a query that is null). */
const MATCH_BODY = Type.Object({
  queries: Dict(Type.Union([EXAMPLE, Type.Null()])),
  weights: Type.Optional(Dict(Type.Number())),
  config: Type.Optional(AnyObject()),
});

/** yente's EntityMatches: one query's answer. */
const QUERY_ANSWER = Type.Object({
  status: Type.Optional(Type.Integer()),
  results: Type.Optional(Type.Array(SCORED_RESPONSE)),
  total: Type.Optional(TOTAL),
  query: Type.Optional(AnyObject({ additionalProperties: true })),
  warnings: Type.Optional(Type.Array(Type.String())),
});

/** yente's EntityMatchResponse with Embargo's fields: what was screened, how, on what. */
const MATCH_ANSWER = Type.Object({
  responses: Type.Optional(Dict(QUERY_ANSWER)),
  limit: Type.Optional(Type.Integer()),
  algorithm: Type.Optional(Type.String()),
  threshold: Type.Optional(Type.Number()),
  snapshots: Type.Optional(Type.Array(Type.String())),
  engine_version: Type.Optional(Type.String()),
  coverage: Type.Optional(COVERAGE),
});

const SCHEMA = {
  tags: ['Matching'],
  summary: 'Query by example matcher (yente-compatible)',
  description: `Screens up to ${MAX_BATCH} example entities at once. Same request and response as yente's \`/match\`, e.g.

\`\`\`json
{"queries": {"q1": {"schema": "Person", "properties": {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"], "nationality": ["kp"]}}}}
\`\`\`

Results are the entities scoring at least \`cutoff\` (default: the algorithm's default threshold, or \`threshold\` when lower), best first, each with \`match\` true at or above \`threshold\`: raising the threshold keeps results as \`match: false\`, as yente does; \`total\` counts the matches. Scores and thresholds are Embargo's: \`embargo\` defaults to 0.75, \`ofac\` to 0.85. yente's algorithm names are accepted (\`logic-v2\`, \`logic-v1\`, \`name-based\`, \`name-qualified\`, \`regression-v1\` are answered by \`embargo\`; \`ofac-249\`, \`ofac-249-qualified\` by \`ofac\`); the answering one is in \`algorithm\` and the \`x-embargo-algorithm\` header. \`schema: Address\` queries are compared with every address of the lists (token overlap of the full address). A request without \`Content-Type\` is read as JSON, as yente does.

\`coverage\` says which snapshots were screened, how old their lists are, and which lists asked for are not loaded; a stale list also gives a warning in each query's \`warnings\`. With no list loaded (or none of the dataset's), the answer is 503 \`E_NOT_READY\`, never an empty result.`,
  params: DATASET_PARAMS,
  querystring: MATCH_QUERY,
  body: MATCH_BODY,
  response: {
    200: MATCH_ANSWER,
    ...errors(400, 401, 403, 404, 413, 415, 422, 429, 503),
  },
} as const;

/**
 * yente reads a `/match` body without `Content-Type` as JSON on purpose (its test
 * `test_match_without_content_type_header`): clients built on plain HTTP libraries send none.
 */
export async function defaultJson(request: FastifyRequest): Promise<void> {
  if (request.headers['content-type'] === undefined && request.method === 'POST')
    request.headers['content-type'] = 'application/json';
}

/** Properties read as countries; the echoed query shows them as codes, as yente does. */
const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag'];

/** The filters yente applies after scoring, on Embargo's results. */
export interface ResultFilter {
  topics: string[];
  excludeSchema: string[];
  excludeIds: string[];
  changedSince?: string;
}

/** True when the filter keeps nothing out. */
function isOpen(f: ResultFilter): boolean {
  return !f.topics.length && !f.excludeSchema.length && !f.excludeIds.length && !f.changedSince;
}

/** Whether a result passes the filter. */
export function keep(f: ResultFilter, r: ScoredEntity): boolean {
  if (f.topics.length && !r.topics.some((t) => f.topics.includes(t))) return false;
  if (f.excludeSchema.includes(r.schema)) return false;
  if (f.excludeIds.includes(r.id)) return false;
  if (f.changedSince && r.last_change < f.changedSince) return false;
  return true;
}

/** One screening with yente's semantics over the engine's. */
export async function screenOne(
  ctx: RouteContext,
  name: string,
  example: EntityExample,
  o: {
    algorithm: Algorithm;
    threshold?: number;
    cutoff?: number;
    /** The algorithm's default threshold: the default cutoff. */
    defaultThreshold?: number;
    limit: number;
    sources: SourceId[];
    filter: ResultFilter;
  },
) {
  const { query: given, echo } = exampleToQuery(example);
  // One query's unreadable date or country costs that query the value, with a warning in its
  // answer, never the whole batch a 400 (issue 11, 4b).
  const { query, warnings: dropped } = lenientQuery(given);
  // The echo shows countries as codes ("North Korea" → "kp"), as yente's does; a value that is
  // no country stays as given (its warning says it was not used).
  for (const prop of COUNTRY_PROPS) {
    const given = echo.properties[prop];
    if (given) echo.properties[prop] = [...new Set(given.map((v) => countryCode(v) ?? v))];
  }
  // Post-filters drop results, so ask for more than the limit when there are any.
  const fetch = isOpen(o.filter)
    ? o.limit
    : Math.min(MAX_LIMIT, o.limit * 4 + o.filter.excludeIds.length + 20);
  let res;
  try {
    res = await screenIn(ctx.engine, query, {
      algorithm: o.algorithm,
      limit: fetch,
      sources: o.sources,
      ...(o.threshold !== undefined && { threshold: o.threshold }),
    });
  } catch (err) {
    if (err instanceof EmbargoError && err.code === ERROR_CODES.INVALID_QUERY)
      throw new EmbargoError(err.code, `query ${JSON.stringify(name)}: ${err.message}`, {
        ...(err.field !== undefined && { field: err.field }),
      });
    throw err;
  }
  // yente's cutoff is separate from its threshold: raising the threshold turns results into
  // `match: false`, it does not drop them. The default cutoff is the algorithm's default
  // threshold (lower when the threshold asked for is lower), so by default only what would be
  // a match at the default comes back.
  const cutoff = o.cutoff ?? Math.min(o.defaultThreshold ?? res.threshold, res.threshold);
  const kept = res.results.filter((r) => keep(o.filter, r));
  const shown = kept.filter((r) => r.score >= cutoff);
  const matches = kept.filter((r) => r.match).length;
  // If every fetched result matched, more may exist beyond what was fetched.
  const more = res.results.length === fetch && res.results.every((r) => r.match);
  const warnings = [...dropped, ...(res.warnings ?? [])];
  return {
    res,
    echo,
    shown,
    total: { value: matches, relation: more ? ('gte' as const) : ('eq' as const) },
    ...(warnings.length && { warnings }),
  };
}

/** Registers `POST /match/{dataset}`. */
export function matchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/match/:dataset',
    { schema: SCHEMA, config: { access: 'read', yente: true }, onRequest: defaultJson },
    async (request, reply) => {
      const q = request.query;
      const dataset = resolveDataset(request.params.dataset);
      const algorithm = resolveAlgorithm(q.algorithm);
      const { sources, warnings: filterWarnings } = filteredSources(
        dataset,
        q.include_dataset,
        q.exclude_dataset,
      );
      const defaultThreshold = await ctx.readiness.threshold(algorithm);
      const all = Object.keys(request.body.queries);
      if (all.length > MAX_BATCH)
        throw badRequest(`Too many queries in one batch (limit: ${MAX_BATCH})`);
      const names = all.filter((n) => request.body.queries[n] !== null);
      if (names.length === 0) throw badRequest('No queries provided.');
      const limit = q.limit ?? 5;
      const filter: ResultFilter = {
        topics: q.topics ?? [],
        excludeSchema: q.exclude_schema ?? [],
        excludeIds: q.exclude_entity_ids ?? [],
        ...(q.changed_since && { changedSince: q.changed_since.slice(0, 10) }),
      };
      const responses: Record<string, Static<typeof QUERY_ANSWER>> = {};
      let threshold = 0;
      let snapshots: string[] = [];
      let coverage: Coverage | undefined;
      let version = '';
      for (const name of names) {
        const example = request.body.queries[name]!;
        if (example.schema === 'Address') {
          const one = await matchAddress(ctx, example, {
            limit,
            sources,
            threshold: q.threshold,
            cutoff: q.cutoff,
          });
          coverage ??= one.coverage;
          threshold ||= q.threshold ?? ADDRESS_THRESHOLD;
          version ||= ENGINE_VERSION;
          if (!snapshots.length) snapshots = one.coverage.snapshots.map((c) => c.id);
          responses[name] = {
            status: 200,
            results: one.results,
            total: one.total,
            query: one.query,
            ...((filterWarnings.length || one.warnings) && {
              warnings: [...filterWarnings, ...(one.warnings ?? [])],
            }),
          };
          continue;
        }
        const one = await screenOne(ctx, name, example, {
          algorithm,
          limit,
          sources,
          filter,
          defaultThreshold,
          ...(q.threshold !== undefined && { threshold: q.threshold }),
          ...(q.cutoff !== undefined && { cutoff: q.cutoff }),
        });
        threshold = one.res.threshold;
        snapshots = one.res.snapshots;
        coverage = one.res.coverage;
        version = one.res.engine_version;
        const lastSeen = snapshotDates(one.res.snapshots);
        const queryName = one.echo.properties.name?.[0];
        const shown = one.shown.slice(0, limit);
        // Referents come from the entity index; built only when there is something to show.
        const index = shown.length ? await ctx.entities.get() : undefined;
        const results: YenteScored[] = shown.map((r) => ({
          ...toYenteScored(r, queryName, lastSeen),
          referents: index?.referents.get(r.id) ?? [],
        }));
        const warnings = [...filterWarnings, ...(one.warnings ?? [])];
        responses[name] = {
          status: 200,
          results,
          total: one.total,
          query: one.echo,
          ...(warnings.length && { warnings }),
        };
      }
      reply.header('x-batch-size', String(names.length));
      reply.header(ALGORITHM_HEADER, algorithm);
      return {
        responses,
        limit,
        algorithm,
        threshold,
        snapshots,
        engine_version: version,
        ...(coverage && { coverage }),
      };
    },
  );
}
