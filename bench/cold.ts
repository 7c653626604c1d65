/**
 * The cold-start section of `npm run bench:screen` alone (`npm run bench:cold`): loads the bench
 * lists into a temporary home (or uses BENCH_COLD_HOME, a home where lists are loaded already;
 * its stored index is removed and rebuilt), then measures as bench/_cold.ts describes. Reads
 * EMBARGO_DATA_DIR.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../src/index.ts';
import { coldLines, coldStart } from './_cold.ts';
import { loadBenchLists } from './_lists.ts';

const dataDir = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
if (!existsSync(join(dataDir, 'lists'))) {
  console.error(`bench:cold: no list data under ${dataDir} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const given = process.env.BENCH_COLD_HOME;
const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-cold-'));
try {
  const home = given ? resolve(given) : join(dir, 'home');
  if (!given) {
    const engine = createEngine({ home });
    await loadBenchLists(engine, dataDir);
    await engine.close();
  }
  const before = loadavg()[0]!;
  const c = await coldStart(home);
  console.log(coldLines(c).join('\n'));
  console.log(`load average ${before.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
