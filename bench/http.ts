/**
 * HTTP benchmark (`npm run bench:http`): `embargo serve` as users run it (the compiled CLI, API
 * keys on, one worker process per core, rate limits off), measured with autocannon on
 * `POST /match/default` (one single-name query per request, a fixed set of names cycled) and on
 * `POST /trade/check` (one shipment with two parties and a vessel), at 1, 8 and 64 connections.
 *
 * - Lists: those of the screening benchmark (un_sc 2026-02-27, ofac_sdn 2023-12-28,
 *   ofac_consolidated 2025-12-19, uk_ofsi 2018-04-13), loaded into a temporary EMBARGO_HOME.
 * - Each run lasts BENCH_HTTP_SECONDS (default 10) after a warm-up of 3 s at 8 connections.
 *   autocannon runs in this process, on the same machine: its CPU is taken from the server's.
 * - Target (issue 6): ≥ 2,000 single-name /match requests a second with p99 ≤ 25 ms at 8
 *   connections on the machine's 2 cores.
 * - Swap scenario (issue 17): /match at 8 connections while another process
 *   (`embargo lists load ofac_sdn …/2024-05-02`, the compiled CLI) activates a new OFAC
 *   snapshot; the server (default list check, $EMBARGO_LIST_CHECK_SECONDS or 10 s) must build
 *   the new index in the background. Reported: max and p99 latency and errors from the start of
 *   the load until every worker serves the new list, and the time from the activation (the
 *   loading process's exit) until then. Target: no request over 100 ms, no error, new list
 *   served within 30 s. `BENCH_HTTP_ONLY=swap` runs this scenario alone.
 * Writes bench/results/http-<date>.json as well as printing the table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/index.ts';
import { BENCH_LISTS, loadBenchLists } from './_lists.ts';
import { createApiKey } from '../src/server/index.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? join(root, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'lists'))) {
  console.error(`bench:http: no list data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_HTTP_WORKERS ?? availableParallelism());
const CONNECTIONS = [1, 8, 64];
/** `swap`: only the swap scenario. */
const ONLY = process.env.BENCH_HTTP_ONLY;
/** The snapshot the swap scenario activates (the benchmark's lists hold ofac_sdn 2023-12-28). */
const SWAP_LIST = ['ofac_sdn', '2024-05-02'] as const;
/** Single names, cycled: listed parties in their own and other spellings, and unlisted people. */
const NAMES = [
  'Kim Jong Un',
  '김정은',
  'Ri Won Ho',
  'Korea Mining Development Trading Corporation',
  'KOMID',
  'Vladimir Putin',
  'Arkady Rotenberg',
  'Aleksandr Zakharov',
  'Ali Khamenei',
  'Bank Melli Iran',
  'Hezbollah',
  'Ocean Maritime Management',
  'Chong Chon Gang',
  'Rosneft',
  'Kim Yo Jong',
  'Choe Ryong Hae',
  'Mohammed Ali',
  'John Smith',
  'Maria Garcia',
  'Wei Zhang',
  'Anna Müller',
  'Jean-Pierre Dubois',
  'Golden Star Trading Ltd',
  'Pacific Logistics Co',
  'Northern Energy LLC',
  'Silver Harbor Shipping',
  'Ahmed Hassan',
  'Olga Ivanova',
  'Park Ji-sung',
  'Nguyen Van An',
];
const TRANSACTION = {
  id: 'bench-1',
  date: '2018-03-10',
  kind: 'shipment',
  parties: [
    { role: 'exporter', name: 'Golden Star Trading Ltd', country: 'CN' },
    { role: 'importer', name: 'Pacific Logistics Co', country: 'JP' },
  ],
  vessel: { name: 'Ocean Star', imo: '9187629', flag: 'PA' },
  route: { origin: 'CN', destination: 'JP' },
  goods: [{ hs: '8471.30', description: 'computers', quantity: 100, unit: 'pcs' }],
};
const log = (msg: string) => process.stderr.write(`bench:http: ${msg}\n`);

