/**
 * OpenRefine and other Reconciliation API 0.2 clients (issue 19): requests as the W3C
 * specification describes them (https://reconciliation-api.github.io/specs/0.2/), each request
 * checked against the 0.2 query schemas and each answer against the 0.2 response schemas,
 * vendored unchanged in `w3c-reconciliation-0.2/`; on the real UN (2026-02-27) and OFAC SDN
 * (2024-05-03) lists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { needsData } from '../helpers/data.ts';
import { json, testServer, type TestServer } from '../integration/server/_server.ts';
import { w3cErrors } from './_validate.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lists = { ...needsData('un_sc', '2026-02-27'), ...needsData('ofac_sdn', '2024-05-03') };

describe('W3C Reconciliation API 0.2', lists, () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([
      ['un_sc', '2026-02-27'],
      ['ofac_sdn', '2024-05-03'],
    ]);
  });
  after(() => s?.close());

  const valid = (schema: string, body: unknown) =>
    assert.deepEqual(
      w3cErrors(schema, body),
      [],
      `${schema}: ${JSON.stringify(body).slice(0, 300)}`,
    );
  /** OpenRefine's way: the key as ?api_key=, queries as a form. */
  const form = (field: 'queries' | 'extend', value: unknown) =>
    s.call({
      method: 'POST',
      url: `/reconcile/default?api_key=${s.keys.read}`,
      role: 'none',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${field}=${encodeURIComponent(JSON.stringify(value))}`,
    });
  const get = (url: string) =>
    s.call({
      method: 'GET',
      url: `${url}${url.includes('?') ? '&' : '?'}api_key=${s.keys.read}`,
      role: 'none',
    });
  const corsOpen = (r: LightMyRequestResponse) =>
    assert.equal(r.headers['access-control-allow-origin'], '*', `${r.statusCode} ${r.body}`);

  test('the manifest is public, valid, and declares its authentication, suggest, preview and extend', async () => {
    const r = await s.call({ method: 'GET', url: '/reconcile/default', role: 'none' });
    assert.equal(r.statusCode, 200, r.body);
    const m = json(r);
    valid('manifest', m);
    assert.deepEqual(m.authentication, {
      type: 'apiKey',
      name: 'api_key',
      in: 'query',
      description: m.authentication.description,
    });
    assert.ok(m.extend.propose_properties.service_path.startsWith('/extend/propose'));
    // OpenRefine 3.6 asks for `service_url + service_path + "?type=" + type` as it is
    // (extend-data-preview-dialog.js): the URL must have no query of its own, and must answer
    // without a key (found by test/browser/openrefine.test.ts).
    // The manifest as OpenRefine reads it: from the service URL it was given, key included.
    const { propose_properties: p } = json(await get('/reconcile/default')).extend;
    const proposeUrl = `${p.service_url}${p.service_path}?type=Person`;
    const propose = await s.call({
      method: 'GET',
      url: new URL(proposeUrl).pathname + new URL(proposeUrl).search,
      role: 'none',
    });
    assert.equal(propose.statusCode, 200, propose.body);
    assert.equal(json(propose).type, 'Person');
    corsOpen(propose);
    assert.match(m.preview.url, /\{\{id\}\}/);
    corsOpen(r);
    // Queries still need the key.
    const q = encodeURIComponent(JSON.stringify({ q0: { query: 'Kim Jong Un' } }));
    const denied = await s.call({
      method: 'GET',
      url: `/reconcile/default?queries=${q}`,
      role: 'none',
    });
    assert.equal(denied.statusCode, 401);
    corsOpen(denied);
  });

  test("the spec's example batch: an unknown type is that query's warning, not the batch's failure", async () => {
    const batch = {
      q0: { query: 'Kim Jong Un', type: 'DifferentiatedPerson', limit: 3 },
      q1: { query: 'Ri Won Ho', type: ['DifferentiatedPerson', 'Person'] },
      q2: { query: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', type: 'Organization' },
    };
    valid('reconciliation-query-batch', batch);
    const r = await form('queries', batch);
    assert.equal(r.statusCode, 200, r.body);
    const b = json(r);
    valid('reconciliation-result-batch', b);
    assert.equal(b.q0.result[0].id, 'ofac_sdn-20157');
    assert.ok(b.q0.result.length <= 3);
    assert.match(b.q0.warnings.join(' '), /DifferentiatedPerson/);
    assert.ok(b.q1.result.some((r: Obj) => r.id === 'un_sc-KPi.033' && r.match));
    assert.equal(b.q1.warnings, undefined, 'Person, the second type, is one Embargo screens');
    assert.ok(b.q2.result.length > 0);
    corsOpen(r);
  });

  test('`query` is optional: properties alone are screened; a query with nothing to screen says so', async () => {
    const batch = {
      p0: {
        properties: [
          { pid: 'name', v: 'Ri Won Ho' },
          { pid: 'birthDate', v: '1964-07-17' },
        ],
      },
      p1: { properties: [{ pid: 'birthDate', v: '1964-07-17' }] },
    };
    valid('reconciliation-query-batch', batch);
    const b = json(await form('queries', batch));
    valid('reconciliation-result-batch', b);
    assert.ok(b.p0.result.some((r: Obj) => r.id === 'un_sc-KPi.033' && r.match));
    assert.deepEqual(b.p1.result, []);
    assert.match(b.p1.warnings.join(' '), /not screened/);
  });

  test('suggest is a prefix search over names, with cursor; an empty prefix suggests nothing', async () => {
    const zakh = json(await get('/reconcile/default/suggest/entity?prefix=zakh'));
    valid('suggest-entities-response', zakh);
    assert.ok(zakh.result.length > 0);
    for (const e of zakh.result as Obj[]) {
      const names = [e.name, e.description].join(' ').toLowerCase();
      assert.match(names, /\bzakh/, e.name);
    }
    const page1 = json(await get('/reconcile/default/suggest/entity?prefix=kim&limit=3'));
    const page2 = json(await get('/reconcile/default/suggest/entity?prefix=kim&limit=3&cursor=3'));
    assert.equal(page1.result.length, 3);
    assert.equal(page2.result.length, 3);
    assert.ok(page2.result.every((e: Obj) => !page1.result.some((f: Obj) => f.id === e.id)));
    const none = json(await get('/reconcile/default/suggest/entity?prefix='));
    assert.deepEqual(none.result, []);
    valid('suggest-types-response', json(await get('/reconcile/default/suggest/type?prefix=Pe')));
    valid(
      'suggest-properties-response',
      json(await get('/reconcile/default/suggest/property?prefix=birth')),
    );
  });

  test("the suggest flyout: the manifest's flyout path answers {id, html} with the entity's card, escaped", async () => {
    const m = json(await get('/reconcile/default'));
    const { service_url: base, flyout_service_path: path } = m.suggest.entity;
    assert.match(path, /\$\{id\}/);
    // As OpenRefine's suggest box builds it: the id put in place of ${id}, the key kept.
    const url = new URL(`${base}${path.replace('${id}', encodeURIComponent('un_sc-KPi.033'))}`);
    assert.equal(url.searchParams.get('api_key'), s.keys.read);
    const r = await s.call({ method: 'GET', url: url.pathname + url.search, role: 'none' });
    assert.equal(r.statusCode, 200, r.body);
    corsOpen(r);
    const f = json(r);
    assert.equal(f.id, 'un_sc-KPi.033');
    assert.match(f.html, /^<div class="embargo-flyout"><strong>[^<]+<\/strong>/);
    assert.match(f.html, /born 1964-07-17/);
    // Only the card's own tags: list text is escaped.
    assert.deepEqual([...new Set(f.html.match(/<\/?[a-z]+/g))].sort(), [
      '</div',
      '</strong',
      '<br',
      '<div',
      '<strong',
    ]);
    const unknown = await get('/reconcile/default/flyout/entity?id=no-such-id');
    assert.equal(unknown.statusCode, 404);
  });

  test('the preview, and only the preview, may be framed by another origin', async () => {
    const r = await get('/reconcile/default/preview?id=un_sc-KPi.033');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['x-frame-options'], undefined);
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors \*/);
    const other = await get('/reconcile/default');
    assert.equal(other.headers['x-frame-options'], 'SAMEORIGIN');
    const api = await s.call({ method: 'GET', url: '/catalog' });
    assert.match(String(api.headers['content-security-policy']), /frame-ancestors 'self'/);
  });

  test('CORS is open on the reconciliation routes (preflight included) and closed elsewhere', async () => {
    const pre = await s.call({
      method: 'OPTIONS',
      url: '/reconcile/default/suggest/entity',
      role: 'none',
      headers: { origin: 'http://127.0.0.1:3333', 'access-control-request-method': 'GET' },
    });
    assert.equal(pre.statusCode, 204);
    corsOpen(pre);
    assert.match(String(pre.headers['access-control-allow-methods']), /GET/);
    const match = await s.call({
      method: 'POST',
      url: '/match/default',
      headers: { origin: 'http://127.0.0.1:3333' },
      payload: { queries: { k: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } },
    });
    assert.equal(match.headers['access-control-allow-origin'], undefined);
  });

  test('the data extension adds birth date, nationality, programmes, list and listing date', async () => {
    const propose = json(await get('/reconcile/default/extend/propose?type=Person'));
    const ids = propose.properties.map((p: Obj) => p.id);
    for (const id of ['birthDate', 'nationality', 'program', 'dataset', 'listingDate'])
      assert.ok(ids.includes(id), id);
    const query = {
      ids: ['un_sc-KPi.033', 'ofac_sdn-20157', 'no-such-id'],
      properties: ['birthDate', 'nationality', 'program', 'dataset', 'listingDate'].map((id) => ({
        id,
      })),
    };
    valid('data-extension-query', query);
    const r = await form('extend', query);
    assert.equal(r.statusCode, 200, r.body);
    const b = json(r);
    valid('data-extension-response', b);
    assert.deepEqual(b.rows['un_sc-KPi.033'].birthDate, [{ str: '1964-07-17' }]);
    assert.deepEqual(b.rows['un_sc-KPi.033'].nationality, [{ str: 'kp' }]);
    assert.ok(b.rows['un_sc-KPi.033'].listingDate.length === 1);
    assert.deepEqual(b.rows['ofac_sdn-20157'].program, [{ str: 'DPRK3' }]);
    assert.match(b.rows['ofac_sdn-20157'].dataset[0].str, /Specially Designated Nationals/);
    assert.deepEqual(b.rows['no-such-id'].birthDate, []);
    corsOpen(r);
  });
});
