/**
 * What a server worker's event loop was doing during bench:http's swap scenario (issue 17),
 * loaded into each worker with `--import` when `BENCH_SWAP_TRACE` names a folder (bench/http.ts
 * passes it through NODE_OPTIONS). Each cluster worker writes `<folder>/worker-<pid>.jsonl`:
 *
 * - `gap`: an event-loop turn longer than 15 ms (a 2 ms timer late), with the main thread's own
 *   CPU time in it and the time it waited for a core (Linux schedstat: run-queue wait), the
 *   whole process's CPU (GC helper threads, the index thread), and the GC pauses inside it;
 * - `gc`: every GC pause of 2 ms or more (perf_hooks), with its kind;
 * - `mark`: the swap's phases, as `performance.mark('embargo:…')` names them in src/engine.
 *
 * Times are epoch milliseconds, to line up with the slow requests bench/http.ts logs. A gap with
 * little CPU and a long wait is the OS giving the core to another process; one with CPU and no
 * GC is our own synchronous work (a decode slice, a request).
 */
import cluster from 'node:cluster';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { setInterval } from 'node:timers';

const dir = process.env.BENCH_SWAP_TRACE;
if (dir && cluster.isWorker) {
  const file = join(dir, `worker-${process.pid}.jsonl`);
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const sched = existsSync(schedstat)
    ? () => readFileSync(schedstat, 'latin1').split(' ').map(Number)
    : () => [0, 0];
  const KINDS = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };
  const epoch = (t) => performance.timeOrigin + t;
  let lines = [];
  const gcs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === 'gc') {
        const g = { start: e.startTime, ms: e.duration, kind: KINDS[e.detail?.kind] ?? '?' };
        gcs.push(g);
        if (gcs.length > 200) gcs.shift();
        if (g.ms >= 2)
          lines.push({ ev: 'gc', t: epoch(g.start), ms: +g.ms.toFixed(1), kind: g.kind });
      } else if (e.name.startsWith('embargo:')) {
        lines.push({ ev: 'mark', t: epoch(e.startTime), name: e.name });
        performance.clearMarks(e.name);
      }
    }
  }).observe({ entryTypes: ['gc', 'mark'] });
  let last = performance.now();
  let [lastCpu, lastWait] = sched();
  let lastProc = process.cpuUsage();
  const tick = setInterval(() => {
    const now = performance.now();
    const [cpu, wait] = sched();
    const proc = process.cpuUsage();
    const gap = now - last;
    if (gap > 15) {
      const inside = gcs.filter((g) => g.start + g.ms > last && g.start < now);
      lines.push({
        ev: 'gap',
        t: epoch(last),
        ms: +gap.toFixed(1),
        cpu: +((cpu - lastCpu) / 1e6).toFixed(1),
        wait: +((wait - lastWait) / 1e6).toFixed(1),
        proc: +((proc.user + proc.system - lastProc.user - lastProc.system) / 1e3).toFixed(1),
        gc: inside.map((g) => `${g.kind} ${g.ms.toFixed(1)}`),
      });
    }
    last = now;
    lastCpu = cpu;
    lastWait = wait;
    lastProc = proc;
  }, 2);
  tick.unref();
  const flush = () => {
    if (!lines.length) return;
    appendFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    lines = [];
  };
  setInterval(flush, 500).unref();
  process.on('exit', flush);
}
