// What a process pays on first use of a stored (loaded) index against a built one: screens three
// sets of 6,000 distinct names of negatives-dev.csv in turn, printing CPU per query for each, so the
// cost of decoding names and entity rows on first touch (and of warming caches and the JIT, which
// both pay) shows in the first set. Run from the repository after `npm run build`:
//   BENCH_HOME=<home with the lists loaded> node bench/first-use.mjs [built]
// `built` builds the index in the process (indexDir: false) instead of loading the stored one.
import { readFileSync } from 'node:fs';
import { createEngine } from '../dist/index.js';

const home = process.env.BENCH_HOME;
if (!home) throw new Error('BENCH_HOME: a home with the lists loaded (embargo lists update)');
const data = process.env.EMBARGO_DATA_DIR ?? '../shared/data';
const SET = 6000;
const names = readFileSync(`${data}/eval/negatives-dev.csv`, 'utf8')
  .split('\n')
  .slice(1, 3 * SET + 1)
  .map((line) => line.split(',')[0]);
const built = process.argv[2] === 'built';
const engine = createEngine({ home, maxAgeDays: 0, ...(built && { indexDir: false }) });
const cpuMs = (u) => (u.user + u.system) / 1000;
const start = process.cpuUsage();
const screening = await engine.prepareScreening();
console.log(
  `${built ? 'built' : 'loaded'}: prepare ${cpuMs(process.cpuUsage(start)).toFixed(0)} ms CPU`,
);
for (let set = 0; set < 3; set++) {
  const before = process.cpuUsage();
  for (const name of names.slice(set * SET, (set + 1) * SET))
    screening.screen({ schema: 'Person', properties: { name: [name] } }, { limit: 5 });
  const us = (cpuMs(process.cpuUsage(before)) * 1000) / SET;
  console.log(`  set ${set + 1}: ${us.toFixed(0)} µs CPU a query`);
}
await engine.close();
