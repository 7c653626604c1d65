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

  touch(id: string, at: string): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }
}
