/**
 * @module
 * Messages between the batch's parent process and its screening workers (sent over the fork
 * IPC channel with structured-clone serialisation, so result text is not JSON-escaped twice).
 */
import type { ScreenOptions } from '../../core/index.ts';
import type { BatchRow, ChunkResult, OutputFormat, RowError } from './types.ts';

/** What a worker needs to open its own engine and format its answers. */
export interface WorkerInit {
  type: 'init';
  /** The database to open: a PostgreSQL URL or a SQLite file path (never a home folder). */
  database: string;
  /**
   * The parent's home folder, where the stored index of a PostgreSQL database is kept (default:
   * the worker's $EMBARGO_HOME, as the parent's when it was given none).
   */
  home?: string;
  /** Days after which a list is stale, as the parent resolved it (0: no check). */
  maxAgeDays?: number;
  options: ScreenOptions;
  format: OutputFormat;
}

/** A chunk of rows to screen; `seq` identifies the answer. */
export interface WorkerChunk {
  type: 'chunk';
  seq: number;
  rows: BatchRow[];
}

/** Parent → worker. */
export type ToWorker = WorkerInit | WorkerChunk;

/** Worker → parent. `rss` is the worker's peak resident set size so far, in bytes. */
export type FromWorker =
  | { type: 'done'; seq: number; result: ChunkResult; rss: number }
  | { type: 'fatal'; seq?: number; error: RowError };
