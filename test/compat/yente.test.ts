/**
 * yente clients work against Embargo by changing the base URL (issue 19): yente's documented and
 * tested requests (yente `tests/unit/test_match.py`, `tests/unit/test_search.py`,
 * `yente/routers/*.py` docstrings, `test_match_without_content_type_header`) sent to Embargo on
 * the real UN (2026-02-27), UK OFSI (2018-04-13) and OFAC SDN (2024-05-03) lists, every answer
 * validated against yente's response models as transcribed in `yente-models.schema.json`, and
 * yente's behaviour checked where Embargo used to differ.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { needsData } from '../helpers/data.ts';
import { json, testServer, type TestServer } from '../integration/server/_server.ts';
import { yenteErrors } from './_validate.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** yente's unit-test example (tests/unit/test_match.py EXAMPLE), a person on no list here. */
const PUTIN = {
  schema: 'Person',
  properties: { name: ['Vladimir Putin'], birthDate: ['1952'], country: 'Russia' },
};
/** The match docstring's examples (yente/routers/match.py). */
const DOCSTRING = {
  entity1: {
    schema: 'Person',
    properties: { name: ['John Doe'], birthDate: ['1975-04-21'], nationality: ['us'] },
  },
  entity2: {
    schema: 'Company',
    properties: {
      name: ['Brilliant Amazing Limited'],
      jurisdiction: ['hk'],
      registrationNumber: ['84BA99810'],
    },
  },
};
const KIM = {
  schema: 'Person',
  properties: { name: ['Kim Jong Un'], nationality: ['North Korea'] },
};

const lists = {
  ...needsData('un_sc', '2026-02-27'),
  ...needsData('uk_ofsi', '2018-04-13'),
  ...needsData('ofac_sdn', '2024-05-03'),
};

