/**
 * What a server's swap costs the thread answering requests, by CPU time rather than latency, so
 * that it can be measured on a loaded machine (`node --import tsx bench/swap-decode.ts`; node
 * flags such as `--max-semi-space-size=16` as a server worker runs with). The stored index of
 * the benchmark's lists (home: `BENCH_MICRO_HOME`, kept between runs, or a temporary one) is read
 * and swapped in `BENCH_SWAPS` (default 3) times the way a watching server does it (decoded in
 * slices, the matcher prepared, the form ids filled), while a timer screens one name every 2 ms
 * as requests would. Reported per swap: the most main-thread CPU (Linux schedstat) in one
 * event-loop turn, how many turns held it over 10 and 20 ms, the GC pauses by kind, and the
 * same after the swap (the old index dropped) until `BENCH_AFTER_MS` (3000) has passed.
 * `BENCH_MINOR_GC=1` with `--expose-gc` collects the young generation after each slice, as a
 * server worker does (src/engine/slice.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { drain, Matcher } from '../src/match/index.ts';
import { indexFromBytes } from '../src/engine/indexCache.ts';
import { TimeSlicer, youngCollector } from '../src/engine/slice.ts';
import { benchHome } from './_lists.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? join(root, '..', 'shared', 'data'));
const SWAPS = Number(process.env.BENCH_SWAPS ?? 3);
const AFTER_MS = Number(process.env.BENCH_AFTER_MS ?? 3000);

const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const cpuNow: () => number = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'latin1').split(' ')[0]) / 1e6
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };

const bench = await benchHome('swap-decode', dataDir);
await bench.engine.storeScreeningIndex();
await bench.engine.close();
const dir = join(bench.home, 'index');
const file = readdirSync(dir).find((f) => !f.includes('.building') && !f.endsWith('.tmp'));
if (!file) throw new Error(`no stored index in ${dir}`);

/** The body of a stored index file, as a server's thread hands it over (8-aligned). */
function body(): Uint8Array {
  const f = readFileSync(join(dir, file!));
  const keyLength = f.readUInt32LE(16);
  const start = Math.ceil((32 + keyLength) / 8) * 8;
  const copy = new Uint8Array(new ArrayBuffer(f.length - start));
  copy.set(f.subarray(start));
  return copy;
}

const KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };
let gcs: { kind: string; ms: number }[] = [];
new PerformanceObserver((l) => {
  for (const e of l.getEntries())
    gcs.push({
      kind: KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? '?',
      ms: e.duration,
    });
}).observe({ entryTypes: ['gc'] });

let matcher: Matcher | undefined;
let turns: number[] = [];
let lastCpu = cpuNow();
const names = ['Kim Jong Un', 'Vladimir Putin', 'Golden Star Trading Ltd', 'Ocean Maritime'];
let n = 0;
const tick = setInterval(() => {
  // A request: one name screened against the index being served.
  matcher?.screen({ schema: 'Thing', properties: { name: [names[n++ % names.length]!] } });
  const c = cpuNow();
  turns.push(c - lastCpu);
  lastCpu = c;
}, 2);

const report = (what: string, ms: number) => {
  const t = turns.sort((a, b) => b - a);
  const cpu = t.reduce((a, b) => a + b, 0);
  const byKind = new Map<string, number[]>();
  for (const g of gcs) byKind.set(g.kind, [...(byKind.get(g.kind) ?? []), g.ms]);
  const gc = [...byKind]
    .map(([k, v]) => `${k} ${v.length}× max ${Math.max(...v).toFixed(1)}`)
    .join(', ');
  console.log(
    `${what}: ${ms.toFixed(0)} ms, main-thread CPU ${cpu.toFixed(0)} ms, turns ${t.length}, most CPU in one turn ${t[0]?.toFixed(1)} ms, >10 ms: ${t.filter((x) => x > 10).length}, >20 ms: ${t.filter((x) => x > 20).length}; GC ${gc || 'none'}`,
  );
  turns = [];
  gcs = [];
};

for (let i = 0; i <= SWAPS; i++) {
  const bytes = body();
  turns = [];
  gcs = [];
  lastCpu = cpuNow();
  const t0 = performance.now();
  // BENCH_MINOR_GC=1 (with --expose-gc): as a server worker does, see youngCollector.
  const slicer = new TimeSlicer(
    undefined,
    process.env.BENCH_MINOR_GC === '1' ? youngCollector() : undefined,
  );
  const pause = () => slicer.pause();
  const { index } = await indexFromBytes(bytes, pause);
  const next = await Matcher.prepare(index, pause, true);
  await drain(index.vocab.mappingIds(), pause);
  matcher = next;
  if (i === 0) continue; // the first index, as a server's start-up loads it
  report(`swap ${i}`, performance.now() - t0);
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, AFTER_MS));
  report(`  after it`, performance.now() - t1);
}
clearInterval(tick);
console.log(`load average ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
bench.done();
