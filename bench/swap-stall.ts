/**
 * How long a background index swap holds the event loop, independently of the machine's load
 * (`node --import tsx bench/swap-stall.ts`). An engine over the benchmark's lists watches the
 * store (every 200 ms) while another process activates ofac_sdn 2024-05-02; a 1 ms timer
 * records each gap between its ticks and the CPU time the main thread used during it (Linux:
 * /proc/self/task/<pid>/schedstat, the main thread alone, since the index is built on a worker
 * thread whose CPU `process.cpuUsage` would count too; elsewhere the process's). A gap with
 * little CPU is the OS giving the core to someone else (a loaded machine); the CPU time within
 * a gap is what the build itself held the event loop for. Also reports the longest GC pauses
 * (perf_hooks, by kind) and the event-loop delay histogram (monitorEventLoopDelay) from the
 * activation to the swap, and the time from the activation to the swap.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/index.ts';
import { loadBenchLists } from './_lists.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? join(root, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'lists'))) {
  console.error(`swap-stall: no list data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
/** CPU time of the main thread in µs (Linux), else of the whole process. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadCpu: () => number = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'latin1').split(' ')[0]) / 1000
  : () => {
      const c = process.cpuUsage();
      return c.user + c.system;
    };
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };

const home = mkdtempSync(join(tmpdir(), 'embargo-bench-swap-'));
try {
  const engine = createEngine({ home });
  await loadBenchLists(engine, dataDir);
  await engine.screen({ schema: 'Thing', properties: { name: ['warm up'] } });
  const gcs: { ms: number; kind: string }[] = [];
  const observer = new PerformanceObserver((l) => {
    for (const e of l.getEntries())
      gcs.push({
        ms: e.duration,
        kind: GC_KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? '?',
      });
  });
  observer.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let lastCpu = mainThreadCpu();
  let worst = { gapMs: 0, cpuMs: 0 };
  let worstCpu = { gapMs: 0, cpuMs: 0 };
  const tick = setInterval(() => {
    const t = performance.now();
    const c = mainThreadCpu();
    const gap = { gapMs: t - last, cpuMs: (c - lastCpu) / 1000 };
    if (gap.gapMs > worst.gapMs) worst = gap;
    if (gap.cpuMs > worstCpu.cpuMs) worstCpu = gap;
    last = t;
    lastCpu = c;
  }, 1);
  let swapped = 0;
  engine.watchLists({ intervalMs: 200, onSwap: () => (swapped = performance.now()) });
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'embargo.js'),
      'lists',
      'load',
      'ofac_sdn',
      join(dataDir, 'lists', 'ofac_sdn', '2024-05-02'),
    ],
    { env: { ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '1' }, stdio: 'ignore' },
  );
  await new Promise((ok) => child.on('exit', ok));
  const activated = performance.now();
  const duringLoad = worstCpu;
  worst = { gapMs: 0, cpuMs: 0 };
  worstCpu = { gapMs: 0, cpuMs: 0 };
  gcs.length = 0;
  const load = loadavg()[0]!;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  while (!swapped) await new Promise((r) => setTimeout(r, 20));
  delay.disable();
  clearInterval(tick);
  observer.disconnect();
  const r = await engine.screen({ schema: 'Person', properties: { name: ['Kim Jong Un'] } });
  const f = (x: number) => x.toFixed(0);
  console.log(`swap-stall, node ${process.version}, load average ${load.toFixed(2)} at activation`);
  console.log(
    `swapped ${f(swapped - activated)} ms after the activation; now serving ${r.snapshots.join(', ')}`,
  );
  const longest = gcs.sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `during the build: longest event-loop gap ${f(worst.gapMs)} ms (${f(worst.cpuMs)} ms of it on the main thread's CPU); most main-thread CPU in one gap ${f(worstCpu.cpuMs)} ms (gap ${f(worstCpu.gapMs)} ms); longest GC pauses ${longest.map((g) => `${f(g.ms)} ms ${g.kind}`).join(', ') || 'none'}`,
  );
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `event-loop delay (monitorEventLoopDelay, 1 ms resolution) from activation to swap: p50 ${ms(delay.percentile(50))} ms, p90 ${ms(delay.percentile(90))}, p99 ${ms(delay.percentile(99))}, p99.9 ${ms(delay.percentile(99.9))}, max ${ms(delay.max)} ms`,
  );
  console.log(`(while the other process loaded: most CPU in one gap ${f(duringLoad.cpuMs)} ms)`);
  await engine.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
