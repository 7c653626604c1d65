/**
 * @module
 * OpenRefine's Reconciliation API v0.2 at `/reconcile/{dataset}`, as yente serves it
 * (`yente/routers/reconcile.py`, `yente/data/freebase.py`): the service manifest on a plain GET;
 * queries as the form (or query) parameter `queries`, a JSON object of
 * `{"q0": {"query", "type", "limit", "properties": [{"pid", "v"}]}}`, answered with
 * `{"q0": {"result": [{"id", "name", "description", "type", "score", "match"}]}}`; an HTML
 * preview; and the suggest services for entities, types and properties.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  EmbargoError,
  ERROR_CODES,
  isSchemaName,
  isMatchable,
  SCHEMA_NAMES,
  schemaProperties,
  type SchemaName,
} from '../../core/index.ts';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { ALGORITHM_HEADER, resolveAlgorithm } from '../algorithms.ts';
import type { RouteContext } from '../context.ts';
import { resolveDataset } from '../datasets.ts';
import { badRequest } from '../errors.ts';
import { MAX_BATCH, screenOne } from './match.ts';
import { DATASET_PARAMS, errors, typed } from '../schemas.ts';
import { reconcileFlyout, reconcilePreview } from './_preview.ts';
import {
  FLYOUT_ANSWER,
  MANIFEST_ANSWER,
  PREVIEW_ANSWER,
  PROPOSE_ANSWER,
  RECONCILE_ANSWER,
  SUGGEST_ANSWER,
  SUGGEST_ENTITY_ANSWER,
} from './_reconcileSchemas.ts';
import {
  extend,
  EXTEND_PROPERTIES,
  reconcileCors,
  reconcilePreflight,
  suggestEntities,
} from './_reconcileExtra.ts';

/** The query of the routes that show one entity (preview, flyout): its id, and the key. */
/** The entity a preview or flyout shows (`api_key`: OpenRefine cannot send headers). */
const ENTITY_ID_QUERY = Type.Object({
  id: Type.String({ maxLength: 300 }),
  api_key: Type.Optional(Type.String()),
});

/** Plural labels of the schemata one can reconcile against. */
const LABELS: Partial<Record<SchemaName, string>> = {
  Thing: 'Things',
  LegalEntity: 'Legal entities',
  Person: 'People',
  Organization: 'Organizations',
  Company: 'Companies',
  Vessel: 'Vessels',
  Airplane: 'Airplanes',
};

/** The schemata OpenRefine may pick as types. */
const TYPES = SCHEMA_NAMES.filter((s) => isMatchable(s) || s === 'Thing').map((s) => ({
  id: s,
  name: LABELS[s] ?? s,
  description: s,
}));

/** One reconciliation query. */
interface ReconQuery {
  query?: string;
  type?: string | string[];
  type_strict?: string;
  limit?: number;
  properties?: { pid?: string; v?: unknown }[];
}

/** The `queries` parameter, parsed. JSON text (form, query) or an object (JSON body). */
function parseQueries(raw: unknown): Record<string, ReconQuery> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw badRequest('queries: not valid JSON');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('queries: a JSON object of named queries');
  const out: Record<string, ReconQuery> = {};
  for (const [k, q] of Object.entries(value as Record<string, unknown>)) {
    if (!q || typeof q !== 'object' || Array.isArray(q))
      throw badRequest(`queries.${k}: an object with "query"`);
    out[k] = q as ReconQuery;
  }
  return out;
}

/** The public base URL of this server, as the client reached it. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `?api_key=…` passed on to the manifest's service URLs, as yente does. */
function keySuffix(request: FastifyRequest): string {
  const key = (request.query as Record<string, unknown>).api_key;
  return typeof key === 'string' && key ? `?api_key=${encodeURIComponent(key)}` : '';
}

