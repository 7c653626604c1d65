/**
 * @module
 * The PostgreSQL adapter of the Store port, on node-postgres (`pg`). Several processes on several
 * hosts may share one database: loads of one source are serialised by a session advisory lock,
 * and each load writes in a transaction on a connection of its own, so nothing else written
 * meanwhile joins it. The first use of an empty database migrates it.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import {
  EmbargoError,
  ERROR_CODES,
  sha256,
  type ListedEntity,
  type ParseWarning,
  type SourceId,
  type StoredEntity,
} from '../../core/index.ts';
import { historyOf, type Appearance } from '../history.ts';
import { KEY_COLUMNS, toKey, type ActivationRow, type ChangeRow, type KeyRow } from '../rows.ts';
import type {
  Activation,
  ActivationQuery,
  ApiKey,
  ChangedEntity,
  IterateOptions,
  LedgerEntries,
  LoadTransaction,
  LockHolder,
  NewApiKey,
  RefreshFile,
  RefreshRecord,
  Snapshot,
  SnapshotDraft,
  SnapshotFile,
  Store,
  StoreReader,
  WriteLockOptions,
} from '../types.ts';
import { migrate } from './schema.ts';

/** How often a waiting writer tries the lock again. */
const POLL_MS = 200;
/** How long a writer waits for the lock by default before giving up: 10 minutes. */
const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
/**
 * Entities sent per staging statement while a list is parsed: one round trip per 2,000 rows, as
 * four arrays unnested server-side (one statement, no per-row parameters).
 */
const STAGE_BATCH = 2000;
/** Entities read per page when iterating a snapshot (keyset pagination on the entity id). */
const PAGE = 2000;
/** Namespace of Embargo's advisory locks (the first of the two-int key): "EMBA". */
const LOCK_SPACE = 0x454d4241;
/** Outcomes that count as a successful refresh. */
const SUCCESS = ['activated', 'loaded', 'unchanged'];

type Queryable = pg.Pool | pg.PoolClient;

interface SnapshotRow {
  pk: string;
  id: string;
  source: SourceId;
  date: string;
  date_origin: Snapshot['dateOrigin'];
  loaded_at: string;
  load_ms: number;
  entity_count: number;
  warning_count: number;
}

/** Key identifying a set of files regardless of order (as SQLite's `filesKey`). */
function filesKey(sha256s: string[]): string {
  return sha256([...sha256s].sort().join('\n'));
}

/** The 32-bit second half of a source's advisory lock key. */
function lockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

