/**
 * Every route of the HTTP server through Fastify's inject, on the real UN list (2026-02-27) and
 * two OFAC SDN snapshots (2024-05-02, 2024-05-03). yente-shaped requests are taken from yente's
 * and OpenSanctions' documentation, cited where used.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { buildServer } from '../../../src/server/index.ts';
import { needsData } from '../../helpers/data.ts';
import { finishedJob, json, testServer, type TestServer } from './_server.ts';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../../fixtures/trade');
const coal = JSON.parse(readFileSync(join(fixtures, 'coal-2018.json'), 'utf8')) as Record<
  string,
  unknown
>;
const book = readFileSync(join(fixtures, 'scenario-book.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as unknown);

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** yente's EntityResponse keys (yente/data/common.py). */
const ENTITY_KEYS = [
  'id',
  'caption',
  'schema',
  'properties',
  'datasets',
  'referents',
  'target',
  'first_seen',
  'last_seen',
  'last_change',
];

const data = needsData('un_sc', '2026-02-27');
describe(
  'HTTP routes on the real lists',
  { ...data, ...needsData('ofac_sdn', '2024-05-03') },
  () => {
    let s: TestServer;
    before(async () => {
      s = await testServer([
        ['un_sc', '2026-02-27'],
        ['ofac_sdn', '2024-05-02'],
        ['ofac_sdn', '2024-05-03'],
      ]);
    });
    after(() => s?.close());

    const match = (dataset: string, body: unknown, query: Record<string, string | string[]> = {}) =>
      s.call({ method: 'POST', url: `/match/${dataset}`, query, payload: body as Obj });

    describe('health', () => {
      test('/healthz and /readyz answer ok without a key', async () => {
        for (const url of ['/healthz', '/readyz']) {
          const r = await s.call({ method: 'GET', url, role: 'none' });
          assert.equal(r.statusCode, 200, url);
          assert.deepEqual(json(r), { status: 'ok' });
        }
      });
    });

    describe('/match (yente)', () => {
      test("yente's documented batch (yente/routers/match.py docstring) gets yente's response shape", async () => {
        // The request body of the docstring of yente's `match` route, verbatim.
        const body = {
          queries: {
            entity1: {
              schema: 'Person',
              properties: {
                name: ['John Doe'],
                birthDate: ['1975-04-21'],
                nationality: ['us'],
              },
            },
            entity2: {
              schema: 'Company',
              properties: {
                name: ['Brilliant Amazing Limited'],
                jurisdiction: ['hk'],
                registrationNumber: ['84BA99810'],
              },
            },
          },
        };
        const r = await match('default', body);
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['x-batch-size'], '2');
        const b = json(r);
        assert.equal(b.limit, 5);
        assert.deepEqual(Object.keys(b.responses).sort(), ['entity1', 'entity2']);
        for (const name of ['entity1', 'entity2']) {
          const m = b.responses[name];
          assert.equal(m.status, 200);
          assert.ok(Array.isArray(m.results));
          assert.deepEqual(Object.keys(m.total).sort(), ['relation', 'value']);
          assert.equal(m.total.relation, 'eq');
          assert.equal(m.query.schema, body.queries[name as 'entity1'].schema);
          assert.deepEqual(m.query.properties, body.queries[name as 'entity1'].properties);
        }
        // Invented names: nothing on the lists reaches the threshold, so nothing comes back.
        assert.equal(b.responses.entity1.results.length, 0);
        assert.equal(b.responses.entity1.total.value, 0);
      });

      test('the request of OpenSanctions\' "The request" page (firstName/fatherName/lastName in two scripts, params) finds Arkady Rotenberg', async () => {
        // https://www.opensanctions.org/docs/api/request/: PERSON_QUERY and PARAMS, with
        // include_dataset naming Embargo's list instead of OpenSanctions' `us_ofac_sdn`.
        const r = await match(
          'default',
          {
            queries: {
              q: {
                schema: 'Person',
                properties: {
                  firstName: ['Arkadii'],
                  fatherName: ['Romanovich'],
                  lastName: ['Rotenberg', 'Ротенберг'],
                  birthDate: ['1951'],
                },
              },
            },
          },
          {
            topics: ['sanction', 'sanction.linked', 'debarment'],
            include_dataset: ['ofac_sdn'],
            algorithm: 'best',
            threshold: '0.8',
          },
        );
        assert.equal(r.statusCode, 200, r.body);
        const m = json(r).responses.q;
        const top = m.results[0];
        assert.equal(top.id, 'ofac_sdn-16669');
        assert.equal(top.caption, 'ROTENBERG, Arkady Romanovich');
        assert.equal(top.match, true);
        assert.ok(top.score >= 0.8);
        assert.ok(top.features.birthDate > 0, 'the birth year counts');
        assert.equal(json(r).algorithm, 'embargo');
        assert.equal(json(r).threshold, 0.8);
        for (const k of [...ENTITY_KEYS, 'score', 'match', 'features', 'explanations'])
          assert.ok(k in top, k);
        // yente's FtResult per feature; the name's says which names met, token by token.
        assert.equal(top.explanations.name.candidate, top.matched_name);
        assert.match(top.explanations.name.detail, /rotenberg/);
        assert.ok(top.tokens.length >= 3);
        assert.ok(m.results.every((x: Obj) => x.datasets[0] === 'ofac_sdn'));
      });

      test("OpenSanctions' quickstart query (firstName, lastName, birthDate) finds Aleksandr Zakharov", async () => {
        // https://www.opensanctions.org/docs/api/quickstart/: {"queries": {"q": query}}.
        const r = await match('default', {
          queries: {
            q: {
              schema: 'Person',
              properties: { firstName: ['Aleksandr'], lastName: ['Zacharov'], birthDate: ['1965'] },
            },
          },
        });
        const top = json(r).responses.q.results[0];
        assert.equal(top.id, 'ofac_sdn-45937');
        assert.equal(top.match, true);
      });

      test("Kim Jong Un: the entity in yente shape, with Embargo's dates, tokens and programmes", async () => {
        const r = await match('default', {
          // A null query is skipped, as yente skips it.
          queries: { k: { schema: 'Person', properties: { name: 'Kim Jong Un' } }, skipped: null },
        });
        const b = json(r);
        assert.deepEqual(Object.keys(b.responses), ['k']);
        assert.equal(r.headers['x-batch-size'], '1');
        const top = b.responses.k.results[0];
        assert.equal(top.id, 'ofac_sdn-20157');
        assert.deepEqual(top.datasets, ['ofac_sdn']);
        assert.equal(top.target, true);
        assert.deepEqual(top.referents, []);
        assert.equal(top.last_seen, '2024-05-03T00:00:00');
        assert.match(top.first_seen, /^\d{4}-\d{2}-\d{2}T00:00:00$/);
        assert.ok(top.programs.includes('DPRK3'));
        assert.deepEqual(top.properties.topics, ['sanction']);
        assert.deepEqual(
          top.tokens.map((t: Obj) => t.method),
          ['exact', 'exact', 'exact'],
        );
        assert.deepEqual(b.snapshots, ['ofac_sdn@2024-05-03', 'un_sc@2026-02-27']);
        // A single string property is read as a one-value list, as yente does.
        assert.deepEqual(b.responses.k.query.properties.name, ['Kim Jong Un']);
      });

      test('a list id is a dataset; include_dataset and exclude_dataset narrow the lists', async () => {
        const q = {
          queries: {
            komid: {
              schema: 'Company',
              properties: { name: ['Korea Mining Development Trading Corporation'] },
            },
          },
        };
        const ids = async (dataset: string, query = {}) =>
          json(await match(dataset, q, query)).responses.komid.results.map((x: Obj) => x.id);
        assert.deepEqual(await ids('un_sc'), ['un_sc-KPe.001']);
        assert.deepEqual((await ids('default')).sort(), ['ofac_sdn-9345', 'un_sc-KPe.001']);
        assert.deepEqual(await ids('sanctions', { exclude_dataset: 'un_sc' }), ['ofac_sdn-9345']);
        assert.deepEqual(await ids('default', { include_dataset: 'un_sc' }), ['un_sc-KPe.001']);
        // An OpenSanctions dataset name is not Embargo's: refused, never a silent empty screening.
        const r = await match('default', q, { include_dataset: 'us_ofac_sdn' });
        assert.equal(r.statusCode, 404);
        assert.equal(json(r).code, 'E_UNKNOWN_SOURCE');
      });

      test('exclude_entity_ids, exclude_schema, topics, changed_since and cutoff filter the results', async () => {
        const q = {
          queries: {
            komid: {
              schema: 'Company',
              properties: { name: ['Korea Mining Development Trading Corporation'] },
            },
          },
        };
        const results = async (query: Record<string, string | string[]>) =>
          json(await match('default', q, query)).responses.komid.results as Obj[];
        assert.deepEqual(
          (await results({ exclude_entity_ids: 'ofac_sdn-9345' })).map((x) => x.id),
          ['un_sc-KPe.001'],
        );
        assert.equal((await results({ exclude_schema: 'Company' })).length, 0);
        assert.equal((await results({ topics: 'export.control' })).length, 0);
        assert.equal((await results({ topics: ['debarment', 'sanction'] })).length, 2);
        assert.equal((await results({ changed_since: '2099-01-01' })).length, 0);
        assert.equal((await results({ changed_since: '2000-01-01T00:00:00' })).length, 2);
        // cutoff below the threshold brings near misses, flagged match: false.
        const wide = await results({ cutoff: '0', limit: '10' });
        assert.ok(wide.length > 2);
        assert.ok(wide.some((x) => x.match === false));
        assert.ok(
          wide.every((x, i) => i === 0 || wide[i - 1]!.score >= x.score),
          'best first',
        );
      });

      test("algorithm: best is embargo, ofac is the OFAC emulation, yente's names are aliases, anything else a 422", async () => {
        const q = { queries: { a: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } };
        assert.equal(json(await match('default', q, { algorithm: 'best' })).algorithm, 'embargo');
        const ofac = json(await match('default', q, { algorithm: 'ofac' }));
        assert.equal(ofac.algorithm, 'ofac');
        assert.equal(ofac.threshold, 0.85);
        assert.equal(ofac.responses.a.results[0].id, 'ofac_sdn-20157');
        const v2 = await match('default', q, { algorithm: 'logic-v2' });
        assert.equal(v2.statusCode, 200);
        assert.equal(v2.headers['x-embargo-algorithm'], 'embargo');
        assert.equal(json(v2).algorithm, 'embargo');
        const o249 = await match('default', q, { algorithm: 'ofac-249-qualified' });
        assert.equal(o249.headers['x-embargo-algorithm'], 'ofac');
        assert.equal(json(o249).algorithm, 'ofac');
        const r = await match('default', q, { algorithm: 'er-unstable' });
        assert.equal(r.statusCode, 422);
        assert.equal(json(r).code, 'E_VALIDATION');
        assert.match(json(r).detail, /unknown algorithm "er-unstable"/);
      });

      test('limit caps the results; a vessel is found by its IMO number whatever its name', async () => {
        const r = await match(
          'default',
          {
            queries: {
              v: { schema: 'Vessel', properties: { name: ['Blue Sky'], imoNumber: ['9187629'] } },
            },
          },
          { limit: '1' },
        );
        const b = json(r);
        assert.equal(b.limit, 1);
        assert.equal(b.responses.v.results.length, 1);
        assert.equal(b.responses.v.results[0].id, 'ofac_sdn-15036');
        assert.ok(b.responses.v.results[0].score >= 0.99);
      });
    });

    describe('/search', () => {
      test("a name search in yente's SearchResponse shape, with facets and paging", async () => {
        const r = await s.call({
          method: 'GET',
          url: '/search/default',
          query: { q: 'Kim Jong Un' },
        });
        assert.equal(r.statusCode, 200, r.body);
        const b = json(r);
        assert.deepEqual(Object.keys(b).sort(), [
          'algorithm',
          'coverage',
          'facets',
          'limit',
          'offset',
          'results',
          'total',
        ]);
        assert.equal(b.limit, 10);
        assert.equal(b.offset, 0);
        assert.equal(b.results[0].id, 'ofac_sdn-20157');
        assert.deepEqual(Object.keys(b.facets).sort(), ['countries', 'datasets', 'topics']);
        assert.equal(b.facets.datasets.label, 'Data sources');
        assert.ok(b.facets.datasets.values.some((v: Obj) => v.name === 'ofac_sdn' && v.count >= 1));
        const next = json(
          await s.call({
            method: 'GET',
            url: '/search/default',
            query: { q: 'Kim Jong Un', offset: '1', limit: '2' },
          }),
        );
        assert.equal(next.results[0].id, b.results[1].id);
        assert.equal(next.results.length, 2);
        const un = json(
          await s.call({ method: 'GET', url: '/search/un_sc', query: { q: 'Kim Jong Un' } }),
        );
        assert.ok(un.results.every((x: Obj) => x.datasets[0] === 'un_sc'));
      });
    });

    describe('/entities', () => {
      test('an entity with its Sanction and Address nested as yente nests them, and its history', async () => {
        const r = await s.call({ method: 'GET', url: '/entities/un_sc-KPe.001' });
        assert.equal(r.statusCode, 200, r.body);
        const e = json(r);
        for (const k of ENTITY_KEYS) assert.ok(k in e, k);
        assert.equal(e.caption, 'KOREA MINING DEVELOPMENT TRADING CORPORATION');
        const address = e.properties.addressEntity[0];
        assert.equal(address.schema, 'Address');
        assert.equal(address.id, 'un_sc-KPe.001-addr-1');
        const sanction = e.properties.sanctions[0];
        assert.equal(sanction.schema, 'Sanction');
        assert.ok(!('entity' in sanction.properties), 'the pointer back to the entity is dropped');
        assert.ok(sanction.properties.program.includes('KPe'));
        assert.deepEqual(e.programs.sort(), ['DPRK', 'KPe']);
        assert.equal(e.source_record_id, 'KPe.001');
        assert.deepEqual(
          e.history.map((h: Obj) => [h.snapshot, h.status]),
          [['un_sc@2026-02-27', 'added']],
        );
        const flat = json(
          await s.call({
            method: 'GET',
            url: '/entities/un_sc-KPe.001',
            query: { nested: 'false' },
          }),
        );
        assert.deepEqual(flat.properties.addressEntity, ['un_sc-KPe.001-addr-1']);
      });

      test('a link to another listed entity nests that entity under the FtM reverse property (unknownLinkTo); history spans both OFAC snapshots', async () => {
        const e = json(await s.call({ method: 'GET', url: '/entities/ofac_sdn-10392' }));
        const link = e.properties.unknownLinkTo[0];
        assert.equal(link.schema, 'UnknownLink');
        assert.equal(link.properties.object[0].id, 'ofac_sdn-10465');
        assert.equal(link.properties.object[0].target, true);
        assert.deepEqual(
          e.history.map((h: Obj) => h.status),
          ['added', 'unchanged'],
        );
      });

      test('an entity removed from the active snapshot is a 404, and readable in the snapshot before', async () => {
        const gone = await s.call({ method: 'GET', url: '/entities/ofac_sdn-38556' });
        assert.equal(gone.statusCode, 404);
        assert.equal(json(gone).code, 'E_UNKNOWN_ID');
        const old = await s.call({
          method: 'GET',
          url: '/entities/ofac_sdn-38556',
          query: { snapshot: 'ofac_sdn@2024-05-02' },
        });
        assert.equal(old.statusCode, 200);
        assert.deepEqual(
          json(old).history.map((h: Obj) => [h.snapshot, h.status]),
          [
            ['ofac_sdn@2024-05-02', 'added'],
            ['ofac_sdn@2024-05-03', 'removed'],
          ],
        );
      });
    });

    describe('/catalog and /algorithms', () => {
      test('the catalog lists the collections and every list with its active snapshot', async () => {
        const b = json(await s.call({ method: 'GET', url: '/catalog', role: 'read' }));
        assert.deepEqual(Object.keys(b).sort(), ['current', 'datasets', 'index_stale', 'outdated']);
        const by = new Map(b.datasets.map((d: Obj) => [d.name, d]));
        assert.equal((by.get('un_sc') as Obj).version, 'un_sc@2026-02-27');
        assert.equal((by.get('ofac_sdn') as Obj).load, true);
        assert.equal((by.get('eu_fsf') as Obj).load, false);
        assert.ok((by.get('default') as Obj).children.includes('un_sc'));
        assert.deepEqual(b.current.sort(), ['default', 'ofac_sdn', 'sanctions', 'un_sc']);
      });

      test("the algorithms in yente's shape, with Embargo's default thresholds", async () => {
        const b = json(await s.call({ method: 'GET', url: '/algorithms', role: 'read' }));
        assert.equal(b.best, 'embargo');
        assert.equal(b.default, 'embargo');
        assert.deepEqual(
          b.algorithms.map((a: Obj) => [a.name, a.default_threshold]),
          [
            ['embargo', 0.75],
            ['ofac', 0.85],
          ],
        );
        assert.ok('name' in b.algorithms[0].features);
      });
    });

    describe('/reconcile (OpenRefine v0.2)', () => {
      test('manifest, then a query by form, then the preview of the chosen candidate: a round trip', async () => {
        const m = await s.call({ method: 'GET', url: '/reconcile/default' });
        assert.equal(m.statusCode, 200, m.body);
        const manifest = json(m);
        assert.deepEqual(manifest.versions, ['0.2']);
        for (const k of [
          'name',
          'identifierSpace',
          'schemaSpace',
          'view',
          'preview',
          'suggest',
          'defaultTypes',
        ])
          assert.ok(k in manifest, k);
        assert.match(manifest.view.url, /\{\{id\}\}/);
        assert.ok(manifest.defaultTypes.some((t: Obj) => t.id === 'Person'));
        assert.equal(manifest.suggest.entity.service_path, '/suggest/entity');

        // OpenRefine posts `queries` as a form field holding JSON.
        const queries = {
          q0: {
            query: 'Korea Mining Development Trading Corporation',
            type: 'Organization',
            limit: 3,
          },
          q1: {
            query: 'Ri Won Ho',
            type: 'Person',
            properties: [{ pid: 'Person:birthDate', v: '1964-07-17' }],
          },
        };
        const r = await s.call({
          method: 'POST',
          url: '/reconcile/default',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ queries: JSON.stringify(queries) }).toString(),
        });
        assert.equal(r.statusCode, 200, r.body);
        const b = json(r);
        assert.deepEqual(Object.keys(b).sort(), ['q0', 'q1']);
        // Ri Won Ho is on both lists; the UN's entry is among the candidates.
        const top = b.q1.result.find((x: Obj) => x.id === 'un_sc-KPi.033');
        assert.ok(top, JSON.stringify(b.q1.result));
        assert.equal(top.name, 'RI WON HO');
        assert.deepEqual(top.type, [{ id: 'Person', name: 'People' }]);
        assert.equal(top.match, true);
        assert.ok(b.q0.result.length <= 3);
        assert.ok(b.q0.result.some((x: Obj) => x.id === 'un_sc-KPe.001'));

        // The preview the manifest points at, for the candidate picked.
        const url = manifest.preview.url.replace('{{id}}', top.id).replace(/^https?:\/\/[^/]+/, '');
        const p = await s.call({ method: 'GET', url });
        assert.equal(p.statusCode, 200);
        assert.match(String(p.headers['content-type']), /text\/html/);
        assert.match(p.body, /RI WON HO/);
        // And the entity behind the identifier space.
        assert.equal((await s.call({ method: 'GET', url: `/entities/${top.id}` })).statusCode, 200);
      });

      test('queries by GET, the key as ?api_key= (OpenRefine sends no headers), and the suggest services', async () => {
        const q = JSON.stringify({ a: { query: 'KOMID' } });
        const r = await s.call({
          method: 'GET',
          url: '/reconcile/un_sc',
          query: { queries: q, api_key: s.keys.read },
          role: 'none',
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(json(r).a.result[0].id, 'un_sc-KPe.001');
        const manifest = json(
          await s.call({
            method: 'GET',
            url: '/reconcile/un_sc',
            query: { api_key: s.keys.read },
            role: 'none',
          }),
        );
        assert.ok(manifest.suggest.entity.service_path.endsWith(`?api_key=${s.keys.read}`));
        const ent = json(
          await s.call({
            method: 'GET',
            url: '/reconcile/un_sc/suggest/entity',
            query: { prefix: 'Ri Won Ho' },
          }),
        );
        assert.equal(ent.result[0].id, 'un_sc-KPi.033');
        const types = json(
          await s.call({
            method: 'GET',
            url: '/reconcile/un_sc/suggest/type',
            query: { prefix: 'pe' },
          }),
        );
        assert.deepEqual(
          types.result.map((t: Obj) => t.id),
          ['Person'],
        );
        const props = json(
          await s.call({
            method: 'GET',
            url: '/reconcile/un_sc/suggest/property',
            query: { prefix: 'birth' },
          }),
        );
        assert.ok(props.result.some((p: Obj) => p.id === 'birthDate'));
      });

      test('the preview escapes what the lists say', async () => {
        // Every caption goes through escapeHtml; a tag in a name must not become markup.
        const p = await s.call({
          method: 'GET',
          url: '/reconcile/default/preview',
          query: { id: 'un_sc-KPe.001' },
        });
        assert.doesNotMatch(p.body, /<script/i);
        assert.match(p.body, /&quot;KOMID&quot;/);
      });
    });

    describe('trade, regimes and scenarios', () => {
      test('POST /trade/check judges one transaction: coal out of the DPRK in 2018 is BLOCK', async () => {
        const r = await s.call({
          method: 'POST',
          url: '/trade/check',
          payload: coal,
          role: 'analyst',
        });
        assert.equal(r.statusCode, 200, r.body);
        const v = json(r);
        assert.equal(v.id, 'coal-1');
        assert.equal(v.verdict, 'BLOCK');
        assert.ok(v.reasons.some((x: Obj) => /2371/.test(x.citation ?? '')));
        // The same wrapped, with the options in the body.
        const w = json(
          await s.call({
            method: 'POST',
            url: '/trade/check',
            payload: { transaction: coal, authorities: ['un', 'us'], as_of: '2016-01-01' },
          }),
        );
        assert.deepEqual(Object.keys(w.by_authority).sort(), ['un', 'us']);
        assert.equal(w.date, '2016-01-01');
      });

      test('a batch is judged as a book; a bad transaction gets an error in its place, without server paths', async () => {
        const txs = [
          coal,
          { ...coal, id: 'coal-2', date: '2016-01-10' },
          { id: 'bad', date: 'soon' },
        ];
        const r = await s.call({
          method: 'POST',
          url: '/trade/check',
          payload: { transactions: txs },
        });
        assert.equal(r.statusCode, 200, r.body);
        const b = json(r);
        assert.equal(b.results.length, 3);
        assert.equal(b.results[0].verdict, 'BLOCK');
        assert.equal(b.results[1].id, 'coal-2');
        assert.equal(b.results[2].error.code, 'E_INPUT_REFUSED');
        assert.equal(b.results[2].error.line, 3);
        assert.doesNotMatch(r.body, /embargo-http-|\/tmp\//);
        assert.deepEqual(b.summary, { checked: 2, failed: 1, verdicts: b.summary.verdicts });
        const many = await s.call({
          method: 'POST',
          url: '/trade/check',
          payload: {
            transactions: Array.from({ length: 1001 }, (_, i) => ({ ...coal, id: `t${i}` })),
          },
        });
        // Over 1,000 the book is a job (issue 18), up to 10,000.
        assert.equal(many.statusCode, 202, many.body);
        const job = await finishedJob(s, many);
        assert.equal(job.state, 'succeeded', JSON.stringify(job.error));
        assert.equal(job.result.results.length, 1001);
        assert.equal(job.result.summary.checked, 1001);
        const tooMany = await s.call({
          method: 'POST',
          url: '/trade/check',
          payload: {
            transactions: Array.from({ length: 10_001 }, (_, i) => ({ id: i, date: '2016-01-10' })),
          },
        });
        assert.equal(tooMany.statusCode, 400);
        assert.match(json(tooMany).detail, /at most 10000/);
      });

      test('a malformed transaction is a 400 naming the field', async () => {
        const r = await s.call({
          method: 'POST',
          url: '/trade/check',
          payload: { ...coal, goods: 'coal' },
        });
        assert.equal(r.statusCode, 400);
        // A transaction sent as a request is a query: INVALID_QUERY (a bad line of a book file is
        // INPUT_REFUSED, as in the batch above).
        assert.equal(json(r).code, 'E_INVALID_QUERY');
        assert.match(json(r).detail, /goods/);
      });

      test('regimes: the list, and the measures in force on a day', async () => {
        const list = json<Obj[]>(await s.call({ method: 'GET', url: '/regimes', role: 'read' }));
        assert.ok(list.some((x) => x.id === 'dprk'));
        const before2016 = json(
          await s.call({ method: 'GET', url: '/regimes/dprk', query: { as_of: '2015-01-01' } }),
        );
        const after2017 = json(
          await s.call({
            method: 'GET',
            url: '/regimes/dprk',
            query: { as_of: '2018-01-01', authority: 'un' },
          }),
        );
        assert.equal(after2017.as_of, '2018-01-01');
        assert.ok(after2017.measures.length > before2016.measures.length);
        assert.ok(after2017.measures.every((m: Obj) => m.authority === 'un'));
        const r = await s.call({ method: 'GET', url: '/regimes/narnia' });
        assert.equal(r.statusCode, 404);
      });

      test('scenarios: the list, one, and a run of a book sent as a JSON array', async () => {
        const list = json<Obj[]>(await s.call({ method: 'GET', url: '/scenarios', role: 'read' }));
        assert.ok(list.some((x) => x.id === 'hanoi-2019-dprk-proposal'));
        const one = json(
          await s.call({ method: 'GET', url: '/scenarios/hanoi-2019-dprk-proposal' }),
        );
        assert.ok(one.lifted.length > 0);
        const r = await s.call({
          method: 'POST',
          url: '/scenarios/hanoi-2019-dprk-proposal/run',
          query: { authority: 'un' },
          payload: book as Obj,
          role: 'analyst',
        });
        assert.equal(r.statusCode, 200, r.body);
        const run = json(r);
        assert.equal(run.book, 'request body');
        assert.equal(run.totals.transactions, 16);
        const coal2019 = run.transactions.find((t: Obj) => t.id === 'coal-2019-06');
        assert.equal(coal2019.before, 'BLOCK');
        assert.equal(coal2019.after, 'CLEAR');
        assert.ok(run.by_chapter.some((c: Obj) => c.key === '27'));
        // The same book wrapped with its options.
        const w = json(
          await s.call({
            method: 'POST',
            url: '/scenarios/hanoi-2019-dprk-proposal/run',
            payload: { transactions: book, authorities: ['un'] },
          }),
        );
        assert.equal(w.totals.changed, run.totals.changed);
        const unknown = await s.call({ method: 'POST', url: '/scenarios/nope/run', payload: [] });
        assert.equal(unknown.statusCode, 404);
      });
    });

    describe('/lists', () => {
      test('every list with its snapshots; file paths on the server are left out', async () => {
        const b = json(await s.call({ method: 'GET', url: '/lists', role: 'read' }));
        const ofac = b.lists.find((l: Obj) => l.source === 'ofac_sdn');
        assert.equal(ofac.active.id, 'ofac_sdn@2024-05-03');
        assert.deepEqual(ofac.snapshots, ['ofac_sdn@2024-05-02', 'ofac_sdn@2024-05-03']);
        assert.ok(ofac.active.files.length > 0);
        assert.ok(ofac.active.files.every((f: Obj) => !('path' in f) && f.sha256));
        assert.equal(b.lists.find((l: Obj) => l.source === 'eu_fsf').active, null);
      });

      test('the diff of the active snapshot against the one before, and explicit ids', async () => {
        const d = json(await s.call({ method: 'GET', url: '/lists/ofac_sdn/diff', role: 'read' }));
        assert.equal(d.from, 'ofac_sdn@2024-05-02');
        assert.equal(d.to, 'ofac_sdn@2024-05-03');
        assert.equal(d.removed.length, 8);
        assert.ok(d.removed.some((x: Obj) => x.id === 'ofac_sdn-38556'));
        const back = json(
          await s.call({
            method: 'GET',
            url: '/lists/ofac_sdn/diff',
            query: { from: 'ofac_sdn@2024-05-03', to: 'ofac_sdn@2024-05-02' },
          }),
        );
        assert.equal(back.added.length, 8);
        for (const url of ['/lists/narnia/diff', '/lists/eu_fsf/diff']) {
          const r = await s.call({ method: 'GET', url });
          assert.equal(r.statusCode, 404, url);
        }
      });
    });

    describe('OpenAPI and docs', () => {
      test('/openapi.json documents every route from the route schemas; /docs serves its UI locally', async () => {
        const r = await s.call({ method: 'GET', url: '/openapi.json', role: 'none' });
        assert.equal(r.statusCode, 200);
        const doc = json(r);
        assert.match(doc.openapi, /^3\./);
        for (const path of [
          '/match/{dataset}',
          '/search/{dataset}',
          '/entities/{id}',
          '/catalog',
          '/algorithms',
          '/reconcile/{dataset}',
          '/trade/check',
          '/regimes',
          '/regimes/{id}',
          '/scenarios',
          '/scenarios/{id}/run',
          '/lists',
          '/lists/{source}/diff',
          '/lists/changes',
          '/lists/update',
          '/jobs/{id}',
          '/healthz',
          '/readyz',
        ])
          assert.ok(path in doc.paths, path);
        assert.ok(doc.components.schemas.Error);
        assert.equal(doc.paths['/match/{dataset}'].post.requestBody.required, true);
        const ui = await s.call({ method: 'GET', url: '/docs/', role: 'none' });
        assert.equal(ui.statusCode, 200);
        assert.match(ui.body, /swagger-ui/);
        const css = await s.call({
          method: 'GET',
          url: '/docs/static/swagger-ui.css',
          role: 'none',
        });
        assert.equal(css.statusCode, 200);
      });
    });

    test('the web UI is served from webRoot at /, with the API beside it', async () => {
      const web = mkdtempSync(join(tmpdir(), 'embargo-web-'));
      writeFileSync(join(web, 'index.html'), '<!doctype html><title>Embargo UI</title>');
      writeFileSync(join(web, 'app.js'), 'console.log(1)');
      const app = await buildServer({ engine: s.engine, auth: 'keys', webRoot: web, warm: false });
      try {
        const root = await app.inject({ method: 'GET', url: '/' });
        assert.equal(root.statusCode, 200);
        assert.match(root.body, /Embargo UI/);
        assert.ok(root.headers['content-security-policy']);
        assert.equal((await app.inject({ method: 'GET', url: '/app.js' })).statusCode, 200);
        const missing = await app.inject({ method: 'GET', url: '/nope.js' });
        assert.equal(missing.statusCode, 404);
        assert.equal(json(missing).code, 'E_NO_ROUTE');
        assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      } finally {
        await app.close();
        rmSync(web, { recursive: true, force: true });
      }
    });
  },
);
