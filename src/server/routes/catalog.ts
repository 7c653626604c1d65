/**
 * @module
 * `GET /catalog` (yente's DataCatalogModel: `datasets`, `current`, `outdated`, `index_stale`) and
 * `GET /algorithms` (yente's AlgorithmResponse: `algorithms`, `default`, `best`).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ALGORITHMS, type Algorithm } from '../../core/index.ts';
import { algorithmsResponse } from '../algorithms.ts';
import type { RouteContext } from '../context.ts';
import { COLLECTIONS, collectionTitle } from '../datasets.ts';
import { errors } from '../schemas.ts';

const DATASET = {
  type: 'object',
  additionalProperties: true,
  properties: {
    name: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string', enum: ['collection', 'source'] },
    load: { type: 'boolean' },
    version: { type: ['string', 'null'] },
    index_version: { type: ['string', 'null'] },
    index_current: { type: 'boolean' },
    children: { type: 'array', items: { type: 'string' } },
    entity_count: { type: 'integer' },
    snapshots: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Registers `/catalog` and `/algorithms`. */
export function catalogRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['Data access'],
        summary: 'Datasets: the collections and every list, with their active snapshot',
        response: {
          200: {
            type: 'object',
            properties: {
              datasets: { type: 'array', items: DATASET },
              current: { type: 'array', items: { type: 'string' } },
              outdated: { type: 'array', items: { type: 'string' } },
              index_stale: { type: 'boolean' },
            },
          },
          304: { type: 'null', description: 'Not modified: the ETag given in If-None-Match' },
          ...errors(401, 403, 429),
        },
      },
      config: { access: 'read', yente: true },
    },
    async (request, reply) => {
      const status = await ctx.engine.status();
      const loaded = status.filter((s) => s.active);
      const lists = status.map((s) => ({
        name: s.source,
        title: s.title,
        type: 'source' as const,
        load: !!s.active,
        version: s.active?.id ?? null,
        index_version: s.active?.id ?? null,
        index_current: !!s.active,
        children: [],
        entity_count: s.active?.entityCount ?? 0,
        date: s.active?.date ?? null,
        snapshots: s.snapshots,
      }));
      const collections = COLLECTIONS.map((name) => ({
        name,
        title: collectionTitle(name),
        type: 'collection' as const,
        load: loaded.length > 0,
        version: loaded.map((s) => s.active!.id).join(',') || null,
        index_version: loaded.map((s) => s.active!.id).join(',') || null,
        index_current: loaded.length > 0,
        children: status.map((s) => s.source),
        entity_count: loaded.reduce((n, s) => n + s.active!.entityCount, 0),
        date: null,
        snapshots: [],
      }));
      const datasets = [...collections, ...lists];
      const body = {
        datasets,
        current: datasets.filter((d) => d.load).map((d) => d.name),
        outdated: [],
        index_stale: false,
      };
      // Clients poll the catalog to learn when the lists changed: an ETag over its content lets
      // them revalidate for a 304; it changes whenever a snapshot is loaded or activated. Behind
      // API keys the answer is private to the caller; open, any cache may keep it.
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag);
      reply.header(
        'cache-control',
        `${ctx.options.auth === 'keys' ? 'private' : 'public'}, max-age=60, must-revalidate`,
      );
      const match = request.headers['if-none-match'];
      if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
        return reply.code(304).send();
      return body;
    },
  );

  app.get(
    '/algorithms',
    {
      schema: {
        tags: ['Matching'],
        summary: 'The matching algorithms, their features and default thresholds',
        response: {
          200: {
            type: 'object',
            properties: {
              algorithms: { type: 'array', items: { type: 'object', additionalProperties: true } },
              default: { type: 'string' },
              best: { type: 'string' },
            },
          },
          ...errors(401, 403, 429),
        },
      },
      config: { access: 'read', yente: true },
    },
    async () => {
      const thresholds = new Map<Algorithm, number>();
      for (const a of ALGORITHMS) thresholds.set(a, await ctx.readiness.threshold(a));
      return algorithmsResponse((a) => thresholds.get(a)!);
    },
  );
}
