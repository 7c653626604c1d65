/**
 * @module
 * Throwaway PostgreSQL databases for tests: each is created on the server at
 * EMBARGO_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) and dropped after.
 * Where the server is not reachable the tests are skipped with a message, unless
 * EMBARGO_REQUIRE_PG=1 (CI), where they must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database's address, through which test databases are made and dropped. */
export function pgAdminUrl(): string {
  return process.env.EMBARGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Why PostgreSQL tests cannot run here (undefined when they can). Throws when
 * EMBARGO_REQUIRE_PG=1 demands them.
 */
export async function pgUnavailable(): Promise<string | undefined> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return undefined;
  } catch (err) {
    const why = `PostgreSQL not reachable at ${pgAdminUrl()} (${(err as Error).message})`;
    if (process.env.EMBARGO_REQUIRE_PG === '1')
      throw new Error(`EMBARGO_REQUIRE_PG=1 but ${why}`, { cause: err });
    return `${why}; set EMBARGO_TEST_PG_URL or start it to run this test`;
  }
}

/** Creates an empty database `embargo_test_<random>` and returns its address. */
export async function createTestDatabase(): Promise<string> {
  const name = `embargo_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by {@link createTestDatabase} (its connections closed first). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^embargo_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
