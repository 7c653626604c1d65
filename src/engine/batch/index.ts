/**
 * @module
 * Batch screening and comparing of files, for the CLI and for library users.
 */
export { screenFile, IN_PROCESS_BELOW, type ScreenFileOptions } from './screenFile.ts';
export { WorkerPool } from './pool.ts';
export { compareFile, type CompareFileOptions, type CompareSummary } from './compare.ts';
export { CSV_COLUMNS } from './format.ts';
export { ABSURD_NAME_LENGTH } from './rows.ts';
export type {
  BatchProgress,
  BatchRow,
  BatchSummary,
  Columns,
  InputFormat,
  OutputFormat,
  RowError,
} from './types.ts';
