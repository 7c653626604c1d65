/**
 * @module
 * The status of every source: which snapshot is active, how big, since when, and how fresh its
 * downloads are.
 */
import { SOURCE_IDS, type SourceId } from '../core/index.ts';
import { SOURCES } from '../sources/index.ts';
import type { RefreshOutcomeKind, Snapshot, Store } from '../store/index.ts';
import { coveredSnapshot } from './coverage.ts';

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
  /**
   * Age of the last successful refresh in whole seconds; for a list that was never downloaded
   * (loaded from files or a mirror), the age of its list date, since nothing newer vouches for
   * it; null only when the source has neither.
   */
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
  /**
   * Whole days since the active list's date (or its last confirming download, if later); null
   * when nothing is loaded. Counted however the list was loaded.
   */
  ageDays: number | null;
  /** The active list is older than `maxAgeDays`: answers relying on it say so (REVIEW). */
  stale: boolean;
  /** The age beyond which a list is stale; null when the check is off. */
  maxAgeDays: number | null;
}

/** Status of every source (loaded or not); lists older than `maxAgeDays` (0: no check) are stale. */
export async function listStatus(
  store: Store,
  now = Date.now(),
  maxAgeDays = 0,
): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  for (const id of SOURCE_IDS) {
    const active = (await store.activeSnapshot(id)) ?? null;
    const freshness = await freshnessOf(store, id, now, active);
    const { success } = await store.lastRefreshes(id);
    const age = active
      ? coveredSnapshot(
          active,
          success?.snapshot === active.id ? success.finishedAt : undefined,
          maxAgeDays,
          now,
        )
      : undefined;
    out.push({
      source: id,
      title: SOURCES[id].title,
      active,
      snapshots: (await store.listSnapshots(id)).map((s) => s.id),
      freshness,
      ageDays: age?.age_days ?? null,
      stale: age?.stale ?? false,
      maxAgeDays: maxAgeDays > 0 ? maxAgeDays : null,
    });
  }
  return out;
}

/** Freshness of every source. */
export async function listFreshness(store: Store, now = Date.now()): Promise<SourceFreshness[]> {
  const out: SourceFreshness[] = [];
  for (const id of SOURCE_IDS)
    out.push(await freshnessOf(store, id, now, (await store.activeSnapshot(id)) ?? null));
  return out;
}

async function freshnessOf(
  store: Store,
  source: SourceId,
  now: number,
  active: Snapshot | null,
): Promise<SourceFreshness> {
  const { attempt, success } = await store.lastRefreshes(source);
  // Never downloaded: the list date is the last thing that says the list was current.
  const since = success
    ? Date.parse(success.finishedAt)
    : active
      ? Date.parse(`${active.date}T00:00:00Z`)
      : undefined;
  return {
    source,
    lastSuccessAt: success?.finishedAt ?? null,
    lastAttemptAt: attempt?.finishedAt ?? null,
    lastOutcome: attempt?.outcome ?? null,
    lastMessage: attempt?.message ?? null,
    staleSeconds: since === undefined ? null : Math.max(0, Math.floor((now - since) / 1000)),
  };
}
