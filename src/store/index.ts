/**
 * @module
 * Persistence: the Store port and its adapters.
 */
export type * from './types.ts';
export { SqliteStore } from './sqlite/index.ts';
