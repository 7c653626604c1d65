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
import type { IndexJob, IndexJobResult } from './indexThread.ts';

const job = workerData as IndexJob;
// This thread's priority is lowered first (on Linux a thread's nice value is its own), before
// it loads the engine's modules: loading them, reading the stored index and its CRC-32 took
// ~0.7 s of CPU per swap (bench/swap-decode.ts's thread measure), at the priority of the
// threads answering requests, on each server worker at once.
try {
  setPriority(job.nice);
} catch {
  // Not allowed (or not Linux): the thread runs at the process's priority.
}
const { openStore } = await import('../store/index.ts');
const { storedIndexBytes } = await import('./indexCache.ts');
const store = openStore(job.database);
let result: IndexJobResult;
let transfer: ArrayBuffer[] = [];
try {
  const r = await storedIndexBytes(store, job.active, job.cache);
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
