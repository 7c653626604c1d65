/**
 * @module
 * Batch screening over streams, and comparing of files, for the engine and the CLI.
 */
export {
  screenStream,
  IN_PROCESS_BELOW,
  type ScreenStreamOptions,
  type ScreenedChunk,
} from './stream.ts';
export { WorkerPool } from './pool.ts';
export { compareFile, type CompareFileOptions, type CompareSummary } from './compare.ts';
export { CSV_COLUMNS } from './format.ts';
export { ABSURD_NAME_LENGTH } from './rows.ts';
export { detectInput, outputFormat } from './sniff.ts';
export { OutputFile } from './output.ts';
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
