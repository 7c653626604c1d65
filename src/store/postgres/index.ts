/**
 * @module
 * PostgreSQL adapter (node-postgres): a database shared by several processes and hosts.
 */
export { PostgresStore } from './store.ts';
