/**
 * @module
 * The lists every screening benchmark loads (the screening, HTTP and trade benchmarks compare
 * their figures on the same four lists), and loading them into an engine.
 */
import { join } from 'node:path';
import type { Engine } from '../src/index.ts';

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
