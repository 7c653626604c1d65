/**
 * @module
 * `embargo serve [--port 8080] [--host 127.0.0.1] [--no-auth] [--cors ORIGIN] [--workers N]`: the
 * HTTP API and the web UI. With `--workers N` the port is served by N processes, each with its own
 * screening index, so that screening uses every core.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createEngine } from '../../engine/index.ts';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_STREAM_LIMIT,
  startServer,
} from '../../server/index.ts';
import { note, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { usage } from './lists.ts';

/** The web UI as the build leaves it (dist/web under the package). */
const BUILT_WEB = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

interface ServeOptions extends CommonOptions {
  port: string;
  host: string;
  auth: boolean;
  cors?: string[];
  workers: string;
  web?: string | false;
  rateLimit: string;
  bodyLimit: string;
  streamLimit: string;
}

const collect = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** A whole number option within bounds, or a usage error. */
function int(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usage(`${option} ${value}: a whole number from ${min} to ${max}`);
  return n;
}

/** Builds `embargo serve`. */
export function serveCommand(run: Run): Command {
  return common(new Command('serve'))
    .description(
      'serve the HTTP API (yente-compatible /match, reconciliation, trade) and the web UI',
    )
    .option('--port <n>', 'port', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--no-auth', 'no API keys (allowed only on a loopback address)')
    .option('--cors <origin>', 'allow browser calls from this origin; repeatable', collect)
    .option(
      '--workers <n>',
      `processes serving the port, or "auto" (${availableParallelism()})`,
      '1',
    )
    .option('--web <dir>', 'folder of the built web UI (default: dist/web when built)')
    .option('--no-web', 'do not serve the web UI')
    .option(
      '--rate-limit <n>',
      'requests a minute per API key; 0 for none',
      String(DEFAULT_RATE_LIMIT.max),
    )
    .option('--body-limit <bytes>', 'largest request body', String(DEFAULT_BODY_LIMIT))
    .option(
      '--stream-limit <bytes>',
      'largest streamed body (a book or batch in JSON lines or CSV, read as it arrives)',
      String(DEFAULT_STREAM_LIMIT),
    )
    .action((opts: ServeOptions) =>
      run(opts, async () => {
        const port = int(opts.port, '--port', 0, 65535);
        const workers =
          opts.workers === 'auto' ? availableParallelism() : int(opts.workers, '--workers', 1, 64);
        const rate = int(opts.rateLimit, '--rate-limit', 0, 10_000_000);
        const bodyLimit = int(opts.bodyLimit, '--body-limit', 1024, 1024 * 1024 * 1024);
        const streamLimit = int(opts.streamLimit, '--stream-limit', 1024, 2 ** 40);
        let webRoot: string | undefined;
        if (typeof opts.web === 'string') {
          if (!existsSync(opts.web)) throw usage(`--web ${opts.web}: no such folder`);
          webRoot = opts.web;
        } else if (opts.web !== false && existsSync(BUILT_WEB)) webRoot = BUILT_WEB;
        await startServer({
          openEngine: () =>
            createEngine({
              ...(opts.home && { home: opts.home }),
              ...(opts.database && { database: opts.database }),
            }),
          host: opts.host,
          port,
          workers,
          auth: opts.auth ? 'keys' : 'none',
          rateLimit: rate === 0 ? false : { max: rate, timeWindow: 60_000 },
          bodyLimit,
          streamLimit,
          ...(opts.cors?.length && { cors: opts.cors }),
          ...(webRoot && { webRoot }),
          logger: { level: process.env.EMBARGO_LOG_LEVEL ?? 'warn' },
          onListening: (address, worker) => {
            if (worker === undefined || worker === 1)
              note(
                `embargo: serving ${address}${workers > 1 ? ` with ${workers} workers` : ''}` +
                  `${opts.auth ? '' : ' WITHOUT API keys'}; API reference at ${address}/docs`,
              );
          },
        });
        // The server runs until a signal stops it (startServer handles SIGINT and SIGTERM).
        await new Promise<never>(() => {});
        return 0;
      }),
    );
}
