/**
 * @module
 * Which adapter an address names: `postgres://…` (or `postgresql://…`) PostgreSQL, anything
 * else a SQLite database file (`sqlite:` prefix optional). The one place outside the adapters that
 * knows them; the engine's composition root calls it with the configured address.
 */
import { EmbargoError, ERROR_CODES } from '../core/index.ts';
import { PostgresStore } from './postgres/index.ts';
import { SqliteStore } from './sqlite/index.ts';
import type { Store } from './types.ts';

/** Options every adapter takes. */
export interface OpenStoreOptions {
  /** How long a list load waits for another writer before E_BUSY (default 10 minutes). */
  lockWaitMs?: number;
}

/** Whether an address names a PostgreSQL database. */
export function isPostgresAddress(address: string): boolean {
  return /^postgres(ql)?:\/\//i.test(address);
}

/**
 * Opens the store at `address`: a PostgreSQL URL, or the path of a SQLite file. PostgreSQL
 * connects (and migrates an empty database) on first use.
 */
export function openStore(address: string, options: OpenStoreOptions = {}): Store {
  if (isPostgresAddress(address)) return new PostgresStore(address, options);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(address))
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `database ${address.replace(/\/\/[^@/]*@/, '//…@')}: expected postgres://… or a SQLite file path`,
    );
  return new SqliteStore(address.replace(/^sqlite:/i, ''), options);
}