/** `postgres://user@host:port/db` without a password. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function failed(where: string, err: unknown): EmbargoError {
  if (err instanceof EmbargoError) return err;
  return new EmbargoError(ERROR_CODES.STORE, `${where}: ${(err as Error).message}`, {}, err);
}

/** PostgreSQL store: one database holds every snapshot of every source. */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly location: string;
  private pool!: pg.Pool;
  private ready: Promise<void> | undefined;
  private readonly lockWaitMs: number;
  private readonly url: string;
  private readonly max: number;

  /**
   * Connects to `url` (`postgres://user@host:port/db`), lazily: the first call opens the pool and
   * migrates the database. `options.lockWaitMs`: how long a load waits for another writer.
   */
  constructor(url: string, options: { lockWaitMs?: number; max?: number } = {}) {
    this.location = redact(url);
    this.lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
    this.url = url;
    this.max = options.max ?? 4;
  }

  private init(): Promise<void> {
    return (this.ready ??= (async () => {
      // The driver is loaded on first use: a process on SQLite never loads it.
      if (!this.pool) {
        const { default: driver } = await import('pg');
        this.pool = new driver.Pool({
          connectionString: this.url,
          max: this.max,
          application_name: `embargo ${process.pid}@${hostname()}`,
        });
        // An idle connection dropped by the server must not crash the process; the next
        // query opens another.
        this.pool.on('error', () => undefined);
      }
      const client = await this.connect();
      try {
        await migrate(client);
      } catch (err) {
        throw failed(`cannot migrate the store at ${this.location}`, err);
      } finally {
        client.release();
      }
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    }));
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw failed(`cannot open the store at ${this.location}`, err);
    }
  }

  /** One query on the pool (or `on`), its errors as E_STORE naming the database. */
  private async q<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
    on?: Queryable,
  ): Promise<R[]> {
    if (!on) await this.init();
    try {
      return (await (on ?? this.pool).query<R>(sql, params)).rows;
    } catch (err) {
      throw failed(`store ${this.location}`, err);
    }
  }

  // --- the write lock ---

  async exclusive<T>(fn: () => Promise<T>, options: WriteLockOptions): Promise<T> {
    await this.init();
    const name = options.source ?? '*';
    const key = lockKey(name);
    const client = await this.connect();
    let held = false;
    try {
      const started = Date.now();
      const waitMs = options.waitMs ?? this.lockWaitMs;
      let told = false;
      for (;;) {
        const [row] = await this.q<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock($1, $2) AS ok',
          [LOCK_SPACE, key],
          client,
        );
        if (row?.ok) break;
        const holder = await this.holder(name);
        if (!told) {
          told = true;
          options.onWait?.(holder);
        }
        if (Date.now() - started >= waitMs)
          throw new EmbargoError(
            ERROR_CODES.BUSY,
            `${holder.describe}; gave up after waiting ${Math.round(waitMs / 1000)} s ` +
              '(nothing was changed; try again once it is done)',
          );
        await sleep(POLL_MS);
      }
      held = true;
      await this.q(
        `INSERT INTO write_locks (name, pid, host, since, what) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET pid = excluded.pid, host = excluded.host,
         since = excluded.since, what = excluded.what`,
        [name, process.pid, hostname(), new Date().toISOString(), options.what],
        client,
      );
      return await fn();
    } finally {
      if (held) {
        await this.q(
          'DELETE FROM write_locks WHERE name = $1 AND pid = $2',
          [name, process.pid],
          client,
        ).catch(() => undefined);
        await this.q('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, key], client).catch(
          () => undefined,
        );
      }
      client.release();
    }
  }

  /** Who holds a lock, as far as `write_locks` says. */
  private async holder(name: string): Promise<LockHolder & { describe: string }> {
    const [row] = await this.q<{ pid: number; host: string; since: string; what: string }>(
      'SELECT pid, host, since, what FROM write_locks WHERE name = $1',
      [name],
    );
    const info: LockHolder = row
      ? { pid: row.pid, host: row.host, since: row.since, what: row.what }
      : {};
    const who = info.pid
      ? `process ${info.pid}${info.host && info.host !== hostname() ? ` on ${info.host}` : ''}`
      : 'another writer';
    const of = name === '*' ? this.location : `${this.location} (${name})`;
    const since = info.since ? ` since ${info.since}` : '';
    const what = info.what ? ` (${info.what})` : '';
    return { ...info, describe: `${who} has held the write lock of ${of}${since}${what}` };
  }

  // --- loads ---

  async findSnapshotByFiles(source: SourceId, sha256s: string[]): Promise<Snapshot | undefined> {
    return this.snapshotByFiles(source, sha256s, this.pool);
  }

  private async snapshotByFiles(
    source: SourceId,
    sha256s: string[],
    on: Queryable,
  ): Promise<Snapshot | undefined> {
    if (on === this.pool) await this.init();
    const [row] = await this.q<SnapshotRow>(
      'SELECT * FROM snapshots WHERE source = $1 AND files_key = $2 AND complete ORDER BY pk LIMIT 1',
      [source, filesKey(sha256s)],
      on,
    );
    return row && this.toSnapshot(row, on);
  }

  async writeSnapshot(draft: SnapshotDraft): Promise<Snapshot> {
    await this.init();
    const started = Date.now();
    // The load's own connection: its temporary staging table and its transaction are nobody
    // else's, so whatever else this process writes meanwhile goes through other connections.
    const client = await this.connect();
    let broken = false;
    try {
      await this.q(
        `CREATE TEMPORARY TABLE load_stage (entity_id TEXT COLLATE "C" NOT NULL, hash TEXT NOT NULL,
         vhash TEXT NOT NULL, data TEXT NOT NULL, ord SERIAL)`,
        [],
        client,
      );
      // Staged while parsing, one statement in flight while the parser reads the next batch.
      let inFlight: Promise<unknown> = Promise.resolve();
      const send = (rows: string[][]) => {
        const sent = inFlight.then(() =>
          this.q(
            `INSERT INTO load_stage (entity_id, hash, vhash, data)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
            rows,
            client,
          ),
        );
        inFlight = sent;
      };
      let cols: string[][] = [[], [], [], []];
      let count = 0;
      const seen = new Set<string>();
      try {
        for await (const { entity, hash } of draft.entities) {
          if (seen.has(entity.id))
            throw new EmbargoError(
              ERROR_CODES.INVALID_ENTITY,
              `entity id ${entity.id} occurs twice in one load`,
              { record: entity.sourceRecordId },
            );
          seen.add(entity.id);
          const raw = JSON.stringify(entity.raw ?? null);
          cols[0]!.push(entity.id);
          cols[1]!.push(hash);
          cols[2]!.push(sha256(hash + '\n' + raw));
          cols[3]!.push(JSON.stringify(entity));
          count++;
          if (cols[0]!.length === STAGE_BATCH) {
            send(cols);
            cols = [[], [], [], []];
          }
        }
        send(cols);
      } finally {
        // Settle what was sent before the connection is used again or released.
        await inFlight.catch(() => undefined);
      }
      await inFlight;
      await this.q('BEGIN', [], client);
      try {
        const out = await this.writeLoaded(draft, client, count, started);
        await this.q('COMMIT', [], client);
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw err;
      }
    } finally {
      await client.query('DROP TABLE IF EXISTS load_stage').catch(() => (broken = true));
      client.release(broken);
    }
  }

  /** The part of {@link writeSnapshot} inside its transaction. */
  private async writeLoaded(
    draft: SnapshotDraft,
    client: pg.PoolClient,
    count: number,
    started: number,
  ): Promise<Snapshot> {
    const sums = draft.files.map((f) => f.sha256);
    // Checked again inside the write: a writer that did not take the lock may have stored the
    // same files meanwhile; never make a second snapshot of them.
    const same = await this.snapshotByFiles(draft.source, sums, client);
    if (same) return same;
    const [{ pk } = { pk: '' }] = await this.q<{ pk: string }>(
      'INSERT INTO snapshots (source, loaded_at, files_key) VALUES ($1, $2, $3) RETURNING pk',
      [draft.source, new Date().toISOString(), filesKey(sums)],
      client,
    );
    await this.q(
      `INSERT INTO entity_versions (vhash, data) SELECT vhash, data FROM load_stage ORDER BY ord
       ON CONFLICT (vhash) DO NOTHING`,
      [],
      client,
    );
    await this.q(
      `INSERT INTO snapshot_entities (snap, entity_id, hash, vid)
       SELECT $1, s.entity_id, s.hash, v.vid FROM load_stage s JOIN entity_versions v ON v.vhash = s.vhash`,
      [pk],
      client,
    );
    const tx: LoadTransaction = {
      ...this.readerOn(client),
      recordActivation: (a) => this.insertActivation(a, client),
      iterateEntities: (id, o) => this.entitiesOn(id, o ?? {}, client),
    };
    const done = await draft.finish(tx);
    const id = await this.freeId(draft.source, done.date, client);
    for (const [i, f] of done.files.entries())
      await this.q(
        `INSERT INTO snapshot_files (snap, ord, role, name, path, sha256, size, records)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [pk, i, f.role, f.name, f.path, f.sha256, f.size, f.records],
        client,
      );
    if (done.warnings.length)
      await this.q(
        `INSERT INTO snapshot_warnings (snap, ord, file, line, field, record, message)
         SELECT $1, o - 1, f, l, fi, r, m FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS w(f, l, fi, r, m, o)`,
        [
          pk,
          done.warnings.map((w) => w.file ?? null),
          done.warnings.map((w) => w.line ?? null),
          done.warnings.map((w) => w.field ?? null),
          done.warnings.map((w) => w.record ?? null),
          done.warnings.map((w) => w.message),
        ],
        client,
      );
    await this.q(
      `UPDATE snapshots SET id = $1, date = $2, date_origin = $3, load_ms = $4, entity_count = $5,
       warning_count = $6, complete = TRUE WHERE pk = $7`,
      [id, done.date, done.dateOrigin, Date.now() - started, count, done.warnings.length, pk],
      client,
    );
    const written = (await this.snapshotById(id, client))!;
    await draft.onComplete?.(written, tx);
    return written;
  }

  private async freeId(source: SourceId, date: string, on: Queryable): Promise<string> {
    const base = `${source}@${date}`;
    const rows = await this.q<{ id: string }>(
      "SELECT id FROM snapshots WHERE id = $1 OR id LIKE $1 || '.%'",
      [base],
      on,
    );
    const taken = new Set(rows.map((r) => r.id));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}.${n}`)) return `${base}.${n}`;
  }

  // --- reads ---

  /** The reads, on one connection (a load's, inside its transaction) or the pool. */
  private readerOn(on: Queryable): StoreReader {
    return {
      listSnapshots: (source) => this.snapshotsOf(source, on),
      getSnapshot: (id) => this.snapshotById(id, on),
      activeSnapshot: (source) => this.activeOf(source, on),
      entityHashes: (id) => this.hashesOf(id, on),
      getListedEntities: (ids, id) => this.listedOf(ids, id, on),
    };
  }

  async listSnapshots(source?: SourceId): Promise<Snapshot[]> {
    await this.init();
    return this.snapshotsOf(source, this.pool);
  }
  async getSnapshot(id: string): Promise<Snapshot | undefined> {
    await this.init();
    return this.snapshotById(id, this.pool);
  }
  async activeSnapshot(source: SourceId): Promise<Snapshot | undefined> {
    await this.init();
    return this.activeOf(source, this.pool);
  }
  async entityHashes(snapshotId: string): Promise<Map<string, string>> {
    await this.init();
    return this.hashesOf(snapshotId, this.pool);
  }
  async getListedEntities(
    ids: readonly string[],
    snapshotId: string,
  ): Promise<Map<string, ListedEntity>> {
    await this.init();
    return this.listedOf(ids, snapshotId, this.pool);
  }

  private async snapshotsOf(source: SourceId | undefined, on: Queryable): Promise<Snapshot[]> {
    const rows = source
      ? await this.q<SnapshotRow>(
          'SELECT * FROM snapshots WHERE complete AND source = $1 ORDER BY date, pk',
          [source],
          on,
        )
      : await this.q<SnapshotRow>(
          'SELECT * FROM snapshots WHERE complete ORDER BY source, date, pk',
          [],
          on,
        );
    return this.toSnapshots(rows, on);
  }

  private async snapshotById(id: string, on: Queryable): Promise<Snapshot | undefined> {
    const [row] = await this.q<SnapshotRow>(
      'SELECT * FROM snapshots WHERE id = $1 AND complete',
      [id],
      on,
    );
    return row && this.toSnapshot(row, on);
  }

  private async activeOf(source: SourceId, on: Queryable): Promise<Snapshot | undefined> {
    const [row] = await this.q<SnapshotRow>(
      'SELECT * FROM snapshots WHERE source = $1 AND complete ORDER BY date DESC, pk DESC LIMIT 1',
      [source],
      on,
    );
    return row && this.toSnapshot(row, on);
  }

  private async pkOf(snapshotId: string, on: Queryable): Promise<string> {
    const [row] = await this.q<{ pk: string }>(
      'SELECT pk FROM snapshots WHERE id = $1',
      [snapshotId],
      on,
    );
    if (!row) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no snapshot ${snapshotId}`);
    return row.pk;
  }

  private async hashesOf(snapshotId: string, on: Queryable): Promise<Map<string, string>> {
    const pk = await this.pkOf(snapshotId, on);
    const rows = await this.q<{ entity_id: string; hash: string }>(
      'SELECT entity_id, hash FROM snapshot_entities WHERE snap = $1',
      [pk],
      on,
    );
    return new Map(rows.map((r) => [r.entity_id, r.hash]));
  }

  private async listedOf(
    ids: readonly string[],
    snapshotId: string,
    on: Queryable,
  ): Promise<Map<string, ListedEntity>> {
    const pk = await this.pkOf(snapshotId, on);
    const out = new Map<string, ListedEntity>();
    // One round trip per few thousand ids, not one per entity: a diff reads thousands.
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await this.q<{ entity_id: string; data: string }>(
        `SELECT se.entity_id, v.data FROM snapshot_entities se JOIN entity_versions v ON v.vid = se.vid
         WHERE se.snap = $1 AND se.entity_id = ANY($2::text[])`,
        [pk, ids.slice(i, i + 5000)],
        on,
      );
      for (const r of rows) out.set(r.entity_id, JSON.parse(r.data) as ListedEntity);
    }
    return out;
  }

  async snapshotWarnings(id: string): Promise<ParseWarning[]> {
    const rows = await this.q<Record<string, string | number | null>>(
      `SELECT w.file, w.line, w.field, w.record, w.message FROM snapshot_warnings w
       JOIN snapshots s ON s.pk = w.snap WHERE s.id = $1 ORDER BY w.ord`,
      [id],
    );
    return rows.map((r) => {
      const w: ParseWarning = { message: String(r.message) };
      if (r.file !== null) w.file = String(r.file);
      if (r.line !== null) w.line = Number(r.line);
      if (r.field !== null) w.field = String(r.field);
      if (r.record !== null) w.record = String(r.record);
      return w;
    });
  }

  async getEntity(id: string, snapshotId?: string): Promise<StoredEntity | undefined> {
    await this.init();
    const snapshot = snapshotId
      ? await this.snapshotById(snapshotId, this.pool)
      : await this.activeOf(id.slice(0, id.indexOf('-')) as SourceId, this.pool);
    if (!snapshot) return undefined;
    const [row] = await this.q<{ data: string; hash: string }>(
      `SELECT v.data, se.hash FROM snapshot_entities se JOIN entity_versions v ON v.vid = se.vid
       JOIN snapshots s ON s.pk = se.snap WHERE s.id = $1 AND se.entity_id = $2`,
      [snapshot.id, id],
    );
    if (!row) return undefined;
    const seqs = await this.sequence(snapshot.source);
    const appearances = (
      await this.q<{ date: string; hash: string; pk: string }>(
        `SELECT s.date, se.hash, s.pk FROM snapshot_entities se JOIN snapshots s ON s.pk = se.snap
         WHERE se.entity_id = $1 AND s.source = $2 AND s.complete`,
        [id, snapshot.source],
      )
    )
      .map((a) => ({ date: a.date, hash: a.hash, seq: seqs.get(a.pk)! }))
      .sort((a, b) => a.seq - b.seq);
    const pk = await this.pkOf(snapshot.id, this.pool);
    const history = historyOf(appearances, seqs.get(pk)!)!;
    return {
      ...(JSON.parse(row.data) as ListedEntity),
      hash: row.hash,
      snapshot: snapshot.id,
      ...history,
    };
  }

  /** Snapshot pk → position among the source's snapshots ordered by date. */
  private async sequence(
    source: SourceId,
    on: Queryable = this.pool,
  ): Promise<Map<string, number>> {
    const rows = await this.q<{ pk: string }>(
      'SELECT pk FROM snapshots WHERE source = $1 AND complete ORDER BY date, pk',
      [source],
      on,
    );
    return new Map(rows.map((r, i) => [r.pk, i]));
  }

  async *iterateEntities(
    snapshotId: string,
    options: IterateOptions = {},
  ): AsyncGenerator<StoredEntity> {
    await this.init();
    yield* this.entitiesOn(snapshotId, options, this.pool);
  }

  /** {@link iterateEntities} through `on` (a load's own client sees its snapshot before commit). */
  private async *entitiesOn(
    snapshotId: string,
    options: IterateOptions,
    on: Queryable,
  ): AsyncGenerator<StoredEntity> {
    const snapshot = await this.snapshotById(snapshotId, on);
    if (!snapshot) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no snapshot ${snapshotId}`);
    const seqs = await this.sequence(snapshot.source, on);
    const pk = await this.pkOf(snapshotId, on);
    const asOf = seqs.get(pk)!;
    const byEntity = new Map<string, Appearance[]>();
    const all = await this.q<{ entity_id: string; date: string; hash: string; pk: string }>(
      `SELECT se.entity_id, s.date, se.hash, s.pk FROM snapshot_entities se
       JOIN snapshots s ON s.pk = se.snap WHERE s.source = $1 AND s.complete`,
      [snapshot.source],
      on,
    );
    for (const a of all) {
      let list = byEntity.get(a.entity_id);
      if (!list) byEntity.set(a.entity_id, (list = []));
      list.push({ date: a.date, hash: a.hash, seq: seqs.get(a.pk)! });
    }
    for (const list of byEntity.values()) list.sort((a, b) => a.seq - b.seq);
    // Keyset pages: no cursor held open across the consumer's awaits.
    let after = '';
    for (;;) {
      const rows = await this.q<{ entity_id: string; hash: string; data: string }>(
        `SELECT se.entity_id, se.hash, v.data FROM snapshot_entities se
         JOIN entity_versions v ON v.vid = se.vid
         WHERE se.snap = $1 AND se.entity_id > $2 ORDER BY se.entity_id LIMIT ${PAGE}`,
        [pk, after],
        on,
      );
      for (const r of rows) {
        const e = JSON.parse(r.data) as ListedEntity;
        if (options.raw === false) delete e.raw;
        if (options.related === false) delete (e as Partial<ListedEntity>).related;
        const history = historyOf(byEntity.get(r.entity_id) ?? [], asOf)!;
        yield { ...e, hash: r.hash, snapshot: snapshotId, ...history };
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.entity_id;
    }
  }

  private async toSnapshots(rows: SnapshotRow[], on: Queryable): Promise<Snapshot[]> {
    if (!rows.length) return [];
    const files = await this.q<SnapshotFile & { snap: string }>(
      `SELECT snap, role, name, path, sha256, size::float8 AS size, records FROM snapshot_files
       WHERE snap = ANY($1::bigint[]) ORDER BY snap, ord`,
      [rows.map((r) => r.pk)],
      on,
    );
    const bySnap = new Map<string, SnapshotFile[]>();
    for (const { snap, ...f } of files) {
      let list = bySnap.get(snap);
      if (!list) bySnap.set(snap, (list = []));
      list.push(f);
    }
    return rows.map((row) => ({
      id: row.id,
      source: row.source,
      date: row.date,
      dateOrigin: row.date_origin,
      loadedAt: row.loaded_at,
      loadMs: row.load_ms,
      entityCount: row.entity_count,
      warningCount: row.warning_count,
      files: bySnap.get(row.pk) ?? [],
    }));
  }

  private async toSnapshot(row: SnapshotRow, on: Queryable): Promise<Snapshot> {
    return (await this.toSnapshots([row], on))[0]!;
  }

  // --- live lists ---

  async recordRefresh(r: RefreshRecord): Promise<void> {
    await this.q(
      `INSERT INTO refreshes (source, started_at, finished_at, outcome, snapshot, message, url, files)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        r.source,
        r.startedAt,
        r.finishedAt,
        r.outcome,
        r.snapshot ?? null,
        r.message ?? null,
        r.url ?? null,
        JSON.stringify(r.files),
      ],
    );
  }

  async lastRefreshes(
    source: SourceId,
  ): Promise<{ attempt?: RefreshRecord; success?: RefreshRecord }> {
    const [attempt] = await this.q<RefreshRow>(
      'SELECT * FROM refreshes WHERE source = $1 ORDER BY pk DESC LIMIT 1',
      [source],
    );
    const [success] = await this.q<RefreshRow>(
      'SELECT * FROM refreshes WHERE source = $1 AND outcome = ANY($2::text[]) ORDER BY pk DESC LIMIT 1',
      [source, SUCCESS],
    );
    return {
      ...(attempt && { attempt: toRefresh(attempt) }),
      ...(success && { success: toRefresh(success) }),
    };
  }

  private async insertActivation(a: Activation, on: Queryable): Promise<void> {
    await this.q(
      `INSERT INTO activations (snapshot, previous, source, date, activated_at, entity_count, added,
       removed, changed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.snapshot,
        a.previous,
        a.source,
        a.date,
        a.activatedAt,
        a.entityCount,
        a.added.length,
        a.removed.length,
        a.changed.length,
      ],
      on,
    );
    const all = [
      ...a.added.map((e) => ['added', e] as const),
      ...a.removed.map((e) => ['removed', e] as const),
      ...a.changed.map((e) => ['changed', e] as const),
    ];
    if (!all.length) return;
    await this.q(
      `INSERT INTO changes (snapshot, previous, source, date, entity_id, change, caption, schema, fields)
       SELECT $1, $2, $3, $4, i, c, ca, s, f
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(i, c, ca, s, f)`,
      [
        a.snapshot,
        a.previous,
        a.source,
        a.date,
        all.map(([, e]) => e.id),
        all.map(([c]) => c),
        all.map(([, e]) => e.caption),
        all.map(([, e]) => e.schema),
        all.map(([, e]) => (e.fields ? JSON.stringify(e.fields) : null)),
      ],
      on,
    );
  }

  async activations(q: ActivationQuery): Promise<Activation[]> {
    const rows = q.source
      ? await this.q<ActivationRow>(
          'SELECT * FROM activations WHERE date >= $1 AND source = $2 ORDER BY date, activated_at, seq',
          [q.since, q.source],
        )
      : await this.q<ActivationRow>(
          'SELECT * FROM activations WHERE date >= $1 ORDER BY date, activated_at, source, seq',
          [q.since],
        );
    if (!rows.length) return [];
    const changes = await this.q<ChangeRow & { snapshot: string }>(
      `SELECT snapshot, entity_id, change, caption, schema, fields FROM changes
       WHERE snapshot = ANY($1::text[]) ORDER BY entity_id`,
      [rows.map((r) => r.snapshot)],
    );
    const by = new Map<string, Activation>();
    const out = rows.map((row) => {
      const a: Activation = {
        snapshot: row.snapshot,
        previous: row.previous,
        source: row.source,
        date: row.date,
        activatedAt: row.activated_at,
        entityCount: row.entity_count,
        added: [],
        removed: [],
        changed: [],
      };
      by.set(a.snapshot, a);
      return a;
    });
    for (const c of changes) {
      const e: ChangedEntity = {
        id: c.entity_id,
        schema: c.schema ?? '',
        caption: c.caption ?? '',
      };
      if (c.fields) e.fields = JSON.parse(c.fields) as string[];
      by.get(c.snapshot)![c.change].push(e);
    }
    return out;
  }

  async version(): Promise<string> {
    const [row] = await this.q<{ n: number; m: string }>(
      'SELECT count(*)::int AS n, coalesce(max(pk), 0) AS m FROM snapshots WHERE complete',
    );
    return `${row!.n}.${row!.m}`;
  }

  // --- API keys ---

  async createApiKey(key: NewApiKey): Promise<ApiKey> {
    const createdAt = new Date().toISOString();
    try {
      await this.q(
        'INSERT INTO api_keys (id, name, role, hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [key.id, key.name, key.role, key.hash, createdAt],
      );
    } catch (err) {
      throw new EmbargoError(
        ERROR_CODES.STORE,
        `cannot store API key ${key.id}: ${(err as Error).message}`,
        {},
        err,
      );
    }
    return { id: key.id, name: key.name, role: key.role, createdAt };
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return (
      await this.q<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at, id`)
    ).map(toKey);
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | undefined> {
    const [row] = await this.q<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE hash = $1`, [
      hash,
    ]);
    return row && toKey(row);
  }

  async revokeApiKey(id: string): Promise<ApiKey | undefined> {
    await this.q('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
      new Date().toISOString(),
      id,
    ]);
    const [row] = await this.q<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return row && toKey(row);
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.q('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [at, id]);
  }

  // --- cap ledgers ---

  async readLedger(name: string): Promise<LedgerEntries | undefined> {
    const [row] = await this.q<{ entries: string }>(
      'SELECT entries FROM cap_ledgers WHERE name = $1',
      [name],
    );
    return row && (JSON.parse(row.entries) as LedgerEntries);
  }

  async writeLedger(name: string, entries: LedgerEntries): Promise<void> {
    await this.q(
      `INSERT INTO cap_ledgers (name, entries, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET entries = excluded.entries, updated_at = excluded.updated_at`,
      [name, JSON.stringify(entries), new Date().toISOString()],
    );
  }

  async close(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    // Closed once: a second close (or a query after it) must not touch an ended pool.
    this.ready = Promise.reject(
      new EmbargoError(ERROR_CODES.STORE, `store ${this.location} is closed`),
    );
    this.ready.catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

interface RefreshRow {
  source: SourceId;
  started_at: string;
  finished_at: string;
  outcome: RefreshRecord['outcome'];
  snapshot: string | null;
  message: string | null;
  url: string | null;
  files: string | null;
}

function toRefresh(row: RefreshRow): RefreshRecord {
  return {
    source: row.source,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    ...(row.snapshot !== null && { snapshot: row.snapshot }),
    ...(row.message !== null && { message: row.message }),
    ...(row.url !== null && { url: row.url }),
    files: row.files ? (JSON.parse(row.files) as RefreshFile[]) : [],
  };
}
