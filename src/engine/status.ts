/**
 * @module
 * The status of every source: which snapshot is active, how big, since when, and how fresh its
 * downloads are.
 */
import { SOURCE_IDS, type SourceId } from '../core/index.ts';
import { SOURCES } from '../sources/index.ts';
import type { RefreshOutcomeKind, Snapshot, Store } from '../store/index.ts';

/** How current a source's downloads are, for an operator to alert on. */
export interface SourceFreshness {
  source: SourceId;
  /** When the last successful refresh (activated, loaded or unchanged) finished; null if none. */
  lastSuccessAt: string | null;
  /** When the last refresh attempt finished, whatever its outcome; null if none. */
  lastAttemptAt: string | null;
  lastOutcome: RefreshOutcomeKind | null;
  /** Why the last attempt was refused or failed (or its note). */
  lastMessage: string | null;
  /** Age of the last successful refresh in whole seconds; null if the source was never refreshed. */
  staleSeconds: number | null;
}

/** One source's line in `lists status`. */
export interface SourceStatus {
  source: SourceId;
  title: string;
  /** The active snapshot, or null when nothing is loaded. */
  active: Snapshot | null;
  /** Ids of all snapshots, oldest first. */
  snapshots: string[];
  /** Its downloads (`lists update` without `--from`, `lists watch`). */
  freshness: SourceFreshness;
}

/** Status of every source (loaded or not). */
export function listStatus(store: Store, now = Date.now()): SourceStatus[] {
  return SOURCE_IDS.map((id) => ({
    source: id,
    title: SOURCES[id].title,
    active: store.activeSnapshot(id) ?? null,
    snapshots: store.listSnapshots(id).map((s) => s.id),
    freshness: freshnessOf(store, id, now),
  }));
}

/** Freshness of every source. */
export function listFreshness(store: Store, now = Date.now()): SourceFreshness[] {
  return SOURCE_IDS.map((id) => freshnessOf(store, id, now));
}

function freshnessOf(store: Store, source: SourceId, now: number): SourceFreshness {
  const { attempt, success } = store.lastRefreshes(source);
  return {
    source,
    lastSuccessAt: success?.finishedAt ?? null,
    lastAttemptAt: attempt?.finishedAt ?? null,
    lastOutcome: attempt?.outcome ?? null,
    lastMessage: attempt?.message ?? null,
    staleSeconds: success
      ? Math.max(0, Math.floor((now - Date.parse(success.finishedAt)) / 1000))
      : null,
  };
}
