/**
 * Screening benchmark (`npm run bench:screen`): Embargo against Fuse.js and a brute-force token
 * Jaro-Winkler scan, in one run, on the same lists and the same fixed query set. Reads
 * EMBARGO_DATA_DIR (lists and eval sets).
 *
 * - Lists: those of the eval harness (un_sc 2026-02-27, ofac_sdn 2023-12-28, ofac_consolidated
 *   2025-12-19, uk_ofsi 2018-04-13), loaded into a temporary EMBARGO_HOME. The baselines index
 *   every name, alias, previous name and weak alias of the same stored entities Embargo indexes.
 * - Queries: un-positives.csv and its generated variants (eval/variants.ts, eval's seed), found
 *   when a target entity (resolved as eval/index.ts does) is returned as a match; the odd rows of
 *   negatives-dev.csv, a false positive when anything is returned as a match. Every engine gets
 *   the name only (schema Person for Embargo), so they compete on the same input. The baselines
 *   answer a few queries a second, so the comparison uses a seeded subset (BENCH_SUBSET positives
 *   and variants + BENCH_SUBSET negatives, default 300 + 300), the same for all three; Embargo is
 *   also measured on the full set, name only and with date of birth and nationality.
 * - Cuts: Embargo uses its default threshold. Each baseline's cut is the loosest at which it flags
 *   no more of BENCH_TUNING (default 300) even rows of negatives-dev.csv (the tuning half, never
 *   the held-out odd rows) than Embargo flags, name only, on the same rows: recall is then compared
 *   at (about) the same false-positive rate.
 * - Speed: each engine runs in its own child process (bench/screen-one.ts), one core, queries one
 *   at a time after a warm-up; latency p50/p99 over the subset; queries per second = subset size /
 *   wall time; peak RSS = the child's maxRSS. Batch rows per second on all cores: Embargo's
 *   `screenFile` (the CLI's file batch over the engine's screenStream) with one worker per core on a CSV of BENCH_BATCH_ROWS (default 500,000) names
 *   (and of 100,000, reported beside it)
 *   cycled from the full query set, worker start-up and index builds included; for the baselines
 *   it is their single-core rate × cores (computed, not run: they would take hours).
 * - Distinct names (issue 12): cycled names keep every cache warm, so the throughput table adds a
 *   batch of BENCH_DISTINCT_ROWS (default 80,000) distinct rows recombined from the name parts,
 *   dates of birth and countries of negatives-dev.csv (eval/distinct.ts, scripts in their
 *   proportions, none a name of the labelled sets), with those columns and name only, and the
 *   20,683 real rows of un-positives.csv + negatives-dev.csv with theirs. Start-up (worker
 *   processes started, store opened, index built) is measured apart, as the median of three
 *   batches of one row per worker, and rows/s is given with it and without it; "steady" is the
 *   rate after the first chunk came back, measured, not subtracted.
 * Writes bench/results/screen-<date>.json as well as printing the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type BatchSummary } from '../src/index.ts';
import { screenFile } from '../src/cli/batch/screenFile.ts';
import { distinctBatch, realBatch, writeBatchCsv, type BatchInputRow } from './_batches.ts';
import { loadBenchLists } from './_lists.ts';
import { coldLines, coldStart } from './_cold.ts';
import { FUSE_RECORD_LIMIT } from './_baselines.ts';
import { evalEngine } from '../eval/_engine.ts';
import { buildQuerySet, sample, VARIANT_SEED, type BenchQuery } from './_queries.ts';
import type { OneResult, Outcome, Pass, Work } from './_protocol.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
if (!existsSync(join(dataDir, 'lists')) || !existsSync(join(dataDir, 'eval'))) {
  console.error(`bench:screen: no list or eval data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const SUBSET = Number(process.env.BENCH_SUBSET ?? 300);
const TUNING = Number(process.env.BENCH_TUNING ?? 300);
const BATCH_ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 500_000);
/** A short batch too, where the workers' start-up (each builds its index) weighs more. */
const SHORT_BATCH_ROWS = 100_000;
/** Distinct rows recombined from negatives-dev.csv (issue 12: at least 80,000). */
const DISTINCT_ROWS = Number(process.env.BENCH_DISTINCT_ROWS ?? 80_000);
/** Seed of the distinct rows. */
const DISTINCT_SEED = VARIANT_SEED + 2;
/** Start-up probes, of one row per worker each; their median is the start-up. */
const STARTUP_PROBES = 3;
/** Results asked for per query, as the eval harness asks for positives. */
const LIMIT = 10;
/** Seed of the subsets (the variants keep eval's own seed). */
const SAMPLE_SEED = VARIANT_SEED + 1;
/** Queries screened before timing: enough for the JIT, affordable for the slow baselines. */
const WARMUP = { embargo: 500, jw: 20, fuse: 5 } as const;
const ENGINES = [
  ['embargo', 'Embargo'],
  ['fuse', 'Fuse.js 7.5'],
  ['jw', 'brute-force token JW'],
] as const;
type EngineKey = (typeof ENGINES)[number][0];
const cores = availableParallelism();
const log = (msg: string) => process.stderr.write(`bench:screen: ${msg}\n`);