/** The service manifest. */
async function manifest(request: FastifyRequest, dataset: string, ctx: RouteContext) {
  const base = baseUrl(request);
  const service = `${base}/reconcile/${encodeURIComponent(dataset)}`;
  const key = keySuffix(request);
  const and = key ? `&${key.slice(1)}` : '';
  const title =
    (await ctx.engine.status()).find((s) => s.source === dataset)?.title ?? 'every list it holds';
  return {
    versions: ['0.2'],
    name: `Embargo: ${title}`,
    identifierSpace: `${base}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    // With the web UI served, an entity opens on its page there; otherwise as JSON.
    view: {
      url: ctx.options.webRoot ? `${base}/#/entity/{{id}}` : `${base}/entities/{{id}}${key}`,
    },
    preview: { url: `${service}/preview?id={{id}}${and}`, width: 430, height: 300 },
    suggest: {
      entity: {
        service_url: service,
        service_path: `/suggest/entity${key}`,
        // Without it OpenRefine 3.6 asks Freebase's old path (`/search?filter=(all mid:…)`)
        // of this service for the card beside a hovered suggestion.
        flyout_service_path: `/flyout/entity?id=\${id}${and}`,
      },
      type: { service_url: service, service_path: `/suggest/type${key}` },
      property: { service_url: service, service_path: `/suggest/property${key}` },
    },
    extend: {
      // No key here: OpenRefine 3.6 appends `?type=…` to this URL as it is
      // (extend-data-preview-dialog.js), so a `?api_key=` in it would swallow the type and the
      // request would fail; the property list is public, as the manifest is.
      propose_properties: { service_url: service, service_path: '/extend/propose' },
      property_settings: [],
    },
    defaultTypes: TYPES,
    batchSize: 10,
    documentation: `${base}/docs`,
    serviceVersion: ENGINE_VERSION,
    // 0.2 § Authentication: a Swagger 2.0 security scheme. OpenRefine cannot send headers, so
    // the key goes in the query; the manifest itself is public so a client can learn this.
    ...(ctx.options.auth === 'keys' && {
      authentication: {
        type: 'apiKey',
        name: 'api_key',
        in: 'query',
        description: 'An Embargo API key of the read role (embargo keys create).',
      },
    }),
  };
}

/** Answers a batch of queries. */
async function reconcile(ctx: RouteContext, dataset: string, raw: unknown, algorithmName?: string) {
  const ds = resolveDataset(dataset);
  const algorithm = resolveAlgorithm(algorithmName);
  const queries = parseQueries(raw);
  if (Object.keys(queries).length > MAX_BATCH)
    throw badRequest(`Too many queries in one batch (limit: ${MAX_BATCH})`);
  const out: Record<string, { result: unknown[]; warnings?: string[] }> = {};
  for (const [name, q] of Object.entries(queries)) {
    const types = (Array.isArray(q.type) ? q.type : [q.type]).filter(
      (t): t is string => typeof t === 'string',
    );
    // The first type Embargo screens; a type it does not know is one query's warning, never the
    // batch's failure (the spec's own example asks for `DifferentiatedPerson`).
    const type =
      types.find((t) => isSchemaName(t) && (t === 'Thing' || isMatchable(t))) ?? types[0];
    const properties: Record<string, unknown[]> = {};
    if (typeof q.query === 'string') properties.name = [q.query];
    for (const p of Array.isArray(q.properties) ? q.properties : []) {
      if (!p || typeof p.pid !== 'string') continue;
      // OpenRefine may qualify property ids with the schema (`Person:birthDate`).
      const pid = p.pid.slice(p.pid.lastIndexOf(':') + 1);
      (properties[pid] ??= []).push(
        ...(Array.isArray(p.v) ? p.v : [p.v]).map((v) =>
          v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v,
        ),
      );
    }
    const limit = Number.isInteger(q.limit) && q.limit! > 0 ? Math.min(q.limit!, 100) : 5;
    // A type Embargo does not screen is one query's problem: screened as any kind, and said.
    const given = typeof type === 'string' ? type : 'Thing';
    const schema =
      isSchemaName(given) && (given === 'Thing' || isMatchable(given)) ? given : 'Thing';
    const typeWarning =
      schema === given
        ? []
        : [
            `type ${JSON.stringify(given)} is not one Embargo screens; screened as any kind of entity`,
          ];
    // OpenRefine shows candidates to pick from, so near misses come back too (cutoff 0).
    let one: Awaited<ReturnType<typeof screenOne>>;
    try {
      one = await screenOne(
        ctx,
        name,
        { schema, properties },
        {
          algorithm,
          limit,
          cutoff: 0,
          sources: ds.sources,
          filter: { topics: [], excludeSchema: [], excludeIds: [] },
        },
      );
    } catch (err) {
      // `query` is optional in 0.2: a query with nothing Embargo can screen (no name, no
      // identifier) cannot be answered. It gets no candidates and says why, so the row stays
      // unreconciled (never a "no match"); the other queries of the batch are answered.
      if (!(err instanceof EmbargoError && err.code === ERROR_CODES.INVALID_QUERY)) throw err;
      out[name] = { result: [], warnings: [...typeWarning, `not screened: ${err.message}`] };
      continue;
    }
    out[name] = {
      result: one.shown.slice(0, limit).map((r) => ({
        id: r.id,
        name: r.caption,
        description: [r.schema, ...r.programs].join(' · '),
        type: [{ id: r.schema, name: LABELS[r.schema] ?? r.schema }],
        score: r.score,
        match: r.match,
      })),
      ...((typeWarning.length || one.warnings) && {
        warnings: [...typeWarning, ...(one.warnings ?? [])],
      }),
    };
  }
  return out;
}

