/**
 * @module
 * The Fastify plugins around the routes: security headers (helmet, with a CSP the web UI and the
 * API reference work under), CORS (off unless origins are given), rate limits per key, the
 * OpenAPI document and its reference UI (assets served from the package, no CDN), and the web UI.
 */
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import cluster from 'node:cluster';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ENGINE_VERSION } from '../engine/index.ts';
import { DEFAULT_RATE_LIMIT, type ServerOptions } from './context.ts';
import { ClusterRateStore } from './_clusterRate.ts';
import { HttpError, HTTP_CODES } from './errors.ts';

/** Security headers. */
export async function registerHelmet(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Same-origin scripts only (the UI's bundle, Swagger UI's files); no inline scripts.
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        // Served over plain HTTP on a LAN or loopback, upgrading would break every asset.
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS belongs to whatever terminates TLS in front of the server.
    hsts: false,
  });
}

/** CORS, only for the origins given. */
export async function registerCors(
  app: FastifyInstance,
  origins: string | string[],
): Promise<void> {
  await app.register(fastifyCors, {
    origin: Array.isArray(origins) ? origins : [origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['x-batch-size', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'retry-after'],
    maxAge: 600,
  });
}

/**
 * Rate limits: per API key on the protected routes (per address where there is no key); with
 * several workers, counted once for all of them in the primary (see _clusterRate.ts).
 */
export async function registerRateLimit(
  app: FastifyInstance,
  options: ServerOptions['rateLimit'],
): Promise<void> {
  if (options === false) return;
  const { max, timeWindow } = options ?? DEFAULT_RATE_LIMIT;
  await app.register(fastifyRateLimit, {
    // Workers of one server count in the primary, so the limit holds across them.
    ...(cluster.isWorker && { store: ClusterRateStore }),
    global: true,
    max,
    timeWindow,
    // After authentication (onRequest), so the key is known.
    hook: 'preHandler',
    keyGenerator: (req: FastifyRequest) => (req.apiKey ? `key:${req.apiKey.id}` : `ip:${req.ip}`),
    // Health checks, the docs and the UI's files are not counted.
    allowList: (req: FastifyRequest) => (req.routeOptions.config?.access ?? 'public') === 'public',
    errorResponseBuilder: (_req, context) =>
      new HttpError(
        context.statusCode,
        HTTP_CODES.RATE_LIMITED,
        `rate limit exceeded: ${context.max} requests per ${context.after}; retry later`,
      ),
  });
}

/** The OpenAPI document at /openapi.json and its reference UI at /docs. */
export async function registerDocs(app: FastifyInstance, auth: 'keys' | 'none'): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Embargo',
        version: ENGINE_VERSION,
        description:
          'Sanctions screening and trade rules over the official lists. `/match`, `/search`, `/entities`, `/catalog`, `/algorithms` and `/reconcile` take yente\'s requests and give yente\'s responses; entity ids, scores and thresholds are Embargo\'s. Errors are `{"detail", "code"}`.',
      },
      components: {
        securitySchemes: {
          ApiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Send `ApiKey <key>` (or `Bearer <key>`).',
          },
        },
      },
      ...(auth === 'keys' && { security: [{ ApiKey: [] }] }),
      tags: [
        { name: 'Matching', description: 'yente-compatible screening' },
        { name: 'Data access', description: 'Entities and datasets' },
        { name: 'Reconciliation', description: 'OpenRefine Reconciliation API v0.2' },
        { name: 'Trade', description: 'Trade checks, regimes and relief scenarios' },
        { name: 'Lists', description: 'Snapshots, staleness, diffs and updates' },
        { name: 'Jobs', description: 'Long work, polled until done' },
        { name: 'System information', description: 'Health and readiness' },
      ],
    },
    refResolver: {
      // Shared schemas keep their $id as their component name (`Error`), not `def-0`.
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    // The UI fetches the same document; it is the one served at /openapi.json.
    transformSpecificationClone: true,
  });
}

/** The built web UI at `/` (hash-routed, so every page is index.html). */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // Source maps give out the UI's source; a build that still made one keeps it unserved.
    allowedPath: (path) => !path.endsWith('.map'),
    // The bundle's file names carry content hashes; index.html must be revalidated.
    cacheControl: true,
    maxAge: 0,
  });
}
