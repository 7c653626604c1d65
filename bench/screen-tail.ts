/**
 * Where bench:screen's single-query tail comes from. Screens its full query set (positives,
 * variants, negatives; name only, limit 10) one query at a time through the engine after the
 * same warm-up, subset and tuning queries as `screen-one.ts`, so the first pass is the bench's
 * "full set, name only" (most names seen for the first time). Per query it records CPU time
 * (user + system of the process: on a loaded shared machine wall time is mostly waiting for a
 * core) and the young/old collections that fell in it (PerformanceObserver 'gc'). Prints the
 * first pass's p50/p99, its collections (a count, which load does not change) and the p99
 * without the queries a collection fell in; then BENCH_TAIL_ROUNDS more passes (default 4)
 * whose fastest per query is its warm cost, and the slowest 1.5% of those (BENCH_TAIL_SHOW)
 * with what they hold: script, names screened, tokens, spellings, results, parse time.
 *
 * BENCH_TAIL_WALL=1: wall time instead of CPU. BENCH_TAIL_HEAP=file: a sampling allocation
 * profile of the first pass (BENCH_TAIL_HEAP_ALL=1: of everything allocated, not only what is
 * still live at its end). BENCH_TAIL_JSON=file: every query's figures, to pair two runs.
 * Run it with the flag bench:screen gives its child (--max-semi-space-size=16). Reads
 * EMBARGO_DATA_DIR; BENCH_MICRO_HOME names a home keeping the four lists between runs.
 * Usage: node scripts/build-bench.mjs &&
 *   node --max-semi-space-size=16 bench/.build/bench/screen-tail.js
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { resolve } from 'node:path';
import type { ScreeningQuery } from '../src/index.ts';
import { parseQuery } from '../src/match/index.ts';
import { scriptOf } from '../src/normalize/script.ts';
import { evalEngine } from '../eval/_engine.ts';
import { benchHome } from './_lists.ts';
import { buildQuerySet, sample, VARIANT_SEED } from './_queries.ts';

/** bench/screen.ts's seed of its subsets. */
const SAMPLE_SEED = VARIANT_SEED + 1;

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
const ROUNDS = 1 + Number(process.env.BENCH_TAIL_ROUNDS ?? 4);
const bench = await benchHome('tail', dataDir);
const engine = bench.engine;
const prepared = await evalEngine(engine);
const set = buildQuerySet(prepared, dataDir);
const queries = [...set.positives, ...set.variants, ...set.negatives];
const SHOW = Number(process.env.BENCH_TAIL_SHOW ?? Math.ceil(queries.length * 0.015));
const asQuery = (name: string): ScreeningQuery => ({
  schema: 'Person',
  properties: { name: [name] },
});
const screen = (name: string) => prepared.screen(asQuery(name), { limit: 10 });

// As screen-one.ts: warm-up, the comparison subset and the tuning sample, then the full set, whose
// first pass is bench:screen's "full set, name only" (most of its names seen for the first time).
const pool = [...set.positives, ...set.variants];
const subset = [...sample(pool, 300, SAMPLE_SEED), ...sample(set.negatives, 300, SAMPLE_SEED + 1)];
const tuning = sample(set.tuning, 300, SAMPLE_SEED + 2);
const drawn = new Set([...subset, ...tuning]);
const sparePos = pool.filter((q) => !drawn.has(q));
const spareNeg = set.tuning.filter((q) => !drawn.has(q));
const spare = sparePos.flatMap((q, i) => (spareNeg[i] ? [q, spareNeg[i]] : [q]));
for (const q of [...spare.slice(0, 500), ...subset, ...tuning]) screen(q.name);

// Garbage collections, to tell a query's own cost from a collection that fell in it.
const gcs: { start: number; end: number; kind: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    gcs.push({
      start: e.startTime,
      end: e.startTime + e.duration,
      kind: (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0,
    });
});
observer.observe({ entryTypes: ['gc'] });
// BENCH_TAIL_HEAP=file: a sampling allocation profile of the first pass (open in DevTools).
const heapOut = process.env.BENCH_TAIL_HEAP;
const session = heapOut ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<unknown>((res, rej) =>
    session!.post(method, params ?? {}, (err, r) => (err ? rej(err) : res(r))),
  );
