/**
 * @module
 * SQLite adapter (better-sqlite3): the embedded default store.
 */
export { SqliteStore, filesKey } from './store.ts';
