/**
 * Issue 18 ("Schemas declared once"): the transaction's TypeBox schema is what `/openapi.json`
 * publishes for `POST /trade/check`, field by field, and what refuses a bad transaction there,
 * naming the field in words. No lists are needed: a transaction is refused before it is judged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { json, testServer, type Loose, type TestServer } from './_server.ts';

describe('the transaction schema over HTTP', () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([]);
  });
  after(() => s?.close());

  test('/openapi.json describes the transaction of POST /trade/check field by field', async () => {
    const doc = json(await s.call({ method: 'GET', url: '/openapi.json', role: 'none' }));
    const body = doc.paths['/trade/check'].post.requestBody.content['application/json'].schema;
    const shapes = body.anyOf as Loose[];
    assert.equal(shapes.length, 3);
    const tx = shapes[0]!;
    assert.deepEqual(tx.required, ['id', 'date']);
    assert.equal(tx.additionalProperties, false);
    for (const field of ['id', 'date', 'kind', 'parties', 'vessel', 'route', 'goods', 'nexus'])
      assert.ok(tx.properties[field], field);
    assert.ok(tx.properties.services && tx.properties.declarations);
    // The parts, down to the leaves, with their words.
    const goods = tx.properties.goods.anyOf[0].items;
    assert.deepEqual(goods.required, ['hs']);
    assert.match(goods.properties.hs.description, /HS code of 2, 4, 6, 8 or 10 digits/);
    for (const f of ['description', 'origin', 'quantity', 'unit', 'value'])
      assert.ok(goods.properties[f], `goods ${f}`);
    assert.match(goods.properties.unit.anyOf[0].description, /Rec\. 20/);
    const party = tx.properties.parties.anyOf[0].items;
    assert.deepEqual(party.required, ['role', 'name']);
    assert.match(party.properties.country.anyOf[0].pattern, /A-Za-z\]\{2\}/);
    const vessel = tx.properties.vessel.anyOf[0];
    assert.ok(vessel.properties.imo && vessel.properties.flag && vessel.properties.sts);
    const route = tx.properties.route.anyOf[0];
    assert.ok(route.properties.port_calls && route.properties.transshipment);
    const exemption = tx.properties.declarations.anyOf[0].properties.exemption.anyOf[0];
    assert.equal(exemption.anyOf.length, 2, 'a string or a list');
    assert.match(tx.properties.date.pattern, /\\d\{4\}/);
    // The wrapped shapes carry the same transaction.
    assert.deepEqual(shapes[1]!.properties.transaction, tx);
    assert.deepEqual(shapes[2]!.properties.transactions.items, tx);
    assert.equal(shapes[2]!.properties.transactions.maxItems, 10000);
    // A scenario run's book is the same transactions.
    const run =
      doc.paths['/scenarios/{id}/run'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(run.anyOf[0].items, tx);
    assert.deepEqual(run.anyOf[1].properties.transactions.items, tx);
  });

  test('/openapi.json has GET /jobs/{id} and the 202 of the routes that make jobs', async () => {
    const doc = json(await s.call({ method: 'GET', url: '/openapi.json', role: 'none' }));
    const job = doc.paths['/jobs/{id}'].get;
    assert.deepEqual(
      job.responses['200'].content['application/json'].schema.properties.state.enum,
      ['queued', 'running', 'succeeded', 'failed'],
    );
    for (const path of ['/trade/check', '/scenarios/{id}/run', '/lists/update'])
      assert.ok(doc.paths[path].post.responses['202'], path);
    const unknown = await s.call({ method: 'GET', url: '/jobs/nope', role: 'read' });
    assert.equal(unknown.statusCode, 404);
  });

  test('POST /trade/check refuses a transaction off the schema with 400, naming the field', async () => {
    const tx = {
      id: 't1',
      date: '2018-03-10',
      parties: [{ role: 'exporter', name: 'Acme', country: 'KP' }],
      goods: [{ hs: '2701', quantity: -5, unit: 't' }],
    };
    for (const payload of [tx, { transaction: tx }]) {
      const r = await s.call({ method: 'POST', url: '/trade/check', role: 'analyst', payload });
      assert.equal(r.statusCode, 400, r.body);
      assert.match(json(r).detail, /\/goods\/0\/quantity: must be a number ≥ 0/);
    }
    const r = await s.call({
      method: 'POST',
      url: '/trade/check',
      role: 'analyst',
      payload: { ...tx, goods: [{ hs: '2701' }], colour: 'red' },
    });
    assert.equal(r.statusCode, 400, r.body);
    assert.match(json(r).detail, /\/colour: unknown field/);
    for (const payload of ['a book', 7]) {
      const bad = await s.call({
        method: 'POST',
        url: '/scenarios/hanoi-2019-dprk-proposal/run',
        role: 'analyst',
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(bad.statusCode, 400, bad.body);
    }
  });
});