if (session) {
  session.connect();
  await post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: !!process.env.BENCH_TAIL_HEAP_ALL,
    includeObjectsCollectedByMinorGC: !!process.env.BENCH_TAIL_HEAP_ALL,
  });
}
const rounds: Float64Array[] = [];
/** CPU time (user + system, the whole process: collector and compiler threads too) per query. */
const cpuRounds: Float64Array[] = [];
const parseRounds: Float64Array[] = [];
const starts: Float64Array[] = [];
const candidates = new Int32Array(queries.length);
for (let r = 0; r < ROUNDS; r++) {
  const lat = new Float64Array(queries.length);
  const par = new Float64Array(queries.length);
  const at = new Float64Array(queries.length);
  const cpu = new Float64Array(queries.length);
  queries.forEach((q, i) => {
    const c = process.cpuUsage();
    let t = performance.now();
    at[i] = t;
    const res = screen(q.name);
    lat[i] = performance.now() - t;
    const u = process.cpuUsage(c);
    cpu[i] = (u.user + u.system) / 1000;
    candidates[i] = res.results.length;
    if (r === 0) return; // the first pass as the bench's, nothing else in between
    t = performance.now();
    parseQuery(asQuery(q.name));
    par[i] = performance.now() - t;
  });
  rounds.push(lat);
  cpuRounds.push(cpu);
  if (r > 0) parseRounds.push(par);
  starts.push(at);
  process.stderr.write(`round ${r + 1}/${ROUNDS}\n`);
  if (r === 0 && session) {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync(heapOut!, JSON.stringify(profile));
    session.disconnect();
  }
}
await new Promise((r) => setTimeout(r, 50));
observer.disconnect();
/** Whether a collection ran during query `i` of round `r`. */
const gcIn = (r: number, i: number) => {
  const a = starts[r]![i]!;
  const b = a + rounds[r]![i]!;
  return gcs.some((g) => g.start < b && g.end > a);
};
const first = process.env.BENCH_TAIL_WALL ? rounds[0]! : cpuRounds[0]!;
const firstGc = queries.map((_q, i) => gcIn(0, i));
const stat = (rs: Float64Array[], i: number) => {
  const xs = rs.map((l) => l[i]!).sort((a, b) => a - b);
  return { min: xs[0]!, median: xs[xs.length >> 1]! };
};
const warm = (process.env.BENCH_TAIL_WALL ? rounds : cpuRounds).slice(1);
const mins = queries.map((_q, i) => stat(warm, i).min);
const medians = queries.map((_q, i) => stat(warm, i).median);
const parseMins = queries.map((_q, i) => stat(parseRounds, i).min);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** What a query holds once parsed. */
function shape(name: string) {
  const parsed = parseQuery(asQuery(name));
  const tokens = parsed.names.flatMap((n) => n.tokens);
  const scripts = new Set<string>();
  for (const ch of name) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s) scripts.add(s);
  }
  return {
    chars: name.length,
    names: parsed.names.length,
    tokens: parsed.names[0]?.tokens.length ?? 0,
    forms: tokens.reduce((a, t) => a + t.forms.length, 0),
    scripts: [...scripts].join('+') || 'none',
  };
}

const order = queries.map((_q, i) => i).sort((a, b) => mins[b]! - mins[a]!);
const slow = order.slice(0, SHOW);
const mean = (idx: number[], f: (i: number) => number) =>
  idx.reduce((a, i) => a + f(i), 0) / Math.max(1, idx.length);
