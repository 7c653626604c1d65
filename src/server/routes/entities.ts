/**
 * @module
 * `GET /entities/{id}`: one entity from the active snapshot of its source (or `?snapshot=`), with
 * its related entities nested as yente does, and its listing history across the source's
 * snapshots.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.ts';
import { entityResponse } from '../nested.ts';
import { ENTITY_RESPONSE, errors, TOTAL } from '../schemas.ts';
import { adjacentRecords, recordResponse } from './_adjacent.ts';

/** Most adjacent entities per property and page. */
const MAX_ADJACENT = 500;

const ADJACENT_QUERY = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 0, maximum: MAX_ADJACENT, default: 10 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

const ADJACENT_RESULTS = {
  type: 'object',
  properties: {
    results: { type: 'array', items: ENTITY_RESPONSE },
    total: TOTAL,
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

const ID_PARAM = {
  type: 'string',
  maxLength: 300,
  examples: ['un_sc-KPi.033'],
} as const;

const SCHEMA = {
  tags: ['Data access'],
  summary: 'Retrieve an entity',
  description:
    'The entity as yente returns it (`nested`: Sanction, Address, Identification and link entities inside its properties), plus its programmes, remarks, record id and listing history across the snapshots of its list. Ids are `<list>-<id in the list>`, e.g. `ofac_sdn-36163`, `un_sc-KPi.033`.',
  params: {
    type: 'object',
    properties: { id: { type: 'string', maxLength: 300, examples: ['un_sc-KPi.033'] } },
    required: ['id'],
  },
  querystring: {
    type: 'object',
    properties: {
      nested: { type: 'boolean', default: true },
      snapshot: {
        type: 'string',
        maxLength: 100,
        description: 'a snapshot id, e.g. ofac_sdn@2024-05-03',
      },
    },
  },
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
  app.get<{ Params: { id: string }; Querystring: { nested?: boolean; snapshot?: string } }>(
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

  app.get<{ Params: { id: string }; Querystring: { limit?: number; offset?: number } }>(
    '/entities/:id/adjacent',
    {
      schema: {
        tags: ['Data access'],
        summary: 'The entities linked to an entity, by property (yente-compatible)',
        description:
          "yente's EntityAdjacentResponse: the entity, and for each property linking it to others (its own, such as `addressEntity`, and the reverse ones, such as `sanctions` and `identification`) a page of the linked entities. Links resolve within the active snapshots.",
        params: { type: 'object', properties: { id: ID_PARAM }, required: ['id'] },
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

  app.get<{
    Params: { id: string; prop: string };
    Querystring: { limit?: number; offset?: number };
  }>(
    '/entities/:id/adjacent/:prop',
    {
      schema: {
        tags: ['Data access'],
        summary: 'The entities linked to an entity by one property (yente-compatible)',
        params: {
          type: 'object',
          properties: { id: ID_PARAM, prop: { type: 'string', maxLength: 100 } },
          required: ['id', 'prop'],
        },
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
