/**
 * @module
 * One writer at a time per store: the write lock of a SQLite store, taken around a list load
 * (from "are these files already loaded?" to the commit) so that two `lists update` runs queue
 * instead of failing with "database is locked" or storing the same files twice.
 *
 * The lock is SQLite's own: a `BEGIN IMMEDIATE` held on a private connection to a small side
 * database (`<store>.lock`), which nothing ever writes to. The operating system releases it when
 * its process dies, so a crashed load leaves no stale lock to clean up, and it works between
 * connections of one process as between processes. Who holds it (pid, host, since when, doing
 * what) is written beside it in `<store>.lock.json`, for the message a waiting writer prints;
 * that file is informational only and may be left behind by a crash.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import type { LockHolder, WriteLockOptions } from '../types.ts';

/** How often a waiting writer tries again. */
const POLL_MS = 200;
/** How long a writer waits for the lock by default before giving up: 10 minutes. */
export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;

/** The write lock of one store file. */
export class WriteLock {
  private readonly lockPath: string;
  private readonly infoPath: string;

  /** `storePath` is the database file; the lock lives beside it. */
  constructor(
    private readonly storePath: string,
    private readonly waitMs = DEFAULT_LOCK_WAIT_MS,
  ) {
    this.lockPath = `${storePath}.lock`;
    this.infoPath = `${storePath}.lock.json`;
  }

  /**
   * Runs `fn` holding the lock, waiting (without blocking the event loop) while another writer
   * holds it: `options.onWait` hears once who that is.
   * @throws E_BUSY when the lock is still held after the wait allowed.
   */
  async run<T>(fn: () => Promise<T>, options: WriteLockOptions): Promise<T> {
    const conn = await this.acquire(options);
    const info: LockHolder = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      what: options.what,
    };
    try {
      writeFileSync(this.infoPath, JSON.stringify(info));
    } catch {
      // Informational only: a read-only folder must not stop the load.
    }
    try {
      return await fn();
    } finally {
      rmSync(this.infoPath, { force: true });
      conn.exec('ROLLBACK');
      conn.close();
    }
  }

  private async acquire(options: WriteLockOptions): Promise<Database.Database> {
    const started = Date.now();
    const waitMs = options.waitMs ?? this.waitMs;
    let told = false;
    for (;;) {
      const conn = this.open();
      try {
        conn.exec('BEGIN IMMEDIATE');
        return conn;
      } catch (err) {
        conn.close();
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw this.failed(err);
      }
      const holder = this.holder();
      if (!told) {
        told = true;
        options.onWait?.(holder);
      }
      if (Date.now() - started >= waitMs)
        throw new EmbargoError(
          ERROR_CODES.BUSY,
          `${holder.describe}; gave up after waiting ${Math.round(waitMs / 1000)} s ` +
            '(nothing was changed; try again once it is done)',
          { file: this.storePath },
        );
      await sleep(POLL_MS);
    }
  }

  private open(): Database.Database {
    try {
      // No busy timeout: a busy lock is polled from the event loop, never waited for in C.
      return new Database(this.lockPath, { timeout: 0 });
    } catch (err) {
      throw this.failed(err);
    }
  }

  private failed(err: unknown): EmbargoError {
    return new EmbargoError(
      ERROR_CODES.STORE,
      `cannot take the write lock ${this.lockPath}: ${(err as Error).message}`,
      { file: this.lockPath },
      err,
    );
  }

  /** Who holds the lock, as far as its information file says. */
  private holder(): LockHolder & { describe: string } {
    let info: LockHolder = {};
    try {
      info = JSON.parse(readFileSync(this.infoPath, 'utf8')) as LockHolder;
    } catch {
      // Not written yet, or left by nobody: say what is known.
    }
    const who = info.pid
      ? `process ${info.pid}${info.host && info.host !== hostname() ? ` on ${info.host}` : ''}`
      : 'another writer';
    const since = info.since ? ` since ${info.since}` : '';
    const what = info.what ? ` (${info.what})` : '';
    return {
      ...info,
      describe: `${who} has held the write lock of ${this.storePath}${since}${what}`,
    };
  }
}
