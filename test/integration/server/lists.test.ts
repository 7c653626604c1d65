/**
 * `POST /lists/update` (admin only) downloads a list from a local server that publishes the real
 * Denied Persons List (test/helpers/listServer.ts) and loads it; `GET /lists` then reports its
 * freshness, `GET /lists/changes` what the activation changed, and `/match` finds its entities.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { needsData } from '../../helpers/data.ts';
import { startListServer, type ListServer } from '../../helpers/listServer.ts';
import { finishedJob, json, testServer, type Loose, type TestServer } from './_server.ts';

const DPL = '/lists/us_bis_dpl/2022-09-07/dpl.txt';

describe(
  'list updates over HTTP',
  { ...needsData('un_sc', '2026-02-27'), ...needsData('us_bis_dpl', '2022-09-07') },
  () => {
    let s: TestServer;
    let lists: ListServer;
    before(async () => {
      s = await testServer([['un_sc', '2026-02-27']]);
      lists = await startListServer();
      writeFileSync(
        join(s.home, 'config.json'),
        JSON.stringify({
          sources: {
            us_bis_dpl: {
              urls: { dpl: lists.url(DPL) },
              timeoutMs: 2000,
              retries: 1,
              backoffMs: 10,
            },
          },
        }),
      );
    });
    after(async () => {
      await lists?.close();
      await s?.close();
    });

    const update = (role: 'read' | 'analyst' | 'admin', payload: unknown) =>
      s.call({ method: 'POST', url: '/lists/update', payload: payload as Loose, role });
    /** An update as a job (issue 18): 202, then its result at `Location`. */
    const updated = async (payload: unknown): Promise<Loose> => {
      const job = await finishedJob(s, await update('admin', payload));
      assert.equal(job.kind, 'lists-update');
      assert.equal(job.state, 'succeeded', JSON.stringify(job.error));
      return job.result;
    };

    test('only an admin key may update the lists', async () => {
      for (const role of ['read', 'analyst'] as const) {
        const r = await update(role, { sources: ['us_bis_dpl'] });
        assert.equal(r.statusCode, 403, role);
        assert.equal(json(r).code, 'E_FORBIDDEN');
      }
      assert.equal(lists.requests.length, 0, 'nothing was downloaded');
    });

    test('an admin update downloads and activates the list; a second finds it unchanged', async () => {
      const r = await update('admin', { sources: ['us_bis_dpl'] });
      assert.equal(r.statusCode, 202, r.body);
      assert.match(String(r.headers.location), /^\/jobs\/[0-9a-f-]{36}$/);
      // Only the key that made the job, or an admin, sees it.
      const other = await s.call({ method: 'GET', url: String(r.headers.location), role: 'read' });
      assert.equal(other.statusCode, 404);
      const job = await finishedJob(s, r);
      assert.equal(job.state, 'succeeded', JSON.stringify(job.error));
      assert.ok(job.created_at <= job.finished_at);
      const [o] = job.result.outcomes as Loose[];
      assert.equal(o!.source, 'us_bis_dpl');
      assert.equal(o!.outcome, 'activated', JSON.stringify(o));
      assert.match(o!.snapshot.id, /^us_bis_dpl@/);
      assert.ok(o!.snapshot.files.every((f: Loose) => !('path' in f)));

      const again = (await updated({ sources: ['us_bis_dpl'] })).outcomes[0];
      assert.equal(again.outcome, 'unchanged');

      const status = json(await s.call({ method: 'GET', url: '/lists', role: 'read' }));
      const dpl = status.lists.find((l: Loose) => l.source === 'us_bis_dpl');
      assert.equal(dpl.active.id, o!.snapshot.id);
      assert.equal(dpl.freshness.lastOutcome, 'unchanged');
      assert.equal(typeof dpl.freshness.staleSeconds, 'number');
      const un = status.lists.find((l: Loose) => l.source === 'un_sc');
      assert.equal(un.freshness.lastSuccessAt, null, 'loaded from files, never refreshed');

      const changes = json(
        await s.call({
          method: 'GET',
          url: '/lists/changes',
          query: { since: '2000-01-01', source: 'us_bis_dpl' },
        }),
      );
      assert.deepEqual(
        changes.changes.map((c: Loose) => c.snapshot),
        [o!.snapshot.id],
      );

      // The screening index follows the store: the new list is screened against at once.
      const m = json(
        await s.call({
          method: 'POST',
          url: '/match/us_bis_dpl',
          query: { cutoff: '0' },
          payload: {
            queries: { q: { schema: 'Thing', properties: { name: ['Aaron Abraham Villa'] } } },
          },
        }),
      );
      const top = m.responses.q.results[0];
      assert.equal(top?.caption, 'AARON ABRAHAM VILLA');
      assert.equal(top.match, true);
      assert.ok(m.responses.q.results.every((x: Loose) => x.datasets[0] === 'us_bis_dpl'));
    });

    test('an unknown list is a 404; a bad body a 400', async () => {
      const r = await update('admin', { sources: ['narnia'] });
      assert.equal(r.statusCode, 404);
      assert.equal(json(r).code, 'E_UNKNOWN_SOURCE');
      assert.equal(
        (await updated({ sources: 'us_bis_dpl' })).outcomes.length,
        1,
        'a single name is a list of one',
      );
      assert.equal((await update('admin', { force: 'yes' })).statusCode, 400);
      const bad = await s.call({
        method: 'GET',
        url: '/lists/changes',
        query: { since: 'last week' },
      });
      assert.equal(bad.statusCode, 400);
    });
  },
);
