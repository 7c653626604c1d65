/**
 * @module
 * The lists every screening benchmark loads (the screening, HTTP and trade benchmarks compare
 * their figures on the same four lists), and loading them into an engine.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type Engine } from '../src/index.ts';

/** Source and folder under `$EMBARGO_DATA_DIR/lists`. */
export const BENCH_LISTS = [
  ['un_sc', '2026-02-27'],
  ['ofac_sdn', '2023-12-28'],
  ['ofac_consolidated', '2025-12-19'],
  ['uk_ofsi', '2018-04-13'],
] as const;

/** Loads {@link BENCH_LISTS} from `dataDir` into `engine`. */
export async function loadBenchLists(engine: Engine, dataDir: string): Promise<void> {
  for (const [source, folder] of BENCH_LISTS)
    await engine.loadList({ source, paths: [join(dataDir, 'lists', source, folder)] });
}

/** An engine over a home holding {@link BENCH_LISTS}, and how to let it go. */
export interface BenchHome {
  engine: Engine;
  home: string;
  /** Removes the home unless it was given (`BENCH_MICRO_HOME`), which keeps it between runs. */
  done(): void;
}

/**
 * An engine over `BENCH_MICRO_HOME` (kept between runs, the lists loaded on the first) or over a
 * new temporary home named after `prefix`, with {@link BENCH_LISTS} loaded from `dataDir`.
 */
export async function benchHome(prefix: string, dataDir: string): Promise<BenchHome> {
  const keep = process.env.BENCH_MICRO_HOME;
  const home = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), `embargo-${prefix}-`));
  const marker = join(home, '.bench-lists-loaded');
  const engine = createEngine({ home });
  if (!existsSync(marker)) {
    mkdirSync(home, { recursive: true });
    await loadBenchLists(engine, dataDir);
    writeFileSync(marker, '');
  }
  return { engine, home, done: () => keep || rmSync(home, { recursive: true, force: true }) };
}
