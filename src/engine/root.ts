/**
 * @module
 * The composition root: configuration → the database's address → the store. With
 * EMBARGO_DATABASE_URL (or `--database`) set, that database; otherwise the SQLite file
 * `embargo.db` in the home folder. Nothing else in the engine, server or CLI names an adapter.
 */
import { openStore, type Store } from '../store/index.ts';
import { databasePath } from './home.ts';

/** What picks the store. */
export interface StoreConfig {
  home: string;
  /** A PostgreSQL URL or SQLite path (`--database`); default $EMBARGO_DATABASE_URL. */
  database?: string;
  lockWaitMs?: number;
}

/** The database's address: `--database`, else $EMBARGO_DATABASE_URL, else `<home>/embargo.db`. */
export function databaseAddress(config: Pick<StoreConfig, 'home' | 'database'>): string {
  const env = process.env.EMBARGO_DATABASE_URL;
  return config.database || (env && env.trim()) || databasePath(config.home);
}

/** Opens the configured store; `database` is its address (for batch workers). */
export function storeFor(config: StoreConfig): { store: Store; database: string } {
  const database = databaseAddress(config);
  return {
    database,
    store: openStore(
      database,
      config.lockWaitMs !== undefined ? { lockWaitMs: config.lockWaitMs } : {},
    ),
  };
}