// --- measures ---

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

interface Speed {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  qps: number;
}

function speed(p: Pass): Speed {
  const sum = p.latenciesMs.reduce((a, b) => a + b, 0);
  return {
    p50Ms: percentile(p.latenciesMs, 50),
    p99Ms: percentile(p.latenciesMs, 99),
    meanMs: sum / p.latenciesMs.length,
    maxMs: Math.max(...p.latenciesMs),
    qps: (1000 * p.latenciesMs.length) / p.wallMs,
  };
}

interface Quality {
  found: number;
  positives: number;
  recall: number;
  falsePositives: number;
  negatives: number;
  fpRate: number;
}

/** Recall and false-positive rate at a cut, given each query's outcome. */
function quality(queries: BenchQuery[], outcomes: Outcome[], cut: number): Quality {
  let found = 0;
  let positives = 0;
  let fp = 0;
  let negatives = 0;
  queries.forEach((q, i) => {
    const o = outcomes[i]!;
    if (q.kind === 'negative') {
      negatives++;
      if (o.top >= cut) fp++;
    } else {
      positives++;
      if (o.target >= cut) found++;
    }
  });
  return {
    found,
    positives,
    recall: positives ? found / positives : NaN,
    falsePositives: fp,
    negatives,
    fpRate: negatives ? fp / negatives : NaN,
  };
}

/**
 * The loosest cut (on a 0.001 grid) at which no more than `allowed` tuning negatives reach it:
 * the baseline gets the same false-positive budget as Embargo on the tuning rows.
 */
function cutFor(tuning: Outcome[], allowed: number): number {
  for (let k = 0; k <= 1001; k++) {
    const cut = k / 1000;
    if (tuning.filter((o) => o.top >= cut).length <= allowed) return cut;
  }
  return 1.001;
}

// --- running ---

