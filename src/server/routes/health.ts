/**
 * @module
 * `GET /healthz` (the process answers) and `GET /readyz` (503 until the screening index is built
 * and a list snapshot is active), public, as yente's `routers/admin.py`.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.ts';
import { HttpError, HTTP_CODES } from '../errors.ts';
import { errors } from '../schemas.ts';

const STATUS = {
  type: 'object',
  properties: {
    status: { type: 'string', examples: ['ok'] },
    detail: {
      type: 'string',
      description: 'Ready, but the index of newly activated lists could not be built (why)',
    },
  },
} as const;

/** Registers the health routes. */
export function healthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['System information'],
        summary: 'Health check: the process answers',
        response: { 200: STATUS },
      },
      config: { access: 'public' },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['System information'],
        summary: 'Readiness: the screening index is built and a list snapshot is active',
        response: { 200: STATUS, ...errors(503) },
      },
      config: { access: 'public' },
    },
    async () => {
      const r = await ctx.readiness.check();
      if (!r.ready) throw new HttpError(503, HTTP_CODES.NOT_READY, r.detail);
      return { status: 'ok', ...(r.detail && { detail: r.detail }) };
    },
  );
}
