/**
 * Issue 18 ("Schemas declared once"): every route of the API says in `/openapi.json` what it
 * takes (path parameters, query, body) and what it answers; the trade routes' answers come from
 * the rules' own declarations (the verdict, the measure, the scenario); and what a route serves
 * fits the schema it publishes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ajvCompiler from '@fastify/ajv-compiler';
import { json, testServer, type Loose, type TestServer } from './_server.ts';
import { MEASURE_TAGS } from '../../../src/rules/index.ts';

/** Fastify's Ajv, as the server builds it, to check answers against the published schemas. */
const compile = ajvCompiler()({}, { customOptions: { strict: false, allErrors: true } });

describe('/openapi.json describes every route', () => {
  let s: TestServer;
  let doc: Loose;
  before(async () => {
    s = await testServer([['un_sc', '2026-02-27']]);
    doc = json(await s.call({ method: 'GET', url: '/openapi.json', role: 'none' }));
  });
  after(() => s?.close());

  /** Every operation: `[method path, operation]`. */
  const operations = (): [string, Loose][] =>
    Object.entries(doc.paths as Record<string, Loose>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]): [string, Loose] => [
        `${method.toUpperCase()} ${path}`,
        op as Loose,
      ]),
    );

  /** The JSON schema of an operation's answer with `status`. */
  const answer = (path: string, method: string, status = '200'): Loose => {
    const r = doc.paths[path][method].responses[status];
    assert.ok(r?.content, `${method} ${path} ${status} has a schema`);
    return (Object.values(r.content)[0] as Loose).schema;
  };

  test('each operation declares its path parameters, a body where it takes one, and a 2xx answer', () => {
    assert.ok(operations().length >= 30, `${operations().length} operations`);
    for (const [name, op] of operations()) {
      const declared = new Set(
        (op.parameters ?? []).filter((p: Loose) => p.in === 'path').map((p: Loose) => p.name),
      );
      for (const [, param] of name.matchAll(/\{(\w+)\}/g))
        assert.ok(declared.has(param), `${name}: path parameter ${param}`);
      if (name.startsWith('POST ')) assert.ok(op.requestBody, `${name}: a body schema`);
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      assert.ok(ok.length, `${name}: a 2xx answer`);
      for (const [status, r] of ok)
        assert.ok((r as Loose).content, `${name}: the ${status} answer has a schema`);
    }
  });

  test("the regime and scenario answers are the rules' declarations, value lists included", () => {
    const measure = answer('/regimes/{id}', 'get').properties.measures.items;
    assert.deepEqual(measure.properties.tags.items.enum, [...MEASURE_TAGS]);
    assert.deepEqual(measure.properties.citation.properties.force.enum, ['decides', 'calls-upon']);
    assert.ok(
      measure.properties.goods.properties.items.items.properties.match.enum.includes('hs+terms'),
    );
    const scenario = answer('/scenarios/{id}', 'get');
    assert.equal(scenario.properties.rules.items.properties.inferred.type, 'boolean');
    assert.deepEqual(scenario.properties.rules.items.properties.tags.items.enum, [...MEASURE_TAGS]);
  });

  test('the verdict of POST /trade/check is described field by field', () => {
    const [verdict, book] = answer('/trade/check', 'post').anyOf as Loose[];
    assert.deepEqual(verdict!.properties.verdict.enum, ['CLEAR', 'REVIEW', 'BLOCK']);
    const reason = verdict!.properties.reasons.items;
    assert.ok(reason.properties.kind.enum.includes('coverage'));
    assert.deepEqual(reason.properties.hits.items.properties.strength.enum, [
      'decisive',
      'match',
      'possible',
    ]);
    assert.ok(verdict!.properties.caps.items.properties.used_before);
    assert.ok(verdict!.properties.coverage.properties.snapshots);
    assert.ok(book!.properties.summary.properties.verdicts.properties.BLOCK);
    const run = answer('/scenarios/{id}/run', 'post');
    assert.deepEqual(run.properties.transactions.items.properties.after.enum, [
      'CLEAR',
      'REVIEW',
      'BLOCK',
    ]);
  });

  test('what the routes serve fits the schemas they publish', async () => {
    const tx = {
      id: 't1',
      date: '2018-03-10',
      parties: [{ role: 'exporter', name: 'Korea Mining Development', country: 'KP' }],
      goods: [{ hs: '2701', quantity: 5, unit: 't', value: { amount: 10, currency: 'USD' } }],
    };
    const cases: [string, string, Loose][] = [
      ['/regimes', 'get', { method: 'GET', url: '/regimes' }],
      ['/regimes/{id}', 'get', { method: 'GET', url: '/regimes/dprk?as_of=2018-03-10' }],
      ['/scenarios', 'get', { method: 'GET', url: '/scenarios' }],
      ['/scenarios/{id}', 'get', { method: 'GET', url: '/scenarios/hanoi-2019-us-account' }],
      ['/trade/check', 'post', { method: 'POST', url: '/trade/check', payload: tx }],
      [
        '/trade/check',
        'post',
        { method: 'POST', url: '/trade/check', payload: { transactions: [tx, { id: 'x' }] } },
      ],
      [
        '/scenarios/{id}/run',
        'post',
        { method: 'POST', url: '/scenarios/hanoi-2019-us-account/run', payload: [tx] },
      ],
      ['/lists', 'get', { method: 'GET', url: '/lists' }],
      ['/lists/changes', 'get', { method: 'GET', url: '/lists/changes?since=2000-01-01' }],
      ['/reconcile/{dataset}', 'get', { method: 'GET', url: '/reconcile/default' }],
      [
        '/reconcile/{dataset}/suggest/entity',
        'get',
        { method: 'GET', url: '/reconcile/default/suggest/entity?prefix=kim' },
      ],
    ];
    for (const [path, method, request] of cases) {
      const r = await s.call({ ...request, role: 'admin' } as never);
      assert.equal(r.statusCode, 200, `${request.url}: ${r.body}`);
      const validate = compile({ schema: answer(path, method) } as never) as unknown as ((
        v: unknown,
      ) => boolean) & { errors?: unknown };
      assert.ok(validate(json(r)), `${request.url}: ${JSON.stringify(validate.errors)}`);
    }
  });
});
