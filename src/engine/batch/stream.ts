/**
 * @module
 * Batch screening over a stream (issue 18): rows are read from the input's bytes as they arrive,
 * grouped in chunks, screened (on worker processes, or in this process for small inputs), and
 * given back in input order. Memory stays constant whatever the input's size: the reader only
 * reads while fewer than a fixed number of chunks are in flight, so a slow consumer (a file on a
 * busy disk, an HTTP client reading slowly) holds back the reading, which holds back the sender.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ScreenOptions } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import type { Engine } from '../engine.ts';
import { ensureStoredIndex } from '../indexCache.ts';
import { CHUNK_SIZE } from './chunks.ts';
import { csvHeader } from './format.ts';
import { OrderedQueue } from './ordered.ts';
import { WorkerPool } from './pool.ts';
import { screenRows } from './screenRows.ts';
import { openRowStream } from './source.ts';
import type { BatchRow, ChunkResult, Columns, InputFormat, OutputFormat } from './types.ts';

/** Below this many rows a batch is screened in-process: starting workers would cost more. */
export const IN_PROCESS_BELOW = 2000;

/** Options of {@link screenStream}. */
export interface ScreenStreamOptions {
  /** What the bytes are: CSV with a header row, or JSON lines of query entities. */
  format: InputFormat;
  /** What each row's output is: a JSON line (default) or a CSV row (after a header chunk). */
  output?: OutputFormat;
  /** Names the input in errors (a file name, `request body`); default `input`. */
  source?: string;
  /** CSV column names; `name` defaults to "name". Ignored for JSON lines. */
  columns?: Partial<Columns>;
  /** Options of every screening (algorithm, threshold, limit, sources). */
  screen?: ScreenOptions;
  /** Worker processes (default: one per core). 1 screens in-process, reading no rows ahead. */
  workers?: number;
  /** Rows per chunk (default 256): smaller chunks give the first results sooner. */
  chunkSize?: number;
  /** Inputs with fewer rows are screened in-process (default {@link IN_PROCESS_BELOW}). */
  inProcessBelow?: number;
  /** Days after which a list is stale, for the workers (default: the engine's setting). */
  maxAgeDays?: number;
  /** Hears, once the stream ends, how many workers screened and their (or this process's) peak RSS. */
  onFinish?: (stats: { workers: number; peakRss: number }) => void;
}

/**
 * A chunk of screened rows, in input order: what each row gives, and their output lines (JSON
 * lines or CSV rows) as UTF-8 bytes ready to write. A CSV output's header row comes first, as a
 * chunk of no rows.
 */
export interface ScreenedChunk extends ChunkResult {
  /** How far into the input (in bytes) this chunk's last row reaches, for a progress bar. */
  position: number;
}

/** What {@link screenStream} needs of the engine. */
export interface StreamContext {
  engine: Pick<Engine, 'prepareScreening' | 'coverage' | 'maxAgeDays'>;
  store: Store;
  /** The database's address, which the workers open. */
  database: string;
  home: string;
}

/** A row and the byte offset in the input where it ends. */
interface Located {
  row: BatchRow;
  end: number;
}

/** Something that screens one chunk. */
type Screener = (rows: BatchRow[]) => Promise<ChunkResult>;

/**
 * Screens every row of `bytes` (see the module comment) and yields the chunks in input order.
 * Rows that cannot be screened come out with their error (the batch goes on). Refuses before
 * reading with E_NOT_READY when no list (or none of `screen.sources`) is loaded, and before any
 * row is screened when a CSV lacks its header or name column. Fails (and leaves no worker
 * running) on a worker crash; stopping early (`return()`, a `break`) stops the workers too.
 */
