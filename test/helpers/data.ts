/**
 * @module
 * Access to the real list files for tests. They are read in place through EMBARGO_DATA_DIR
 * (default ../shared/data), never copied into the repository. Where the folder is missing, data
 * tests are skipped with a message, unless EMBARGO_REQUIRE_DATA=1 (CI), where they must run.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** The data folder tests read. */
export function dataDir(): string {
  return resolve(process.env.EMBARGO_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data'));
}

/** Path of a file or folder under the data folder's `lists/`. */
export function listPath(...parts: string[]): string {
  return join(dataDir(), 'lists', ...parts);
}

/**
 * Options for node:test's `test()` / `describe()` that skip when the path under `lists/` is missing,
 * or throw when EMBARGO_REQUIRE_DATA=1 demands it.
 */
export function needsData(...parts: string[]): { skip?: string } {
  const path = parts.length ? listPath(...parts) : join(dataDir(), 'lists');
  if (existsSync(path)) return {};
  if (process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(`EMBARGO_REQUIRE_DATA=1 but ${path} is missing; set EMBARGO_DATA_DIR`);
  return { skip: `real list data not found at ${path} (set EMBARGO_DATA_DIR to run this test)` };
}

/** Like {@link needsData}, for a file under the data folder's `eval/` (labelled evaluation sets). */
export function needsEval(file: string): { skip?: string } {
  const path = join(dataDir(), 'eval', file);
  if (existsSync(path)) return {};
  if (process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(`EMBARGO_REQUIRE_DATA=1 but ${path} is missing; set EMBARGO_DATA_DIR`);
  return { skip: `evaluation data not found at ${path} (set EMBARGO_DATA_DIR to run this test)` };
}

/** The trade baseline folder tests read (`$EMBARGO_DATA_DIR/trade`). */
export function tradeDir(): string {
  return join(dataDir(), 'trade');
}

/** Like {@link needsData}, for the trade baseline (`trade/` under the data folder). */
export function needsTrade(): { skip?: string } {
  const path = tradeDir();
  if (existsSync(path)) return {};
  if (process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(`EMBARGO_REQUIRE_DATA=1 but ${path} is missing; set EMBARGO_DATA_DIR`);
  return { skip: `trade baseline not found at ${path} (set EMBARGO_DATA_DIR to run this test)` };
}
