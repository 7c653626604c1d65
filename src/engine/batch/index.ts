/**
 * @module
 * Batch screening and comparing over streams, for the engine and the CLI (which opens the files).
 */
export {
  screenStream,
  IN_PROCESS_BELOW,
  type ScreenStreamOptions,
  type ScreenedChunk,
} from './stream.ts';
export { WorkerPool } from './pool.ts';
export { comparePairs, type ComparePairsOptions, type ComparedChunk } from './compare.ts';
export { CSV_COLUMNS } from './format.ts';
export { ABSURD_NAME_LENGTH } from './rows.ts';
export type {
  BatchProgress,
  BatchRow,
  BatchSummary,
  ChunkResult,
  Columns,
  InputFormat,
  OutputFormat,
  RowError,
  RowResult,
} from './types.ts';
