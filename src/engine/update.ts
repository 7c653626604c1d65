/**
 * @module
 * `lists update --from MIRROR`: load every dated folder of a mirror laid out as
 * `<source>/<YYYY-MM-DD[_suffix]>/<files>`, oldest first, so the newest becomes active.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  asEmbargoError,
  EmbargoError,
  ERROR_CODES,
  SOURCE_IDS,
  type SourceId,
} from '../core/index.ts';
import { getSource } from '../sources/index.ts';
import type { Store } from '../store/index.ts';
import { assignFiles, expandPaths, folderDate } from './files.ts';
import { loadList, type LoadOptions, type LoadResult } from './load.ts';

/** What an update did with one folder. */
export type FolderOutcome =
  | { folder: string; source: SourceId; outcome: 'loaded' | 'unchanged'; result: LoadResult }
  | { folder: string; source: SourceId; outcome: 'skipped'; reason: string }
  | { folder: string; source: SourceId; outcome: 'failed'; error: EmbargoError };

/** Options of {@link updateFromMirror}. */
export interface UpdateOptions {
  from: string;
  sources?: string[];
  /** Called after each folder, for progress messages. */
  onFolder?: (outcome: FolderOutcome) => void;
  /** Called when a folder's load waits for another process's load (see LoadOptions.onWait). */
  onWait?: LoadOptions['onWait'];
}

/**
 * Loads what is new in a mirror. An incomplete folder (a required file missing) is skipped with a
 * reason; a refused one is reported and the update goes on with the next, leaving the active
 * snapshot as it was.
 */
export async function updateFromMirror(
  store: Store,
  options: UpdateOptions,
): Promise<FolderOutcome[]> {
  const root = resolve(options.from);
  if (!existsSync(root))
    throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${root}: no such mirror folder`, { file: root });
  const wanted = options.sources?.length
    ? options.sources.map((s) => getSource(s).id)
    : [...SOURCE_IDS];
  const outcomes: FolderOutcome[] = [];
  for (const sourceId of wanted) {
    const dir = join(root, sourceId);
    if (!existsSync(dir)) continue;
    const folders = readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory() && folderDate(name))
      .sort((a, b) => folderDate(a)!.localeCompare(folderDate(b)!) || a.localeCompare(b));
    for (const name of folders) {
      const folder = join(dir, name);
      const outcome = await loadFolder(store, sourceId, folder, options.onWait);
      outcomes.push(outcome);
      options.onFolder?.(outcome);
    }
  }
  return outcomes;
}

async function loadFolder(
  store: Store,
  sourceId: SourceId,
  folder: string,
  onWait: LoadOptions['onWait'],
): Promise<FolderOutcome> {
  try {
    const { missing } = assignFiles(getSource(sourceId), expandPaths([folder]));
    if (missing.length)
      return {
        folder,
        source: sourceId,
        outcome: 'skipped',
        reason: `incomplete: no ${missing.join(', ')} file`,
      };
    const result = await loadList(store, {
      source: sourceId,
      paths: [folder],
      ...(onWait && { onWait }),
    });
    return { folder, source: sourceId, outcome: result.status, result };
  } catch (err) {
    const error = asEmbargoError(err);
    // A bug, or another writer holding the store past the wait: stop rather than skip ahead.
    if (error.code === ERROR_CODES.INTERNAL || error.code === ERROR_CODES.BUSY) throw err;
    return { folder, source: sourceId, outcome: 'failed', error };
  }
}
