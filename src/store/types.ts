/**
 * @module
 * The store port: what the engine needs from persistence. Every data method is asynchronous, as
 * every PostgreSQL driver is; SQLite (better-sqlite3, the embedded default, `sqlite/`) and
 * PostgreSQL (`pg`, `postgres/`) implement it, and one contract suite (`contract.ts`) runs against
 * both. Each adapter versions its schema with migrations, so later tables (monitoring, audit) are
 * one more migration per dialect.
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

/**
 * How the snapshot's date was decided: stated by the file, given as an option, read from the
 * mirror folder's name, or the day a download was made (for lists that state no date).
 */
export type DateOrigin = 'file' | 'option' | 'folder' | 'download';

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
  finish(tx: StoreReader): Promise<{
    date: string;
    dateOrigin: DateOrigin;
    files: SnapshotFile[];
    warnings: ParseWarning[];
  }>;
  /**
   * Called inside the load's own transaction once the snapshot is complete and visible to it,
   * before it commits: what is written through `tx` (the changes it brought) commits with it, and
   * a throw rolls the whole snapshot back. Read through `tx`, not the store: on PostgreSQL only
   * the load's own connection sees the snapshot before it commits.
   */
  onComplete?(snapshot: Snapshot, tx: LoadTransaction): Promise<void>;
}

/**
 * The reads a load needs inside its own transaction (to find the active snapshot and diff against
 * it), and the store's reads generally.
 */
export interface StoreReader {
  /** Snapshots of one source (or all), oldest date first. */
  listSnapshots(source?: SourceId): Promise<Snapshot[]>;
  /** One snapshot by id. */
  getSnapshot(id: string): Promise<Snapshot | undefined>;
  /** The active snapshot of a source: the one with the newest date. */
  activeSnapshot(source: SourceId): Promise<Snapshot | undefined>;
  /** Entity id → content hash for one snapshot. */
  entityHashes(snapshotId: string): Promise<Map<string, string>>;
  /**
   * Entities as a snapshot lists them, without their history across snapshots (for diffs, which
   * read thousands of entities and need only their content); ids not in the snapshot are absent.
   */
  getListedEntities(ids: readonly string[], snapshotId: string): Promise<Map<string, ListedEntity>>;
}

/** A load's own transaction: its reads see the snapshot being written; its writes commit with it. */
export interface LoadTransaction extends StoreReader {
  /** Records what an activated snapshot changed, committing (or rolling back) with it. */
  recordActivation(activation: Activation): Promise<void>;
  /**
   * {@link Store.iterateEntities} as the load's transaction sees the store (the new snapshot
   * included): what lets a load build the screening index of the lists it is about to activate
   * before they are active (issue 17).
   */
  iterateEntities(snapshotId: string, options?: IterateOptions): AsyncIterable<StoredEntity>;
}

/** One use of a cap by one transaction (quantity in the cap's unit, value in its currency). */
export interface CapUse {
  measure: string;
  /** The cap's period (`2024`, `2024-H1`, …). */
  period: string;
  quantity: number;
  value: number;
}

/** A cap ledger: per transaction id, what it used of each cap. */
export type LedgerEntries = Record<string, CapUse[]>;

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

/** What an API key allows, each role including the ones before it: read < analyst < admin. */
export type ApiKeyRole = 'read' | 'analyst' | 'admin';

/** An API key as stored: never the key itself, only its sha256 (kept out of this shape too). */
export interface ApiKey {
  /** Public id (`key_…`), shown in lists and logs, used to revoke. */
  id: string;
  name: string;
  role: ApiKeyRole;
  /** ISO timestamps. */
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

/** A key to store: its id, name, role and the sha256 (hex) of the secret. */
export interface NewApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  hash: string;
}

/** What became of one refresh (download) of a source. */
export type RefreshOutcomeKind =
  /** A new snapshot was loaded and is now the active one. */
  | 'activated'
  /** A new snapshot was loaded but an active one is newer (the list states an older date). */
  | 'loaded'
  /** Nothing new: every file answered 304, or the files equal a stored snapshot's. */
  | 'unchanged'
  /** A file was unusable (HTTP error, timeout, truncated, HTML, unparsable, shrunken). */
  | 'refused'
  /** Something unexpected (a bug, the store failing). */
  | 'failed';

/** One file of a refresh, with what the server said about it. */
export interface RefreshFile {
  role: string;
  url: string;
  /** Name the file was saved and loaded under. */
  name: string;
  /** HTTP status of the response used (200 or 304), or 0 when the file was not fetched. */
  status: number;
  etag?: string;
  lastModified?: string;
  sha256?: string;
  size?: number;
}

/** One refresh attempt of one source, as recorded. */
export interface RefreshRecord {
  source: SourceId;
  /** ISO timestamps. */
  startedAt: string;
  finishedAt: string;
  outcome: RefreshOutcomeKind;
  /** The snapshot loaded, or the stored one the files equal. */
  snapshot?: string;
  /** Why it was refused or failed, or a note. */
  message?: string;
  /** The address the refusal concerns. */
  url?: string;
  files: RefreshFile[];
}

/** An entity named in a recorded change. */
export interface ChangedEntity {
  id: string;
  schema: string;
  caption: string;
  /** For `changed`: the fields that changed (property names, `programs`, `<related id>.<prop>`). */
  fields?: string[];
}

