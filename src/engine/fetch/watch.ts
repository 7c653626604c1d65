/**
 * @module
 * A refresh on a schedule: the first round at once, the next `every` after each round ends (so
 * rounds never overlap), a failed round logged and survived, and a stop that waits for the round
 * under way to wind down.
 */
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { sleep } from './_backoff.ts';

/** Options of {@link runSchedule}. */
export interface ScheduleOptions {
  /** Pause between the end of a round and the start of the next, in ms. */
  everyMs: number;
  /** Stops the schedule; the round under way gets the signal too. */
  signal: AbortSignal;
  /** One round. */
  round: (round: number, signal: AbortSignal) => Promise<void>;
  /** Called when a round throws; the schedule goes on. */
  onError: (err: unknown, round: number) => void;
}

/** Runs rounds until the signal aborts; resolves once the last round has ended. */
export async function runSchedule(options: ScheduleOptions): Promise<void> {
  for (let n = 1; !options.signal.aborted; n++) {
    try {
      await options.round(n, options.signal);
    } catch (err) {
      if (!options.signal.aborted) options.onError(err, n);
    }
    try {
      await sleep(options.everyMs, options.signal);
    } catch {
      break;
    }
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration such as `1h`, `30m`, `1h30m`, `45s` or `500ms` into ms; USAGE error if bad. */
export function parseDuration(text: string): number {
  const s = text.trim().toLowerCase();
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
  if (!parts.length || parts.map((p) => p[0]).join('') !== s || !(ms > 0))
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `--every ${text}: expected a duration such as 1h, 30m, 1h30m, 45s or 500ms`,
    );
  return ms;
}
