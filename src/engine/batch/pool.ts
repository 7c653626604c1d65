/**
 * @module
 * A pool of screening worker processes. Processes rather than threads because each worker holds a
 * whole matcher (an index of every listed name) and screening is CPU-bound: separate processes give
 * each its own heap and garbage collector, one per core, and a crash in one is seen as a crash
 * instead of taking the parent down.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EmbargoError, ERROR_CODES, type ErrorCode } from '../../core/index.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';
import type { BatchRow, ChunkResult } from './types.ts';

/**
 * Whether this module runs compiled (dist/, built on install) or from the TypeScript sources
 * through tsx (development and tests): workers run the same way as their parent.
 */
const COMPILED = import.meta.url.endsWith('.js');

/** The worker script beside this module. */
export const WORKER_SCRIPT = fileURLToPath(
  new URL(COMPILED ? './worker.js' : './worker.ts', import.meta.url),
);

/** How long closing workers may take to exit on their own before they are killed. */
const EXIT_GRACE_MS = 5000;

/** Options of {@link WorkerPool}. */
export interface PoolOptions extends Omit<WorkerInit, 'type'> {
  /** Number of worker processes. */
  size: number;
  /** Script to fork (tests use a stand-in). */
  script?: string;
  /** Called once, with the first failure of any worker (a crash, or an error it reported). */
  onFailure?: (err: EmbargoError) => void;
  /**
   * Keep the workers' memory near their floor (default true): small semi-spaces and a full
   * collection whenever the heap has grown by a margin. A batch of millions of rows needs it; a
   * trade book's workers, which answer in many small chunks, spent a quarter of their time
   * collecting garbage with it (measured), so it turns it off.
   */
  lean?: boolean;
}

interface Pending {
  resolve: (result: ChunkResult) => void;
  reject: (err: unknown) => void;
}

/** A chunk not yet handed to a worker. */
interface Waiting extends Pending {
  seq: number;
  rows: BatchRow[];
}

/**
 * Chunks a worker holds at most: the one it screens and the next, already in its channel, so it
 * never waits for the parent between two. More are kept here and go to whichever worker comes
 * free first: handed out at once, they would queue behind a slow chunk while another worker
 * idles, most of all at the end of a batch.
 */
const AHEAD = 2;

interface Worker {
  index: number;
  child: ChildProcess;
  pending: Map<number, Pending>;
  exited: Promise<void>;
  alive: boolean;
}

