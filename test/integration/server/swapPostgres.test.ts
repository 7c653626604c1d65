/**
 * The swap of issue 17 on PostgreSQL: a server over a PostgreSQL database follows a list another
 * process activates in that database (EMBARGO_DATABASE_URL), loading its index on a thread with a
 * connection of its own, while every request meanwhile is answered from the old index and
 * `/readyz` stays 200. A throwaway database, dropped after; skipped when PostgreSQL is not
 * reachable, unless EMBARGO_REQUIRE_PG=1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createEngine, type Engine } from '../../../src/engine/index.ts';
import { buildServer, createApiKey } from '../../../src/server/index.ts';
import { listPath, needsData } from '../../helpers/data.ts';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../../helpers/pg.ts';

const bin = resolve(fileURLToPath(import.meta.url), '../../../../bin/embargo.js');
const skip = await pgUnavailable();

/** A party listed only on the Denied Persons List. */
const DPL_NAME = 'AARON ABRAHAM VILLA';

describe(
  'PostgreSQL: a running server swaps in lists another process activates',
  {
    ...needsData('un_sc', '2026-02-27'),
    ...needsData('us_bis_dpl', '2022-09-07'),
    ...(skip && { skip }),
  },
  () => {
    let url = '';
    const home = mkdtempSync(join(tmpdir(), 'embargo-pg-swap-'));
    let engine: Engine;
    let app: FastifyInstance;
    let key = '';
    before(async () => {
      url = await createTestDatabase();
      engine = createEngine({ home, database: url });
      await engine.loadList({ source: 'un_sc', paths: [listPath('un_sc', '2026-02-27')] });
      app = await buildServer({ engine, auth: 'keys', warm: false, listCheckMs: 200 });
      await app.ready();
      await app.readiness.warm();
      key = (await createApiKey(engine, 'test read', 'read')).secret;
    });
    after(async () => {
      await app?.close();
      await engine?.close();
      if (url) await dropTestDatabase(url);
      rmSync(home, { recursive: true, force: true });
    });

    test('requests during the swap succeed, and the new list is then served', async () => {
      const match = async () => {
        const r = await app.inject({
          method: 'POST',
          url: '/match/default',
          headers: { authorization: `ApiKey ${key}` },
          payload: { queries: { q: { schema: 'Person', properties: { name: [DPL_NAME] } } } },
        });
        assert.equal(r.statusCode, 200, r.body);
        const body = r.json<{
          snapshots: string[];
          responses: { q: { results: { id: string }[] } };
        }>();
        return body;
      };
      const ready = async () => {
        const r = await app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(r.statusCode, 200, r.body);
      };
      assert.deepEqual((await match()).snapshots, ['un_sc@2026-02-27']);
      const child = spawn(
        process.execPath,
        [bin, 'lists', 'load', 'us_bis_dpl', listPath('us_bis_dpl', '2022-09-07')],
        {
          env: {
            ...process.env,
            EMBARGO_HOME: home,
            EMBARGO_DATABASE_URL: url,
            EMBARGO_FROM_SOURCE: '1',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      const loading = new Promise<number>((ok, fail) => {
        child.on('error', fail);
        child.on('exit', (code) => ok(code ?? -1));
      });
      const seen = new Set<string>();
      for (let i = 0; ; i++) {
        const [m] = await Promise.all([match(), ready()]);
        seen.add(m.snapshots.join(','));
        if (m.snapshots.some((id) => id.startsWith('us_bis_dpl@'))) {
          assert.match(m.responses.q.results[0]?.id ?? '', /^us_bis_dpl/);
          break;
        }
        assert.ok(i < 4000, 'the new list was served in time');
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(await loading, 0);
      assert.ok(seen.has('un_sc@2026-02-27'), 'the old index answered while the new one was made');
      assert.equal(engine.screeningStatus().failed, undefined);
    });
  },
);
