/**
 * `GET /scenarios/{id}/impact` and `GET /scenarios/compare` on the shipped trade baseline: the same
 * answers as the CLI, the compare route not taken for a scenario id, and 4xx on bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compareScenarios, impactOfScenario } from '../../../src/engine/index.ts';
import { needsTrade } from '../../helpers/data.ts';
import { json, testServer, type TestServer } from './_server.ts';

describe('scenario impact over HTTP', needsTrade(), () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([]);
  });
  after(() => s?.close());

  test('GET /scenarios/{id}/impact answers what the engine computes, in full', async () => {
    const r = await s.call({
      method: 'GET',
      url: '/scenarios/hanoi-2019-us-account/impact',
      role: 'read',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      json(r),
      JSON.parse(JSON.stringify(impactOfScenario('hanoi-2019-us-account'))),
    );
    assert.ok(json(r).by_chapter[0].rows[0].source_url);
  });

  test('GET /scenarios/compare?a=…&b=… is the comparison, not a scenario called "compare"', async () => {
    const r = await s.call({
      method: 'GET',
      url: '/scenarios/compare?a=hanoi-2019-dprk-proposal&b=hanoi-2019-us-account',
      role: 'read',
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = json(r);
    const expected = compareScenarios('hanoi-2019-dprk-proposal', 'hanoi-2019-us-account');
    assert.deepEqual(body.totals, JSON.parse(JSON.stringify(expected.totals)));
    assert.deepEqual(
      body.gap.map((g: { key: string }) => g.key),
      expected.gap.map((g) => g.key),
    );
    assert.ok(body.measures.some((m: { id: string }) => m.id === 'un-2397-op8-repatriate-workers'));
  });

  test('compare without b, an unknown scenario, a bad date or authority: 400 or 404', async () => {
    const get = (url: string) => s.call({ method: 'GET', url, role: 'read' });
    assert.equal((await get('/scenarios/compare?a=hanoi-2019-dprk-proposal')).statusCode, 400);
    assert.equal(
      (await get('/scenarios/compare?a=hanoi-2019-dprk-proposal&b=nope')).statusCode,
      404,
    );
    assert.equal((await get('/scenarios/nope/impact')).statusCode, 404);
    assert.equal(
      (await get('/scenarios/hanoi-2019-us-account/impact?as_of=2019-13-45')).statusCode,
      400,
    );
    assert.equal(
      (await get('/scenarios/hanoi-2019-us-account/impact?authority=xx')).statusCode,
      400,
    );
  });

  test('the scenario itself is still at /scenarios/{id}', async () => {
    const r = await s.call({
      method: 'GET',
      url: '/scenarios/hanoi-2019-us-account',
      role: 'read',
    });
    assert.equal(r.statusCode, 200);
    assert.equal(json(r).id, 'hanoi-2019-us-account');
  });

  test('/openapi.json documents both routes with their response schemas', async () => {
    const doc = json(await s.call({ method: 'GET', url: '/openapi.json', role: 'none' }));
    const impact = doc.paths['/scenarios/{id}/impact'].get.responses['200'];
    const compare = doc.paths['/scenarios/compare'].get.responses['200'];
    const schema = (x: { content: Record<string, { schema: { properties: object } }> }) =>
      Object.values(x.content)[0]!.schema.properties;
    assert.ok('by_measure' in schema(impact) && 'by_chapter' in schema(impact));
    assert.ok('gap' in schema(compare) && 'totals' in schema(compare));
  });
});
