/**
 * @module
 * Batch screening of a file: rows stream from the input, in chunks, to screeners (worker processes,
 * or this process for small inputs), and their results stream to the output in input order.
 * Memory stays constant whatever the file's size: the reader only reads while fewer than a fixed
 * number of chunks are in flight.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ScreenOptions } from '../../core/index.ts';
import { createEngine, type Engine } from '../engine.ts';
import { ensureStoredIndex } from '../indexCache.ts';
import { resolveHome } from '../home.ts';
import { databaseAddress } from '../root.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { CHUNK_SIZE, chunked, prepend } from './chunks.ts';
import { csvHeader } from './format.ts';
import { OrderedQueue } from './ordered.ts';
import { OutputFile } from './output.ts';
import { WorkerPool } from './pool.ts';
import { screenRows } from './screenRows.ts';
import { outputFormat } from './sniff.ts';
import { openRows } from './source.ts';
import type {
  BatchProgress,
  BatchRow,
  BatchSummary,
  Columns,
  RowError,
  ChunkResult,
} from './types.ts';

/** Below this many rows a batch is screened in-process: starting workers would cost more. */
export const IN_PROCESS_BELOW = 2000;

/** Options of {@link screenFile}. */
export interface ScreenFileOptions {
  /** Input file: CSV with a header row, or JSON lines of query entities. */
  input: string;
  /** Output file: CSV when it ends in .csv, JSON lines otherwise. */
  output: string;
  /**
   * The database the screeners open, a PostgreSQL URL or SQLite path (default: `engine`'s, else
   * the configured one).
   */
  database?: string;
  /** Days after which a list is stale, for the workers (default: `engine`'s setting). */
  maxAgeDays?: number;
  /** An open engine for in-process screening (default: one opened on `database`, closed after). */
  engine?: Engine;
  /** CSV column names; `name` defaults to "name". Ignored for JSON lines. */
  columns?: Partial<Columns>;
  /** Options of every screening (algorithm, threshold, limit, sources). */
  screen?: ScreenOptions;
  /** Worker processes (default: one per core). 1 screens in-process. */
  workers?: number;
  /** Rows per chunk (default {@link CHUNK_SIZE}). */
  chunkSize?: number;
  /** Inputs with fewer rows are screened in-process (default {@link IN_PROCESS_BELOW}). */
  inProcessBelow?: number;
  /** Called, in row order, for each row that could not be screened. */
  onRowError?: (row: number, error: RowError, id?: string) => void;
}

/** A row and the byte offset in the input where it ends. */
interface Located {
  row: BatchRow;
  end: number;
}

async function* located(
  rows: AsyncIterable<BatchRow>,
  position: () => number,
): AsyncGenerator<Located> {
  for await (const row of rows) yield { row, end: position() };
}

/** Something that screens one chunk. */
type Screener = (rows: BatchRow[]) => Promise<ChunkResult>;

/**
 * Screens every row of `input` and writes one output row per input row, in input order. Rows
 * that cannot be screened are written with their error and counted as failed; the batch goes on.
 * Fails (and leaves no worker running) on a missing file or column, a worker crash, or a write
 * error. `onProgress` is called after each chunk is written.
 */
export async function screenFile(
  options: ScreenFileOptions,
  onProgress?: (progress: BatchProgress) => void,
): Promise<BatchSummary> {
  const started = performance.now();
  refuseOverwrite(options.output, [options.input]);
  const columns: Columns = { ...options.columns, name: options.columns?.name ?? 'name' };
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const wanted = options.workers ?? availableParallelism();
  const format = outputFormat(options.output);
  const screen = options.screen ?? {};

  const source = await openRows(options.input, columns);
  // Read up to the in-process limit: a file that ends before it is not worth forking for.
  // Each row travels with the byte offset it ends at, for an honest progress bar.
  const head: Located[] = [];
  const limit = options.inProcessBelow ?? IN_PROCESS_BELOW;
  let ended = false;
  while (!ended && head.length < limit) {
    const next = await source.rows.next();
    if (next.done) ended = true;
    else head.push({ row: next.value, end: source.position() });
  }
  const workers = wanted > 1 && !ended ? wanted : 0;

  let out: OutputFile | undefined;
  let pool: WorkerPool | undefined;
  let ownEngine: Engine | undefined;
  let failed = false;
  // Each worker gets about two chunks ahead, so none idles while the parent reads and writes;
  // together with the chunk size this caps memory whatever the input size.
  const queue = new OrderedQueue<{ result: ChunkResult; position: number }>(
    workers ? workers * 2 + 2 : 2,
  );
  const progress: BatchProgress = {
    rows: 0,
    matched: 0,
    failed: 0,
    warned: 0,
    bytesRead: 0,
    totalBytes: source.size,
    seconds: 0,
  };
  try {
    out = await OutputFile.open(options.output);
    let screener: Screener;
    if (workers) {
      const database =
        options.database || options.engine?.database || databaseAddress({ home: resolveHome() });
      const maxAgeDays = options.maxAgeDays ?? options.engine?.maxAgeDays();
      // The index is built here once, if no process stored it yet: each worker then loads it
      // instead of every worker building its own at the same time (issue 17).
      const indexer = options.engine ?? (ownEngine = createEngine({ database }));
      await ensureStoredIndex(indexer.store, database, indexer.home);
      pool = new WorkerPool({
        size: workers,
        database,
        ...(maxAgeDays !== undefined && { maxAgeDays }),
        options: screen,
        format,
        onFailure: (e) => queue.fail(e),
      });
      screener = (rows) => pool!.screen(rows);
    } else {
      const engine =
        options.engine ??
        (ownEngine = createEngine(options.database ? { database: options.database } : {}));
      // Yield between chunks so writes drain and progress shows while screening in-process.
      screener = async (rows) => {
        await nextTurn();
        return screenRows(engine, rows, screen, format);
      };
    }
    if (format === 'csv') await out.write(csvHeader());

    const produce = async () => {
      try {
        const rest = located(source.rows, source.position);
        for await (const chunk of chunked(prepend(head, rest), chunkSize)) {
          await queue.slot(); // wait before screening starts, not after
          const position = chunk[chunk.length - 1]!.end;
          const rows = chunk.map((c) => c.row);
          await queue.push(screener(rows).then((result) => ({ result, position })));
        }
        queue.close();
      } catch (err) {
        queue.fail(err);
      }
    };
    const consume = async () => {
      for await (const { result, position } of queue) {
        for (const o of result.rows) {
          progress.rows++;
          if (o.matched) progress.matched++;
          if (o.warnings) progress.warned++;
          if (o.error) {
            progress.failed++;
            options.onRowError?.(o.row, o.error, o.id);
          }
        }
        await out!.write(result.bytes);
        progress.bytesRead = position;
        progress.seconds = (performance.now() - started) / 1000;
        onProgress?.({ ...progress });
      }
    };
    // Wait for both sides to stop before cleaning up, so the reader is not closed under itself.
    const [, consumed] = await Promise.allSettled([
      produce(),
      consume().catch((err: unknown) => {
        queue.fail(err);
        throw err;
      }),
    ]);
    if (consumed.status === 'rejected') throw consumed.reason;
    await out.close();
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await source.rows.return(undefined);
    if (failed) await out?.discard();
    await pool?.close(failed);
    await ownEngine?.close();
  }
  return {
    ...progress,
    bytesRead: source.position(),
    seconds: (performance.now() - started) / 1000,
    workers,
    peakRss: pool ? pool.peakRss : process.resourceUsage().maxRSS * 1024,
  };
}
