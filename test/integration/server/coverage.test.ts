/**
 * The coverage contract over HTTP (issue 11, points 1 to 3): with no list, the screening and trade
 * routes answer 503 E_NOT_READY instead of an empty 200 or a CLEAR; a list that is not loaded
 * cannot be screened against; answers carry their coverage, and stale lists are flagged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createEngine, type Engine } from '../../../src/engine/index.ts';
import { buildServer, createApiKey } from '../../../src/server/index.ts';
import { listPath, needsData } from '../../helpers/data.ts';
import type { Loose } from './_server.ts';

const kim = { queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } };
const payment = (payee: string) => ({
  id: 'pay-1',
  date: '2024-06-01',
  kind: 'payment',
  parties: [
    { role: 'payer', name: 'Acme Trading GmbH', country: 'DE' },
    { role: 'payee', name: payee },
  ],
});

/** A server over an engine on a fresh home, with lists loaded and an analyst key. */
async function server(lists: [string, string][], maxAgeDays: number) {
  const home = mkdtempSync(join(tmpdir(), 'embargo-coverage-http-'));
  const engine: Engine = createEngine({ home, maxAgeDays });
  for (const [source, folder] of lists)
    await engine.loadList({ source, paths: [listPath(source, folder)] });
  const app: FastifyInstance = await buildServer({ engine, auth: 'keys', warm: false });
  await app.ready();
  await app.readiness.warm();
  const key = (await createApiKey(engine, 'coverage test', 'analyst')).secret;
  const call = async (o: InjectOptions) => {
    const r = await app.inject({ ...o, headers: { authorization: `ApiKey ${key}` } });
    return { status: r.statusCode, body: JSON.parse(r.body) as Loose };
  };
  const close = async () => {
    await app.close();
    engine.close();
    rmSync(home, { recursive: true, force: true });
  };
  return { call, close };
}

describe('HTTP with no list loaded: 503 E_NOT_READY, never an empty 200 or a CLEAR', () => {
  let s: Awaited<ReturnType<typeof server>>;
  before(async () => (s = await server([], 7)));
  after(() => s.close());

  const notReady = (r: { status: number; body: Loose }) => {
    assert.equal(r.status, 503, JSON.stringify(r.body));
    assert.equal(r.body.code, 'E_NOT_READY');
    assert.match(r.body.detail, /no lists are loaded/);
  };

  test('/readyz, /match, /search, /reconcile and /trade/check all refuse', async () => {
    const ready = await s.call({ method: 'GET', url: '/readyz' });
    assert.equal(ready.status, 503);
    assert.equal(ready.body.code, 'E_NOT_READY');
    notReady(await s.call({ method: 'POST', url: '/match/default', payload: kim }));
    notReady(await s.call({ method: 'GET', url: '/search/default?q=Kim%20Jong%20Un' }));
    notReady(
      await s.call({
        method: 'POST',
        url: '/reconcile/default',
        payload: { queries: JSON.stringify({ q0: { query: 'Kim Jong Un' } }) },
      }),
    );
    notReady(
      await s.call({
        method: 'POST',
        url: '/trade/check',
        payload: payment('Korea Mining Development Trading Corporation'),
      }),
    );
  });

  test('what needs no list still answers: /algorithms gives the default thresholds', async () => {
    const r = await s.call({ method: 'GET', url: '/algorithms' });
    assert.equal(r.status, 200);
  });
});

describe(
  'HTTP with only un_sc loaded, stale after 7 days',
  needsData('un_sc', '2026-02-27'),
  () => {
    let s: Awaited<ReturnType<typeof server>>;
    before(async () => (s = await server([['un_sc', '2026-02-27']], 7)));
    after(() => s.close());

    test('/match/uk_fcdo, a known list that is not loaded, is 503 naming it (it was an empty 200)', async () => {
      const r = await s.call({ method: 'POST', url: '/match/uk_fcdo', payload: kim });
      assert.equal(r.status, 503);
      assert.equal(r.body.code, 'E_NOT_READY');
      assert.match(r.body.detail, /^uk_fcdo is not loaded/);
    });

    test('/readyz needs one list: 200, stale or not', async () => {
      assert.equal((await s.call({ method: 'GET', url: '/readyz' })).status, 200);
    });

    test('/match answers with its coverage and warns of the stale list in each query', async () => {
      const r = await s.call({ method: 'POST', url: '/match/default', payload: kim });
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.coverage.snapshots.map((x: Loose) => [x.id, x.stale]),
        [['un_sc@2026-02-27', true]],
      );
      assert.ok(r.body.coverage.missing.includes('ofac_sdn'));
      assert.equal(r.body.coverage.max_age_days, 7);
      // One warning, the stale list: lists nobody named are reported in coverage, not warned of.
      assert.equal(r.body.responses.q.warnings.length, 1);
      assert.match(r.body.responses.q.warnings[0], /^un_sc@2026-02-27 is \d+ days old/);
    });

    test('/search carries coverage and the warning', async () => {
      const r = await s.call({ method: 'GET', url: '/search/default?q=KOMID' });
      assert.equal(r.status, 200);
      assert.equal(r.body.coverage.stale[0].id, 'un_sc@2026-02-27');
      assert.match(r.body.warnings[0], /days old/);
    });

    test('/trade/check under the US on Yakima Trading Corporation is REVIEW naming ofac_sdn, with coverage', async () => {
      const r = await s.call({
        method: 'POST',
        url: '/trade/check?authority=us',
        payload: payment('Yakima Trading Corporation'),
      });
      assert.equal(r.status, 200);
      assert.equal(r.body.verdict, 'REVIEW');
      assert.ok(
        r.body.by_authority.us.reasons.some(
          (x: Loose) => x.kind === 'coverage' && /ofac_sdn is not loaded/.test(x.detail),
        ),
      );
      assert.deepEqual(r.body.coverage.missing, ['ofac_sdn']);
      // A book's verdicts carry it too.
      const book = await s.call({
        method: 'POST',
        url: '/trade/check',
        payload: { transactions: [payment('Dupont Boulangerie SARL')] },
      });
      assert.equal(book.status, 200);
      assert.equal(book.body.results[0].verdict, 'REVIEW');
      assert.equal(book.body.results[0].coverage.stale[0].id, 'un_sc@2026-02-27');
    });
  },
);
