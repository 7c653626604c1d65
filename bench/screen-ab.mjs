// Paired A/B of two builds of the matcher in one process, for per-row CPU changes too small for
// separate runs to show on a shared machine: there, screen-micro's distinct rows of one build
// varied from 580 to 790 µs per row between runs (load 15–16 on 2 cores). Both builds' engines
// are loaded in this process; chunks of bench:screen's distinct rows (same generator and seed as
// screen-micro) alternate between them, A then B then B then A, each chunk's CPU time added to
// its side. Each side sees every row once, in order, as a fresh batch worker would. Prints both
// sides' µs per row, their ratio (B / A), the median of the chunks' ratios, the load, and each
// side's digest of every answer (as screen-micro's distinctDigest: a speed change must leave
// them equal). Its resolution is still only about ±5%: given the same build twice it measured
// ratios of 0.993, 1.043 and 0.984 (load 11–20), so a smaller change needs several runs.
//
// Each build is a copy of bench/.build (`node scripts/build-bench.mjs`) with node_modules
// reachable from it, and each has a home of its own with the lists loaded (the stored index is
// keyed by the code that built it, so one home would be rebuilt by each side in turn), e.g.:
//   cp -r bench/.build /tmp/ab-a && ln -s "$PWD/node_modules" /tmp/ab-a/node_modules
//   cp -r <screen-micro's BENCH_MICRO_HOME> /tmp/ab-home-a   (and the same for b)
//   node bench/screen-ab.mjs /tmp/ab-a /tmp/ab-home-a /tmp/ab-b /tmp/ab-home-b
// Run each side once on its home first (screen-micro with BENCH_MICRO_ROWS=200) so that neither
// builds its stored index here. AB_ROWS (default 10,000) and AB_CHUNK (250) set the sizes.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dirA, homeA, dirB, homeB] = process.argv.slice(2);
if (!homeB)
  throw new Error('usage: node bench/screen-ab.mjs <build A> <home A> <build B> <home B>');
const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
const ROWS = Number(process.env.AB_ROWS ?? 10_000);
const CHUNK = Number(process.env.AB_CHUNK ?? 250);

const load = (dir, path) => import(pathToFileURL(resolve(dir, path)).href);

/** One side: its engine's synchronous screening, its digest and its CPU milliseconds. */
async function side(dir, home) {
  const { createEngine } = await load(dir, 'src/index.js');
  const { evalEngine } = await load(dir, 'eval/_engine.js');
  const prepared = await evalEngine(createEngine({ home: resolve(home) }));
  // A detail the engine refuses: screened without it, as screen-micro, the batch and eval do.
  const screen = (query, options) => {
    try {
      return prepared.screen(query, options);
    } catch {
      delete query.properties.nationality;
      delete query.properties.birthDate;
      return prepared.screen(query, options);
    }
  };
  return { screen, hash: createHash('sha256'), cpuMs: 0 };
}

const a = await side(dirA, homeA);
const b = await side(dirB, homeB);
const { distinctBatch } = await load(dirA, 'bench/_batches.js');
const { VARIANT_SEED } = await load(dirA, 'bench/_queries.js');
// screen-micro's rows: the first of bench:screen's own 80,000.
const rows = distinctBatch(dataDir, 80_000, VARIANT_SEED + 2).rows.slice(0, ROWS);

/** Screens rows `from..to` on side `s`; gives the CPU milliseconds it took. */
function run(s, from, to) {
  const start = process.cpuUsage();
  for (let i = from; i < to; i++) {
    const r = rows[i];
    const properties = { name: [r.name] };
    if (r.dob) properties.birthDate = [r.dob];
    if (r.country) properties.nationality = [r.country];
    const res = s.screen({ schema: 'Person', properties }, { detail: 'brief' });
    s.hash.update(
      JSON.stringify(
        res.results.map((x) => [x.id, x.score, x.match, x.matched_name, x.explanations.features]),
      ),
    );
  }
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

const ratios = [];
for (let from = 0, k = 0; from < ROWS; from += CHUNK, k++) {
  const to = Math.min(ROWS, from + CHUNK);
  // Alternating which side goes first, so neither always runs on the other's warm caches.
  const [first, second] = k % 2 ? [b, a] : [a, b];
  const t1 = run(first, from, to);
  const t2 = run(second, from, to);
  first.cpuMs += t1;
  second.cpuMs += t2;
  ratios.push(k % 2 ? t1 / t2 : t2 / t1);
}
ratios.sort((x, y) => x - y);
const usPerRow = (s) => ((1000 * s.cpuMs) / rows.length).toFixed(1);
console.log(
  JSON.stringify({
    rows: rows.length,
    aCpuUsPerRow: usPerRow(a),
    bCpuUsPerRow: usPerRow(b),
    ratio: (b.cpuMs / a.cpuMs).toFixed(3),
    medianChunkRatio: ratios[ratios.length >> 1].toFixed(3),
    load: loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
    aDigest: a.hash.digest('hex').slice(0, 16),
    bDigest: b.hash.digest('hex').slice(0, 16),
  }),
);
