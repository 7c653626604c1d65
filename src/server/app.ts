/**
 * @module
 * `buildServer()`: the Fastify instance with every route, not listening (tests use `inject`).
 * The server is a thin layer over the engine: each route validates its request, calls the
 * engine, and shapes the answer; errors become `{"detail", "code"}` in one place (errors.ts).
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { authHook } from './auth.ts';
import { DEFAULT_BODY_LIMIT, type RouteContext, type ServerOptions } from './context.ts';
import {
  clientErrorHandler,
  ERROR_SCHEMA,
  HttpError,
  HTTP_CODES,
  installErrorHandlers,
  sendError,
  toResponse,
} from './errors.ts';
import {
  registerCors,
  registerDocs,
  registerHelmet,
  registerRateLimit,
  registerWeb,
} from './plugins.ts';
import { EntityIndex } from './entityIndex.ts';
import { registerStreamedBodies } from './_body.ts';
import { Readiness } from './ready.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { listRoutes } from './routes/lists.ts';
import { matchRoutes } from './routes/match.ts';
import { RECONCILE_GET_CONSTRAINT, reconcileRoutes } from './routes/reconcile.ts';
import { searchRoutes } from './routes/search.ts';
import { tradeRoutes } from './routes/trade.ts';
import { impactRoutes } from './routes/impact.ts';
import { jobRoutes } from './routes/jobs.ts';
import { batchRoutes } from './routes/batch.ts';
import { Jobs } from './jobs.ts';

/** Reads `application/x-www-form-urlencoded` bodies (OpenRefine's reconciliation queries). */
function formParser(
  _req: unknown,
  body: string | Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  try {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  } catch {
    done(new HttpError(400, HTTP_CODES.MALFORMED, 'the form body cannot be read'));
  }
}

/** Builds the server (routes, hooks, plugins); call `listen` or use `inject`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A client has a minute to send its request (slow senders hold sockets otherwise).
    requestTimeout: 60_000,
    // Each request is logged by the error handler when it fails; a line per request would cost
    // more than a screening.
    logController: new LogController({ disableRequestLogging: true }),
    // `/match/default/` is `/match/default`.
    // GET /reconcile/{dataset}: the public manifest, or queries that need a key.
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 300,
      constraints: { reconcileRequest: RECONCILE_GET_CONSTRAINT },
    },
    // removeAdditional off: Fastify's default strips a field a closed schema does not know, so
    // `{"source": [...]}` (for `sources`) refreshed every list; now it is refused (422).
    ajv: { customOptions: { coerceTypes: 'array', allErrors: false, removeAdditional: false } },
    // 431 and 408 come from Node's HTTP parser, before Fastify: give them our {detail, code} too.
    clientErrorHandler,
    // Errors before routing (a URL that does not decode) get the same {detail, code}.
    frameworkErrors: (err, request, reply) => void sendError(request, reply, err),
  });
  installErrorHandlers(app);
  app.addSchema(ERROR_SCHEMA);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT },
    formParser,
  );
  // Books and batches in JSON lines or CSV reach the routes that read them as streams.
  registerStreamedBodies(app);
  const readiness = new Readiness(options.engine);
  const entities = new EntityIndex(options.engine);
  const jobs = new Jobs((err) => toResponse(err).body);
  const ctx: RouteContext = { engine: options.engine, readiness, options, entities, jobs };

  await registerHelmet(app);
  if (options.cors !== undefined) await registerCors(app, options.cors);
  app.addHook('onRequest', authHook(options.engine, options.auth));
  await registerRateLimit(app, options.rateLimit);
  await registerDocs(app, options.auth);

  healthRoutes(app, ctx);
  matchRoutes(app, ctx);
  searchRoutes(app, ctx);
  batchRoutes(app, ctx);
  entityRoutes(app, ctx);
  catalogRoutes(app, ctx);
  reconcileRoutes(app, ctx);
  tradeRoutes(app, ctx);
  impactRoutes(app, ctx);
  listRoutes(app, ctx);
  jobRoutes(app, ctx);
  if (options.webRoot) await registerWeb(app, options.webRoot);

  const watch = options.listCheckMs ?? (options.warm === false ? false : undefined);
  if (watch !== false) {
    // Lists activated meanwhile (by another process, or through /lists) get their index built
    // in the background and swapped in; requests never wait for a build after the first.
    let stop: (() => void) | undefined;
    app.addHook('onReady', async () => {
      stop = options.engine.watchLists({
        ...(watch !== undefined && { intervalMs: watch }),
        onSwap: (snapshots, previous) =>
          app.log.info({ snapshots, previous }, 'now screening against the new active lists'),
        onError: (err, snapshots) =>
          app.log.error(
            { err, snapshots },
            'the index of the new active lists could not be built: still answering from the previous lists',
          ),
      });
    });
    app.addHook('onClose', async () => stop?.());
  }
  if (options.warm !== false)
    app.addHook('onReady', async () => {
      // Off the start-up path: /healthz answers at once, /readyz once the index is built.
      setImmediate(() => {
        readiness
          .warm()
          .catch((err: unknown) => app.log.error({ err }, 'building the screening index failed'));
        // Browsing, addresses, adjacency and referents read every entity: load them now, not
        // on the first request that needs them.
        entities
          .get()
          .catch((err: unknown) => app.log.error({ err }, 'building the entity index failed'));
      });
    });
  app.decorate('readiness', readiness);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the engine is ready to screen (see ready.ts). */
    readiness: Readiness;
  }
}
