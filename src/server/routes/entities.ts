/**
 * @module
 * `GET /entities/{id}`: one entity from the active snapshot of its source (or `?snapshot=`), with
 * its related entities nested as yente does, and its listing history across the source's
 * snapshots.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.ts';
import { entityResponse } from '../nested.ts';
import { ENTITY_RESPONSE, errors } from '../schemas.ts';

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
    { schema: SCHEMA, config: { access: 'read' } },
    async (request) => {
      const { id } = request.params;
      const entity = await ctx.engine.entity(id, request.query.snapshot);
      return await entityResponse(ctx.engine, entity, { nested: request.query.nested ?? true });
    },
  );
}
