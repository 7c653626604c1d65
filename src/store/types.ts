/**
 * @module
 * The store port: what the engine needs from persistence. SQLite (better-sqlite3) implements it
 * today; PostgreSQL will implement the same interface, and the contract tests run against both.
 */
import type { ListedEntity, ParseWarning, SourceId, StoredEntity } from '../core/index.ts';

/** A file that went into a snapshot. */
export interface SnapshotFile {
  /** Role in the source (`sdn`, `alt`, …). */
  role: string;
  /** Base name as loaded. */
  name: string;
  /** Absolute path at load time (informational: the file may move later). */
  path: string;
  sha256: string;
  size: number;
  /** Records (rows, elements) the parser read from it. */
  records: number;
}

/** How the snapshot's date was decided. */
export type DateOrigin = 'file' | 'option' | 'folder';

/** A stored snapshot: one complete load of one source. */
export interface Snapshot {
  /** `<source>@<date>`, with `.2`, `.3`… when the same date was loaded with other files. */
  id: string;
  source: SourceId;
  /** The list's date (`YYYY-MM-DD`). */
  date: string;
  dateOrigin: DateOrigin;
  /** ISO timestamp of the load. */
  loadedAt: string;
  /** Milliseconds the load took (parse + validate + store). */
  loadMs: number;
  entityCount: number;
  warningCount: number;
  files: SnapshotFile[];
}

/** An entity handed to the store, with the content hash the engine computed. */
export interface EntityToStore {
  entity: ListedEntity;
  hash: string;
}

/** What the engine gives the store to write one snapshot. */
export interface SnapshotDraft {
  source: SourceId;
  files: SnapshotFile[];
  entities: AsyncIterable<EntityToStore>;
  /**
   * Called once the entities are consumed, to learn the date and final file record counts
   * (both are known only after parsing).
   */
  finish(): {
    date: string;
    dateOrigin: DateOrigin;
    files: SnapshotFile[];
    warnings: ParseWarning[];
  };
}

/** Options of {@link Store.iterateEntities}. */
export interface IterateOptions {
  /** Include the raw source record (default true); the matcher does not need it. */
  raw?: boolean;
  /** Include the related Sanction/Address/Identification entities (default true). */
  related?: boolean;
}

/** History of one entity id within a source, as of a snapshot. */
export interface EntityHistory {
  firstSeen: string;
  lastChange: string;
  lastSeen: string;
}

/** The persistence port. All methods throw EmbargoError on failure. */
export interface Store {
  /** The snapshot of `source` whose files have exactly these sha256 sums, if any. */
  findSnapshotByFiles(source: SourceId, sha256s: string[]): Snapshot | undefined;
  /**
   * Writes a snapshot atomically: the entities are streamed in inside one transaction, which
   * commits only if every entity was read and the draft finished without error. Until then other
   * readers keep seeing the previous state.
   */
  writeSnapshot(draft: SnapshotDraft): Promise<Snapshot>;
  /** Snapshots of one source (or all), oldest date first. */
  listSnapshots(source?: SourceId): Snapshot[];
  /** One snapshot by id. */
  getSnapshot(id: string): Snapshot | undefined;
  /** The active snapshot of a source: the one with the newest date. */
  activeSnapshot(source: SourceId): Snapshot | undefined;
  /** Warnings recorded for a snapshot. */
  snapshotWarnings(id: string): ParseWarning[];
  /** An entity as stored in a snapshot (default: the active snapshot of its source). */
  getEntity(id: string, snapshotId?: string): StoredEntity | undefined;
  /** Entity id → content hash for one snapshot. */
  entityHashes(snapshotId: string): Map<string, string>;
  /** Streams every entity of a snapshot, ordered by id, with its history. */
  iterateEntities(snapshotId: string, options?: IterateOptions): IterableIterator<StoredEntity>;
  /**
   * A token that changes whenever any snapshot is written, by this process or another: caches
   * built from the store (the matcher's index) compare it to know they are stale.
   */
  version(): string;
  /** Releases the connection. */
  close(): void;
}
