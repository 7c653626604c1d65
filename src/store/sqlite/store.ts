/**
 * @module
 * The SQLite adapter of the Store port, on better-sqlite3.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  EmbargoError,
  ERROR_CODES,
  sha256,
  type ListedEntity,
  type ParseWarning,
  type SourceId,
  type StoredEntity,
} from '../../core/index.ts';
import type {
  ApiKey,
  IterateOptions,
  NewApiKey,
  Activation,
  ActivationQuery,
  LedgerEntries,
  LoadTransaction,
  RefreshRecord,
  Snapshot,
  SnapshotDraft,
  SnapshotFile,
  Store,
  WriteLockOptions,
} from '../types.ts';
import { SqliteKeys } from './keys.ts';
import { WriteLock } from './lock.ts';
import { historyOf, type Appearance } from '../history.ts';
import { insertActivation, insertRefresh, selectActivations, selectLastRefreshes } from './live.ts';
import { migrate } from './schema.ts';

interface SnapshotRow {
  pk: number;
  id: string;
  source: SourceId;
  date: string;
  date_origin: Snapshot['dateOrigin'];
  loaded_at: string;
  load_ms: number;
  entity_count: number;
  warning_count: number;
}

/** Entities staged per synchronous insert batch while a list is parsed. */
const STAGE_BATCH = 1000;

/**
 * Page cache during a load's write, in KiB (negative: SQLite's convention for a size in KiB).
 * 16 MB: the write is a few set-based INSERT … SELECT from the staged list, which spill to the
 * write-ahead log in order; 128 MB (when the load wrote row by row while parsing) measured no
 * faster on the mirror load and raised its peak RSS from 324 to 360 MB.
 */
const LOAD_CACHE_KIB = -16000;

/** Key identifying a set of files regardless of order. */
export function filesKey(sha256s: string[]): string {
  return sha256([...sha256s].sort().join('\n'));
}

/**
 * SQLite store. One database file holds every snapshot of every source. better-sqlite3 is
 * synchronous: the port's promises resolve at once, and a load's write runs without yielding to
 * the event loop, so nothing else this process does can join its transaction.
 */