export async function* screenStream(
  ctx: StreamContext,
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ScreenStreamOptions,
): AsyncGenerator<ScreenedChunk> {
  const screen = options.screen ?? {};
  // Every row would come out unmatched with no list to screen against: refuse first.
  await ctx.engine.coverage(screen.sources);
  const columns: Columns = { ...options.columns, name: options.columns?.name ?? 'name' };
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const wanted = options.workers ?? availableParallelism();
  const format = options.output ?? 'jsonl';
  const source = await openRowStream(
    buffers(bytes),
    options.format,
    columns,
    options.source ?? 'input',
  );
  // Read up to the in-process limit: an input that ends before it is not worth forking for.
  // In-process (one worker asked for) nothing is read ahead: the first rows are screened at once.
  const head: Located[] = [];
  const limit = wanted > 1 ? (options.inProcessBelow ?? IN_PROCESS_BELOW) : 0;
  let ended = false;
  while (!ended && head.length < limit) {
    const next = await source.rows.next();
    if (next.done) ended = true;
    else head.push({ row: next.value, end: source.position() });
  }
  const workers = wanted > 1 && !ended ? wanted : 0;

  let pool: WorkerPool | undefined;
  let failed = true;
  // Each worker gets about two chunks ahead, so none idles while the parent reads and writes;
  // together with the chunk size this caps memory whatever the input size.
  const queue = new OrderedQueue<ScreenedChunk>(workers ? workers * 2 + 2 : 2);
  let producing: Promise<void> | undefined;
  try {
    let screener: Screener;
    if (workers) {
      const { database } = ctx;
      const maxAgeDays = options.maxAgeDays ?? ctx.engine.maxAgeDays();
      // The index is built here once, if no process stored it yet: each worker then loads it
      // instead of every worker building its own at the same time (issue 17). Its header is
      // enough here: each worker checks the whole file as it loads it, and builds its own if the
      // body is bad, so this process need not read it too.
      await ensureStoredIndex(ctx.store, database, ctx.home, undefined, { check: 'header' });
      pool = new WorkerPool({
        size: workers,
        database,
        home: ctx.home,
        maxAgeDays,
        options: screen,
        format,
        onFailure: (e) => queue.fail(e),
      });
      screener = (rows) => pool!.screen(rows);
    } else {
      // Yield between chunks so writes drain and other work (a server's requests) goes on.
      screener = async (rows) => {
        await nextTurn();
        const prepared = await ctx.engine.prepareScreening();
        return screenRows(prepared.screen, rows, screen, format);
      };
    }
    if (format === 'csv') yield { rows: [], bytes: Buffer.from(csvHeader(), 'utf8'), position: 0 };

    // Rows are taken from the source one loop deep, not through three more generators that
    // located, prepended and grouped them: each level of `for await` costs every row a few
    // promises, and garbage collection was ~30% of this process's busy time in a distinct
    // batch (profiled).
    let ahead = 0; // rows of `head` handed out
    const produce = async () => {
      try {
        for (;;) {
          const rows: BatchRow[] = [];
          let position = 0;
          for (; rows.length < chunkSize && ahead < head.length; ahead++) {
            rows.push(head[ahead]!.row);
            position = head[ahead]!.end;
          }
          while (rows.length < chunkSize && !ended) {
            const next = await source.rows.next();
            if (next.done) ended = true;
            else {
              rows.push(next.value);
              position = source.position();
            }
          }
          if (!rows.length) break;
          await queue.slot(); // wait before screening starts, not after
          await queue.push(screener(rows).then((result) => ({ ...result, position })));
        }
        queue.close();
      } catch (err) {
        queue.fail(err);
      }
    };
    producing = produce();
    for await (const chunk of queue) yield chunk;
    failed = false;
  } finally {
    // Stopped early or failed: the reader stops at its next chunk and closes the input itself
    // (not awaited: it may be waiting for bytes a client never sends); not closed under itself.
    if (failed) queue.fail(new Error('the batch stopped'));
    if (!producing) await source.rows.return(undefined);
    else if (!failed) await producing;
    else producing.catch(() => {});
    await pool?.close(failed);
    options.onFinish?.({
      workers,
      peakRss: pool ? pool.peakRss : process.resourceUsage().maxRSS * 1024,
    });
  }
}

/** Byte chunks as Buffers (a file or a request gives Buffers; a web stream gives Uint8Arrays). */
async function* buffers(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Buffer> {
  for await (const b of bytes)
    yield Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
