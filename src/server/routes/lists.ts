/**
 * @module
 * `GET /lists` (every list: its active snapshot, all snapshots, and its freshness: when it was
 * last refreshed and how stale it is), `GET /lists/changes?since=` (what each activation
 * changed), `GET /lists/{source}/diff?from=&to=` (entities added, removed and changed between two
 * snapshots of a list; default the active one against the one before it) and, for admins,
 * `POST /lists/update` (download the lists from their addresses and load what changed).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { EmbargoError } from '../../core/index.ts';
import { getSource } from '../../engine/index.ts';
import type { RouteContext } from '../context.ts';
import { accepted, ACCEPTED } from './jobs.ts';
import { badRequest } from '../errors.ts';
import { DAY_PARAM, errors, Nullable, stringList, typed } from '../schemas.ts';
import { CHANGES_ANSWER, DIFF_ANSWER, LISTS_ANSWER } from './_listSchemas.ts';

/** A snapshot without the paths its files had on this machine. */
function withoutPaths<T extends { files: { path?: string }[] }>(s: T): T {
  return { ...s, files: s.files.map(({ path: _path, ...f }) => f) };
}

/** An error in a response: `{detail, code}`. */
function errorOf(e: EmbargoError): { detail: string; code: string } {
  return { detail: e.message, code: e.code };
}

/** Registers the list routes. */
export function listRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(
    '/lists',
    {
      schema: {
        tags: ['Lists'],
        summary:
          'Every list: its active snapshot (date, counts, files), all its snapshots, and its freshness (last refresh, its outcome, seconds since the last success)',
        response: { 200: LISTS_ANSWER, ...errors(401, 403, 429) },
      },
      config: { access: 'read' },
    },
    // Files are listed without their paths on this machine: names, sizes and sha256 say enough.
    async () => ({
      lists: (await ctx.engine.status()).map((s) => ({
        ...s,
        active: s.active && withoutPaths(s.active),
      })),
    }),
  );

  const route = typed(app);
  route.get(
    '/lists/:source/diff',
    {
      schema: {
        tags: ['Lists'],
        summary: 'What changed between two snapshots of a list',
        params: Type.Object({ source: Type.String({ examples: ['ofac_sdn'] }) }),
        querystring: Type.Object({
          from: Type.Optional(
            Type.String({
              maxLength: 100,
              description: 'snapshot id; default: the one before `to`',
            }),
          ),
          to: Type.Optional(
            Type.String({ maxLength: 100, description: 'snapshot id; default: the active one' }),
          ),
        }),
        response: { 200: DIFF_ANSWER, ...errors(401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) =>
      ctx.engine.diff({
        source: request.params.source,
        ...(request.query.from && { from: request.query.from }),
        ...(request.query.to && { to: request.query.to }),
      }),
  );

  route.get(
    '/lists/changes',
    {
      schema: {
        tags: ['Lists'],
        summary:
          'What each snapshot activated since a day changed (entities added, removed, changed)',
        querystring: Type.Object({
          since: Type.String({ ...DAY_PARAM, description: 'snapshots dated on or after this day' }),
          source: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: CHANGES_ANSWER, ...errors(400, 401, 403, 404, 429) },
      },
      config: { access: 'read' },
    },
    async (request) => ({
      changes: await ctx.engine.listChanges({
        since: request.query.since,
        ...(request.query.source && { source: request.query.source }),
      }),
    }),
  );

  route.post(
    '/lists/update',
    {
      schema: {
        tags: ['Lists'],
        summary: 'Download the lists from their addresses and load what changed (admin)',
        description:
          "Refreshes the lists named in `sources` (default: every list with a download address), one after the other, as a job: it answers 202 with `Location: /jobs/{id}` at once (a download takes tens of seconds), and the job's result is one outcome per list: `activated`, `loaded`, `unchanged`, `refused` or `failed`. A refused or failed list keeps its active snapshot. `force` accepts a list that shrank more than allowed. Addresses, timeouts and retries come from the configuration file of the server's home.",
        body: Nullable(
          Type.Object(
            {
              sources: Type.Optional(stringList({ maxItems: 20 })),
              force: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        ),
        response: { 202: ACCEPTED, ...errors(400, 401, 403, 404, 413, 415, 429) },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      if (body.force !== undefined && typeof body.force !== 'boolean')
        throw badRequest('force: true or false');
      // An unknown list is the request's fault: a 404 now, not a failed job later.
      for (const source of body.sources ?? []) getSource(source);
      return accepted(ctx, request, reply, 'lists-update', async (progress) => {
        const outcomes = await ctx.engine.refreshLists({
          ...(body.sources?.length && { sources: body.sources }),
          ...(body.force && { force: true }),
        });
        progress(outcomes.length, outcomes.length);
        return {
          outcomes: outcomes.map(({ error, snapshot, ...o }) => ({
            ...o,
            ...(snapshot && { snapshot: withoutPaths(snapshot) }),
            ...(error && { error: errorOf(error) }),
          })),
        };
      });
    },
  );
}