/** The service's query string: queries or an extension in the URL, as OpenRefine sends them. */
const QUERYSTRING = Type.Object({
  queries: Type.Optional(Type.String({ description: 'JSON-encoded reconciliation queries' })),
  extend: Type.Optional(Type.String({ description: 'JSON-encoded data extension query' })),
  algorithm: Type.Optional(Type.String()),
  api_key: Type.Optional(Type.String({ description: 'API key (OpenRefine cannot send headers)' })),
});

/** A suggest service's query: the prefix typed so far and a page. */
const PREFIX = Type.Object({
  prefix: Type.Optional(Type.String({ maxLength: 300 })),
  cursor: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  api_key: Type.Optional(Type.String()),
});

/**
 * Routes `GET /reconcile/{dataset}` by whether it carries a query: the manifest is public (a
 * client reads `authentication` there to learn how to send its key), queries and data
 * extensions need a key. A Fastify route constraint, so each has its own access in the one
 * place access is decided (auth.ts).
 */
export const RECONCILE_GET_CONSTRAINT = {
  name: 'reconcileRequest',
  storage() {
    const handlers = new Map<string, unknown>();
    return {
      get: (kind: string) => (handlers.get(kind) ?? null) as never,
      set: (kind: string, handler: unknown) => void handlers.set(kind, handler),
    };
  },
  deriveConstraint: (req: { url?: string }) =>
    /[?&](queries|extend)=/.test(req.url ?? '') ? 'query' : 'manifest',
  mustMatchWhenDerived: false,
  validate(value: unknown) {
    if (value !== 'query' && value !== 'manifest') throw new Error('query or manifest');
  },
};

