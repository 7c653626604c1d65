/**
 * @module
 * `GET /entities/{id}`: one entity from the active snapshot of its source (or `?snapshot=`), with
 * its related entities nested as yente does, and its listing history across the source's
 * snapshots.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.ts';
import { entityResponse } from '../nested.ts';
import { ENTITY_RESPONSE, errors, TOTAL, typed } from '../schemas.ts';
import { adjacentRecords, recordResponse } from './_adjacent.ts';

/** Most adjacent entities per property and page. */
const MAX_ADJACENT = 500;

/** A page of adjacent entities. */
const ADJACENT_QUERY = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ADJACENT, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

const ADJACENT_RESULTS = {
  type: 'object',
  properties: {
    results: { type: 'array', items: ENTITY_RESPONSE },
    total: TOTAL,
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

/** An entity id, `<list>-<id in the list>`. */
const ID_PARAM = Type.String({ maxLength: 300, examples: ['un_sc-KPi.033'] });

const SCHEMA = {
  tags: ['Data access'],
  summary: 'Retrieve an entity',
  description:
    'The entity as yente returns it (`nested`: Sanction, Address, Identification and link entities inside its properties), plus its programmes, remarks, record id and listing history across the snapshots of its list. Ids are `<list>-<id in the list>`, e.g. `ofac_sdn-36163`, `un_sc-KPi.033`.',
  params: Type.Object({ id: ID_PARAM }),
  querystring: Type.Object({
    nested: Type.Optional(Type.Boolean({ default: true })),
    snapshot: Type.Optional(
      Type.String({ maxLength: 100, description: 'a snapshot id, e.g. ofac_sdn@2024-05-03' }),
    ),
  }),
  response: {
    200: {
      ...ENTITY_RESPONSE,
      properties: {
        ...ENTITY_RESPONSE.properties,
        programs: { type: 'array', items: { type: 'string' } },
        topics: { type: 'array', items: { type: 'string' } },
        listing_date: { type: ['string', 'null'] },
        remarks: { type: 'array', items: { type: 'string' } },
        source_record_id: { type: 'string' },
        snapshot: { type: 'string' },
        history: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              snapshot: { type: 'string' },
              date: { type: 'string' },
              status: { type: 'string', enum: ['added', 'changed', 'unchanged', 'removed'] },
              hash: { type: 'string' },
            },
          },
        },
      },
    },
    ...errors(401, 403, 404, 429),
  },
} as const;

/** Registers `GET /entities/{id}`. */
export function entityRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = typed(app);
  route.get(
    '/entities/:id',
    { schema: SCHEMA, config: { access: 'read', yente: true } },
    async (request) => {
      const { id } = request.params;
      const { snapshot } = request.query;
      const entity = await ctx.engine.entity(id, snapshot);
      const answer = await entityResponse(ctx.engine, entity, {
        nested: request.query.nested ?? true,
      });
      // The other ids of the party, in the lists active now (see ../entityIndex.ts).
      if (snapshot === undefined) answer.referents = await ctx.entities.referents(id);
      return answer;
    },
  );

  const page = <T>(items: T[], limit: number, offset: number) => ({
    results: items.slice(offset, offset + limit),
    total: { value: items.length, relation: 'eq' as const },
    limit,
    offset,
  });

  route.get(
    '/entities/:id/adjacent',
    {
      schema: {
        tags: ['Data access'],
        summary: 'The entities linked to an entity, by property (yente-compatible)',
        description:
          "yente's EntityAdjacentResponse: the entity, and for each property linking it to others (its own, such as `addressEntity`, and the reverse ones, such as `sanctions` and `identification`) a page of the linked entities. Links resolve within the active snapshots.",
        params: Type.Object({ id: ID_PARAM }),
        querystring: ADJACENT_QUERY,
        response: {
          200: {
            type: 'object',
            properties: {
              entity: ENTITY_RESPONSE,
              adjacent: { type: 'object', additionalProperties: ADJACENT_RESULTS },
            },
          },
          ...errors(401, 403, 404, 422, 429),
        },
      },
      config: { access: 'read', yente: true },
    },
    async (request) => {
      const index = await ctx.entities.get();
      const { root, adjacent } = adjacentRecords(index, request.params.id);
      const { limit = 10, offset = 0 } = request.query;
      return {
        entity: recordResponse(index, root),
        adjacent: Object.fromEntries(
          [...adjacent].map(([prop, records]) => [
            prop,
            page(
              records.map((r) => recordResponse(index, r, root.id)),
              limit,
              offset,
            ),
          ]),
        ),
      };
    },
  );

  route.get(
    '/entities/:id/adjacent/:prop',
    {
      schema: {
        tags: ['Data access'],
        summary: 'The entities linked to an entity by one property (yente-compatible)',
        params: Type.Object({ id: ID_PARAM, prop: Type.String({ maxLength: 100 }) }),
        querystring: ADJACENT_QUERY,
        response: { 200: ADJACENT_RESULTS, ...errors(401, 403, 404, 422, 429) },
      },
      config: { access: 'read', yente: true },
    },
    async (request) => {
      const index = await ctx.entities.get();
      const { root, adjacent } = adjacentRecords(index, request.params.id);
      const { limit = 10, offset = 0 } = request.query;
      const records = adjacent.get(request.params.prop) ?? [];
      return page(
        records.map((r) => recordResponse(index, r, root.id)),
        limit,
        offset,
      );
    },
  );
}
