/**
 * A small deterministic screening benchmark for before/after comparisons of the matcher on one
 * core (`bench:screen` measures the product; this measures a change). In one process: the index
 * build, then BENCH_MICRO_ROWS (default 10,000) distinct rows of bench:screen's distinct batch
 * (same generator and seed, name + date of birth + nationality, brief answers as a CSV batch
 * asks), then bench:screen's full single-query set (positives, variants, negatives, limit 10,
 * full explanations). Prints CPU and wall times and a SHA-256 of every answer (ids, scores,
 * matches, matched names, features and, for the single queries, token explanations): a speed
 * change must leave the digests as they were.
 *
 * BENCH_MICRO_ONLY=distinct leaves the single queries out (to profile the batch path alone).
 * Reads EMBARGO_DATA_DIR; BENCH_MICRO_HOME names a home to keep the four lists in between runs
 * (loaded there on the first run), otherwise a temporary one is made and removed.
 * Usage: node scripts/build-bench.mjs && node bench/.build/bench/screen-micro.js
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { ScreeningQuery, ScreenOptions } from '../src/index.ts';
import { evalEngine, type EvalEngine } from '../eval/_engine.ts';
import { distinctBatch } from './_batches.ts';
import { benchHome } from './_lists.ts';
import { buildQuerySet, VARIANT_SEED } from './_queries.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
const ROWS = Number(process.env.BENCH_MICRO_ROWS ?? 10_000);
/** bench:screen's seed of the distinct batch, so these are its first rows' kind. */
const DISTINCT_SEED = VARIANT_SEED + 2;

const bench = await benchHome('micro', dataDir);
const engine = bench.engine;

/** CPU milliseconds (user + system) of this process since `from`. */
const cpuMs = (from?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  return { value, wallMs: performance.now() - t, cpuMs: cpuMs(c) };
}

// The store is asynchronous: the lists are read once ahead and screened synchronously, as the
// batch workers do; the index build is timed with that read.
function screen(query: ScreeningQuery, options: ScreenOptions) {
  const engine: EvalEngine = prepared;
  try {
    return engine.screen(query, options);
  } catch {
    // A detail the engine refuses: screened without it, as the batch and eval do.
    delete query.properties.nationality;
    delete query.properties.birthDate;
    return engine.screen(query, options);
  }
}

const buildStart = { cpu: process.cpuUsage(), wall: performance.now() };
const prepared = await evalEngine(engine);
screen({ schema: 'Person', properties: { name: ['warm up'] } }, {});
const build = {
  wallMs: performance.now() - buildStart.wall,
  cpuMs: cpuMs(buildStart.cpu),
};

// The first rows of bench:screen's own 80,000 (a smaller batch is drawn otherwise).
const rows = distinctBatch(dataDir, 80_000, DISTINCT_SEED).rows.slice(0, ROWS);
const distinctHash = createHash('sha256');
const distinct = timed(() => {
  for (const r of rows) {
    const properties: Record<string, string[]> = { name: [r.name] };
    if (r.dob) properties.birthDate = [r.dob];
    if (r.country) properties.nationality = [r.country];
    const res = screen({ schema: 'Person', properties }, { detail: 'brief' });
    distinctHash.update(
      JSON.stringify(
        res.results.map((x) => [x.id, x.score, x.match, x.matched_name, x.explanations.features]),
      ),
    );
  }
});

// BENCH_MICRO_ONLY=distinct skips the single queries (to profile the batch path alone).
const only = process.env.BENCH_MICRO_ONLY;
const set =
  only === 'distinct'
    ? { positives: [], variants: [], negatives: [] }
    : buildQuerySet(prepared, dataDir);
const queries = [...set.positives, ...set.variants, ...set.negatives];
const singleHash = createHash('sha256');
const latencies: number[] = [];
const single = timed(() => {
  for (const q of queries) {
    const t = performance.now();
    const res = screen({ schema: 'Person', properties: { name: [q.name] } }, { limit: 10 });
    latencies.push(performance.now() - t);
    singleHash.update(
      JSON.stringify(
        res.results.map((x) => [x.id, x.score, x.match, x.matched_name, x.explanations]),
      ),
    );
  }
});
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;

const f = (x: number) => x.toFixed(1);
console.log(
  JSON.stringify({
    buildWallMs: Math.round(build.wallMs),
    buildCpuMs: Math.round(build.cpuMs),
    distinctRows: rows.length,
    distinctCpuUsPerRow: f((1000 * distinct.cpuMs) / rows.length),
    distinctWallUsPerRow: f((1000 * distinct.wallMs) / rows.length),
    singleQueries: queries.length,
    singleCpuUsPerQuery: f((1000 * single.cpuMs) / queries.length),
    singleP50Ms: pct(50).toFixed(3),
    singleP99Ms: pct(99).toFixed(3),
    distinctDigest: distinctHash.digest('hex').slice(0, 16),
    singleDigest: singleHash.digest('hex').slice(0, 16),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
bench.done();
