/**
 * Ingest benchmark: wall time and peak RSS of parsing + validating + storing each source, and of
 * loading the whole mirror (every dated folder of every source). Each measurement runs in its own
 * process with a fresh EMBARGO_HOME so peak RSS is that load's alone. Reads EMBARGO_DATA_DIR.
 *
 * Targets (issue 2): OFAC SDN 2023-12-28 < 2 s, UN < 1 s, everything < 6 s, peak RSS < 400 MB.
 *
 * Each load runs into SQLite (the home's embargo.db) and into PostgreSQL (issue 16: a throwaway
 * database per run on BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres, made and
 * dropped here; skipped with a note when the server is not reachable). PostgreSQL's peak RSS is
 * the loading Node process's only: the server's memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const data = resolve(process.env.EMBARGO_DATA_DIR ?? '../shared/data');
const lists = join(data, 'lists');
if (!existsSync(lists)) {
  console.error(`bench:ingest: no list data at ${lists} (set EMBARGO_DATA_DIR)`);
  process.exit(2);
}
const runs: [string, string][] = [
  ['ofac_sdn', join(lists, 'ofac_sdn/2023-12-28')],
  ['ofac_sdn', join(lists, 'ofac_sdn/2024-05-03')],
  ['ofac_consolidated', join(lists, 'ofac_consolidated/2025-12-19')],
  ['un_sc', join(lists, 'un_sc/2026-02-27')],
  ['uk_ofsi', join(lists, 'uk_ofsi/2018-04-13')],
  ['eu_fsf', join(lists, 'eu_fsf/2018-07-04_truncated')],
  ['us_bis_dpl', join(lists, 'us_bis_dpl/2022-09-07')],
  ['mirror', lists],
];
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
// Compiled (npm run bench:ingest builds bench/.build, as the product runs from dist/), or from the
// sources through tsx when run as a .ts file.
const compiled = import.meta.url.endsWith('.js');
const script = resolve(import.meta.dirname, compiled ? 'ingest-one.js' : 'ingest-one.ts');
const loader = compiled ? [] : ['--import', 'tsx'];

const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs SQL on the maintenance database. */
async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let postgres = process.env.BENCH_PG !== '0';
if (postgres)
  await admin('SELECT 1').catch((err: Error) => {
    console.log(`(PostgreSQL not reachable at ${adminUrl}: ${err.message}; SQLite only)`);
    postgres = false;
  });
const stores = postgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

console.log(`ingest benchmark, best of ${repeats} runs, node ${process.version}`);
console.log('what                          store     entities   wall (ms)   peak RSS (MB)');
for (const [what, path] of runs) {
  for (const store of stores) {
    let best: { entities: number; ms: number; peakRssMb: number } | undefined;
    for (let i = 0; i < repeats; i++) {
      const home = mkdtempSync(join(tmpdir(), 'embargo-bench-'));
      const db = `embargo_bench_${randomBytes(6).toString('hex')}`;
      const env: Record<string, string | undefined> = { ...process.env };
      delete env.EMBARGO_DATABASE_URL;
      if (store === 'postgres') {
        await admin(`CREATE DATABASE ${db}`);
        const url = new URL(adminUrl);
        url.pathname = `/${db}`;
        env.EMBARGO_DATABASE_URL = url.toString();
      }
      try {
        const out = execFileSync(process.execPath, [...loader, script, what, path, home], {
          encoding: 'utf8',
          env,
        });
        const r = JSON.parse(out.trim().split('\n').pop()!);
        if (!best || r.ms < best.ms)
          best = { ...r, peakRssMb: Math.max(r.peakRssMb, best?.peakRssMb ?? 0) };
      } finally {
        rmSync(home, { recursive: true, force: true });
        if (store === 'postgres') await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      }
    }
    const label =
      what === 'mirror' ? 'all (every folder of the mirror)' : `${what} ${path.split('/').pop()}`;
    console.log(
      `${label.padEnd(30)}${store.padEnd(9)}${String(best!.entities).padStart(9)}${best!.ms.toFixed(0).padStart(12)}${best!.peakRssMb.toFixed(0).padStart(16)}`,
    );
  }
}
