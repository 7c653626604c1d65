/**
 * @module
 * Lowering this whole process's CPU priority: a `lists load` on the machine of a server
 * answering requests (issue 17).
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers every thread of this process to the nice value `nice` (never raises one). On Linux a
 * nice value belongs to a thread, and `setPriority` without a pid sets only the calling one:
 * V8's garbage-collection helpers and libuv's pool, started with the process, would go on
 * competing at the old priority; each is set through its thread id (/proc/self/task). Threads
 * started afterwards inherit it. Elsewhere the process is set. Not allowed or unknown: left as
 * it is (the work runs at the priority it had).
 */
export function lowerPriority(nice: number): void {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0];
  }
  for (const tid of threads)
    try {
      if (getPriority(tid) < nice) setPriority(tid, nice);
    } catch {
      // Gone meanwhile, or not allowed.
    }
}
