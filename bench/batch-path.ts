/**
 * Where a batch row's CPU goes outside the matcher, on one core and in one process, so that a
 * change to the batch pipeline can be measured without the noise of three processes sharing two
 * cores. It runs, in order, what a CSV batch does to every row: the parent's reading (records cut
 * and parsed into rows), the hand-over to a worker (each chunk serialised and deserialised as the
 * IPC channel's structured clone does), and the worker's screening and formatting (screenRows
 * over the worker's own opened screening, with its memory budget between chunks). The matcher's
 * own share is timed apart (process CPU time around each answer), so what is left of the worker's
 * time is the pipeline's; garbage collection is counted from `gc` performance entries. Process
 * CPU time includes V8's helper threads (concurrent marking and sweeping), which are charged to
 * whichever side was running: read the split as a guide and the profile (`--cpu-prof`) for
 * detail. BENCH_PATH_MARGIN_MB tries another growth margin for the forced full collections
 * (memory.ts).
 *
 * The rows are bench:screen's distinct batch (same generator and seed) with name, date of birth
 * and country, BENCH_PATH_ROWS of them (default 20,000), output CSV as bench:screen writes it
 * (BENCH_PATH_FORMAT=jsonl for JSON lines). Prints CPU milliseconds per phase and a SHA-256 of the
 * output bytes, which a pipeline change must leave as it was. Run it with the worker's flags to
 * measure them as a worker has them:
 *   node scripts/build-bench.mjs && node --expose-gc --max-semi-space-size=4 bench/.build/bench/batch-path.js
 * Reads EMBARGO_DATA_DIR; BENCH_MICRO_HOME keeps the four lists between runs (see _lists.ts).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { openScreening } from '../src/engine/openScreening.ts';
import { keepToBudget } from '../src/engine/batch/memory.ts';
import { openRowStream } from '../src/engine/batch/source.ts';
import { screenRows, type ScreenNow } from '../src/engine/batch/screenRows.ts';
import type { BatchRow, OutputFormat } from '../src/engine/batch/types.ts';
import { distinctBatch } from './_batches.ts';
import { benchHome } from './_lists.ts';
import { VARIANT_SEED } from './_queries.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
const ROWS = Number(process.env.BENCH_PATH_ROWS ?? 20_000);
const FORMAT = (process.env.BENCH_PATH_FORMAT ?? 'csv') as OutputFormat;
const CHUNK = 256;
/** bench:screen's seed of the distinct batch. */
const DISTINCT_SEED = VARIANT_SEED + 2;

const cpu = (from?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

const bench = await benchHome('path', dataDir);
const home = bench.home;
await bench.engine.close();

// The input: the CSV bytes bench:screen writes for its distinct batch (writeBatchCsv's form).
const rows = distinctBatch(dataDir, 80_000, DISTINCT_SEED).rows.slice(0, ROWS);
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv =
  'id,name,dob,country,schema\n' +
  rows
    .map((r, i) => `${i + 1},${field(r.name)},${field(r.dob)},${field(r.country)},Person\n`)
    .join('');
const bytes = Buffer.from(csv, 'utf8');

// The store opened and the index loaded (or built, as the stored one is keyed by this build's
// code: start-up is measured by bench:screen, not here).
const opened = openScreening({ home, maxAgeDays: () => 7 });
await opened.screening.refresh();

// The parent's part: the rows read from the bytes, in 64 KB reads as screenFile's stream gives.
const readCpu = process.cpuUsage();
async function* reads(): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
}
const source = await openRowStream(
  reads(),
  'csv',
  {
    name: 'name',
    dob: 'dob',
    country: 'country',
    schema: 'schema',
    id: 'id',
  },
  'batch.csv',
);
const chunks: BatchRow[][] = [];
let chunk: BatchRow[] = [];
for await (const row of source.rows) {
  chunk.push(row);
  if (chunk.length < CHUNK) continue;
  chunks.push(chunk);
  chunk = [];
}
if (chunk.length) chunks.push(chunk);
const readMs = cpu(readCpu);

// The hand-over: what the IPC channel's 'advanced' serialisation does to each chunk, both ends.
const ipcCpu = process.cpuUsage();
const received = chunks.map(
  (c) => deserialize(serialize({ type: 'chunk', seq: 0, rows: c })).rows as BatchRow[],
);
const ipcMs = cpu(ipcCpu);

// The worker's part, the matcher's answers timed apart.
let matcherMs = 0;
const screening = opened.screening;
const timedScreen: ScreenNow = (query, options) => {
  const c = process.cpuUsage();
  const r = screening.screenNow(query, options);
  matcherMs += cpu(c);
  return r;
};
const out = createHash('sha256');
/** GC entries are delivered on a later turn of the event loop. */
const gcSoFar = async () => (await new Promise((r) => setImmediate(r)), gcMs);
const gcBefore = await gcSoFar();
let budgetMs = 0;
let forced = 0;
/** The growth margin of keepToBudget (MB), to try another (default: the workers'). */
const MARGIN = process.env.BENCH_PATH_MARGIN_MB;
const workCpu = process.cpuUsage();
const workWall = performance.now();
let resultBytes = 0;
for (const c of received) {
  // As a worker does: the lists brought up to date once a chunk.
  await screening.refresh();
  const result = screenRows(timedScreen, c, {}, FORMAT);
  // What the worker sends back, serialised and read by the parent.
  const back = deserialize(serialize({ type: 'done', seq: 0, result, rss: 0 })) as {
    result: { bytes: Uint8Array };
  };
  out.update(back.result.bytes);
  resultBytes += back.result.bytes.length;
  const b = process.cpuUsage();
  if (MARGIN) keepToBudget(Number(MARGIN) * 2 ** 20);
  else keepToBudget();
  const spent = cpu(b);
  budgetMs += spent;
  // A check that collected nothing costs microseconds; a full collection, milliseconds.
  if (spent > 2) forced++;
}
const workMs = cpu(workCpu);
const workWallMs = performance.now() - workWall;
const workGcMs = (await gcSoFar()) - gcBefore;

const f = (x: number) => Math.round(x);
console.log(
  JSON.stringify({
    rows: rows.length,
    format: FORMAT,
    parentReadCpuMs: f(readMs),
    ipcRoundTripCpuMs: f(ipcMs),
    workerCpuMs: f(workMs),
    workerWallMs: f(workWallMs),
    matcherCpuMs: f(matcherMs),
    workerOutsideMatcherCpuMs: f(workMs - matcherMs),
    workerGcMs: f(workGcMs),
    forcedGcCpuMs: f(budgetMs),
    forcedGcs: forced,
    workerCpuUsPerRow: ((1000 * workMs) / rows.length).toFixed(1),
    outputBytes: resultBytes,
    outputDigest: out.digest('hex').slice(0, 16),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
await opened.store.close();
bench.done();