// --- autocannon (bench's own dependency; it ships no types) ---

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  /** Connection errors, timeouts included (autocannon counts them in both). */
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  /** Counts by error code (ECONNRESET, timeouts…). */
  errorsByCode?: Record<string, number>;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
  onResponse?: (status: number, body: string) => void;
}
type Autocannon = (
  opts: { url: string; connections: number; duration: number; requests: AutocannonRequest[] },
  done: (err: Error | null, result: AutocannonResult) => void,
) => { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function cannon(
  url: string,
  connections: number,
  duration: number,
  request: AutocannonRequest,
): Promise<AutocannonResult> {
  return new Promise((ok, fail) => {
    autocannon({ url, connections, duration, requests: [request] }, (err, result) =>
      err ? fail(err) : ok(result),
    );
  });
}

/** Like {@link cannon}, stopped when `until` resolves (or after `maxSeconds`). */
function cannonUntil(
  url: string,
  connections: number,
  maxSeconds: number,
  request: AutocannonRequest,
  until: Promise<unknown>,
): Promise<AutocannonResult> {
  return new Promise((ok, fail) => {
    const run = autocannon(
      { url, connections, duration: maxSeconds, requests: [request] },
      (err, result) => (err ? fail(err) : ok(result)),
    );
    void until.finally(() => run.stop());
  });
}

// --- the server ---

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitReady(base: string, server: ChildProcess): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      // Each worker builds its own index; a few probes in a row land on both.
      let ok = 0;
      for (let i = 0; i < 2 * WORKERS; i++) if ((await fetch(`${base}/readyz`)).ok) ok++;
      if (ok === 2 * WORKERS) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 300_000) throw new Error('the server was not ready in 5 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
}

// --- run ---

interface Row {
  route: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
}

interface SwapRow {
  activated: string;
  requests: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  loadSeconds: number;
  servedAfterSeconds: number | null;
  met: boolean;
}

/**
 * /match at 8 connections while another process activates {@link SWAP_LIST}, until every worker
 * answers from it (probed once every 100 ms: 2 × workers answers in a row naming it).
 */
async function swapScenario(
  base: string,
  headers: Record<string, string>,
  match: AutocannonRequest,
  home: string,
): Promise<SwapRow> {
  const [source, folder] = SWAP_LIST;
  const activated = `${source}@${folder}`;
  log(`swap: /match at 8 connections while another process activates ${activated}`);
  let loadedAt = 0;
  let servedAt = 0;
  const started = Date.now();
  const loader = spawn(
    process.execPath,
    [
      join(root, 'bin', 'embargo.js'),
      'lists',
      'load',
      source,
      join(dataDir, 'lists', source, folder),
    ],
    { env: { ...process.env, EMBARGO_HOME: home }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const loaded = new Promise<number>((ok) =>
    loader.on('exit', (code) => {
      loadedAt = Date.now();
      ok(code ?? -1);
    }),
  );
  const served = (async () => {
    if ((await loaded) !== 0) throw new Error('the loading process failed');
    let inRow = 0;
    while (inRow < 2 * WORKERS) {
      if (Date.now() - loadedAt > 300_000) return;
      await new Promise((r) => setTimeout(r, 100));
      const r = await fetch(`${base}/match/default`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } },
        }),
      });
      const body = (await r.json()) as { snapshots?: string[] };
      inRow = body.snapshots?.includes(activated) ? inRow + 1 : 0;
    }
    servedAt = Date.now();
  })();
  // What went wrong, if anything: the first few answers other than 2xx, by status and body.
  const refused: string[] = [];
  const watched: AutocannonRequest = {
    ...match,
    onResponse: (status, body) => {
      if ((status < 200 || status > 299) && refused.length < 5)
        refused.push(`${status} ${body.slice(0, 200)}`);
    },
  };
  // A little past the swap, so that what follows it is measured too.
  const r = await cannonUntil(
    base,
    8,
    600,
    watched,
    served.then(() => new Promise((ok) => setTimeout(ok, 2000))),
  );
  await served;
  if (r.errors + r.non2xx)
    log(
      `swap: ${r.errors} connection errors (${JSON.stringify(r.errorsByCode ?? {})}), ${r.timeouts} timeouts, ${r.non2xx} non-2xx${refused.length ? `: ${refused.join(' | ')}` : ''}`,
    );
  const row: SwapRow = {
    activated,
    requests: r.requests.total,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors + r.non2xx,
    loadSeconds: Math.round((loadedAt - started) / 100) / 10,
    servedAfterSeconds: servedAt ? Math.round((servedAt - loadedAt) / 100) / 10 : null,
    met: false,
  };
  row.met =
    row.maxMs <= 100 &&
    row.errors === 0 &&
    row.servedAfterSeconds !== null &&
    row.servedAfterSeconds <= 30;
  return row;
}

