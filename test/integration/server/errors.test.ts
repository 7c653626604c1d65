/**
 * The caller's mistakes get the right 4xx with `{"detail", "code"}` and nothing else; our own
 * faults a 5xx that says only what kind of fault it was. On the real UN list (2026-02-27).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { EmbargoError, ERROR_CODES } from '../../../src/core/index.ts';
import type { Engine } from '../../../src/engine/index.ts';
import { buildServer } from '../../../src/server/index.ts';
import { listPath, needsData } from '../../helpers/data.ts';
import { json, loadedEngine, testServer, type TestServer } from './_server.ts';

/** Asserts an error response: the status, exactly {detail, code}, the code. */
function isError(r: LightMyRequestResponse, status: number, code: string): { detail: string } {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /application\/json/);
  const b = json(r);
  assert.deepEqual(Object.keys(b).sort(), ['code', 'detail'], r.body);
  assert.equal(b.code, code, r.body);
  assert.equal(typeof b.detail, 'string');
  assert.doesNotMatch(r.body, /\bat \S+ \(|node_modules|\.ts:\d+/, 'no stack trace');
  return b as { detail: string };
}

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  schema: 'Person',
  properties: { name: [name], ...extra },
});

describe('HTTP errors', needsData('un_sc', '2026-02-27'), () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([['un_sc', '2026-02-27']]);
  });
  after(() => s?.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    s.call({ method: 'POST', url, payload: payload as string, headers });

  test('malformed JSON is a 400', async () => {
    const r = await post('/match/default', '{"queries": {', { 'content-type': 'application/json' });
    isError(r, 400, 'E_MALFORMED');
    const empty = await post('/match/default', '', { 'content-type': 'application/json' });
    isError(empty, 400, 'E_MALFORMED');
  });

  test('a body over the limit is a 413', async () => {
    const big = JSON.stringify({ queries: { q: person('x'.repeat(1024 * 1024 + 10)) } });
    isError(
      await post('/match/default', big, { 'content-type': 'application/json' }),
      413,
      'E_TOO_LARGE',
    );
  });

  test('a content type no route reads is a 415', async () => {
    const r = await post('/match/default', '<queries/>', { 'content-type': 'application/xml' });
    isError(r, 415, 'E_MEDIA_TYPE');
  });

  test('an unknown dataset is a 404, in the path and in include_dataset', async () => {
    const body = { queries: { q: person('Ri Won Ho') } };
    const r = isError(await post('/match/us_ofac_sdn', body), 404, 'E_UNKNOWN_SOURCE');
    assert.match(r.detail, /known: default, sanctions, /);
    isError(
      await s.call({ method: 'GET', url: '/search/nope', query: { q: 'x' } }),
      404,
      'E_UNKNOWN_SOURCE',
    );
    isError(await s.call({ method: 'GET', url: '/reconcile/nope' }), 404, 'E_UNKNOWN_SOURCE');
  });

  test('a schema Embargo does not screen against is a 400 naming the query', async () => {
    // Address is matchable in FtM and compared with the lists' addresses (see addresses.ts).
    for (const schema of ['Spaceship', 'Sanction']) {
      const r = await post('/match/default', {
        queries: { ok: person('Ri Won Ho'), bad: { schema, properties: { name: ['x'] } } },
      });
      const b = isError(r, 400, 'E_INVALID_QUERY');
      assert.match(b.detail, new RegExp(`unknown schema "${schema}"`));
    }
  });

  test("a bad property value is dropped with a warning in that query's answer; no name is a 400", async () => {
    const r = await post('/match/default', {
      queries: { q7: person('Ri Won Ho', { birthDate: ['yesterday'] }) },
    });
    assert.equal(r.statusCode, 200, r.body);
    const q7 = (JSON.parse(r.body) as { responses: Record<string, { warnings?: string[] }> })
      .responses.q7!;
    assert.deepEqual(q7.warnings, [
      'birthDate "yesterday" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY); dropped',
    ]);
    const noName = await post('/match/default', {
      queries: { q: { schema: 'Person', properties: {} } },
    });
    isError(noName, 400, 'E_INVALID_QUERY');
  });

  test('more than 100 queries is a 400, as yente says it; none is a 400 too', async () => {
    const queries = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [`q${i}`, person('Ri Won Ho')]),
    );
    const b = isError(await post('/match/default', { queries }), 400, 'E_VALIDATION');
    assert.equal(b.detail, 'Too many queries in one batch (limit: 100)');
    const hundred = Object.fromEntries(Object.entries(queries).slice(0, 100));
    assert.equal((await post('/match/default', { queries: hundred })).statusCode, 200);
    isError(await post('/match/default', { queries: {} }), 400, 'E_VALIDATION');
    const recon = await s.call({
      method: 'GET',
      url: '/reconcile/default',
      query: {
        queries: JSON.stringify(
          Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { query: 'x' }])),
        ),
      },
    });
    isError(recon, 400, 'E_VALIDATION');
  });

  test('a body or parameter that does not fit the route schema is a 422 on the yente routes (as yente answers), a 400 elsewhere', async () => {
    isError(await post('/match/default', { nothing: true }), 422, 'E_VALIDATION');
    isError(
      await post('/match/default', { queries: { q: { schema: 'Person' } } }),
      422,
      'E_VALIDATION',
    );
    isError(await post('/match/default', { queries: 'Kim' }), 422, 'E_VALIDATION');
    isError(await post('/match/default', [1, 2]), 422, 'E_VALIDATION');
    for (const limit of ['0', '501', 'ten'])
      isError(
        await s.call({
          method: 'POST',
          url: '/match/default',
          query: { limit },
          payload: { queries: { q: person('x') } },
        }),
        422,
        'E_VALIDATION',
      );
    isError(
      await s.call({
        method: 'POST',
        url: '/match/default',
        query: { threshold: '2' },
        payload: { queries: { q: person('x') } },
      }),
      422,
      'E_VALIDATION',
    );
    isError(
      await s.call({ method: 'GET', url: '/search/default', query: { limit: '-1' } }),
      422,
      'E_VALIDATION',
    );
    // A 400 a yente handler raises on purpose stays a 400, as in yente.
    isError(await post('/match/default', { queries: {} }), 400, 'E_VALIDATION');
    isError(await post('/reconcile/default', { queries: '{not json' }), 400, 'E_VALIDATION');
    isError(
      await s.call({ method: 'GET', url: '/regimes/dprk', query: { as_of: '2020-02-31' } }),
      400,
      'E_VALIDATION',
    );
    isError(await post('/trade/check?authority=mars', { transaction: {} }), 400, 'E_VALIDATION');
  });

  test('an unknown route or method is a 404', async () => {
    isError(await s.call({ method: 'GET', url: '/nowhere' }), 404, 'E_NO_ROUTE');
    isError(await s.call({ method: 'DELETE', url: '/match/default' }), 404, 'E_NO_ROUTE');
    isError(await s.call({ method: 'GET', url: '/match/default' }), 404, 'E_NO_ROUTE');
    isError(await s.call({ method: 'GET', url: '/entities/un_sc-NOPE' }), 404, 'E_UNKNOWN_ID');
    isError(await s.call({ method: 'GET', url: '/scenarios/nope' }), 404, 'E_NOT_FOUND');
  });

  test('a body that would poison prototypes is refused', async () => {
    const r = await post('/match/default', '{"queries": {}, "__proto__": {"x": 1}}', {
      'content-type': 'application/json',
    });
    isError(r, 400, 'E_MALFORMED');
  });

  test('/readyz is a 503 while the index is being built, and while no list is loaded', async () => {
    const { engine, home } = await loadedEngine([]);
    const app = await buildServer({ engine, auth: 'keys', warm: false });
    try {
      const building = isError(
        await app.inject({ method: 'GET', url: '/readyz' }),
        503,
        'E_NOT_READY',
      );
      assert.match(building.detail, /being built/);
      await app.readiness.warm();
      const empty = isError(
        await app.inject({ method: 'GET', url: '/readyz' }),
        503,
        'E_NOT_READY',
      );
      assert.match(empty.detail, /no list snapshot is active/);
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      await engine.loadList({ source: 'un_sc', paths: [listPath('un_sc', '2026-02-27')] });
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    } finally {
      await app.close();
      engine.close();
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('our own fault is a 500 that reveals nothing; a store fault a 503', async () => {
    const failing = (err: Error): Engine =>
      new Proxy(s.engine, {
        get: (target, prop, receiver) =>
          prop === 'screen'
            ? () => {
                throw err;
              }
            : Reflect.get(target, prop, receiver),
      });
    const cases: [Error, number, string][] = [
      [new Error('secret at /srv/embargo/src/match/index.ts:12'), 500, 'E_INTERNAL'],
      [
        new EmbargoError(ERROR_CODES.STORE, 'cannot open /var/lib/embargo/embargo.db'),
        503,
        'E_STORE',
      ],
    ];
    for (const [err, status, code] of cases) {
      const app = await buildServer({ engine: failing(err), auth: 'none', warm: false });
      try {
        const r = await app.inject({
          method: 'POST',
          url: '/match/default',
          payload: { queries: { q: person('x') } },
        });
        isError(r, status, code);
        assert.doesNotMatch(r.body, /secret|\/srv|\/var/);
      } finally {
        await app.close();
      }
    }
  });
});
