/**
 * @module
 * The SQLite schema and its migrations, applied in order and tracked with PRAGMA user_version.
 */
import type Database from 'better-sqlite3';

/**
 * Entity content is stored once per distinct version (`entity_versions`, unique on a hash of the
 * content plus raw record) and snapshots point at versions, so a daily list that changes in eight
 * records costs eight new rows, not fifteen thousand. Versions are an ordinary rowid table: their
 * rows are kilobytes of JSON, which a WITHOUT ROWID table keyed by a random hash would keep
 * splitting pages for.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE snapshots (
    pk INTEGER PRIMARY KEY,
    id TEXT UNIQUE,
    source TEXT NOT NULL,
    date TEXT,
    date_origin TEXT,
    loaded_at TEXT NOT NULL,
    load_ms INTEGER,
    entity_count INTEGER,
    warning_count INTEGER,
    files_key TEXT,
    complete INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX snapshots_source_date ON snapshots(source, date);
  CREATE TABLE snapshot_files (
    snap INTEGER NOT NULL REFERENCES snapshots(pk),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    records INTEGER NOT NULL
  );
  CREATE TABLE snapshot_warnings (
    snap INTEGER NOT NULL REFERENCES snapshots(pk),
    file TEXT, line INTEGER, field TEXT, record TEXT, message TEXT NOT NULL
  );
  CREATE TABLE entity_versions (
    vid INTEGER PRIMARY KEY,
    vhash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
  );
  CREATE TABLE snapshot_entities (
    snap INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    vid INTEGER NOT NULL REFERENCES entity_versions(vid),
    PRIMARY KEY (snap, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX snapshot_entities_entity ON snapshot_entities(entity_id);
  `,
  // Live lists: every refresh attempt with its outcome (so staleness and refusals can be
  // reported), and the changes each activated snapshot brought against the one before it.
  `
  CREATE TABLE refreshes (
    pk INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    snapshot TEXT,
    message TEXT,
    url TEXT,
    etag TEXT,
    last_modified TEXT
  );
  CREATE INDEX refreshes_source ON refreshes(source, finished_at);
  CREATE TABLE changes (
    snapshot TEXT NOT NULL,
    previous TEXT,
    source TEXT NOT NULL,
    date TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    change TEXT NOT NULL,
    caption TEXT,
    schema TEXT,
    fields TEXT,
    PRIMARY KEY (snapshot, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX changes_date ON changes(date, source);
  `,
  // Server access: API keys, stored as sha256 hashes only.
  `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
  );
  `,
  // Live lists, continued: the files of each refresh (url, ETag, Last-Modified, sha256) as JSON,
  // since one source may be several files; and one row per activated snapshot, so that an
  // activation that changed no entity (or the first snapshot of a source) is still listed.
  `
  ALTER TABLE refreshes ADD COLUMN files TEXT;
  CREATE TABLE activations (
    snapshot TEXT PRIMARY KEY,
    previous TEXT,
    source TEXT NOT NULL,
    date TEXT NOT NULL,
    activated_at TEXT NOT NULL,
    entity_count INTEGER NOT NULL,
    added INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    changed INTEGER NOT NULL
  );
  CREATE INDEX activations_date ON activations(date, source);
  `,
  // Trade checks: cap ledgers (what each transaction used of each cap), kept by name between
  // runs, behind the Store port rather than in files the rules wrote.
  `
  CREATE TABLE cap_ledgers (
    name TEXT PRIMARY KEY,
    entries TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
];

/** Brings a database up to the latest schema version. */
export function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() >= MIGRATIONS.length) return;
  // Two processes opening a new home at once would both see version 0 and both create the
  // tables: read the version again inside a write transaction, which only one holds at a time.
  db.transaction(() => {
    for (let v = version(); v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}
