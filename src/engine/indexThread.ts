/**
 * @module
 * A server's background index, loaded or built on a worker thread (indexWorker.ts) rather than
 * between its requests (issue 17). Building in 4 ms slices on the thread that answers still
 * left steps of a second on it (encoding and storing the index, sealing its vocabulary), and
 * every slice was time taken from requests; on its own thread the whole build runs beside them
 * and only the body comes back, moved (a transferred ArrayBuffer, not copied), for
 * {@link indexFromBytes} to decode in slices.
 */
import type { Worker as WorkerThread } from 'node:worker_threads';
import { EmbargoError, ERROR_CODES, type ErrorCode } from '../core/index.ts';
import type { Snapshot } from '../store/index.ts';
import type { IndexBytes, IndexCacheConfig } from './indexCache.ts';

/** What the worker is given. */
export interface IndexJob {
  /** The database's address (the worker opens its own connection). */
  database: string;
  cache: IndexCacheConfig;
  active: Snapshot[];
  /** The worker thread's nice value (Linux: per thread), taken before it loads its modules. */
  nice: number;
}

/** What the worker answers. */
export type IndexJobResult =
  | {
      ok: true;
      buffer: ArrayBuffer;
      byteOffset: number;
      byteLength: number;
      from: IndexBytes['from'];
      stored: boolean;
      rejected?: string;
    }
  | { ok: false; message: string; code?: string };

/**
 * Nice value of the index thread from its start (loading its modules and the stored index, or
 * building it), and of a `lists load` process: below the threads answering requests when the
 * cores are contended (each worker of a server on a 2-core machine), yet not so low that a busy
 * server never gets its new index (at 19 a build would have ~1.5% of a busy core).
 */
export const BUILD_NICE = 5;

/** Whether this module runs compiled (dist/) or from the sources through tsx (tests, dev). */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER = new URL(COMPILED ? './indexWorker.js' : './indexWorker.ts', import.meta.url);

/**
 * The stored index over `active` as bytes, loaded or built (and stored) on a worker thread.
 * Rejects with the worker's error (its message and code) if it fails, or if the thread dies.
 */
export function storedIndexInWorker(job: Omit<IndexJob, 'nice'>): Promise<IndexBytes> {
  const data: IndexJob = { ...job, nice: BUILD_NICE };
  // Loaded here, not imported: every CLI command loads this module, and only a server starts
  // an index thread (worker_threads is ~3 ms CPU of a cold `embargo screen`, issue 17).
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker: WorkerThread = COMPILED
    ? new Worker(WORKER, { workerData: data })
    : // From the sources: the thread registers tsx (as bin/embargo.js does) before importing.
      new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(WORKER.href)}); });`,
        { eval: true, workerData: data },
      );
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (r: IndexJobResult) => {
      settled = true;
      if (r.ok)
        resolve({
          body: new Uint8Array(r.buffer, r.byteOffset, r.byteLength),
          from: r.from,
          stored: r.stored,
          ...(r.rejected !== undefined && { rejected: r.rejected }),
        });
      else
        reject(
          r.code && Object.values(ERROR_CODES).includes(r.code as ErrorCode)
            ? new EmbargoError(r.code as ErrorCode, r.message)
            : new Error(r.message),
        );
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the index build thread exited (${code}) without an answer`));
      settled = true;
    });
  });
}