const shapes = queries.map((q) => shape(q.name));
const all = queries.map((_q, i) => i);
const summary = (idx: number[]) => ({
  queries: idx.length,
  minMs: +mean(idx, (i) => mins[i]!).toFixed(3),
  parseMs: +mean(idx, (i) => parseMins[i]!).toFixed(3),
  chars: +mean(idx, (i) => shapes[i]!.chars).toFixed(1),
  names: +mean(idx, (i) => shapes[i]!.names).toFixed(2),
  tokens: +mean(idx, (i) => shapes[i]!.tokens).toFixed(2),
  forms: +mean(idx, (i) => shapes[i]!.forms).toFixed(1),
  results: +mean(idx, (i) => candidates[i]!).toFixed(1),
});
const byScript = (idx: number[]) => {
  const m = new Map<string, number>();
  for (const i of idx) m.set(shapes[i]!.scripts, (m.get(shapes[i]!.scripts) ?? 0) + 1);
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
};
const byKind = (idx: number[]) => {
  const m = new Map<string, number>();
  for (const i of idx) m.set(queries[i]!.kind, (m.get(queries[i]!.kind) ?? 0) + 1);
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
};
console.log(
  JSON.stringify({
    rounds: ROUNDS,
    queries: queries.length,
    p50MinMs: +pct(mins, 50).toFixed(3),
    p99MinMs: +pct(mins, 99).toFixed(3),
    p50MedianMs: +pct(medians, 50).toFixed(3),
    p99MedianMs: +pct(medians, 99).toFixed(3),
    p99ParseMinMs: +pct(parseMins, 99).toFixed(3),
  }),
);
// Collections in the first pass, by kind (1 minor, 2 major, 4 incremental, 8 weak callbacks).
const firstEnd = starts[1]?.[0] ?? Infinity;
const inFirst = gcs.filter((g) => g.start >= starts[0]![0]! && g.start < firstEnd);
const kinds = new Map<number, number[]>();
for (const g of inFirst) kinds.set(g.kind, [...(kinds.get(g.kind) ?? []), g.end - g.start]);
for (const [k, ds] of kinds) {
  ds.sort((a, b) => a - b);
  console.log(
    `collections kind ${k}: ${ds.length}, median ${ds[ds.length >> 1]!.toFixed(2)} ms, max ${ds.at(-1)!.toFixed(2)} ms, total ${ds.reduce((a, b) => a + b, 0).toFixed(0)} ms (wall)`,
  );
}
// The first pass: bench:screen's figure, and what its tail is made of.
const firstAll = [...first];
const p99First = pct(firstAll, 99);
const tailFirst = queries.map((_q, i) => i).filter((i) => first[i]! >= p99First);
console.log(
  'first pass',
  JSON.stringify({
    p50Ms: +pct(firstAll, 50).toFixed(3),
    p99Ms: +p99First.toFixed(3),
    collections: inFirst.length,
    queriesWithCollection: firstGc.filter(Boolean).length,
    p99WithoutCollectionsMs: +pct(
      firstAll.filter((_x, i) => !firstGc[i]),
      99,
    ).toFixed(3),
    tail: tailFirst.length,
    tailWithCollection: tailFirst.filter((i) => firstGc[i]).length,
    tailWarmMinMs: +mean(tailFirst, (i) => mins[i]!).toFixed(3),
    tailFirstMs: +mean(tailFirst, (i) => first[i]!).toFixed(3),
  }),
);
const firstNoGc = tailFirst.filter((i) => !firstGc[i]).sort((a, b) => first[b]! - first[a]!);
for (const i of firstNoGc.slice(0, Number(process.env.BENCH_TAIL_LIST ?? 40)))
  console.log(
    `first ${first[i]!.toFixed(3)} ms, warm min ${mins[i]!.toFixed(3)} ${queries[i]!.kind} ${JSON.stringify(queries[i]!.name)} ${JSON.stringify(shapes[i])}`,
  );
console.log('all  ', JSON.stringify(summary(all)));
console.log('slow ', JSON.stringify(summary(slow)));
console.log('scripts all ', JSON.stringify(byScript(all)));
console.log('scripts slow', JSON.stringify(byScript(slow)));
console.log('kinds slow  ', JSON.stringify(byKind(slow)));
for (const i of slow.slice(0, Number(process.env.BENCH_TAIL_LIST ?? 40)))
  console.log(
    `${mins[i]!.toFixed(3)} ms (parse ${parseMins[i]!.toFixed(3)}) ${queries[i]!.kind} ${JSON.stringify(queries[i]!.name)} ${JSON.stringify(shapes[i])}`,
  );
const out = process.env.BENCH_TAIL_JSON;
if (out)
  writeFileSync(
    out,
    JSON.stringify({
      names: queries.map((q) => q.name),
      first: firstAll,
      firstGc,
      mins,
      medians,
      parseMins,
    }),
  );
await engine.close();
bench.done();
