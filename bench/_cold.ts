/**
 * @module
 * Start-up figures of issue 17: `embargo screen "Kim Jong Un"` in a fresh process against
 * `node -e 0` in the same run, and what loading the stored index costs against building it.
 *
 * - Cold CLI: the compiled CLI (bin/embargo.js → dist/) on the bench home. One run first with no
 *   stored index (it builds and stores it: "first process"), then {@link PAIRS} pairs of
 *   `node -e 0` and the CLI, interleaved so load on a shared machine hits both alike; wall time of
 *   each process from spawn to exit, nothing left running between commands; medians and their
 *   ratio (target ≤ 4). Also each process's CPU time (user + system as it stood at its `exit`
 *   event, written by a preloaded hook to a pipe of its own): on a shared machine wall times
 *   measure the other processes too.
 * - Load vs build, in this process: {@link loadOrBuildIndex} without a cache folder (a build from
 *   the store) and from the stored file, median wall and CPU (user + system) milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrBuildIndex } from '../src/engine/index.ts';
import { createEngine, SOURCE_IDS, type Snapshot } from '../src/index.ts';

/** Pairs of (node -e 0, embargo screen) timed. */
export const PAIRS = 5;
/** In-process builds and loads timed. */
const BUILDS = 3;
const LOADS = 5;

/** What {@link coldStart} measured. */
export interface ColdStart {
  nodeMs: number[];
  cliMs: number[];
  /** CPU time (user + system) of each process, ms. */
  nodeCpuMs: number[];
  cliCpuMs: number[];
  nodeMedianMs: number;
  cliMedianMs: number;
  ratio: number;
  cpuRatio: number;
  /** The first CLI run, with no stored index: build and store included. */
  firstCliMs: number;
  buildMs: { wall: number; cpu: number };
  loadMs: { wall: number; cpu: number };
  indexBytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The repository's CLI (bench/.build/bench/ or bench/ → the root's bin/embargo.js). */
function cliPath(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.includes(`${join('bench', '.build')}`)
    ? resolve(here, '../../..')
    : resolve(here, '..');
  return join(root, 'bin', 'embargo.js');
}

/**
 * A hook preloaded (`--require`) into each timed process: at `exit` it writes its CPU time to
 * file descriptor 3. The same for `node -e 0` and the CLI; it does not change V8's flags, so the
 * CLI's code cache is used as without it.
 */
const CPU_HOOK = `process.once('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(3, String((u.user + u.system) / 1000)); });\n`;

/** Wall and CPU milliseconds of one process, spawn to exit; throws if it fails. */
function timed(
  args: string[],
  env: NodeJS.ProcessEnv,
  hook: string,
): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const wall = performance.now() - t;
  if (r.status !== 0)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return { wall, cpu: Number(String(r.output[3])) };
}

/** Measures the cold CLI and the index load against its build on the lists in `home`. */
export async function coldStart(home: string): Promise<ColdStart> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '0' };
  delete env.EMBARGO_DATABASE_URL;
  const cli = [cliPath(), 'screen', 'Kim Jong Un'];
  const indexDir = join(home, 'index');
  rmSync(indexDir, { recursive: true, force: true });
  const hookDir = mkdtempSync(join(tmpdir(), 'embargo-cold-hook-'));
  const hook = join(hookDir, 'cpu.cjs');
  writeFileSync(hook, CPU_HOOK);
  const firstCliMs = timed(cli, env, hook).wall;
  const nodeMs: number[] = [];
  const cliMs: number[] = [];
  const nodeCpuMs: number[] = [];
  const cliCpuMs: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const n = timed(['-e', '0'], env, hook);
    const c = timed(cli, env, hook);
    nodeMs.push(n.wall);
    nodeCpuMs.push(n.cpu);
    cliMs.push(c.wall);
    cliCpuMs.push(c.cpu);
  }
  rmSync(hookDir, { recursive: true, force: true });

  const engine = createEngine({ home, indexDir: false });
  try {
    const active: Snapshot[] = [];
    for (const s of SOURCE_IDS) {
      const a = await engine.store.activeSnapshot(s);
      if (a) active.push(a);
    }
    const cache = { dir: indexDir, database: engine.database };
    const time = async (cached: boolean) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const r = await loadOrBuildIndex(engine.store, active, cached ? cache : undefined);
      const wall = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (cached && r.from !== 'loaded') throw new Error(`stored index not loaded: ${r.rejected}`);
      return { wall, cpu: (used.user + used.system) / 1000, path: r.path };
    };
    // This process's code may be another build than the CLI's (bench/.build, not dist/), keyed
    // by its own fingerprint: stored once here so the loads below read a file of this code.
    await loadOrBuildIndex(engine.store, active, cache);
    const builds = [];
    for (let i = 0; i < BUILDS; i++) builds.push(await time(false));
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await time(true));
    const nodeMedianMs = median(nodeMs);
    const cliMedianMs = median(cliMs);
    return {
      nodeMs,
      cliMs,
      nodeCpuMs,
      cliCpuMs,
      cpuRatio: median(cliCpuMs) / median(nodeCpuMs),
      nodeMedianMs,
      cliMedianMs,
      ratio: cliMedianMs / nodeMedianMs,
      firstCliMs,
      buildMs: { wall: median(builds.map((b) => b.wall)), cpu: median(builds.map((b) => b.cpu)) },
      loadMs: { wall: median(loads.map((b) => b.wall)), cpu: median(loads.map((b) => b.cpu)) },
      indexBytes: statSync(loads[0]!.path!).size,
    };
  } finally {
    await engine.close();
  }
}

/** The figures as report lines. */
export function coldLines(c: ColdStart): string[] {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `cold start (issue 17), ${PAIRS} interleaved pairs, wall time spawn → exit:`,
    `  node -e 0: median ${ms(c.nodeMedianMs)} (${c.nodeMs.map((x) => x.toFixed(0)).join(', ')})`,
    `  embargo screen "Kim Jong Un", index stored: median ${ms(c.cliMedianMs)} (${c.cliMs.map((x) => x.toFixed(0)).join(', ')})`,
    `  ratio ${c.ratio.toFixed(2)} (target ≤ 4: ${c.ratio <= 4 ? 'met' : 'MISSED'}); first run, no stored index (build + store): ${ms(c.firstCliMs)}`,
    `  CPU (user + system): node -e 0 median ${ms(median(c.nodeCpuMs))} (${c.nodeCpuMs.map((x) => x.toFixed(0)).join(', ')}), screen median ${ms(median(c.cliCpuMs))} (${c.cliCpuMs.map((x) => x.toFixed(0)).join(', ')}), ratio ${c.cpuRatio.toFixed(2)}`,
    `  index in process: build ${ms(c.buildMs.wall)} wall / ${ms(c.buildMs.cpu)} CPU, load ${ms(c.loadMs.wall)} wall / ${ms(c.loadMs.cpu)} CPU (${(c.indexBytes / 2 ** 20).toFixed(1)} MB file)`,
  ];
}