const home = mkdtempSync(join(tmpdir(), 'embargo-bench-http-'));
let server: ChildProcess | undefined;
try {
  log(`loading ${BENCH_LISTS.map((l) => l.join('@')).join(', ')}`);
  const engine = createEngine({ home });
  await loadBenchLists(engine, dataDir);
  const snapshots = (await engine.status()).flatMap((s) => (s.active ? [s.active.id] : []));
  const { secret } = await createApiKey(engine, 'bench:http', 'admin');
  await engine.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const compiled = existsSync(join(root, 'dist', 'cli', 'main.js'));
  server = spawn(
    process.execPath,
    [
      join(root, 'bin', 'embargo.js'),
      'serve',
      '--port',
      String(port),
      '--workers',
      String(WORKERS),
      '--rate-limit',
      '0',
      '--no-web',
    ],
    { env: { ...process.env, EMBARGO_HOME: home }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  log(
    `server: ${compiled ? 'compiled CLI (dist/)' : 'sources through tsx'}, ${WORKERS} workers; building the index`,
  );
  await waitReady(base, server);

  const headers = { authorization: `ApiKey ${secret}`, 'content-type': 'application/json' };
  let n = 0;
  const match: AutocannonRequest = {
    method: 'POST',
    path: '/match/default',
    headers,
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({
        queries: { q: { schema: 'Thing', properties: { name: [NAMES[n++ % NAMES.length]!] } } },
      }),
    }),
  };
  const trade: AutocannonRequest = {
    method: 'POST',
    path: '/trade/check?authority=un,us',
    headers,
    body: JSON.stringify(TRANSACTION),
  };
  // The answers must be right before they are fast.
  const probe = await fetch(`${base}/match/default`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } },
    }),
  });
  const top = ((await probe.json()) as { responses: { q: { results: { caption: string }[] } } })
    .responses.q.results[0];
  if (top?.caption !== 'KIM, Jong Un')
    throw new Error(`unexpected /match answer: ${JSON.stringify(top)}`);
  const verdict = await fetch(`${base}${trade.path}`, {
    method: 'POST',
    headers,
    body: trade.body,
  });
  if (!verdict.ok)
    throw new Error(`/trade/check answered ${verdict.status}: ${await verdict.text()}`);

  log('warming up (3 s)');
  await cannon(base, 8, 3, match);
  const loadBefore = loadavg()[0]!;
  const rows: Row[] = [];
  for (const [route, request] of ONLY === 'swap'
    ? []
    : ([
        ['POST /match/default (1 name)', match],
        ['POST /trade/check', trade],
      ] as const))
    for (const connections of CONNECTIONS) {
      log(`${route} at ${connections} connections, ${SECONDS} s`);
      const r = await cannon(base, connections, SECONDS, request);
      rows.push({
        route,
        connections,
        requestsPerSecond: Math.round(r.requests.total / r.duration),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        requests: r.requests.total,
        errors: r.errors + r.non2xx,
      });
    }
  const swap = await swapScenario(base, headers, match, home);
  const loadAfter = loadavg()[0]!;

  const at8 = rows.find((r) => r.route.startsWith('POST /match') && r.connections === 8);
  const met = at8 && at8.requestsPerSecond >= 2000 && at8.p99Ms <= 25 && at8.errors === 0;
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(
    `HTTP benchmark, node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${WORKERS} server workers, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
  );
  console.log(`lists: ${snapshots.join(', ')}; autocannon in the same machine`);
  console.log(
    `${'route'.padEnd(30)} ${pad('conns', 5)} ${pad('req/s', 7)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('max ms', 7)} ${pad('errors', 6)}`,
  );
  for (const r of rows)
    console.log(
      `${r.route.padEnd(30)} ${pad(r.connections, 5)} ${pad(r.requestsPerSecond, 7)} ${pad(r.p50Ms, 7)} ${pad(r.p99Ms, 7)} ${pad(r.maxMs, 7)} ${pad(r.errors, 6)}`,
    );
  if (at8)
    console.log(
      `target: ≥ 2,000 single-name /match requests/s with p99 ≤ 25 ms at 8 connections: ${met ? 'met' : 'MISSED'} (${at8.requestsPerSecond} req/s, p99 ${at8.p99Ms} ms)`,
    );
  console.log(
    `swap: /match at 8 connections while another process activates ${swap.activated}: ${swap.requests} requests, p99 ${swap.p99Ms} ms, max ${swap.maxMs} ms, ${swap.errors} errors; load took ${swap.loadSeconds} s; new list served by every worker ${swap.servedAfterSeconds} s after activation`,
  );
  console.log(
    `target: no request > 100 ms, no error, served within 30 s: ${swap.met ? 'met' : 'MISSED'}`,
  );

  const date = new Date().toISOString();
  const resultsDir = resolve(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `http-${date.slice(0, 10)}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        date,
        machine: {
          node: process.version,
          cpu: cpus()[0]?.model ?? 'unknown',
          cores: availableParallelism(),
          memoryMb: Math.round(totalmem() / 2 ** 20),
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadAfter,
        },
        server: { workers: WORKERS, compiled, auth: 'keys', rateLimit: 'off' },
        lists: snapshots,
        secondsPerRun: SECONDS,
        names: NAMES.length,
        target: { requestsPerSecond: 2000, p99Ms: 25, connections: 8, met: met ?? null },
        rows,
        swap,
      },
      null,
      2,
    ) + '\n',
  );
  log(`wrote ${file}`);
} finally {
  server?.kill('SIGTERM');
  // Give the workers a moment to close the store before its folder goes.
  await new Promise((r) => setTimeout(r, 1500));
  rmSync(home, { recursive: true, force: true });
}