describe('yente compatibility', lists, () => {
  let s: TestServer;
  before(async () => {
    s = await testServer([
      ['un_sc', '2026-02-27'],
      ['uk_ofsi', '2018-04-13'],
      ['ofac_sdn', '2024-05-03'],
    ]);
  });
  after(() => s?.close());

  const match = (body: unknown, query: Record<string, string | string[]> = {}, ds = 'default') =>
    s.call({ method: 'POST', url: `/match/${ds}`, query, payload: body as Obj });
  const get = (url: string, query: Record<string, string | string[]> = {}) =>
    s.call({ method: 'GET', url, query });
  const valid = (model: string, body: unknown) =>
    assert.deepEqual(
      yenteErrors(model, body),
      [],
      `${model}: ${JSON.stringify(body).slice(0, 300)}`,
    );

  test("every answer to yente's documented and tested requests fits yente's models", async () => {
    const requests: [string, () => ReturnType<typeof get>][] = [
      ['EntityMatchResponse', () => match({ queries: DOCSTRING })],
      ['EntityMatchResponse', () => match({ queries: { vv: PUTIN, xx: PUTIN, zz: PUTIN } })],
      ['EntityMatchResponse', () => match({ queries: { k: KIM } }, { algorithm: 'name-based' })],
      ['EntityMatchResponse', () => match({ queries: { k: KIM } }, { threshold: '0.95' })],
      ['EntityMatchResponse', () => match({ queries: { k: KIM } }, { topics: 'sanction' })],
      [
        'EntityMatchResponse',
        () => match({ queries: { a: { schema: 'Address', properties: { full: ['Pyongyang'] } } } }),
      ],
      ['SearchResponse', () => get('/search/default', { q: 'Kim Jong Un' })],
      ['SearchResponse', () => get('/search/default', { topics: 'sanction' })],
      ['SearchResponse', () => get('/search/default', { schema: 'Vessel', limit: '0' })],
      ['SearchResponse', () => get('/search/un_sc', { q: 'Ri Won Ho', fuzzy: 'true' })],
      ['EntityResponse', () => get('/entities/un_sc-KPi.033')],
      ['EntityResponse', () => get('/entities/ofac_sdn-20157', { nested: 'false' })],
      ['EntityAdjacentResponse', () => get('/entities/un_sc-KPi.033/adjacent')],
      ['AdjacentResultsResponse', () => get('/entities/un_sc-KPi.033/adjacent/sanctions')],
      ['DataCatalogModel', () => get('/catalog')],
      ['AlgorithmResponse', () => get('/algorithms')],
      ['ErrorResponse', () => get('/entities/no-such-entity')],
      ['ErrorResponse', () => match({ queries: { fail: { properties: { name: 'Banana' } } } })],
    ];
    for (const [model, send] of requests) {
      const r = await send();
      valid(model, json(r));
    }
  });

  test("yente's algorithm names answer through Embargo's, said in a header and the body; unknown is a 422", async () => {
    for (const [name, answering] of [
      ['logic-v2', 'embargo'],
      ['logic-v1', 'embargo'],
      ['name-based', 'embargo'],
      ['name-qualified', 'embargo'],
      ['regression-v1', 'embargo'],
      ['ofac-249', 'ofac'],
      ['ofac-249-qualified', 'ofac'],
    ]) {
      const r = await match({ queries: { k: KIM } }, { algorithm: name! });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['x-embargo-algorithm'], answering, name);
      assert.equal(json(r).algorithm, answering, name);
    }
    // yente's own test (test_match_putin_name_based_mode): an unknown algorithm is a 4xx.
    const bad = await match({ queries: { vv: PUTIN } }, { algorithm: 'neural-net' });
    assert.equal(bad.statusCode, 422);
    assert.equal(json(bad).code, 'E_VALIDATION');
    valid('ErrorResponse', json(bad));
  });

  test('/algorithms gives every feature a documentation URL (a string), as nomenklatura requires', async () => {
    const b = json(await get('/algorithms'));
    for (const a of b.algorithms)
      for (const docs of [a.features, a.docs.features])
        for (const f of Object.values(docs) as Obj[]) assert.equal(typeof f.url, 'string');
  });

  test('a /match without Content-Type is read as JSON (test_match_without_content_type_header)', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/match/default',
      headers: { authorization: `ApiKey ${s.keys.read}` },
      payload: Buffer.from(JSON.stringify({ queries: { k: KIM } })),
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(json(r).responses.k.results[0].id, 'ofac_sdn-20157');
  });

  test("validation errors are 422 with Embargo's code beside detail (test_match_no_schema)", async () => {
    const noSchema = await match({ queries: { fail: { properties: { name: 'Banana' } } } });
    assert.equal(noSchema.statusCode, 422);
    assert.deepEqual(Object.keys(json(noSchema)).sort(), ['code', 'detail']);
    const badSchema = await match({
      queries: { fail: { schema: 'xxx', properties: { name: 'Banana' } } },
    });
    assert.equal(badSchema.statusCode, 400);
  });

  test('the echoed query shows countries as codes (test_match_putin: country "Russia" → "ru")', async () => {
    const b = json(await match({ queries: { vv: PUTIN, k: KIM } }));
    assert.deepEqual(b.responses.vv.query.properties.country, ['ru']);
    assert.deepEqual(b.responses.k.query.properties.nationality, ['kp']);
  });

  test('raising threshold keeps results as match:false; cutoff is what drops them', async () => {
    const base = json(await match({ queries: { k: KIM } })).responses.k.results as Obj[];
    const top = base[0]!;
    assert.ok(top.match);
    const strict = json(
      await match({ queries: { k: KIM } }, { threshold: String(Math.min(1, top.score + 0.01)) }),
    ).responses.k;
    assert.equal(strict.results[0].id, top.id, 'still returned');
    assert.equal(strict.results[0].match, false);
    assert.equal(strict.total.value, 0, 'total counts matches');
    const cut = json(await match({ queries: { k: KIM } }, { cutoff: '0.99' })).responses.k;
    assert.ok(cut.results.every((r: Obj) => r.score >= 0.99));
  });

  test('include_dataset with an unknown name is a filter, with a warning; exclude_dataset narrows (test_match_include_dataset)', async () => {
    const mixed = await match(
      { queries: { k: KIM } },
      { include_dataset: ['ofac_sdn', 'ae_local_terrorists'] },
    );
    assert.equal(mixed.statusCode, 200, mixed.body);
    const k = json(mixed).responses.k;
    assert.ok(k.results.length > 0);
    assert.ok(k.results.every((r: Obj) => r.datasets[0] === 'ofac_sdn'));
    assert.match(k.warnings.join(' '), /ae_local_terrorists/);
    const excluded = json(
      await match(
        { queries: { k: KIM } },
        { include_dataset: ['ofac_sdn', 'mx_governors'], exclude_dataset: 'ofac_sdn' },
      ),
    ).responses.k;
    assert.ok(excluded.results.every((r: Obj) => r.datasets[0] !== 'ofac_sdn'));
    // Fail closed (a difference from yente, which answers an empty result): when no name in
    // include_dataset is a list Embargo holds, nothing would be screened, so it is refused.
    const none = await match(
      { queries: { vv: PUTIN } },
      { include_dataset: ['ae_local_terrorists', 'mx_governors'] },
    );
    assert.equal(none.statusCode, 404);
    assert.equal(json(none).code, 'E_UNKNOWN_SOURCE');
  });

  test('schema: Address queries are compared with the addresses of the lists', async () => {
    const r = await match({
      queries: {
        a: { schema: 'Address', properties: { full: ['Pyongyang'], country: ['North Korea'] } },
      },
    });
    assert.equal(r.statusCode, 200, r.body);
    const a = json(r).responses.a;
    assert.ok(a.results.length > 0);
    assert.ok(a.results.every((x: Obj) => x.schema === 'Address'));
    assert.deepEqual(a.query.properties.country, ['kp']);
    const empty = await match({ queries: { a: { schema: 'Address', properties: {} } } });
    assert.equal(empty.statusCode, 400, 'nothing to compare is not "no match"');
  });

  describe('/search', () => {
    test('browses without q (topics=sanction, schema=Vessel), with a true total to page on', async () => {
      const vessels = json(await get('/search/default', { schema: 'Vessel', limit: '50' }));
      assert.ok(vessels.results.length > 0);
      assert.ok(vessels.results.every((r: Obj) => r.schema === 'Vessel'));
      assert.equal(vessels.total.relation, 'eq');
      assert.ok(vessels.total.value > 50, 'total counts every vessel, not limit + offset');
      const last = json(
        await get('/search/default', {
          schema: 'Vessel',
          limit: '10',
          offset: String(vessels.total.value - 3),
        }),
      );
      assert.equal(last.results.length, 3, 'paging on total.value reaches the last result');
      const sanctioned = json(await get('/search/default', { topics: 'sanction', limit: '5' }));
      assert.equal(sanctioned.results.length, 5);
      assert.ok(sanctioned.results.every((r: Obj) => r.properties.topics.includes('sanction')));
    });

    test('limit=0 gives the total and facets only; facet labels are names', async () => {
      const b = json(await get('/search/default', { schema: 'Vessel', limit: '0' }));
      assert.equal(b.results.length, 0);
      assert.ok(b.total.value > 0);
      const ru = b.facets.countries.values.find((v: Obj) => v.name === 'ru');
      assert.equal(ru.label, 'Russia');
      const sdn = b.facets.datasets.values.find((v: Obj) => v.name === 'ofac_sdn');
      assert.match(sdn.label, /Specially Designated Nationals/);
    });

    test('include_dataset, exclude_dataset, exclude_schema, changed_since, filter, facets and sort are honoured', async () => {
      const only = json(await get('/search/default', { q: 'Kim', include_dataset: 'un_sc' }));
      assert.ok(only.results.length > 0);
      assert.ok(only.results.every((r: Obj) => r.datasets[0] === 'un_sc'));
      const notUn = json(await get('/search/default', { q: 'Kim', exclude_dataset: 'un_sc' }));
      assert.ok(notUn.results.every((r: Obj) => r.datasets[0] !== 'un_sc'));
      const noPeople = json(await get('/search/default', { q: 'Kim', exclude_schema: 'Person' }));
      assert.ok(noPeople.results.every((r: Obj) => r.schema !== 'Person'));
      const later = json(
        await get('/search/default', { schema: 'Vessel', changed_since: '2025-01-01', limit: '0' }),
      );
      assert.equal(later.total.value, 0, 'no vessel changed after the SDN snapshot of 2024-05-03');
      const flagged = json(
        await get('/search/default', { schema: 'Vessel', filter: 'flag:kp', limit: '100' }),
      );
      assert.ok(flagged.results.length > 0);
      assert.ok(flagged.results.every((r: Obj) => r.properties.flag.includes('kp')));
      const either = json(
        await get('/search/default', {
          schema: 'Vessel',
          filter: ['flag:kp', 'flag:ir'],
          filter_op: 'OR',
          limit: '0',
        }),
      );
      const both = json(
        await get('/search/default', {
          schema: 'Vessel',
          filter: ['flag:kp', 'flag:ir'],
          limit: '0',
        }),
      );
      assert.ok(either.total.value > flagged.total.value);
      assert.equal(both.total.value, 0, 'AND: no vessel flies both flags');
      const faceted = json(
        await get('/search/default', { schema: 'Vessel', facets: ['schema'], limit: '0' }),
      );
      assert.deepEqual(Object.keys(faceted.facets), ['schema']);
      const sorted = json(
        await get('/search/default', { schema: 'Vessel', sort: 'caption:desc', limit: '3' }),
      );
      const captions = sorted.results.map((r: Obj) => r.caption);
      assert.deepEqual(captions, [...captions].sort().reverse());
    });
  });

  test('/catalog sends ETag and Cache-Control, and answers 304 to If-None-Match', async () => {
    const r = await get('/catalog');
    assert.match(String(r.headers.etag), /^"[\w-]+"$/);
    assert.match(String(r.headers['cache-control']), /max-age=\d+/);
    const again = await s.call({
      method: 'GET',
      url: '/catalog',
      headers: { 'if-none-match': String(r.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
  });

  test('/entities/{id}/adjacent and /adjacent/{prop} walk the sanctions and identity links', async () => {
    const b = json(await get('/entities/un_sc-KPi.033/adjacent'));
    assert.equal(b.entity.id, 'un_sc-KPi.033');
    assert.ok(b.adjacent.sanctions.total.value >= 1);
    assert.equal(b.adjacent.sanctions.results[0].schema, 'Sanction');
    assert.ok(b.adjacent.identification.results.length >= 1);
    const one = json(await get('/entities/un_sc-KPi.033/adjacent/sanctions', { limit: '1' }));
    assert.equal(one.results.length, 1);
    assert.equal((await get('/entities/nope/adjacent')).statusCode, 404);
  });

  test('referents come from a UN reference the UK list states, never from a fuzzy score', async () => {
    // OFSI's record of a UN-listed party cites the UN's reference (KPi.033 here).
    const un = json(await get('/entities/un_sc-KPi.033'));
    assert.ok(un.referents.length >= 1, 'the UK record citing KPi.033');
    assert.ok(un.referents.every((id: string) => id.startsWith('uk_ofsi-')));
    const uk = json(await get(`/entities/${un.referents[0]}`));
    assert.ok(uk.referents.includes('un_sc-KPi.033'));
    // A near name is not a referent: Kim Jong Un (OFAC) has no stated link and no exact twin.
    const kim = json(await match({ queries: { k: KIM } })).responses.k.results[0];
    assert.deepEqual(kim.referents, []);
  });
});
