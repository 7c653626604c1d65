/**
 * How long a background index swap holds the event loop, independently of the machine's load
 * (`node --import tsx bench/swap-stall.ts`). An engine over the benchmark's lists watches the
 * store (every 200 ms) while another process activates ofac_sdn 2024-05-02; a 1 ms timer
 * records each gap between its ticks and the CPU time this process used during it. A gap with
 * little CPU is the OS giving the core to someone else (a loaded machine); the CPU time within
 * a gap is what the build itself held the event loop for. Also reports the longest GC pause
 * (perf_hooks) during the build, and the time from the activation to the swap.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/index.ts';
import { loadBenchLists } from './_lists.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? join(root, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'lists'))) {
  console.error(`swap-stall: no list data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const home = mkdtempSync(join(tmpdir(), 'embargo-bench-swap-'));
try {
  const engine = createEngine({ home });
  await loadBenchLists(engine, dataDir);
  await engine.screen({ schema: 'Thing', properties: { name: ['warm up'] } });
  const gcs: number[] = [];
  const observer = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) gcs.push(e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let worst = { gapMs: 0, cpuMs: 0 };
  let worstCpu = { gapMs: 0, cpuMs: 0 };
  const tick = setInterval(() => {
    const t = performance.now();
    const c = process.cpuUsage();
    const gap = {
      gapMs: t - last,
      cpuMs: (c.user - lastCpu.user + c.system - lastCpu.system) / 1000,
    };
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
  while (!swapped) await new Promise((r) => setTimeout(r, 20));
  clearInterval(tick);
  observer.disconnect();
  const r = await engine.screen({ schema: 'Person', properties: { name: ['Kim Jong Un'] } });
  const f = (x: number) => x.toFixed(0);
  console.log(`swap-stall, node ${process.version}, load average ${load.toFixed(2)} at activation`);
  console.log(
    `swapped ${f(swapped - activated)} ms after the activation; now serving ${r.snapshots.join(', ')}`,
  );
  console.log(
    `during the build: longest event-loop gap ${f(worst.gapMs)} ms (${f(worst.cpuMs)} ms of it on CPU); most CPU in one gap ${f(worstCpu.cpuMs)} ms (gap ${f(worstCpu.gapMs)} ms); longest GC pause ${f(Math.max(0, ...gcs))} ms`,
  );
  console.log(`(while the other process loaded: most CPU in one gap ${f(duringLoad.cpuMs)} ms)`);
  await engine.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
