/**
 * @module
 * Persistence: the Store port, its adapters (SQLite, PostgreSQL), and {@link openStore}, which
 * picks one by address.
 */
export type * from './types.ts';
export { openStore, isPostgresAddress, type OpenStoreOptions } from './open.ts';