/** Registers the reconciliation routes. */
export function reconcileRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = typed(app);
  const config = { access: 'read' as const, queryKey: true };
  // 0.2 § Cross-Origin Access: CORS is a MUST on every reconciliation route.
  const cors = { onSend: reconcileCors };
  reconcilePreflight(app);

  route.get(
    '/reconcile/:dataset',
    {
      constraints: { reconcileRequest: 'manifest' },
      schema: {
        tags: ['Reconciliation'],
        summary:
          'Reconciliation manifest (OpenRefine API v0.2; public), or queries with ?queries= / ?extend= (API key)',
        params: DATASET_PARAMS,
        querystring: QUERYSTRING,
        response: { 200: MANIFEST_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config: { access: 'public' },
      ...cors,
    },
    async (request) => {
      const { dataset } = request.params;
      resolveDataset(dataset);
      return manifest(request, dataset, ctx);
    },
  );

  route.get(
    '/reconcile/:dataset',
    {
      constraints: { reconcileRequest: 'query' },
      schema: {
        hide: true,
        params: DATASET_PARAMS,
        querystring: QUERYSTRING,
        response: { 200: RECONCILE_ANSWER },
      },
      config,
      ...cors,
    },
    async (request, reply) => {
      const { dataset } = request.params;
      if (request.query.extend !== undefined) {
        resolveDataset(dataset);
        return extend(ctx, request.query.extend);
      }
      reply.header(ALGORITHM_HEADER, resolveAlgorithm(request.query.algorithm));
      return reconcile(ctx, dataset, request.query.queries, request.query.algorithm);
    },
  );

  route.post(
    '/reconcile/:dataset',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'Reconciliation queries (form parameter `queries`) or a data extension (`extend`)',
        params: DATASET_PARAMS,
        querystring: QUERYSTRING,
        body: Type.Object({
          queries: Type.Optional(
            Type.Unknown({ description: 'JSON-encoded reconciliation queries' }),
          ),
          extend: Type.Optional(Type.Unknown({ description: 'JSON-encoded data extension query' })),
        }),
        response: { 200: RECONCILE_ANSWER, ...errors(400, 401, 403, 404, 413, 415, 429) },
      },
      config,
      ...cors,
    },
    async (request, reply) => {
      const body = request.body ?? {};
      if (body.extend !== undefined) {
        resolveDataset(request.params.dataset);
        return extend(ctx, body.extend);
      }
      if (body.queries === undefined)
        throw badRequest('queries: missing (a JSON object of queries), or extend');
      reply.header(ALGORITHM_HEADER, resolveAlgorithm(request.query.algorithm));
      return reconcile(ctx, request.params.dataset, body.queries, request.query.algorithm);
    },
  );

  route.get(
    '/reconcile/:dataset/extend/propose',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'Properties a data extension can add (columns for OpenRefine; public)',
        params: DATASET_PARAMS,
        querystring: Type.Object({
          type: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          api_key: Type.Optional(Type.String()),
        }),
        response: { 200: PROPOSE_ANSWER, ...errors(404) },
      },
      // Public like the manifest: the same fixed list for everyone, nothing from the lists.
      config: { access: 'public' },
      ...cors,
    },
    async (request) => {
      resolveDataset(request.params.dataset);
      const limit = request.query.limit ?? EXTEND_PROPERTIES.length;
      return {
        type: request.query.type ?? 'Thing',
        limit,
        properties: EXTEND_PROPERTIES.slice(0, limit),
      };
    },
  );

  route.get(
    '/reconcile/:dataset/preview',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'HTML preview of an entity, for OpenRefine',
        params: DATASET_PARAMS,
        querystring: ENTITY_ID_QUERY,
        response: { 200: PREVIEW_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config,
      ...cors,
    },
    async (request, reply) => {
      resolveDataset(request.params.dataset);
      const entity = await ctx.engine.entity(request.query.id!);
      reply.type('text/html; charset=utf-8');
      // OpenRefine shows the preview in an iframe of its own page, on another origin: this
      // route alone may be framed. The card has no script and inline styles only.
      reply.removeHeader('x-frame-options');
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
      );
      return reconcilePreview(entity);
    },
  );

  route.get(
    '/reconcile/:dataset/flyout/entity',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'The card beside a suggested entity in OpenRefine ({"id", "html"})',
        params: DATASET_PARAMS,
        querystring: ENTITY_ID_QUERY,
        response: { 200: FLYOUT_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config,
      ...cors,
    },
    async (request) => {
      resolveDataset(request.params.dataset);
      const entity = await ctx.engine.entity(request.query.id!);
      return { id: entity.id, html: reconcileFlyout(entity) };
    },
  );

  route.get(
    '/reconcile/:dataset/suggest/entity',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'Suggest entities whose names start with a prefix',
        params: DATASET_PARAMS,
        querystring: PREFIX,
        response: { 200: SUGGEST_ENTITY_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config,
      ...cors,
    },
    async (request) => {
      const ds = resolveDataset(request.params.dataset);
      const prefix = request.query.prefix ?? '';
      const { limit = 10, cursor = 0 } = request.query;
      const hits = suggestEntities(await ctx.entities.get(), new Set<string>(ds.sources), prefix);
      const result = hits.slice(cursor, cursor + limit).map(({ record, name }) => ({
        id: record.id,
        name: record.caption,
        description: [
          record.schema,
          name !== record.caption ? name : '',
          ...(record.properties.program ?? []),
        ]
          .filter(Boolean)
          .join(' · '),
        notable: [
          { id: record.schema, name: LABELS[record.schema as SchemaName] ?? record.schema },
        ],
      }));
      return { code: '/api/status/ok', status: '200 OK', prefix, result };
    },
  );

  route.get(
    '/reconcile/:dataset/suggest/type',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'Suggest types (schemata)',
        params: DATASET_PARAMS,
        querystring: PREFIX,
        response: { 200: SUGGEST_ANSWER, ...errors(401, 403, 404, 429) },
      },
      config,
      ...cors,
    },
    async (request) => {
      resolveDataset(request.params.dataset);
      const prefix = (request.query.prefix ?? '').toLowerCase();
      const result = TYPES.filter(
        (t) => t.id.toLowerCase().startsWith(prefix) || t.name.toLowerCase().startsWith(prefix),
      );
      return { code: '/api/status/ok', status: '200 OK', prefix, result };
    },
  );

  route.get(
    '/reconcile/:dataset/suggest/property',
    {
      schema: {
        tags: ['Reconciliation'],
        summary: 'Suggest properties',
        params: DATASET_PARAMS,
        querystring: PREFIX,
        response: { 200: SUGGEST_ANSWER, ...errors(401, 403, 404, 429) },
      },
      config,
      ...cors,
    },
    async (request) => {
      resolveDataset(request.params.dataset);
      const prefix = (request.query.prefix ?? '').toLowerCase();
      const seen = new Set<string>();
      const result: { id: string; name: string; description: string }[] = [];
      for (const t of TYPES)
        for (const [prop, type] of Object.entries(schemaProperties(t.id))) {
          if (type === 'entity' || seen.has(prop) || !prop.toLowerCase().startsWith(prefix))
            continue;
          seen.add(prop);
          result.push({ id: prop, name: prop, description: `${type} property` });
        }
      return { code: '/api/status/ok', status: '200 OK', prefix, result: result.slice(0, 20) };
    },
  );
}
