/**
 * @module
 * `GET /jobs/{id}`: a job's state, progress and result or error (see `../jobs.ts`), and
 * {@link accepted}, how a route answers 202 with the job's `Location`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.ts';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { errors, typed } from '../schemas.ts';
import type { JobProgress } from '../jobs.ts';

/** The 202 answer's body, for the OpenAPI document. */
export const ACCEPTED = {
  type: 'object',
  description: 'The work runs as a job: poll `Location` (`GET /jobs/{id}`) for its result.',
  properties: { job: { type: 'string' }, location: { type: 'string' } },
} as const;

/**
 * Starts `work` as a job made by the request's key and answers 202 with `Location: /jobs/{id}`.
 */
export function accepted(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: string,
  work: (progress: JobProgress) => Promise<unknown>,
) {
  const id = ctx.jobs.start(kind, request.apiKey?.id, work);
  const location = `/jobs/${id}`;
  return reply.code(202).header('location', location).send({ job: id, location });
}

/** Registers `GET /jobs/{id}`. */
export function jobRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).get(
    '/jobs/:id',
    {
      schema: {
        tags: ['Jobs'],
        summary: 'A job: state, progress, result or error',
        description:
          'Long work (a book of more than 1,000 transactions on `POST /trade/check`, a scenario run over more than 1,000, `POST /lists/update`) answers 202 with `Location: /jobs/{id}`. A job is shown to the API key that made it and to admin keys; finished jobs are kept an hour (50 at most).',
        params: Type.Object({ id: Type.String() }),
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: {
              id: { type: 'string' },
              kind: { type: 'string', examples: ['scenario-run'] },
              state: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed'] },
              progress: {
                type: 'object',
                properties: { done: { type: 'integer' }, total: { type: 'integer' } },
              },
              created_at: { type: 'string' },
              started_at: { type: 'string' },
              finished_at: { type: 'string' },
              result: { description: "the route's answer, once succeeded" },
              error: { type: 'object', additionalProperties: true },
            },
          },
          ...errors(401, 403, 404, 429),
        },
      },
      config: { access: 'read' },
    },
    async (request) => {
      const job = ctx.jobs.get(
        request.params.id,
        request.apiKey?.id,
        ctx.options.auth === 'none' || request.apiKey?.role === 'admin',
      );
      if (!job) throw new EmbargoError(ERROR_CODES.NOT_FOUND, `no job ${request.params.id}`);
      return job;
    },
  );
}
