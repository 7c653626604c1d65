/**
 * @module
 * API keys in SQLite (table `api_keys`): the server's credentials, kept as sha256 hashes only, so
 * that a copy of the database does not give access to the server.
 */
import type Database from 'better-sqlite3';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { KEY_COLUMNS as COLUMNS, toKey, type KeyRow } from '../rows.ts';
import type { ApiKey, NewApiKey } from '../types.ts';

/** The api_keys table behind the Store port's key methods. */
export class SqliteKeys {
  private readonly db: Database.Database;
  private byHash: Database.Statement | undefined;

  constructor(db: Database.Database) {
    this.db = db;
  }

  create(key: NewApiKey): ApiKey {
    const createdAt = new Date().toISOString();
    try {
      this.db
        .prepare('INSERT INTO api_keys (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(key.id, key.name, key.role, key.hash, createdAt);
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

  list(): ApiKey[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`)
      .all() as KeyRow[];
    return rows.map(toKey);
  }

  findByHash(hash: string): ApiKey | undefined {
    // Looked up on every authenticated request: keep the statement prepared.
    this.byHash ??= this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE hash = ?`);
    const row = this.byHash.get(hash) as KeyRow | undefined;
    return row && toKey(row);
  }

  revoke(id: string): ApiKey | undefined {
    this.db
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id);
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id) as
      KeyRow | undefined;
    return row && toKey(row);
  }

  /**
   * Records a key's last use without waiting for the database: better-sqlite3 waits for a busy
   * database synchronously (5 s by default), and a request thread touching a key while another
   * process's list load holds the write transaction (seconds) would stall every request of its
   * process for that long (issue 17). Throws SQLITE_BUSY then; the caller treats the timestamp
   * as best effort.
   */
  touch(id: string, at: string): void {
    const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
    } finally {
      this.db.pragma(`busy_timeout = ${wait}`);
    }
  }
}
