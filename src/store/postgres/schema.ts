/**
 * @module
 * The PostgreSQL schema and its migrations, applied in order and recorded in `schema_migrations`.
 * The same tables as SQLite's (see `../sqlite/schema.ts` for why they are shaped so), in
 * PostgreSQL's words: ids and entity ids sort in byte order (`COLLATE "C"`), as SQLite's do, so
 * both adapters list entities in the same order whatever the database's locale.
 */
import type pg from 'pg';

const MIGRATIONS: string[] = [
  `
  CREATE TABLE snapshots (
    pk BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" UNIQUE,
    source TEXT NOT NULL,
    date TEXT COLLATE "C",
    date_origin TEXT,
    loaded_at TEXT NOT NULL,
    load_ms INTEGER,
    entity_count INTEGER,
    warning_count INTEGER,
    files_key TEXT,
    complete BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX snapshots_source_date ON snapshots(source, date);
  CREATE TABLE snapshot_files (
    snap BIGINT NOT NULL REFERENCES snapshots(pk),
    ord INTEGER NOT NULL,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    records INTEGER NOT NULL,
    PRIMARY KEY (snap, ord)
  );
  CREATE TABLE snapshot_warnings (
    snap BIGINT NOT NULL REFERENCES snapshots(pk),
    ord INTEGER NOT NULL,
    file TEXT, line INTEGER, field TEXT, record TEXT, message TEXT NOT NULL,
    PRIMARY KEY (snap, ord)
  );
  CREATE TABLE entity_versions (
    vid BIGSERIAL PRIMARY KEY,
    vhash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
  );
  CREATE TABLE snapshot_entities (
    snap BIGINT NOT NULL REFERENCES snapshots(pk),
    entity_id TEXT COLLATE "C" NOT NULL,
    hash TEXT NOT NULL,
    vid BIGINT NOT NULL REFERENCES entity_versions(vid),
    PRIMARY KEY (snap, entity_id)
  );
  CREATE INDEX snapshot_entities_entity ON snapshot_entities(entity_id);
  CREATE TABLE refreshes (
    pk BIGSERIAL PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    snapshot TEXT,
    message TEXT,
    url TEXT,
    files TEXT
  );
  CREATE INDEX refreshes_source ON refreshes(source, pk);
  CREATE TABLE activations (
    seq BIGSERIAL UNIQUE,
    snapshot TEXT PRIMARY KEY,
    previous TEXT,
    source TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C" NOT NULL,
    activated_at TEXT COLLATE "C" NOT NULL,
    entity_count INTEGER NOT NULL,
    added INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    changed INTEGER NOT NULL
  );
  CREATE INDEX activations_date ON activations(date, source);
  CREATE TABLE changes (
    snapshot TEXT NOT NULL,
    previous TEXT,
    source TEXT NOT NULL,
    date TEXT NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    change TEXT NOT NULL,
    caption TEXT,
    schema TEXT,
    fields TEXT,
    PRIMARY KEY (snapshot, entity_id)
  );
  CREATE TABLE api_keys (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT COLLATE "C" NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
  );
  CREATE TABLE cap_ledgers (
    name TEXT PRIMARY KEY,
    entries TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- Who holds a source's advisory lock (pid, host, since, what), for the message a waiting
  -- writer prints; informational, like SQLite's lock.json.
  CREATE TABLE write_locks (
    name TEXT PRIMARY KEY,
    pid INTEGER,
    host TEXT,
    since TEXT,
    what TEXT
  );
  `,
];

/** Any 64-bit key for the migration lock, the same in every process: "EMBARGO!" in ASCII. */
const MIGRATION_LOCK = '4994593852223254817';

/**
 * Brings a database up to the latest schema version. Several processes may start at once on an
 * empty database: a transaction-level advisory lock makes them migrate one after the other, and
 * the later ones find nothing left to do.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    for (let v = rows[0]?.v ?? 0; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        v + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
