/**
 * @module
 * The library facade.
 */
export { createEngine, type Engine, type EngineOptions } from './engine.ts';
export type { LoadOptions, LoadResult } from './load.ts';
export type { FolderOutcome, UpdateOptions } from './update.ts';
export type { SnapshotDiff, DiffOptions, FieldChange, DiffEntity } from './diff.ts';
export { compareEntities } from './diff.ts';
export type { FtmRecord } from './export.ts';
export { toFtmRecords } from './export.ts';
export type { SourceStatus } from './status.ts';
export { resolveHome, databasePath } from './home.ts';
export { ENGINE_VERSION } from './version.ts';
export * from './batch/index.ts';
export * from './trade.ts';
export * from './scenario.ts';