/** Entities read per query by `iterateEntities` (with their history). */
const ENTITY_PAGE = 500;

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly path: string;
  readonly location: string;
  private readonly db: Database.Database;
  private writes = 0;
  /** Staging tables made, for unique names. */
  private stages = 0;
  /** The write lock of a database file; none in memory, where {@link memoryQueue} serves. */
  private readonly lock: WriteLock | undefined;
  private memoryQueue: Promise<unknown> = Promise.resolve();
  /**
   * Settles when the load's transaction open on this connection ends. Its draft's callbacks are
   * awaited inside it, so other continuations of this process may run meanwhile: their writes
   * wait for it rather than join the load's transaction (and roll back with it).
   */
  private loadTx: Promise<void> | undefined;

  /** Runs a write outside any load's transaction. */
  private async outsideLoad<T>(fn: () => T): Promise<T> {
    while (this.loadTx) await this.loadTx;
    return fn();
  }

  /**
   * Opens (creating if needed) the database at `path`; `:memory:` works for tests.
   * `options.lockWaitMs`: how long a list load waits for another writer (default 10 minutes).
   */
  constructor(path: string, options: { lockWaitMs?: number } = {}) {
    this.path = path;
    this.location = path;
    this.lock = path === ':memory:' ? undefined : new WriteLock(path, options.lockWaitMs);
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('temp_store = MEMORY');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
    } catch (err) {
      throw new EmbargoError(
        ERROR_CODES.STORE,
        `cannot open the store at ${path}: ${(err as Error).message}`,
        { file: path },
        err,
      );
    }
  }

  findSnapshotByFiles(source: SourceId, sha256s: string[]): Promise<Snapshot | undefined> {
    return Promise.resolve(this.snapshotByFiles(source, sha256s));
  }

  private snapshotByFiles(source: SourceId, sha256s: string[]): Snapshot | undefined {
    const row = this.prepare(
      'SELECT * FROM snapshots WHERE source = ? AND files_key = ? AND complete = 1 ORDER BY pk LIMIT 1',
    ).get(source, filesKey(sha256s)) as SnapshotRow | undefined;
    return row && this.toSnapshot(row);
  }

  exclusive<T>(fn: () => Promise<T>, options: WriteLockOptions): Promise<T> {
    if (this.lock) return this.lock.run(fn, options);
    // In memory: nothing else can open this database; queue this connection's writers.
    const next = this.memoryQueue.then(fn, fn);
    this.memoryQueue = next.catch(() => undefined);
    return next;
  }

  async writeSnapshot(draft: SnapshotDraft): Promise<Snapshot> {
    const started = Date.now();
    const db = this.db;
    const stage = `temp.load_stage_${++this.stages}`;
    // Parse first, into a temporary table of this connection (in memory: temp_store), in short
    // synchronous batches: no transaction is open across the parser's awaits, so whatever else
    // this process writes meanwhile (a key's last use, a refresh record) commits on its own and
    // never rolls back with a failed load. The store's tables are written afterwards in one
    // synchronous transaction, which nothing else in this process can interleave with. The
    // staged list goes to a temporary file (the page cache of the system, not this process's
    // memory: a list held twice in memory made the mirror load's peak 90 MB higher).
    db.pragma('temp_store = FILE');
    db.exec(
      `CREATE TABLE ${stage} (entity_id TEXT NOT NULL, hash TEXT NOT NULL, vhash TEXT NOT NULL, data TEXT NOT NULL)`,
    );
    try {
      const insert = db.prepare(`INSERT INTO ${stage} VALUES (?, ?, ?, ?)`);
      const stageBatch = db.transaction((rows: [string, string, string, string][]) => {
        for (const row of rows) insert.run(row);
      });
      let batch: [string, string, string, string][] = [];
      let count = 0;
      const seen = new Set<string>();
      for await (const { entity, hash } of draft.entities) {
        if (seen.has(entity.id))
          throw new EmbargoError(
            ERROR_CODES.INVALID_ENTITY,
            `entity id ${entity.id} occurs twice in one load`,
            { record: entity.sourceRecordId },
          );
        seen.add(entity.id);
        const raw = JSON.stringify(entity.raw ?? null);
        batch.push([entity.id, hash, sha256(hash + '\n' + raw), JSON.stringify(entity)]);
        count++;
        if (batch.length === STAGE_BATCH) {
          stageBatch(batch);
          batch = [];
        }
      }
      stageBatch(batch);
      // A list load writes tens of megabytes in one transaction: more than the 2 MB cache the
      // connection keeps otherwise, which would spill page by page; given back afterwards.
      db.pragma(`cache_size = ${LOAD_CACHE_KIB}`);
      // The write: BEGIN IMMEDIATE … COMMIT by hand, since the draft's finish and onComplete are
      // asynchronous. They read and write through the transaction object below, whose promises
      // resolve at once, so the transaction spans microtasks only: no I/O callback of this
      // process (a request, a timer) runs, and so writes nothing, before it commits.
      while (this.loadTx) await this.loadTx;
      let ended!: () => void;
      this.loadTx = new Promise<void>((resolve) => (ended = resolve));
      try {
        db.exec('BEGIN IMMEDIATE');
        const written = await this.writeLoaded(draft, stage, count, started);
        db.exec('COMMIT');
        if (written.wrote) this.writes++;
        return written.snapshot;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      } finally {
        this.loadTx = undefined;
        ended();
      }
    } finally {
      db.exec(`DROP TABLE IF EXISTS ${stage}`);
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -2000');
    }
  }

  /** The part of {@link writeSnapshot} inside its transaction. */
  private async writeLoaded(
    draft: SnapshotDraft,
    stage: string,
    count: number,
    started: number,
  ): Promise<{ snapshot: Snapshot; wrote: boolean }> {
    const db = this.db;
    const key = filesKey(draft.files.map((f) => f.sha256));
    // Checked again inside the write: a writer that did not take the store's lock may have
    // stored the same files meanwhile; never make a second snapshot of them.
    const same = this.snapshotByFiles(
      draft.source,
      draft.files.map((f) => f.sha256),
    );
    if (same) return { snapshot: same, wrote: false };
    const snap = Number(
      db
        .prepare('INSERT INTO snapshots (source, loaded_at, files_key) VALUES (?, ?, ?)')
        .run(draft.source, new Date().toISOString(), key).lastInsertRowid,
    );
    db.exec(
      `INSERT OR IGNORE INTO entity_versions (vhash, data) SELECT vhash, data FROM ${stage} ORDER BY rowid`,
    );
    db.prepare(
      `INSERT INTO snapshot_entities (snap, entity_id, hash, vid)
       SELECT ?, s.entity_id, s.hash, v.vid FROM ${stage} s
       JOIN entity_versions v ON v.vhash = s.vhash ORDER BY s.entity_id`,
    ).run(snap);
    const tx: LoadTransaction = {
      listSnapshots: (source) => this.listSnapshots(source),
      getSnapshot: (id) => this.getSnapshot(id),
      activeSnapshot: (source) => this.activeSnapshot(source),
      entityHashes: (id) => this.entityHashes(id),
      getListedEntities: (ids, id) => this.getListedEntities(ids, id),
      recordActivation: (a) => Promise.resolve(insertActivation(db, a)),
      // The same connection: its reads see the snapshot being written.
      iterateEntities: (id, o) => this.iterateEntities(id, o),
    };
    const done = await draft.finish(tx);
    const id = this.freeId(draft.source, done.date);
    this.writeFiles(snap, done.files);
    this.writeWarnings(snap, done.warnings);
    db.prepare(
      `UPDATE snapshots SET id = ?, date = ?, date_origin = ?, load_ms = ?, entity_count = ?,
       warning_count = ?, complete = 1 WHERE pk = ?`,
    ).run(id, done.date, done.dateOrigin, Date.now() - started, count, done.warnings.length, snap);
    const written = this.snapshotById(id)!;
    await draft.onComplete?.(written, tx);
    return { snapshot: written, wrote: true };
  }

  listSnapshots(source?: SourceId): Promise<Snapshot[]> {
    return Promise.resolve(this.snapshotsOf(source));
  }

  private snapshotsOf(source?: SourceId): Snapshot[] {
    const rows = (
      source
        ? this.prepare(
            'SELECT * FROM snapshots WHERE complete = 1 AND source = ? ORDER BY date, pk',
          ).all(source)
        : this.prepare('SELECT * FROM snapshots WHERE complete = 1 ORDER BY source, date, pk').all()
    ) as SnapshotRow[];
    return rows.map((r) => this.toSnapshot(r));
  }

  getSnapshot(id: string): Promise<Snapshot | undefined> {
    return Promise.resolve(this.snapshotById(id));
  }

  private snapshotById(id: string): Snapshot | undefined {
    const row = this.prepare('SELECT * FROM snapshots WHERE id = ? AND complete = 1').get(id) as
      SnapshotRow | undefined;
    return row && this.toSnapshot(row);
  }

  activeSnapshot(source: SourceId): Promise<Snapshot | undefined> {
    return Promise.resolve(this.activeOf(source));
  }

  private activeOf(source: SourceId): Snapshot | undefined {
    const row = this.prepare(
      'SELECT * FROM snapshots WHERE source = ? AND complete = 1 ORDER BY date DESC, pk DESC LIMIT 1',
    ).get(source) as SnapshotRow | undefined;
    return row && this.toSnapshot(row);
  }

  async snapshotWarnings(id: string): Promise<ParseWarning[]> {
    const rows = this.prepare(
      `SELECT w.file, w.line, w.field, w.record, w.message FROM snapshot_warnings w
         JOIN snapshots s ON s.pk = w.snap WHERE s.id = ? ORDER BY w.rowid`,
    ).all(id) as Record<string, string | number | null>[];
    return rows.map((r) => {
      const w: ParseWarning = { message: String(r.message) };
      if (r.file !== null) w.file = String(r.file);
      if (r.line !== null) w.line = Number(r.line);
      if (r.field !== null) w.field = String(r.field);
      if (r.record !== null) w.record = String(r.record);
      return w;
    });
  }

  async getListedEntities(
    ids: readonly string[],
    snapshotId: string,
  ): Promise<Map<string, ListedEntity>> {
    const st = this.prepare(
      `SELECT v.data FROM snapshot_entities se JOIN entity_versions v ON v.vid = se.vid
       WHERE se.snap = ? AND se.entity_id = ?`,
    );
    const snap = this.pkOf(snapshotId);
    const out = new Map<string, ListedEntity>();
    for (const id of ids) {
      const row = st.get(snap, id) as { data: string } | undefined;
      if (row) out.set(id, JSON.parse(row.data) as ListedEntity);
    }
    return out;
  }

  async getEntity(id: string, snapshotId?: string): Promise<StoredEntity | undefined> {
    const snapshot = snapshotId ? this.snapshotById(snapshotId) : this.snapshotForEntityId(id);
    if (!snapshot) return undefined;
    const row = this.prepare(
      `SELECT v.data, se.hash FROM snapshot_entities se JOIN entity_versions v ON v.vid = se.vid
         JOIN snapshots s ON s.pk = se.snap WHERE s.id = ? AND se.entity_id = ?`,
    ).get(snapshot.id, id) as { data: string; hash: string } | undefined;
    if (!row) return undefined;
    const seqs = this.sequence(snapshot.source);
    const appearances = (
      this.prepare(
        `SELECT s.date, se.hash, s.pk FROM snapshot_entities se JOIN snapshots s ON s.pk = se.snap
           WHERE se.entity_id = ? AND s.source = ? AND s.complete = 1`,
      ).all(id, snapshot.source) as { date: string; hash: string; pk: number }[]
    )
      .map((a) => ({ date: a.date, hash: a.hash, seq: seqs.get(a.pk)! }))
      .sort((a, b) => a.seq - b.seq);
    const history = historyOf(appearances, seqs.get(this.pkOf(snapshot.id))!)!;
    return {
      ...(JSON.parse(row.data) as ListedEntity),
      hash: row.hash,
      snapshot: snapshot.id,
      ...history,
    };
  }

  async entityHashes(snapshotId: string): Promise<Map<string, string>> {
    const rows = this.prepare('SELECT entity_id, hash FROM snapshot_entities WHERE snap = ?')
      .raw()
      .all(this.pkOf(snapshotId)) as [string, string][];
    return new Map(rows);
  }

  async *iterateEntities(
    snapshotId: string,
    options: IterateOptions = {},
  ): AsyncGenerator<StoredEntity> {
    const snapshot = this.snapshotById(snapshotId);
    if (!snapshot) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no snapshot ${snapshotId}`);
    const seqs = this.sequence(snapshot.source);
    const snap = this.pkOf(snapshotId);
    const asOf = seqs.get(snap)!;
    // Without the raw record the JSON to parse is about half as long; SQLite strips it in C.
    const drop = [
      ...(options.raw === false ? ["'$.raw'"] : []),
      ...(options.related === false ? ["'$.related'"] : []),
    ];
    const data = drop.length ? `json_remove(v.data, ${drop.join(', ')})` : 'v.data';
    const page = this.prepare(
      `SELECT se.entity_id, se.hash, ${data} FROM snapshot_entities se
       JOIN entity_versions v ON v.vid = se.vid
       WHERE se.snap = ? AND se.entity_id > ? ORDER BY se.entity_id LIMIT ${ENTITY_PAGE}`,
    ).raw();
    const appearances = this.prepare(
      `SELECT se.entity_id, s.date, se.hash, s.pk FROM snapshot_entities se
       JOIN snapshots s ON s.pk = se.snap
       WHERE se.entity_id IN (SELECT value FROM json_each(?)) AND s.source = ? AND s.complete = 1`,
    ).raw();
    // Page by page, each page's statements run to the end before its entities are handed out:
    // no statement stays open while the consumer awaits, so a consumer that gives the event loop
    // a turn (a server building an index in time slices) does not leave the connection busy
    // for the requests it lets in, and no single step reads a source's whole history at once.
    let after = '';
    for (;;) {
      const rows = page.all(snap, after) as [string, string, string][];
      if (!rows.length) return;
      after = rows[rows.length - 1]![0];
      const byEntity = new Map<string, Appearance[]>();
      const history = appearances.all(JSON.stringify(rows.map((r) => r[0])), snapshot.source) as [
        string,
        string,
        string,
        number,
      ][];
      for (const [entityId, date, hash, pk] of history) {
        let list = byEntity.get(entityId);
        if (!list) byEntity.set(entityId, (list = []));
        list.push({ date, hash, seq: seqs.get(pk)! });
      }
      for (const list of byEntity.values()) list.sort((a, b) => a.seq - b.seq);
      for (const [entityId, hash, data] of rows) {
        const history = historyOf(byEntity.get(entityId) ?? [], asOf)!;
        yield { ...(JSON.parse(data) as ListedEntity), hash, snapshot: snapshotId, ...history };
      }
      if (rows.length < ENTITY_PAGE) return;
    }
  }

  recordRefresh(record: RefreshRecord): Promise<void> {
    return this.outsideLoad(() => insertRefresh(this.db, record));
  }

  async lastRefreshes(
    source: SourceId,
  ): Promise<{ attempt?: RefreshRecord; success?: RefreshRecord }> {
    return selectLastRefreshes(this.db, source);
  }

  async activations(query: ActivationQuery): Promise<Activation[]> {
    return selectActivations(this.db, query);
  }

  async readLedger(name: string): Promise<LedgerEntries | undefined> {
    const row = this.prepare('SELECT entries FROM cap_ledgers WHERE name = ?').get(name) as
      { entries: string } | undefined;
    return row && (JSON.parse(row.entries) as LedgerEntries);
  }

  writeLedger(name: string, entries: LedgerEntries): Promise<void> {
    return this.outsideLoad(() => {
      this.prepare(
        `INSERT INTO cap_ledgers (name, entries, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET entries = excluded.entries, updated_at = excluded.updated_at`,
      ).run(name, JSON.stringify(entries), new Date().toISOString());
    });
  }

  async version(): Promise<string> {
    // data_version changes when another connection commits; `writes` counts this one's.
    return `${this.db.pragma('data_version', { simple: true }) as number}.${this.writes}`;
  }

  // API keys live in their own module (keys.ts); these delegate.
  private keysTable: SqliteKeys | undefined;
  private get keys(): SqliteKeys {
    return (this.keysTable ??= new SqliteKeys(this.db));
  }
  createApiKey(key: NewApiKey): Promise<ApiKey> {
    return this.outsideLoad(() => this.keys.create(key));
  }
  async listApiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }
  async findApiKeyByHash(hash: string): Promise<ApiKey | undefined> {
    return this.keys.findByHash(hash);
  }
  revokeApiKey(id: string): Promise<ApiKey | undefined> {
    return this.outsideLoad(() => this.keys.revoke(id));
  }
  touchApiKey(id: string, at: string): Promise<void> {
    return this.outsideLoad(() => this.keys.touch(id, at));
  }

  /** A prepared statement, prepared once per store: preparing is most of a point lookup's cost. */
  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  private readonly statements = new Map<string, Database.Statement>();

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- internal ---

  private toSnapshot(row: SnapshotRow): Snapshot {
    const files = this.prepare(
      'SELECT role, name, path, sha256, size, records FROM snapshot_files WHERE snap = ? ORDER BY rowid',
    ).all(row.pk) as SnapshotFile[];
    return {
      id: row.id,
      source: row.source,
      date: row.date,
      dateOrigin: row.date_origin,
      loadedAt: row.loaded_at,
      loadMs: row.load_ms,
      entityCount: row.entity_count,
      warningCount: row.warning_count,
      files,
    };
  }

  private pkOf(snapshotId: string): number {
    const row = this.prepare('SELECT pk FROM snapshots WHERE id = ?').get(snapshotId) as
      { pk: number } | undefined;
    if (!row) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no snapshot ${snapshotId}`);
    return row.pk;
  }

  /** Snapshot pk → position among the source's snapshots ordered by date. */
  private sequence(source: SourceId): Map<number, number> {
    const pks = this.prepare(
      'SELECT pk FROM snapshots WHERE source = ? AND complete = 1 ORDER BY date, pk',
    )
      .pluck()
      .all(source) as number[];
    return new Map(pks.map((pk, i) => [pk, i]));
  }

  private snapshotForEntityId(id: string): Snapshot | undefined {
    const source = id.slice(0, id.indexOf('-')) as SourceId;
    return this.activeOf(source);
  }

  private freeId(source: SourceId, date: string): string {
    const base = `${source}@${date}`;
    const taken = new Set(
      this.prepare("SELECT id FROM snapshots WHERE id = ? OR id LIKE ? || '.%'")
        .pluck()
        .all(base, base) as string[],
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}.${n}`)) return `${base}.${n}`;
  }

  private writeFiles(snap: number, files: SnapshotFile[]): void {
    const stmt = this.prepare(
      'INSERT INTO snapshot_files (snap, role, name, path, sha256, size, records) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const f of files) stmt.run(snap, f.role, f.name, f.path, f.sha256, f.size, f.records);
  }

  private writeWarnings(snap: number, warnings: ParseWarning[]): void {
    const stmt = this.prepare(
      'INSERT INTO snapshot_warnings (snap, file, line, field, record, message) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const w of warnings)
      stmt.run(snap, w.file ?? null, w.line ?? null, w.field ?? null, w.record ?? null, w.message);
  }
}
