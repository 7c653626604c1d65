/**
 * A running server follows lists another process activates (issue 17): it notices them within
 * its check interval (short here), builds their index in the background and swaps it in, while
 * every request meanwhile is answered (from the old index, naming the old lists) and `/readyz`
 * stays 200. A build that fails keeps the old index serving and says so.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { listPath, needsData } from '../../helpers/data.ts';
import { json, testServer, type Loose, type TestServer } from './_server.ts';

const bin = resolve(fileURLToPath(import.meta.url), '../../../../bin/embargo.js');

/** A party listed only on the Denied Persons List. */
const DPL_NAME = 'AARON ABRAHAM VILLA';

/** `embargo lists load` in another process, over the server's home. */
function loadInAnotherProcess(home: string, source: string, folder: string): Promise<number> {
  const child = spawn(process.execPath, [bin, 'lists', 'load', source, listPath(source, folder)], {
    env: { ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => {
      // The load's warnings are the list's own; only a failure's message matters here.
      if (code !== 0) process.stderr.write(stderr);
      ok(code ?? -1);
    });
  });
}

describe(
  'a running server swaps in lists another process activates',
  { ...needsData('un_sc', '2026-02-27'), ...needsData('us_bis_dpl', '2022-09-07') },
  () => {
    let s: TestServer;
    before(async () => {
      s = await testServer([['un_sc', '2026-02-27']], { listCheckMs: 200 });
    });
    after(async () => {
      await s?.close();
    });

    const match = async (name: string) => {
      const r = await s.call({
        method: 'POST',
        url: '/match/default',
        payload: { queries: { q: { schema: 'Person', properties: { name: [name] } } } },
        role: 'read',
      });
      assert.equal(r.statusCode, 200, r.body);
      const body = json(r);
      // The answer names the lists it used, and its coverage names the same ones: never a mix
      // of the old index and the new lists.
      assert.deepEqual(
        body.coverage.snapshots.map((c: Loose) => c.id),
        body.snapshots,
        'coverage and snapshots agree',
      );
      return body as Loose;
    };
    const ready = async () => {
      const r = await s.call({ method: 'GET', url: '/readyz', role: 'none' });
      assert.equal(r.statusCode, 200, r.body);
      return json(r);
    };

    test('requests during the swap succeed, and the new list is then served', async () => {
      const before = await match(DPL_NAME);
      assert.deepEqual(before.snapshots, ['un_sc@2026-02-27']);
      assert.equal(before.responses.q.results.length, 0, 'not listed by the UN');

      const loading = loadInAnotherProcess(s.home, 'us_bis_dpl', '2022-09-07');
      let loaded: number | undefined;
      void loading.then((code) => (loaded = code));
      const seen = new Set<string>();
      let answer: Loose | undefined;
      // Requests go on throughout the load and the swap; each must succeed.
      for (let i = 0; ; i++) {
        const [m] = await Promise.all([match(DPL_NAME), ready()]);
        seen.add(m.snapshots.join(','));
        if (m.snapshots.some((id: string) => id.startsWith('us_bis_dpl@'))) {
          answer = m;
          break;
        }
        if (loaded !== undefined) assert.equal(loaded, 0, 'the other process loaded the list');
        assert.ok(i < 4000, 'the new list was served in time');
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(await loading, 0);
      // The process that activated the list stored its index (so the server loads, not builds),
      // and no claim to build one is left behind.
      const files = readdirSync(join(s.home, 'index'));
      assert.equal(files.filter((f) => f.endsWith('.idx')).length, 2, files.join(', '));
      assert.deepEqual(
        files.filter((f) => f.endsWith('.building')),
        [],
      );
      assert.ok(seen.has('un_sc@2026-02-27'), 'the old index answered while the new one was built');
      assert.deepEqual([...answer.snapshots].sort(), ['un_sc@2026-02-27', 'us_bis_dpl@2022-09-07']);
      const top = answer.responses.q.results[0];
      assert.ok(top, 'the new list is screened against');
      assert.match(top.id, /^us_bis_dpl/);
      assert.equal(s.engine.screeningStatus().building, undefined);
    });

    test('a build that fails keeps the old index serving, says so, and is retried', async () => {
      const store = s.engine.store;
      const lastRefreshes = store.lastRefreshes.bind(store);
      let refused = 0;
      // The server's store fails while it builds the new index (as a dropped database connection
      // would): the index itself is loaded or built on a thread with a connection of its own,
      // and what the swap reads on the server's own connection is each list's last download.
      store.lastRefreshes = (source) => {
        if (source === 'ofac_sdn') {
          refused++;
          return Promise.reject(new Error('connection lost'));
        }
        return lastRefreshes(source);
      };
      try {
        assert.equal(await loadInAnotherProcess(s.home, 'ofac_sdn', '2021-07-07'), 0);
        for (let i = 0; !s.engine.screeningStatus().failed; i++) {
          assert.ok(i < 2000, 'the failed build was reported');
          await new Promise((r) => setTimeout(r, 25));
        }
        const r = await ready();
        assert.equal(r.status, 'ok');
        assert.match(r.detail, /ofac_sdn@2021-07-07.*failed.*connection lost/);
        const m = await match('Kim Jong Un');
        assert.ok(!m.snapshots.some((id: string) => id.startsWith('ofac_sdn@')), 'old index');
        assert.match(m.responses.q.warnings.join('\n'), /could not be built \(connection lost\)/);
        const first = refused;
        for (let i = 0; refused === first; i++) {
          assert.ok(i < 2000, 'the build was retried');
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        store.lastRefreshes = lastRefreshes;
      }
      for (let i = 0; ; i++) {
        const m = await match('Kim Jong Un');
        if (m.snapshots.some((id: string) => id.startsWith('ofac_sdn@'))) break;
        assert.ok(i < 4000, 'the new list was served once its build succeeded');
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(s.engine.screeningStatus().failed, undefined);
      assert.equal((await ready()).detail, undefined);
    });
  },
);
