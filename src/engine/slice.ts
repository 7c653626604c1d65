/**
 * @module
 * Time slicing for long builds in a process that also answers requests. An index build iterates
 * the store entity by entity; with SQLite each step is a microtask, and microtasks never let the
 * event loop run, so a build of a few seconds held every request (and `/healthz`) for all of it.
 * A build that awaits {@link TimeSlicer.pause} after each entity gives the event loop a turn
 * every few milliseconds instead.
 */

/** Default slice: short enough that a request waits at most this long behind the build. */
export const DEFAULT_SLICE_MS = 4;

/**
 * Hands the event loop back (through `setImmediate`, so I/O callbacks run) every `sliceMs`.
 * Times with the global `performance` (node:perf_hooks's, without loading the rest of that
 * module, as importing it did in every CLI command: issue 17).
 */
export class TimeSlicer {
  private readonly sliceMs: number;
  private started = performance.now();
  /** How many times the build gave the event loop a turn (for tests and benchmarks). */
  yields = 0;

  constructor(sliceMs = DEFAULT_SLICE_MS) {
    this.sliceMs = sliceMs;
  }

  /**
   * Undefined while the slice lasts (the caller carries on synchronously: no promise per step),
   * else a promise that resolves on the event loop's next check phase.
   */
  pause(): Promise<void> | undefined {
    if (performance.now() - this.started < this.sliceMs) return undefined;
    this.yields++;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.started = performance.now();
        resolve();
      }),
    );
  }
}
