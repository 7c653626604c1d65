/**
 * @module
 * The thread that loads or builds a stored screening index for a server's background swap
 * (started by indexThread.ts): it opens the store on a connection of its own, reads the stored
 * index or builds, encodes and stores it, and hands the body back as a transferred
 * ArrayBuffer. Everything that is one long synchronous step (tokenising every list name,
 * sealing the vocabulary, encoding ~20 MB, its CRC-32, the write) happens here, not on the
 * thread that answers requests.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import { storedIndexBytes } from './indexCache.ts';
import type { IndexJob, IndexJobResult } from './indexThread.ts';

const job = workerData as IndexJob;
/**
 * Lowers this thread's priority for a build (on Linux a thread's nice value is its own): the
 * build yields the cores to the threads answering requests when they are busy. Only for a
 * build: loading a stored index is brief, and at a low priority on a loaded machine the thread
 * took tens of seconds just to start.
 */
const lower = () => {
  try {
    setPriority(job.nice);
  } catch {
    // Not allowed (or not Linux): the build runs at the process's priority.
  }
};
const store = openStore(job.database);
let result: IndexJobResult;
let transfer: ArrayBuffer[] = [];
try {
  const r = await storedIndexBytes(store, job.active, job.cache, lower);
  result = {
    ok: true,
    buffer: r.body.buffer as ArrayBuffer,
    byteOffset: r.body.byteOffset,
    byteLength: r.body.byteLength,
    from: r.from,
    stored: r.stored,
    ...(r.rejected !== undefined && { rejected: r.rejected }),
  };
  transfer = [result.buffer];
} catch (err) {
  result = {
    ok: false,
    message: err instanceof Error ? err.message : String(err),
    ...(typeof (err as { code?: unknown })?.code === 'string' && {
      code: (err as { code: string }).code,
    }),
  };
} finally {
  await store.close().catch(() => undefined);
}
parentPort!.postMessage(result!, transfer);
