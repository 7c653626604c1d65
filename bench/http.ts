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
 *   served within 30 s. `BENCH_HTTP_ONLY=swap` runs this scenario alone. `BENCH_SWAP_RUNS`
 *   (default 1) runs it that many times, each on a server of its own started from a copy of the
 *   same home (lists loaded and their index stored, as `embargo lists load` leaves them), so
 *   that every run swaps the same lists; the summary says in how many runs the target was met.
 * Writes bench/results/http-<date>.json as well as printing the table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
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
/** How many times the swap scenario runs, each on a fresh server (see the header). */
const SWAP_RUNS = Number(process.env.BENCH_SWAP_RUNS ?? 1);
/**
 * Another checkout (its own `npm run build` done) whose server and loader the swap runs
 * alternate with this one's: runs 1, 3, 5… this checkout, 2, 4, 6… that one, on the same machine
 * minutes apart, for a paired comparison on a machine whose load changes (issue 17).
 */
const AB = process.env.BENCH_SWAP_AB ? resolve(process.env.BENCH_SWAP_AB) : undefined;
/** The checkout whose `bin/embargo.js` swap run `run` uses. */
const checkoutOf = (run: number) => (AB && run % 2 === 0 ? AB : root);
/** `swap`: only the swap scenario. */
const ONLY = process.env.BENCH_HTTP_ONLY;
/** The snapshot the swap scenario activates (the benchmark's lists hold ofac_sdn 2023-12-28). */
const SWAP_LIST = ['ofac_sdn', '2024-05-02'] as const;
/**
 * A folder for a trace of the swap (bench/swap-trace.mjs in each server worker, the slow requests
 * and the loader's start and end here), or unset.
 */
const TRACE = process.env.BENCH_SWAP_TRACE;
const trace = (line: Record<string, unknown>) =>
  TRACE && appendFileSync(join(TRACE, 'bench.jsonl'), JSON.stringify(line) + '\n');
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
) => {
  stop(): void;
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, responseMs: number) => void,
  ): void;
};
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
    // With BENCH_SWAP_TRACE: each slow request, when it ended, to line up with the workers'.
    if (TRACE)
      run.on('response', (_c, status, _b, ms) => {
        if (ms > 60) trace({ ev: 'slow', t: Date.now(), ms: Math.round(ms), status });
      });
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

/**
 * One request on a connection of its own: the server's workers share the port, and a kept-alive
 * connection (fetch's) would ask the same worker every time.
 */
function fresh(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers ?? {}, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

async function waitReady(base: string, server: ChildProcess): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      // Each worker loads its own index; enough probes in a row, each on a new connection (which
      // the cluster hands to the workers in turn), to have asked every worker.
      let ok = 0;
      for (let i = 0; i < 4 * WORKERS; i++)
        if ((await fresh(`${base}/readyz`)).status === 200) ok++;
      if (ok === 4 * WORKERS) return;
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
  run: number;
  /** The checkout whose server and loader ran (see {@link AB}). */
  checkout: string;
  /** The 1-minute load average when the loading process started, and when the run ended. */
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
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
  run: number,
  checkout = root,
): Promise<SwapRow> {
  const [source, folder] = SWAP_LIST;
  const activated = `${source}@${folder}`;
  const loadAverageAtStart = loadavg()[0]!;
  log(
    `swap run ${run}: /match at 8 connections while another process activates ${activated} (load average ${loadAverageAtStart.toFixed(2)})`,
  );
  let loadedAt = 0;
  let servedAt = 0;
  const started = Date.now();
  trace({ ev: 'loader', t: started, run });
  const loader = spawn(
    process.execPath,
    [
      join(checkout, 'bin', 'embargo.js'),
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
      trace({ ev: 'activated', t: loadedAt, run });
      ok(code ?? -1);
    }),
  );
  const served = (async () => {
    if ((await loaded) !== 0) throw new Error('the loading process failed');
    let inRow = 0;
    while (inRow < 2 * WORKERS) {
      if (Date.now() - loadedAt > 300_000) return;
      await new Promise((r) => setTimeout(r, 100));
      // A new connection each time, so that the probes ask every worker in turn.
      const r = await fresh(`${base}/match/default`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } },
        }),
      });
      const body = JSON.parse(r.body) as { snapshots?: string[] };
      inRow = body.snapshots?.includes(activated) ? inRow + 1 : 0;
    }
    servedAt = Date.now();
    trace({ ev: 'served', t: servedAt, run });
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
    run,
    checkout,
    loadAverageAtStart,
    loadAverageAtEnd: loadavg()[0]!,
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

