/**
 * @module
 * Readiness: the server answers `/readyz` with 200 once the screening index has been built and at
 * least one list snapshot is active. The index is built right after start-up, off the request
 * path, so that the first `/match` does not pay for it.
 */
import { ERROR_CODES, type Algorithm } from '../core/index.ts';
import { DEFAULT_THRESHOLDS, type Engine } from '../engine/index.ts';

/** Whether an error is the engine's refusal to screen with no list loaded. */
function isNotReady(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === ERROR_CODES.NOT_READY;
}

/** A query that exists only to make the engine build its index, or report a threshold. */
const PROBE = { schema: 'Thing' as const, properties: { name: ['embargo readiness probe'] } };

/** Tracks whether the engine is ready to screen. */
export class Readiness {
  private built = false;
  private readonly thresholds = new Map<Algorithm, number>();
  private readonly engine: Engine;

  constructor(engine: Engine) {
    this.engine = engine;
  }

  /** Builds the screening index (its indexing takes the event loop for a second or two). */
  async warm(): Promise<void> {
    try {
      await this.engine.screen(PROBE, { limit: 1 });
    } catch (err) {
      // No list yet: the (empty) index is built all the same; check() says what is missing.
      if (!isNotReady(err)) throw err;
    }
    this.built = true;
  }

  /**
   * Whether the server is ready, and if not, why. A server following the store in the
   * background is ready while its index serves at least one snapshot, through a swap and after
   * a failed one (then `detail` says what could not be built: answers still name their lists).
   */
  async check(): Promise<{ ready: true; detail?: string } | { ready: false; detail: string }> {
    if (!this.built) return { ready: false, detail: 'the screening index is being built' };
    const s = this.engine.screeningStatus();
    if (s.watching) {
      if (!s.snapshots.length)
        return {
          ready: false,
          detail: s.building
            ? `the screening index of ${s.building.join(', ')} is being built`
            : 'no list snapshot is active: load a list first',
        };
      const f = s.failed;
      return f
        ? {
            ready: true,
            detail: `serving ${s.snapshots.join(', ')}; ${f.snapshots ? `building the index of ${f.snapshots.join(', ')}` : 'checking the store for new lists'} failed at ${f.at} (${f.message}) and is retried`,
          }
        : { ready: true };
    }
    if (!(await this.engine.status()).some((s) => s.active))
      return { ready: false, detail: 'no list snapshot is active: load a list first' };
    return { ready: true };
  }

  /** The default threshold of an algorithm, as the engine applies it. */
  async threshold(algorithm: Algorithm): Promise<number> {
    let t = this.thresholds.get(algorithm);
    if (t === undefined) {
      try {
        t = (await this.engine.screen(PROBE, { algorithm, limit: 1 })).threshold;
      } catch (err) {
        // With no list the engine screens nothing; its defaults are the thresholds it would use.
        if (!isNotReady(err)) throw err;
        return DEFAULT_THRESHOLDS[algorithm];
      }
      this.thresholds.set(algorithm, t);
    }
    return t;
  }
}