function runChild(engine: EngineKey, work: Work, dir: string): OneResult {
  const path = join(dir, `work-${engine}.json`);
  writeFileSync(path, JSON.stringify(work));
  // Compiled (npm run bench:screen), the children run compiled too, as the product does; from the
  // sources they need tsx.
  const compiled = import.meta.url.endsWith('.js');
  const script = resolve(import.meta.dirname, compiled ? 'screen-one.js' : 'screen-one.ts');
  // The V8 flag the server's workers run with (src/server/start.ts), which answer single queries.
  const flags = ['--max-semi-space-size=16'];
  const args = compiled
    ? [...flags, script, engine, path]
    : [...flags, '--import', 'tsx', script, engine, path];
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`screen-one ${engine} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as OneResult;
}

/** A batch screened with screenFile on every core, and its rates. */
interface BatchRun {
  label: string;
  columns: string;
  summary: BatchSummary;
  /** Rows / wall seconds, start-up included. */
  rowsPerSecond: number;
  /** Rows after the first chunk written / seconds after it: the rate once workers are up. */
  steadyRowsPerSecond: number;
}

async function runBatch(
  home: string,
  dir: string,
  label: string,
  rows: BatchInputRow[],
  details: boolean,
  options: { inProcessBelow?: number; chunkSize?: number } = {},
): Promise<BatchRun> {
  const input = join(dir, 'batch.csv');
  writeBatchCsv(input, rows, details);
  let first: { rows: number; seconds: number } | undefined;
  // The CLI's file batch: the engine screens the file's bytes as a stream, on `cores` workers.
  const engine = createEngine({ home, database: join(home, 'embargo.db') });
  const summary = await screenFile(
    engine,
    {
      input,
      output: join(dir, 'batch-out.csv'),
      workers: cores,
      columns: {
        name: 'name',
        id: 'id',
        schema: 'schema',
        ...(details && { dob: 'dob', country: 'country' }),
      },
      ...options,
    },
    (p) => {
      first ??= { rows: p.rows, seconds: p.seconds };
    },
  ).finally(() => engine.close());
  const steady =
    first && summary.rows > first.rows && summary.seconds > first.seconds
      ? (summary.rows - first.rows) / (summary.seconds - first.seconds)
      : NaN;
  return {
    label,
    columns: details ? 'name, DOB, country' : 'name',
    summary,
    rowsPerSecond: summary.rows / summary.seconds,
    steadyRowsPerSecond: steady,
  };
}

/** Names of the query set cycled to `rows` rows (the original batch: every cache warm). */
const cycled = (full: BenchQuery[], rows: number): BatchInputRow[] =>
  Array.from({ length: rows }, (_x, i) => ({
    name: full[i % full.length]!.name,
    dob: '',
    country: '',
  }));

/**
 * Start-up of a batch on every core: worker processes started, the store opened and the index
 * built in each, timed on batches of one row per worker (forced out of process), median of
 * {@link STARTUP_PROBES}.
 */
async function startupSeconds(home: string, dir: string, full: BenchQuery[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < STARTUP_PROBES; i++) {
    const run = await runBatch(home, dir, 'start-up', cycled(full, cores), false, {
      inProcessBelow: 0,
      chunkSize: 1,
    });
    times.push(run.summary.seconds);
  }
  return times.sort((a, b) => a - b);
}

// --- printing ---

const f = (x: number, digits = 1) =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';
const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : 'n/a');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// --- main ---

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-screen-'));
  const home = join(dir, 'home');
  try {
    const engine = createEngine({ home });
    const t = performance.now();
    await loadBenchLists(engine, dataDir);
    const loadMs = performance.now() - t;
    const snapshots = (await engine.status()).filter((s) => s.active).map((s) => s.active!.id);
    const qs = buildQuerySet(await evalEngine(engine), dataDir);
    await engine.close();
    log(`lists loaded in ${(loadMs / 1000).toFixed(1)} s: ${snapshots.join(', ')}`);
    // Before anything else runs: the CLI's start-up, and the stored index the batches then load.
    const cold = await coldStart(home);
    log(coldLines(cold).join('\n'));

    const pool = [...qs.positives, ...qs.variants];
    const subset = [
      ...sample(pool, SUBSET, SAMPLE_SEED),
      ...sample(qs.negatives, SUBSET, SAMPLE_SEED + 1),
    ];
    const tuning = sample(qs.tuning, TUNING, SAMPLE_SEED + 2);
    // Warm-up queries: positives or variants outside the subset and even rows outside the tuning
    // sample, alternately, so both paths (a hit, no hit) are warm.
    const drawn = new Set([...subset, ...tuning]);
    const sparePos = pool.filter((q) => !drawn.has(q));
    const spareNeg = qs.tuning.filter((q) => !drawn.has(q));
    const spare = sparePos.flatMap((q, i) => (spareNeg[i] ? [q, spareNeg[i]] : [q]));
    const full = [...pool, ...qs.negatives];
    const workFor = (e: EngineKey): Work => ({
      home,
      limit: LIMIT,
      warmup: spare.slice(0, WARMUP[e]),
      subset,
      tuning,
      full: e === 'embargo' ? full : [],
    });

    const results = {} as Record<EngineKey, OneResult>;
    for (const [key, label] of ENGINES) {
      log(`${label}: building and screening in a child process`);
      results[key] = runChild(key, workFor(key), dir);
    }
    log(`Embargo batch: ${SHORT_BATCH_ROWS.toLocaleString('en-US')} rows, ${cores} workers`);
    const short = await runBatch(home, dir, 'cycled', cycled(full, SHORT_BATCH_ROWS), false);
    log(`Embargo batch: ${BATCH_ROWS.toLocaleString('en-US')} rows, ${cores} workers`);
    const batch = await runBatch(home, dir, 'cycled', cycled(full, BATCH_ROWS), false);
    log(`Embargo batch start-up: ${STARTUP_PROBES} batches of ${cores} rows`);
    const startups = await startupSeconds(home, dir, full);
    const startup = percentile(startups, 50);
    const distinct = distinctBatch(dataDir, DISTINCT_ROWS, DISTINCT_SEED);
    const real = realBatch(dataDir);
    log(`Embargo batch: ${DISTINCT_ROWS.toLocaleString('en-US')} distinct rows, ${cores} workers`);
    const distinctRun = await runBatch(
      home,
      dir,
      'distinct (negatives-dev recombined)',
      distinct.rows,
      true,
    );
    const distinctNameRun = await runBatch(
      home,
      dir,
      'distinct (negatives-dev recombined)',
      distinct.rows,
      false,
    );
    log(`Embargo batch: ${real.rows.length.toLocaleString('en-US')} real rows, ${cores} workers`);
    const realRun = await runBatch(
      home,
      dir,
      'real (un-positives + negatives-dev)',
      real.rows,
      true,
    );
    const batches = [
      { run: batch, distinct: false },
      { run: short, distinct: false },
      { run: distinctRun, distinct: true },
      { run: distinctNameRun, distinct: true },
      { run: realRun, distinct: false },
    ];
    const excludingStartup = (r: BatchRun) =>
      r.summary.seconds > startup ? r.summary.rows / (r.summary.seconds - startup) : NaN;

    // Quality on the subset at each engine's cut.
    const emb = results.embargo;
    const threshold = emb.threshold!;
    const embTuningFp = emb.tuning.filter((o) => o.top >= threshold).length;
    const cuts: Record<EngineKey, number> = {
      embargo: threshold,
      fuse: cutFor(results.fuse.tuning, embTuningFp),
      jw: cutFor(results.jw.tuning, embTuningFp),
    };
    const rows = ENGINES.map(([key, label]) => {
      const r = results[key];
      const s = speed(r.subset);
      const q = quality(subset, r.subset.outcomes, cuts[key]);
      const batchRps = key === 'embargo' ? batch.rowsPerSecond : s.qps * cores;
      const tuningFp = r.tuning.filter((o) => o.top >= cuts[key]).length;
      return { key, label, r, s, q, batchRps, tuningFp };
    });
    const by = Object.fromEntries(rows.map((x) => [x.key, x])) as Record<
      EngineKey,
      (typeof rows)[number]
    >;
    const embFullName = speed(emb.fullName!);
    const embFullDetails = speed(emb.fullDetails!);
    const fullQuality = (p: Pass, kinds: (k: BenchQuery['kind']) => boolean) => {
      const idx = full.map((q, i) => [q, i] as const).filter(([q]) => kinds(q.kind));
      return quality(
        idx.map(([q]) => q),
        idx.map(([, i]) => p.outcomes[i]!),
        threshold,
      );
    };
    const fullRows = (
      [
        ['name only', emb.fullName!, embFullName],
        ['name + DOB + nationality', emb.fullDetails!, embFullDetails],
      ] as const
    ).map(([label, p, s]) => ({
      label,
      speed: s,
      positives: fullQuality(p, (k) => k === 'positive'),
      variants: fullQuality(p, (k) => k !== 'positive' && k !== 'negative'),
      negatives: fullQuality(p, (k) => k === 'negative'),
    }));
    // The batch screened names cycled from the full set, name only: it must flag the same rows.
    const expectedMatched = Array.from(
      { length: BATCH_ROWS },
      (_x, i) => emb.fullName!.outcomes[i % full.length]!.top >= threshold,
    ).filter(Boolean).length;

    // --- print ---
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const loadAfter = loadavg()[0]!;
    const kinds = new Map<string, number>();
    for (const q of subset) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    const subsetKinds = Object.fromEntries(kinds);
    const out: string[] = [];
    out.push(
      `Screening benchmark, node ${process.version}, ${cores} cores (${cpu}), ${new Date().toISOString()}, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
      `lists: ${snapshots.join(', ')}; ${results.fuse.names!.toLocaleString('en-US')} names of ${results.fuse.entities!.toLocaleString('en-US')} entities`,
      `comparison subset (seed ${SAMPLE_SEED}): ${subset.filter((q) => q.kind !== 'negative').length} positives and variants (${[
        ...kinds,
      ]
        .filter(([k]) => k !== 'negative')
        .map(([k, n]) => `${n} ${k}`)
        .join(
          ', ',
        )}) + ${kinds.get('negative') ?? 0} negatives (odd rows), name only, limit ${LIMIT}; warm-up ${WARMUP.embargo}/${WARMUP.fuse}/${WARMUP.jw} queries (Embargo/Fuse.js/brute force)`,
      '',
      table(
        [
          'engine',
          'build (ms)',
          'p50 (ms)',
          'p99 (ms)',
          'q/s 1 core',
          `batch rows/s (${cores} cores)`,
          'peak RSS (MB)',
          'recall',
          'FP rate',
          'cut',
        ],
        rows.map((x) => [
          x.label,
          f(x.r.buildMs, 0),
          f(x.s.p50Ms, 2),
          f(x.s.p99Ms, 2),
          f(x.s.qps, 1),
          f(x.batchRps, 0) + (x.key === 'embargo' ? '' : '*'),
          f(x.r.rssAfterSubsetMb, 0),
          `${pct(x.q.recall)} (${x.q.found}/${x.q.positives})`,
          `${pct(x.q.fpRate)} (${x.q.falsePositives}/${x.q.negatives})`,
          x.key === 'embargo'
            ? `score ≥ ${cuts.embargo}`
            : x.key === 'fuse'
              ? `score ≤ ${(1 - cuts.fuse).toFixed(3)}`
              : `mean JW ≥ ${cuts.jw.toFixed(3)}`,
        ]),
      ),
      `* single-core q/s × ${cores} cores, computed (not run). Embargo's is measured: screenFile, ${batch.summary.workers} worker processes, ${batch.summary.rows.toLocaleString('en-US')} rows in ${batch.summary.seconds.toFixed(1)} s, start-up and index builds included; peak worker RSS ${f(batch.summary.peakRss / 2 ** 20, 0)} MB; ${batch.summary.matched.toLocaleString('en-US')} rows matched (single queries predict ${expectedMatched.toLocaleString('en-US')}). A batch of ${short.summary.rows.toLocaleString('en-US')} rows, where start-up weighs more: ${f(short.rowsPerSecond, 0)} rows/s (${short.summary.seconds.toFixed(1)} s).`,
      `peak RSS: each engine in its own process (which also opens the store), maxRSS after its build, warm-up and timed subset.`,
      `build: from the open store to an index ready to answer, reading the entities included (baselines: ${f(results.fuse.readMs!, 0)} / ${f(results.jw.readMs!, 0)} ms of it is reading the names).`,
      `cuts: each baseline's is the loosest at which it flags no more of ${tuning.length} tuning negatives (even rows) than Embargo does at its default threshold (${embTuningFp}; Fuse.js ${by.fuse.tuningFp}, brute force ${by.jw.tuningFp}).`,
      '',
      ...(['fuse', 'jw'] as const).map(
        (k) =>
          `Embargo vs ${by[k].label}: ${f(by[k].s.p50Ms / by.embargo.s.p50Ms, 0)}× faster (p50), ${f(by.embargo.s.qps / by[k].s.qps, 0)}× qps (${f(by[k].s.p99Ms / by.embargo.s.p99Ms, 0)}× at p99)`,
      ),
      '',
      `Batch throughput: screenFile, ${cores} worker processes. Start-up (workers started, store opened, index built): ${startup.toFixed(2)} s, the median of ${STARTUP_PROBES} batches of ${cores} rows (${startups.map((x) => x.toFixed(2)).join(', ')} s).`,
      table(
        [
          'batch',
          'columns',
          'rows',
          'distinct names',
          'seconds',
          'rows/s with start-up',
          'rows/s without',
          'steady rows/s',
          'matched',
          'failed',
        ],
        batches.map(({ run: r, distinct: d }) => [
          r.label,
          r.columns,
          r.summary.rows.toLocaleString('en-US'),
          d
            ? 'all'
            : r === realRun
              ? 'as in the files'
              : `${full.length.toLocaleString('en-US')} cycled`,
          r.summary.seconds.toFixed(1),
          f(r.rowsPerSecond, 0),
          f(excludingStartup(r), 0),
          f(r.steadyRowsPerSecond, 0),
          r.summary.matched.toLocaleString('en-US'),
          r.summary.failed.toLocaleString('en-US'),
        ]),
      ),
      `distinct rows: seed ${DISTINCT_SEED}, none a name of the labelled sets; countries the engine does not know left out of ${distinct.countriesDropped.toLocaleString('en-US')} distinct rows and ${real.countriesDropped.toLocaleString('en-US')} real rows. "without" = rows / (seconds − start-up); "steady" = rows after the first chunk came back / seconds after it.`,
      '',
      `Embargo on the full query set (${qs.positives.length} positives, ${qs.variants.length} variants, ${qs.negatives.length} negatives = ${full.length} queries; ${qs.unresolved} positives name no listed person), threshold ${threshold}:`,
      table(
        [
          'query',
          'p50 (ms)',
          'p99 (ms)',
          'q/s 1 core',
          'recall positives',
          'recall variants',
          'FP rate',
        ],
        fullRows.map((x) => [
          x.label,
          f(x.speed.p50Ms, 2),
          f(x.speed.p99Ms, 2),
          f(x.speed.qps, 0),
          `${pct(x.positives.recall)} (${x.positives.found}/${x.positives.positives})`,
          `${pct(x.variants.recall)} (${x.variants.found}/${x.variants.positives})`,
          `${pct(x.negatives.fpRate)} (${x.negatives.falsePositives}/${x.negatives.negatives})`,
        ]),
      ),
      '',
      'targets (issue 3):',
      ...(
        [
          [
            `single-query p99 ≤ 2 ms on one core`,
            by.embargo.s.p99Ms <= 2,
            `${f(by.embargo.s.p99Ms, 2)} ms subset, ${f(embFullName.p99Ms, 2)} ms full set`,
          ],
          [
            `≥ 10,000 batch rows/s on 2 cores`,
            batch.rowsPerSecond >= 10_000,
            `${f(batch.rowsPerSecond, 0)} rows/s on ${cores} cores`,
          ],
          [
            `index built in ≤ 2 s`,
            by.embargo.r.buildMs <= 2000,
            `${f(by.embargo.r.buildMs, 0)} ms`,
          ],
          [
            `RSS ≤ 300 MB per process`,
            Math.max(by.embargo.r.rssAfterSubsetMb, batch.summary.peakRss / 2 ** 20) <= 300,
            `${f(by.embargo.r.rssAfterSubsetMb, 0)} MB single-query process (${f(by.embargo.r.rssAfterBuildMb, 0)} MB after the build; ${f(by.embargo.r.peakRssMb, 0)} MB after ${(2 * full.length).toLocaleString('en-US')} more queries), ${f(batch.summary.peakRss / 2 ** 20, 0)} MB largest batch worker`,
          ],
        ] as const
      ).map(([what, ok, value]) => `  ${ok ? 'met    ' : 'MISSED '} ${what}: ${value}`),
      'targets (issue 12):',
      ...(
        [
          // Met on the full set too: the subset's p99 is its 7th slowest of 600 queries, the full
          // set's the 132nd of 13,116, most screened for the first time (the tail is first sights
          // of a name's words and young collections, which 600 queries hardly sample).
          [
            `single-query p99 ≤ 1 ms on one core (subset and full set)`,
            Math.max(by.embargo.s.p99Ms, embFullName.p99Ms) <= 1,
            `${f(by.embargo.s.p99Ms, 2)} ms subset, ${f(embFullName.p99Ms, 2)} ms full set`,
          ],
          [
            `≥ 10,000 rows/s on the distinct batch on 2 cores, start-up excluded`,
            excludingStartup(distinctRun) >= 10_000,
            `${f(excludingStartup(distinctRun), 0)} rows/s on ${cores} cores (${f(distinctRun.steadyRowsPerSecond, 0)} steady; ${f(distinctRun.rowsPerSecond, 0)} with start-up)`,
          ],
        ] as const
      ).map(([what, ok, value]) => `  ${ok ? 'met    ' : 'MISSED '} ${what}: ${value}`),
      ...coldLines(cold),
      `(whole run ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    console.log(out.join('\n'));

    // --- JSON ---
    const curve = (r: OneResult) =>
      Array.from({ length: 51 }, (_x, i) => 0.5 + i / 100).map((cut) => {
        const q = quality(subset, r.subset.outcomes, cut);
        const tf = r.tuning.filter((o) => o.top >= cut).length;
        return { cut: Number(cut.toFixed(2)), recall: q.recall, fpRate: q.fpRate, tuningFp: tf };
      });
    const date = new Date().toISOString().slice(0, 10);
    // bench/results, whether this runs from the sources or from bench/.build.
    const resultsDir = resolve(
      import.meta.dirname,
      import.meta.url.endsWith('.js') ? '../../results' : 'results',
    );
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `screen-${date}.json`);
    const json = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpu,
        cores,
        memoryMb: Math.round(totalmem() / 2 ** 20),
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
      },
      lists: snapshots,
      names: results.fuse.names,
      entities: results.fuse.entities,
      queries: {
        subset: {
          seed: SAMPLE_SEED,
          positivesAndVariants: subset.filter((q) => q.kind !== 'negative').length,
          negatives: subset.filter((q) => q.kind === 'negative').length,
          byKind: subsetKinds,
        },
        tuningNegatives: tuning.length,
        full: {
          variantSeed: VARIANT_SEED,
          positives: qs.positives.length,
          unresolvedPositives: qs.unresolved,
          variants: qs.variants.length,
          negatives: qs.negatives.length,
        },
        limit: LIMIT,
        warmup: WARMUP,
      },
      engines: rows.map((x) => ({
        engine: x.key,
        label: x.label,
        buildMs: x.r.buildMs,
        readMs: x.r.readMs,
        ...x.s,
        batchRowsPerSecond: x.batchRps,
        batchMeasured: x.key === 'embargo',
        rssAfterBuildMb: x.r.rssAfterBuildMb,
        rssAfterSubsetMb: x.r.rssAfterSubsetMb,
        peakRssMb: x.r.peakRssMb,
        cut: cuts[x.key],
        cutMeaning:
          x.key === 'embargo'
            ? 'score >= cut (default threshold)'
            : x.key === 'fuse'
              ? `Fuse.js score <= ${(1 - cuts.fuse).toFixed(3)} (1 - cut), threshold 0.6, ${FUSE_RECORD_LIMIT} records per search`
              : 'mean over query tokens of the best Jaro-Winkler against the name tokens >= cut',
        tuningFalsePositives: x.tuningFp,
        ...x.q,
        ...(x.key !== 'embargo' && { curve: curve(x.r) }),
      })),
      ratios: Object.fromEntries(
        (['fuse', 'jw'] as const).map((k) => [
          k,
          {
            p50: by[k].s.p50Ms / by.embargo.s.p50Ms,
            p99: by[k].s.p99Ms / by.embargo.s.p99Ms,
            qps: by.embargo.s.qps / by[k].s.qps,
          },
        ]),
      ),
      shortBatch: {
        rows: short.summary.rows,
        seconds: short.summary.seconds,
        rowsPerSecond: short.rowsPerSecond,
      },
      batch: {
        rows: batch.summary.rows,
        seconds: batch.summary.seconds,
        workers: batch.summary.workers,
        rowsPerSecond: batch.rowsPerSecond,
        matched: batch.summary.matched,
        expectedMatched,
        failed: batch.summary.failed,
        peakWorkerRssMb: batch.summary.peakRss / 2 ** 20,
      },
      startup: { seconds: startup, probes: startups, rowsPerProbe: cores },
      coldStart: cold,
      batches: batches.map(({ run: r, distinct: d }) => ({
        label: r.label,
        columns: r.columns,
        distinct: d,
        rows: r.summary.rows,
        seconds: r.summary.seconds,
        rowsPerSecond: r.rowsPerSecond,
        rowsPerSecondWithoutStartup: excludingStartup(r),
        steadyRowsPerSecond: r.steadyRowsPerSecond,
        matched: r.summary.matched,
        failed: r.summary.failed,
        workers: r.summary.workers,
        peakWorkerRssMb: r.summary.peakRss / 2 ** 20,
      })),
      distinctBatch: {
        seed: DISTINCT_SEED,
        rows: DISTINCT_ROWS,
        countriesDropped: distinct.countriesDropped,
      },
      realBatch: { rows: real.rows.length, countriesDropped: real.countriesDropped },
      embargoFullSet: fullRows.map((x) => ({
        query: x.label,
        ...x.speed,
        positives: x.positives,
        variants: x.variants,
        negatives: x.negatives,
      })),
      runSeconds: (performance.now() - started) / 1000,
    };
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    log(`results written to ${file}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
