/**
 * @module
 * The screening part of an engine on its own: the store and the {@link ScreeningService} over it,
 * wired as {@link createEngine} wires them (it calls this). A batch worker opens only this: its
 * bundle then leaves out the list parsers, rules and trade check it never runs, a third less code
 * to load in every worker (issue 17).
 */
import type { Store } from '../store/index.ts';
import { indexDirFor } from './indexCache.ts';
import { storeFor } from './root.ts';
import { ScreeningService } from './screen.ts';

/** Options of {@link openScreening}. */
export interface OpenScreeningOptions {
  /** The home folder (already resolved). */
  home: string;
  /** The database's address (default: see {@link storeFor}). */
  database?: string;
  /** An open store instead (its database address then unknown: no stored index). */
  store?: Store;
  /** The folder of stored indexes; false for none; default beside the database. */
  indexDir?: string | false;
  /** How long a load waits for another process's load. */
  lockWaitMs?: number;
  /** Days after which a list is stale, read on first use (0: no check). */
  maxAgeDays: () => number;
}

/** What {@link openScreening} opened. */
export interface OpenedScreening {
  store: Store;
  /** The database's address ('' for a store given). */
  database: string;
  /** The folder of stored indexes, if any. */
  indexDir: string | undefined;
  screening: ScreeningService;
}

/** Opens the store and a screening service over it that loads or stores its index beside it. */
export function openScreening(options: OpenScreeningOptions): OpenedScreening {
  const { store, database } = options.store
    ? { store: options.store, database: '' }
    : storeFor({
        home: options.home,
        ...(options.database && { database: options.database }),
        ...(options.lockWaitMs !== undefined && { lockWaitMs: options.lockWaitMs }),
      });
  const screening = new ScreeningService(store);
  const indexDir =
    options.indexDir === false
      ? undefined
      : (options.indexDir ?? indexDirFor(database, options.home));
  screening.indexCache = indexDir ? { dir: indexDir, database } : undefined;
  screening.maxAgeDays = options.maxAgeDays;
  return { store, database, indexDir, screening };
}
