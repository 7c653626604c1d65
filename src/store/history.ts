/**
 * @module
 * first_seen / last_change / last_seen, derived from the snapshots rather than stored, so they stay
 * right when an older list is loaded after a newer one.
 */
import type { EntityHistory } from './types.ts';

/** One appearance of an entity: the snapshot date and the content hash it had there. */
export interface Appearance {
  date: string;
  hash: string;
  /** Position of the snapshot among all snapshots of the source, by date. */
  seq: number;
}

/**
 * History as of the snapshot at position `asOfSeq`. `appearances` are sorted by seq. An entity
 * absent from a snapshot in between breaks the run, so a re-listing counts as a change.
 */
export function historyOf(
  appearances: readonly Appearance[],
  asOfSeq: number,
): EntityHistory | undefined {
  const upto = appearances.filter((a) => a.seq <= asOfSeq);
  const last = upto[upto.length - 1];
  if (!last) return undefined;
  let start = upto.length - 1;
  while (start > 0) {
    const prev = upto[start - 1]!;
    if (prev.hash !== last.hash || prev.seq !== upto[start]!.seq - 1) break;
    start--;
  }
  return { firstSeen: upto[0]!.date, lastChange: upto[start]!.date, lastSeen: last.date };
}
