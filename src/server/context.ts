/**
 * @module
 * What every route module receives: the engine, the readiness tracker and the server's options.
 */
import type { Engine } from '../engine/index.ts';
import type { EntityIndex } from './entityIndex.ts';
import type { Jobs } from './jobs.ts';
import type { Readiness } from './ready.ts';

/** Rate limiting per key (per address for public routes): `max` requests per `timeWindow` ms. */
export interface RateLimitOptions {
  max: number;
  timeWindow: number;
}

/** Options of {@link buildServer}. */
export interface ServerOptions {
  engine: Engine;
  /** `keys`: every route but health, docs and the UI needs an API key. `none`: open. */
  auth: 'keys' | 'none';
  /** Folder of the built web UI, served at `/`. */
  webRoot?: string;
  /** Per key; `false` turns rate limiting off. Default 6,000 requests a minute. */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body in bytes; default 1 MiB. */
  bodyLimit?: number;
  /**
   * Largest streamed request body (a book in JSON lines, a batch in CSV or JSON lines), which is
   * read as it arrives, not held: default 256 MiB.
   */
  streamLimit?: number;
  /** Origins allowed to call the API from a browser (CORS); default none. */
  cors?: string | string[];
  /** Fastify's logger option; default off. */
  logger?: boolean | Record<string, unknown>;
  /** Build the screening index as soon as the server is ready (default true). */
  warm?: boolean;
  /**
   * How often (ms) to check the store for lists activated by another process or by this one,
   * whose index is then built in the background and swapped in (see `Engine.watchLists`).
   * Default: on when `warm` is, every $EMBARGO_LIST_CHECK_SECONDS / `lists.checkSeconds`
   * (10 s); `false`: off (each screening then checks the store itself, as the CLI does).
   */
  listCheckMs?: number | false;
}

/** Passed to each route module. */
export interface RouteContext {
  engine: Engine;
  readiness: Readiness;
  options: ServerOptions;
  /** Every active entity in memory (browsing, addresses, adjacency, referents). */
  entities: EntityIndex;
  /** Long work answered 202 and polled at `GET /jobs/{id}`. */
  jobs: Jobs;
}

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Default limit of a streamed body (a book, a batch): 256 MiB; it is read, not held, whole. */
export const DEFAULT_STREAM_LIMIT = 256 * 1024 * 1024;

/** Default rate limit per key. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 6000, timeWindow: 60_000 };
