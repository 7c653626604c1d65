/**
 * @module
 * `startServer()`: the server listening, in one process or, with `workers` > 1, in that many
 * processes sharing the port (node:cluster), each with its own engine and screening index, so
 * that screening uses every core. Open mode (`auth: 'none'`) is refused unless the host is a
 * loopback address.
 */
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { EmbargoError, ERROR_CODES } from '../core/index.ts';
import type { Engine } from '../engine/index.ts';
import { serveRateCounts } from './_clusterRate.ts';
import { buildServer } from './app.ts';
import type { ServerOptions } from './context.ts';

/** Options of {@link startServer}. */
export interface StartOptions extends Omit<ServerOptions, 'engine'> {
  /** Opens this process's engine (each worker opens its own). */
  openEngine: () => Engine;
  host: string;
  port: number;
  /** Processes serving the port; default 1 (this one). */
  workers?: number;
  /** Told when this process listens (in a cluster, each worker with its id). */
  onListening?: (address: string, worker: number | undefined) => void;
}

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h)
  );
}

/** Refuses open mode on an address others can reach. */
export function checkOpenMode(auth: 'keys' | 'none', host: string): void {
  if (auth === 'none' && !isLoopback(host))
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `--no-auth is allowed only on a loopback address (127.0.0.1, ::1, localhost), not ${host}: anyone who can reach ${host} could screen, run trade checks and update lists. Create a key with \`embargo keys create\` instead.`,
    );
}

/**
 * Starts the server. Returns the listening instance, or undefined in a cluster's primary, which
 * only forks and watches the workers.
 */
export async function startServer(options: StartOptions): Promise<FastifyInstance | undefined> {
  checkOpenMode(options.auth, options.host);
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  if (workers > 1 && cluster.isPrimary) {
    // The workers say when they listen.
    startPrimary(workers);
    return undefined;
  }
  const engine = options.openEngine();
  const { openEngine: _o, host, port, workers: _w, onListening, ...rest } = options;
  const app = await buildServer({ ...rest, engine });
  app.addHook('onClose', async () => engine.close());
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ host, port });
  onListening?.(address, cluster.isWorker ? cluster.worker?.id : undefined);
  return app;
}

/** Forks the workers and replaces one that dies (at most once a second, so a crash loop idles). */
function startPrimary(workers: number): void {
  let stopping = false;
  // Semi-spaces of 16 MB: a server's garbage is short-lived (one request). A query allocates
  // ~70 KB, so with 8 MB one query in 117 met a young-generation collection (112 in 13,116
  // single queries, bench/screen-tail.ts), which is the latency's 99th percentile: first-pass
  // p99 1.74–1.76 ms, 0.84–0.89 ms without those queries; with 16 MB one in 234 does (56),
  // p99 1.15–1.18 ms (two runs each, idle machine, 2026-12-07). 32 MB halved them again but
  // did not move the p99 further, as the tail without collections is then the first sight of
  // a name's words; it would hold up to 48 MB more per worker.
  // `--expose-gc`: a swap collects the young generation after each step of decoding the new
  // index instead of in 16 MB pauses (src/engine/slice.ts, youngCollector).
  cluster.setupPrimary({
    execArgv: [...process.execArgv, '--max-semi-space-size=16', '--expose-gc'],
  });
  // One rate-limit count for all workers, kept here (see _clusterRate.ts).
  serveRateCounts(cluster);
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `embargo serve: worker ${worker.id} exited (${signal ?? code}); starting another\n`,
    );
    setTimeout(() => cluster.fork(), 1000);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
