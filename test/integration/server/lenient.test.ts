/**
 * Issue 11, point 4b over HTTP: one query's unreadable country or date costs that query the value,
 * reported in its own answer, never the whole batch a 400. On the real UN list (2026-02-27).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { needsData } from '../../helpers/data.ts';
import { json, testServer, type TestServer } from './_server.ts';

interface Answer {
  status: number;
  results: { id: string; match: boolean }[];
  warnings?: string[];
  query: { properties: Record<string, string[]> };
}

describe('bad values in a batch of queries', needsData('un_sc', '2026-02-27'), () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([['un_sc', '2026-02-27']]);
  });
  after(() => s?.close());

  test('/match: 100 queries, one with a country that is no country: every query answered', async () => {
    const queries: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++)
      queries[`q${i}`] = {
        schema: 'Person',
        properties: { name: ['Ri Won Ho'], nationality: [i === 42 ? 'Atlantis' : 'KP'] },
      };
    const r = await s.call({ method: 'POST', url: '/match/default', payload: { queries } });
    assert.equal(r.statusCode, 200, r.body);
    const responses = json<{ responses: Record<string, Answer> }>(r).responses;
    assert.equal(Object.keys(responses).length, 100);
    for (const [name, a] of Object.entries(responses)) {
      assert.equal(a.status, 200, name);
      assert.ok(
        a.results.some((x) => x.id === 'un_sc-KPi.033' && x.match),
        `${name} screened`,
      );
      if (name === 'q42') {
        assert.deepEqual(a.warnings, [
          'nationality "Atlantis" is not a country name or code; dropped',
        ]);
        assert.deepEqual(a.query.properties.nationality, ['Atlantis'], 'echoed as given');
      } else assert.equal(a.warnings, undefined, name);
    }
  });

  test('/match: loose dates are read, ambiguous ones keep the year, with a warning each', async () => {
    const dates = ['1964-7-17', '17 July 1964', '07/17/1964', '05/07/1964', '1964-02-30'];
    const queries = Object.fromEntries(
      dates.map((d, i) => [
        `d${i}`,
        { schema: 'Person', properties: { name: ['Ri Won Ho'], birthDate: [d] } },
      ]),
    );
    const r = await s.call({ method: 'POST', url: '/match/default', payload: { queries } });
    assert.equal(r.statusCode, 200, r.body);
    const responses = json<{ responses: Record<string, Answer> }>(r).responses;
    assert.deepEqual(
      dates.map((_, i) => responses[`d${i}`]!.warnings?.length ?? 0),
      [0, 0, 0, 1, 1],
    );
    assert.match(responses.d3!.warnings![0]!, /day and month are ambiguous/);
    for (const a of Object.values(responses))
      assert.ok(a.results.some((x) => x.id === 'un_sc-KPi.033'));
  });

  test('/reconcile: a bad date and an unknown type cost their query the value, with a warning', async () => {
    const queries = {
      ok: { query: 'Ri Won Ho', type: 'Person' },
      date: {
        query: 'Ri Won Ho',
        type: 'Person',
        properties: [{ pid: 'Person:birthDate', v: 'sometime in 1964' }],
      },
      type: { query: 'Ri Won Ho', type: 'Spaceship' },
    };
    const r = await s.call({
      method: 'POST',
      url: '/reconcile/default',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ queries: JSON.stringify(queries) }).toString(),
    });
    assert.equal(r.statusCode, 200, r.body);
    const b = json<Record<string, { result: { id: string }[]; warnings?: string[] }>>(r);
    for (const name of ['ok', 'date', 'type'])
      assert.ok(
        b[name]!.result.some((x) => x.id === 'un_sc-KPi.033'),
        name,
      );
    assert.equal(b.ok!.warnings, undefined);
    assert.match(b.date!.warnings![0]!, /birthDate "sometime in 1964" is not a date/);
    assert.match(b.type!.warnings![0]!, /type "Spaceship" is not one Embargo screens/);
  });
});
