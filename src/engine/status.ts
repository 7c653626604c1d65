/**
 * @module
 * The status of every source: which snapshot is active, how big, since when.
 */
import { SOURCE_IDS, type SourceId } from '../core/index.ts';
import { SOURCES } from '../sources/index.ts';
import type { Snapshot, Store } from '../store/index.ts';

/** One source's line in `lists status`. */
export interface SourceStatus {
  source: SourceId;
  title: string;
  /** The active snapshot, or null when nothing is loaded. */
  active: Snapshot | null;
  /** Ids of all snapshots, oldest first. */
  snapshots: string[];
}

/** Status of every source (loaded or not). */
export function listStatus(store: Store): SourceStatus[] {
  return SOURCE_IDS.map((id) => ({
    source: id,
    title: SOURCES[id].title,
    active: store.activeSnapshot(id) ?? null,
    snapshots: store.listSnapshots(id).map((s) => s.id),
  }));
}
