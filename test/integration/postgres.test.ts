/**
 * Issue 16 end to end: the real lists loaded into PostgreSQL (EMBARGO_DATABASE_URL) answer as on
 * SQLite, through the CLI and through `embargo serve --workers 2`; nothing is written to the
 * home's embargo.db. A throwaway database per run, dropped after; skipped when PostgreSQL is not
 * reachable, unless EMBARGO_REQUIRE_PG=1.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { embargoEnv, tempDir } from '../helpers/cli.ts';
import { dataDir, needsData } from '../helpers/data.ts';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/pg.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const skip = await pgUnavailable();

interface Result {
  id: string;
  score: number;
  match: boolean;
}

/** Top results as `id score` lines, scores to 3 decimals. */
const top = (results: Result[], n = 5) =>
  results.slice(0, n).map((r) => `${r.id} ${r.score.toFixed(3)}`);

describe(
  'PostgreSQL: the real lists answer as on SQLite',
  { ...needsData(), ...(skip && { skip }) },
  () => {
    let url = '';
    const pgHome = tempDir('embargo-pg-');
    const sqliteHome = tempDir('embargo-sqlite-');
    const pg = { EMBARGO_DATABASE_URL: '' };
    const sqlite = { EMBARGO_DATABASE_URL: undefined };
    const run = (home: string, env: Record<string, string | undefined>, ...args: string[]) => {
      const r = embargoEnv(home, env, ...args);
      assert.equal(r.status, 0, `embargo ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };

    before(async () => {
      url = await createTestDatabase();
      pg.EMBARGO_DATABASE_URL = url;
      const lists = join(dataDir(), 'lists');
      // The first command migrates the empty database by itself.
      run(pgHome, pg, 'lists', 'update', '--from', lists, '--json');
      run(sqliteHome, sqlite, 'lists', 'update', '--from', lists, '--json');
    });
    after(async () => {
      if (url) await dropTestDatabase(url);
      rmSync(pgHome, { recursive: true, force: true });
      rmSync(sqliteHome, { recursive: true, force: true });
    });

    test('the same snapshots, and no embargo.db in the home', () => {
      const ids = (env: Record<string, string | undefined>, home: string) =>
        (
          JSON.parse(run(home, env, 'lists', 'status', '--json')) as {
            active: { id: string; entityCount: number } | null;
          }[]
        ).map((s) => s.active && `${s.active.id} ${s.active.entityCount}`);
      const onPg = ids(pg, pgHome);
      assert.ok(onPg.filter(Boolean).length >= 5, onPg.join(', '));
      assert.deepEqual(onPg, ids(sqlite, sqliteHome));
      assert.equal(existsSync(join(pgHome, 'embargo.db')), false);
    });

    for (const [name, schema] of [
      ['Kim Jong Un', 'Person'],
      ['Korea Mining Development Trading Corporation', 'Company'],
      ['Chong Chon Gang', 'Vessel'],
    ] as const)
      test(`screen "${name}" (${schema}): the same top 5, ids and scores to 3 decimals`, () => {
        const screen = (env: Record<string, string | undefined>, home: string) =>
          (
            JSON.parse(run(home, env, 'screen', name, '--schema', schema, '--json')) as {
              results: Result[];
            }
          ).results;
        const a = screen(pg, pgHome);
        assert.ok(a.length > 0 && a[0]!.match, `${name}: a match on PostgreSQL`);
        assert.deepEqual(top(a), top(screen(sqlite, sqliteHome)));
      });

    test('embargo serve --workers 2 on PostgreSQL answers /match as on SQLite', async () => {
      const serve = (env: Record<string, string | undefined>, home: string) => {
        const merged: Record<string, string | undefined> = {
          ...process.env,
          EMBARGO_HOME: home,
          EMBARGO_FROM_SOURCE: '1',
          ...env,
        };
        for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
        return spawn(
          process.execPath,
          [
            join(root, 'bin', 'embargo.js'),
            'serve',
            '--port',
            '0',
            '--workers',
            '2',
            '--no-auth',
            '--no-web',
          ],
          { env: merged },
        );
      };
      const listening = (server: ChildProcess) =>
        new Promise<string>((done, fail) => {
          let err = '';
          server.stderr!.on('data', (d: Buffer) => {
            err += d.toString();
            const m = /serving (http:\/\/[^\s;]+)/.exec(err);
            if (m) done(m[1]!);
          });
          server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
        });
      const match = async (base: string) => {
        // Until the workers' indexes are built /match answers 503: wait for /readyz.
        for (let i = 0; i < 600; i++) {
          const r = await fetch(`${base}/readyz`).catch(() => undefined);
          if (r?.status === 200) break;
          await new Promise((d) => setTimeout(d, 200));
        }
        const answers: string[][] = [];
        // Several connections, so that both workers answer.
        for (let i = 0; i < 4; i++) {
          const r = await fetch(`${base}/match/default`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', connection: 'close' },
            body: JSON.stringify({
              queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } },
            }),
          });
          assert.equal(r.status, 200, await r.clone().text());
          const body = (await r.json()) as { responses: { q: { results: Result[] } } };
          answers.push(top(body.responses.q.results));
        }
        return answers;
      };
      const servers: ChildProcess[] = [];
      try {
        const onPg = serve(pg, pgHome);
        servers.push(onPg);
        const pgAnswers = await match(await listening(onPg));
        const onSqlite = serve(sqlite, sqliteHome);
        servers.push(onSqlite);
        const sqliteAnswers = await match(await listening(onSqlite));
        assert.ok(pgAnswers[0]!.length > 0);
        for (const a of pgAnswers) assert.deepEqual(a, sqliteAnswers[0]);
        assert.deepEqual(sqliteAnswers[0], sqliteAnswers[3]);
        assert.equal(existsSync(join(pgHome, 'embargo.db')), false);
      } finally {
        for (const s of servers) s.kill('SIGTERM');
        await Promise.all(
          servers.map((s) => (s.exitCode === null ? new Promise((d) => s.once('exit', d)) : 0)),
        );
      }
    });
  },
);