/** The server as users run it, over `home`; resolves once every worker is ready. */
async function startServer(
  home: string,
  checkout = root,
): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      join(checkout, 'bin', 'embargo.js'),
      'serve',
      '--port',
      String(port),
      '--workers',
      String(WORKERS),
      '--rate-limit',
      '0',
      '--no-web',
    ],
    {
      env: {
        ...process.env,
        EMBARGO_HOME: home,
        ...(TRACE && {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(root, 'bench', 'swap-trace.mjs')}`,
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    await waitReady(base, server);
  } catch (err) {
    server.kill('SIGTERM');
    throw err;
  }
  return { server, base };
}

/** Stops a server and waits for it to exit (its workers close the store first). */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((ok) => server.once('exit', ok));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
}

/** The home every server starts from (copied per swap run: each run swaps the same lists). */
const template = mkdtempSync(join(tmpdir(), 'embargo-bench-http-'));
const homes: string[] = [];
let server: ChildProcess | undefined;
try {
  log(`loading ${BENCH_LISTS.map((l) => l.join('@')).join(', ')}`);
  const engine = createEngine({ home: template });
  await loadBenchLists(engine, dataDir);
  const snapshots = (await engine.status()).flatMap((s) => (s.active ? [s.active.id] : []));
  const { secret } = await createApiKey(engine, 'bench:http', 'admin');
  await engine.close();
  const newHome = async () => {
    const home = mkdtempSync(join(tmpdir(), 'embargo-bench-http-'));
    cpSync(template, home, { recursive: true });
    homes.push(home);
    // As `embargo lists load` leaves a home: the index of the active lists stored, for each
    // server worker to load rather than build (stored per copy: its key names the database).
    const copy = createEngine({ home });
    await copy.storeScreeningIndex();
    await copy.close();
    return home;
  };

  const compiled = existsSync(join(root, 'dist', 'cli', 'main.js'));
  log(`server: ${compiled ? 'compiled CLI (dist/)' : 'sources through tsx'}, ${WORKERS} workers`);
  let started = await startServer(await newHome());
  server = started.server;
  let base = started.base;

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
  const swaps: SwapRow[] = [];
  for (let run = 1; run <= SWAP_RUNS; run++) {
    if (run > 1 || rows.length) {
      // A server of its own, over a copy of the same home: every run swaps the same lists.
      await stopServer(server);
      const home = await newHome();
      started = await startServer(home, checkoutOf(run));
      [server, base] = [started.server, started.base];
      log('warming up (3 s)');
      await cannon(base, 8, 3, match);
    }
    const swap = await swapScenario(
      base,
      headers,
      match,
      homes[homes.length - 1]!,
      run,
      checkoutOf(run),
    );
    swaps.push(swap);
    // As each run ends: a long series cut short still says what it measured.
    log(
      `swap run ${run}${AB ? ` [${swap.checkout}]` : ''}: p99 ${swap.p99Ms} ms, max ${swap.maxMs} ms, ${swap.errors} errors, load ${swap.loadSeconds} s, served ${swap.servedAfterSeconds} s after activation (load average ${swap.loadAverageAtStart.toFixed(2)} → ${swap.loadAverageAtEnd.toFixed(2)})`,
    );
  }
  const loadAfter = loadavg()[0]!;

  const at8 = rows.find((r) => r.route.startsWith('POST /match') && r.connections === 8);
  const met = at8 && at8.requestsPerSecond >= 2000 && at8.p99Ms <= 25 && at8.errors === 0;
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(
    `HTTP benchmark, node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${WORKERS} server workers, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
  );
  console.log(`lists: ${snapshots.join(', ')}; autocannon in the same machine`);
  if (rows.length)
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
  for (const swap of swaps)
    console.log(
      `swap run ${swap.run}${AB ? ` [${swap.checkout}]` : ''} (load average ${swap.loadAverageAtStart.toFixed(2)} at start, ${swap.loadAverageAtEnd.toFixed(2)} at end): /match at 8 connections while another process activates ${swap.activated}: ${swap.requests} requests, p99 ${swap.p99Ms} ms, max ${swap.maxMs} ms, ${swap.errors} errors; load took ${swap.loadSeconds} s; new list served by every worker ${swap.servedAfterSeconds} s after activation: ${swap.met ? 'met' : 'MISSED'}`,
    );
  const metRuns = swaps.filter((s) => s.met).length;
  for (const checkout of AB ? [root, AB] : [root]) {
    const of = swaps.filter((s) => s.checkout === checkout);
    console.log(
      `swap target${AB ? ` [${checkout}]` : ''}: no request > 100 ms, no error, served within 30 s: met in ${of.filter((s) => s.met).length} of ${of.length} runs (max ${of.map((s) => s.maxMs).join(' / ')} ms, p99 ${of.map((s) => s.p99Ms).join(' / ')} ms)`,
    );
  }

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
        swap: { runs: swaps.length, met: metRuns, each: swaps },
      },
      null,
      2,
    ) + '\n',
  );
  log(`wrote ${file}`);
} finally {
  if (server) await stopServer(server);
  for (const home of [template, ...homes]) rmSync(home, { recursive: true, force: true });
}