/** The changes an activated snapshot brought against the snapshot active before it. */
export interface Activation {
  snapshot: string;
  /** The snapshot active before; null for the first snapshot of a source (nothing recorded). */
  previous: string | null;
  source: SourceId;
  /** The snapshot's list date. */
  date: string;
  /** ISO timestamp of the activation. */
  activatedAt: string;
  entityCount: number;
  added: ChangedEntity[];
  removed: ChangedEntity[];
  changed: ChangedEntity[];
}

/** Options of {@link Store.activations}. */
export interface ActivationQuery {
  /** Snapshots whose list date is on or after this date (`YYYY-MM-DD`). */
  since: string;
  source?: SourceId;
}

/** Who holds a store's write lock, as far as can be told. */
export interface LockHolder {
  pid?: number;
  host?: string;
  /** ISO timestamp of when it took the lock. */
  since?: string;
  /** What it is doing, e.g. `loading ofac_sdn`. */
  what?: string;
  /** All of it in words, for a message ("process 1234 has held the write lock of … since …"). */
  describe?: string;
}

/** Options of {@link Store.exclusive}. */
export interface WriteLockOptions {
  /** What the holder will be doing, shown to writers who wait for it. */
  what: string;
  /** Called once when the lock is held by another writer and this one starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** How long to wait for the lock before giving up with E_BUSY (the store's default if unset). */
  waitMs?: number;
  /**
   * The source loaded, when the writer loads one: PostgreSQL locks per source (loads of other
   * sources go on meanwhile); SQLite has one writer per database whatever the source.
   */
  source?: SourceId;
}

/** The persistence port. All methods throw EmbargoError on failure (rejected promises). */
export interface Store extends StoreReader {
  /** `sqlite` or `postgres`, for messages and benchmarks. */
  readonly kind: string;
  /** Where it is, without credentials (a file path, or `postgres://host:port/db`). */
  readonly location: string;
  /**
   * Runs `fn` as the only writer of list snapshots (of `options.source`, where the adapter locks
   * per source): writers in other processes (and other connections of this one) wait until it is
   * done. A load checks "are these files stored already?" and writes inside it, so that two loads
   * of the same files make one snapshot. SQLite uses a lock file beside the database; PostgreSQL
   * a session advisory lock per source.
   * @throws E_BUSY when another writer still holds it after the wait allowed.
   */
  exclusive<T>(fn: () => Promise<T>, options: WriteLockOptions): Promise<T>;
  /** The snapshot of `source` whose files have exactly these sha256 sums, if any. */
  findSnapshotByFiles(source: SourceId, sha256s: string[]): Promise<Snapshot | undefined>;
  /**
   * Writes a snapshot atomically, in a transaction that is the load's own: the entities are read
   * (and staged) first, then written, and it commits only if every entity was read and the draft
   * finished without error. Until then other readers keep seeing the previous state, and no other
   * write (an API key's last use, a refresh record) joins the load's transaction, so a failed
   * load rolls back nothing but itself. When a complete snapshot of the source with the same
   * files exists by the time of the write (another writer stored them meanwhile), nothing is
   * written, {@link SnapshotDraft.finish} and {@link SnapshotDraft.onComplete} are not called,
   * and that snapshot is returned.
   */
  writeSnapshot(draft: SnapshotDraft): Promise<Snapshot>;
  /** Warnings recorded for a snapshot. */
  snapshotWarnings(id: string): Promise<ParseWarning[]>;
  /** An entity as stored in a snapshot (default: the active snapshot of its source). */
  getEntity(id: string, snapshotId?: string): Promise<StoredEntity | undefined>;
  /** Streams every entity of a snapshot, ordered by id, with its history. */
  iterateEntities(snapshotId: string, options?: IterateOptions): AsyncIterable<StoredEntity>;
  /** Records a refresh attempt. */
  recordRefresh(record: RefreshRecord): Promise<void>;
  /** The last refresh attempt of a source, and the last successful one (not refused or failed). */
  lastRefreshes(source: SourceId): Promise<{ attempt?: RefreshRecord; success?: RefreshRecord }>;
  /** Activations (with their changes) by list date then activation order. */
  activations(query: ActivationQuery): Promise<Activation[]>;
  /**
   * A token that changes whenever any snapshot is written, by this process or another: caches
   * built from the store (the matcher's index) compare it to know they are stale.
   */
  version(): Promise<string>;
  /** Stores a new API key (its hash only). */
  createApiKey(key: NewApiKey): Promise<ApiKey>;
  /** Every API key, revoked ones included, oldest first. */
  listApiKeys(): Promise<ApiKey[]>;
  /** The key whose secret hashes to `hash`, revoked or not. */
  findApiKeyByHash(hash: string): Promise<ApiKey | undefined>;
  /** Revokes a key (a no-op if it already is); undefined for an unknown id. */
  revokeApiKey(id: string): Promise<ApiKey | undefined>;
  /** Records when a key was last used. */
  touchApiKey(id: string, at: string): Promise<void>;
  /** The cap ledger kept under `name`, if one was saved. */
  readLedger(name: string): Promise<LedgerEntries | undefined>;
  /** Saves (replaces) the cap ledger kept under `name`, atomically. */
  writeLedger(name: string, entries: LedgerEntries): Promise<void>;
  /** Releases the connections. */
  close(): Promise<void>;
}