/** Worker processes answering chunks of rows; see {@link WorkerPool.screen}. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly onFailure: ((err: EmbargoError) => void) | undefined;
  private failure: EmbargoError | undefined;
  private closing = false;
  private seq = 0;
  /** Chunks waiting for a worker with room (see {@link AHEAD}), in the order they came. */
  private readonly waiting: Waiting[] = [];
  /** Highest resident set size any worker reported, in bytes. */
  peakRss = 0;

  constructor(options: PoolOptions) {
    this.onFailure = options.onFailure;
    // `--expose-gc` for memory.ts; small semi-spaces, since a worker's garbage is small and
    // short-lived and the default young generation would hold ~30 MB more; from the sources,
    // `--import <tsx>` by absolute URL, so the workers find tsx wherever the caller's cwd is.
    const execArgv = [
      ...(options.lean === false ? [] : ['--expose-gc', '--max-semi-space-size=4']),
      ...(COMPILED ? [] : ['--import', import.meta.resolve('tsx')]),
    ];
    const init: ToWorker = {
      type: 'init',
      database: options.database,
      ...(options.home !== undefined && { home: options.home }),
      ...(options.maxAgeDays !== undefined && { maxAgeDays: options.maxAgeDays }),
      options: options.options,
      format: options.format,
    };
    // Loaded here, not imported: every CLI command loads this module, and only a batch forks
    // (child_process is ~5 ms CPU of a cold `embargo screen`, issue 17).
    const { fork } = process.getBuiltinModule('node:child_process');
    this.workers = Array.from({ length: options.size }, (_, index) => {
      const child = fork(options.script ?? WORKER_SCRIPT, [], {
        execArgv,
        // Workers never write to stdout (it may carry the parent's --json); their stderr shows
        // a crash's stack trace.
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
      });
      const worker: Worker = {
        index,
        child,
        pending: new Map(),
        alive: true,
        exited: new Promise((resolve) => child.once('exit', () => resolve())),
      };
      child.on('message', (msg: FromWorker) => this.receive(worker, msg));
      child.once('exit', (code, signal) => this.exited(worker, code, signal));
      child.on('error', (err) =>
        this.fail(worker, this.internal(worker, `failed: ${err.message}`)),
      );
      child.send(init);
      return worker;
    });
  }

  /** Number of worker processes. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Screens a chunk on worker `on` (0-based), or else on the first worker with room for it (see
   * {@link AHEAD}), so a worker slowed by hard names gets less. Rejects if any worker has failed:
   * one lost chunk spoils the whole output.
   */
  screen(rows: BatchRow[], on?: number): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise<ChunkResult>((resolve, reject) => {
      const chunk = { seq, rows, resolve, reject };
      if (on !== undefined) return this.hand(this.workers[on]!, chunk);
      let worker = this.workers[0]!;
      for (const w of this.workers) if (w.pending.size < worker.pending.size) worker = w;
      if (worker.pending.size < AHEAD && !this.waiting.length) this.hand(worker, chunk);
      else this.waiting.push(chunk);
    });
  }

  private hand(worker: Worker, chunk: Waiting): void {
    worker.pending.set(chunk.seq, { resolve: chunk.resolve, reject: chunk.reject });
    worker.child.send({ type: 'chunk', seq: chunk.seq, rows: chunk.rows } satisfies ToWorker);
  }

  /**
   * Ends every worker and waits until all have exited. Normally they are asked to leave (the IPC
   * channel is closed, and each exits on `disconnect`); with `kill`, or if they take too long,
   * they are killed.
   */
  async close(kill = false): Promise<void> {
    this.closing = true;
    // Chunks no worker took will not be answered now.
    for (const p of this.waiting.splice(0)) p.reject(new Error('the batch workers were closed'));
    for (const w of this.workers) {
      if (!w.alive) continue;
      if (kill) w.child.kill('SIGKILL');
      else if (w.child.connected) w.child.disconnect();
    }
    const all = Promise.all(this.workers.map((w) => w.exited));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), EXIT_GRACE_MS)),
    );
    if ((await Promise.race([all, late])) === 'late')
      for (const w of this.workers) if (w.alive) w.child.kill('SIGKILL');
    clearTimeout(timer);
    await all;
  }

  private receive(worker: Worker, msg: FromWorker): void {
    if (msg.type === 'fatal') {
      const code = (Object.values(ERROR_CODES) as string[]).includes(msg.error.code)
        ? (msg.error.code as ErrorCode)
        : ERROR_CODES.INTERNAL;
      this.fail(
        worker,
        new EmbargoError(
          code,
          `batch worker ${worker.index + 1} (pid ${worker.child.pid}): ${msg.error.message}`,
        ),
      );
      return;
    }
    this.peakRss = Math.max(this.peakRss, msg.rss);
    const p = worker.pending.get(msg.seq);
    worker.pending.delete(msg.seq);
    if (worker.pending.size < AHEAD && this.waiting.length)
      this.hand(worker, this.waiting.shift()!);
    p?.resolve(msg.result);
  }

  private exited(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    worker.alive = false;
    if (this.closing && !worker.pending.size) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    this.fail(worker, this.internal(worker, `${how} while screening`));
  }

  private internal(worker: Worker, what: string): EmbargoError {
    return new EmbargoError(
      ERROR_CODES.INTERNAL,
      `batch worker ${worker.index + 1} (pid ${worker.child.pid}) ${what}`,
    );
  }

  /** Records the first failure, rejects every chunk still waiting anywhere, and reports it. */
  private fail(worker: Worker, err: EmbargoError): void {
    const first = !this.failure;
    this.failure ??= err;
    for (const w of [worker, ...this.workers]) {
      for (const p of w.pending.values()) p.reject(this.failure);
      w.pending.clear();
    }
    for (const p of this.waiting.splice(0)) p.reject(this.failure);
    if (first) this.onFailure?.(this.failure);
  }
}
