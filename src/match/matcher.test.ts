import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredEntity } from '../core/index.ts';
import { storedEntity } from './_testing.ts';
import { CandidateIndex } from './index/build.ts';
import { decodeIndex, encodeIndex } from './index/stored.ts';
import { Matcher } from './matcher.ts';

const KIM = storedEntity('Person', {
  name: ['KIM, Jong Un'],
  birthDate: ['1984-01-08'],
  nationality: ['kp'],
  gender: ['male'],
});
const others = [
  storedEntity('Person', { name: ['KIM, Yo Jong'], birthDate: ['1987-09-26'] }),
  storedEntity('Person', { name: ['KIM, Jong Sik'] }),
  storedEntity('Person', { name: ['KIM, Song'] }),
  storedEntity('Person', { name: ['KIM, Tong Myong'] }),
  storedEntity('Person', { name: ['PAK, Pong Ju'] }),
  storedEntity('Organization', {
    name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'],
    alias: ['KOMID'],
  }),
  storedEntity('Company', { name: ['KOREA RYONBONG GENERAL CORPORATION'] }),
  storedEntity('Vessel', { name: ['CHON MA SAN'], imoNumber: ['8660313'], flag: ['kp'] }),
  storedEntity('Person', {
    name: ['PUTIN, Vladimir Vladimirovich'],
    birthDate: ['1952-10-07'],
    passportNumber: ['100000001'],
  }),
];
const matcher = new Matcher(CandidateIndex.build([KIM, ...others]));
const screen = (
  name: string,
  props: Record<string, string[]> = {},
  schema: StoredEntity['schema'] | 'Thing' = 'Thing',
) =>
  matcher.screen({
    schema: schema as StoredEntity['schema'],
    properties: { name: [name], ...props },
  });

test('finds a listed person whatever the order, case, hyphenation or script', () => {
  for (const q of ['Kim Jong Un', 'KIM Jong-un', 'Jong Un KIM', 'kim jongun', '김정은']) {
    const top = screen(q).results[0]!;
    assert.equal(top.id, KIM.id, q);
    assert.ok(top.match, `${q} scored ${top.score}`);
  }
});

test('scores stay ordered and do not pile up at 1.0', () => {
  const exact = screen('Kim Jong Un').results[0]!.score;
  const withDob = screen('Kim Jong Un', { birthDate: ['1984-01-08'], nationality: ['kp'] })
    .results[0]!.score;
  const typo = screen('Kim Jong Um').results.find((r) => r.id === KIM.id)?.score ?? 0;
  assert.ok(withDob > exact && exact > typo, `${withDob} > ${exact} > ${typo}`);
  assert.ok(withDob < 1, 'no identifier: below 1');
});

test('a conflicting date of birth lowers the score', () => {
  const base = screen('Kim Jong Un').results[0]!.score;
  const conflict = screen('Kim Jong Un', { birthDate: ['1950'] }).results.find(
    (r) => r.id === KIM.id,
  )!.score;
  assert.ok(conflict < base - 0.1, `${conflict} vs ${base}`);
});

test('a query finds only entities its schema can describe (a company query, no person)', () => {
  assert.equal(
    screen('Kim Jong Un', {}, 'Company').results.some((r) => r.id === KIM.id),
    false,
  );
  assert.ok(screen('Kim Jong Un', {}, 'LegalEntity').results.some((r) => r.id === KIM.id));
  assert.ok(screen('Kim Jong Un', {}, 'Thing').results.some((r) => r.id === KIM.id));
});

test('a common surname alone never matches', () => {
  assert.equal(
    screen('Kim').results.some((r) => r.match),
    false,
  );
  assert.equal(
    screen('Korea Trading Corporation').results.some((r) => r.match),
    false,
  );
});

test('an exact identifier is decisive, even under another name', () => {
  const r = screen('OCEAN STAR', { imoNumber: ['IMO 8660313'] }, 'Vessel').results[0]!;
  assert.equal(r.properties.name?.[0], 'CHON MA SAN');
  assert.ok(r.match && r.score >= 0.99, String(r.score));
  assert.ok('identifier' in r.explanations.features);
  const passport = screen('V. PUTIN', { passportNumber: ['100000001'] }, 'Person').results[0]!;
  assert.ok(passport.score >= 0.99);
});

test('every result explains itself token by token and feature by feature', () => {
  const r = screen('Jong-Un Kim', { birthDate: ['1984'] }).results[0]!;
  assert.deepEqual(Object.keys(r.explanations).sort(), ['features', 'tokens']);
  assert.ok(r.explanations.tokens.some((t) => t.query === 'jong un' || t.query === 'jong'));
  for (const t of r.explanations.tokens)
    for (const k of ['query', 'list', 'method', 'score']) assert.ok(k in t);
  const sum = Object.values(r.explanations.features).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - r.score) < 0.001, `${sum} vs ${r.score}`);
  assert.equal(r.matched_name, 'KIM, Jong Un');
});

test('compare explains two names; the ofac algorithm has its own threshold', () => {
  const c = matcher.compare('Vladimir Putin', 'PUTIN, Vladimir Vladimirovich');
  assert.ok(c.match && c.score < 0.9);
  const o = matcher.compare('VLADIMIR PUTIN', 'PUTIN, Vladimir', 'Person', 'ofac');
  assert.equal(o.score, 1);
  assert.equal(matcher.compare('Robert Smith', 'Roger Smith').match, false);
});

test('bad queries are refused with the field named', () => {
  assert.throws(
    () => screen(''),
    (e: Error & { code?: string; field?: string }) =>
      e.code === 'E_INVALID_QUERY' && e.field === 'name',
  );
  assert.throws(() => screen('Kim', { birthDate: ['1984-13-01'] }), /birthDate "1984-13-01"/);
  assert.throws(() => screen('Kim', { nationality: ['Atlantis'] }), /nationality "Atlantis"/);
  assert.throws(
    () => matcher.screen({ schema: 'Sanction', properties: { name: ['x'] } }),
    /unknown schema/,
  );
  const long = screen('Kim Jong Un '.repeat(100));
  assert.match(long.warnings.join(), /cut to 300 characters/);
  assert.equal(screen('Kim\u0000Jong\u0007Un').results[0]!.id, KIM.id);
});

test('a vessel query finds the vessel however many companies share its name', () => {
  // Thirty companies named exactly like the vessel fill retrieval's candidates on their own; a
  // vessel query considers vessels only, so the vessel still comes back.
  const companies = Array.from({ length: 30 }, () =>
    storedEntity('Company', { name: ['MORNING STAR'] }),
  );
  const vessel = storedEntity('Vessel', { name: ['MORNING STAR'], imoNumber: ['9000001'] });
  const m = new Matcher(CandidateIndex.build([...companies, vessel]));
  const results = m.screen({ schema: 'Vessel', properties: { name: ['Morning Star'] } }).results;
  assert.deepEqual(
    results.map((r) => r.id),
    [vessel.id],
  );
  const any = m.screen({ schema: 'Thing', properties: { name: ['Morning Star'] } }, { limit: 50 });
  assert.equal(
    any.results.length,
    12,
    'a Thing query keeps as many candidates as retrieval hands on',
  );
});

test('memoNames: a name asked again with other details scores as if asked afresh', () => {
  const fresh = new Matcher(CandidateIndex.build([KIM, ...others]));
  const memo = new Matcher(CandidateIndex.build([KIM, ...others]));
  const asks: Record<string, string[]>[] = [
    { name: ['Kim Jong Un'] },
    { name: ['Kim Jong Un'], nationality: ['kp'] },
    { name: ['Kim Jong Un'], birthDate: ['1950'] },
    { name: ['Kim Jong Un'], passportNumber: ['100000001'] }, // brings Putin in by identifier
    { name: ['Kim Jong Un'], nationality: ['us'], gender: ['female'] },
    { name: ['Kim Jong Un'] },
  ];
  for (const properties of asks) {
    const a = fresh.screen({ schema: 'Person', properties }, { limit: 10, detail: 'brief' });
    const b = memo.screen(
      { schema: 'Person', properties },
      { limit: 10, detail: 'brief', memoNames: true },
    );
    assert.deepEqual(b, a, JSON.stringify(properties));
  }
  // Not vacuous: the details move the scores, and the identifier brings another entity in.
  const scores = asks.map(
    (properties) =>
      memo
        .screen({ schema: 'Person', properties }, { detail: 'brief', memoNames: true })
        .results.find((r) => r.id === KIM.id)?.score,
  );
  assert.ok(new Set(scores).size >= 3, JSON.stringify(scores));
  assert.ok(
    memo
      .screen({ schema: 'Person', properties: asks[3]! }, { detail: 'brief', memoNames: true })
      .results.some((r) => r.caption.startsWith('PUTIN')),
  );
});

test('a cutoff returns exactly the results at or above it (candidates that cannot reach it are skipped)', () => {
  const cases: [string, Record<string, string[]>][] = [
    ['Kim Jong', { birthDate: ['1984-01-08'], nationality: ['kp'] }],
    ['Kim', {}],
    ['Korea Mining Corporation', { country: ['kp'] }],
    ['Vladimir Putin', { birthDate: ['1952-10-07'] }],
  ];
  for (const [name, props] of cases) {
    const all = screen(name, { ...props }).results;
    for (const cutoff of [0.3, 0.5, 0.65, 0.8]) {
      const cut = matcher.screen(
        { schema: 'Thing', properties: { name: [name], ...props } },
        { limit: 5, cutoff },
      ).results;
      assert.deepEqual(
        cut.map((r) => [r.id, r.score]),
        all.filter((r) => r.score >= cutoff).map((r) => [r.id, r.score]),
        `${name} at ${cutoff}`,
      );
    }
  }
});

test('a result shows its properties when read, serialised, spread or replaced, as a parsed copy', () => {
  const first = screen('Kim Jong Un').results[0]!;
  const keys = Object.keys(first);
  assert.deepEqual(keys.slice(0, 5), ['id', 'schema', 'caption', 'properties', 'datasets']);
  // Serialised before any read: the properties are in their place, in full.
  const json = JSON.parse(JSON.stringify(first)) as typeof first;
  assert.deepEqual(Object.keys(json), keys);
  assert.deepEqual(json.properties.birthDate, ['1984-01-08']);
  assert.deepEqual({ ...first }.properties.nationality, ['kp']);
  // Each result has a copy of its own: changing one leaves the index and the next answer alone.
  first.properties.name!.push('changed');
  first.properties = { name: ['replaced'] };
  assert.deepEqual(first.properties, { name: ['replaced'] });
  const again = screen('Kim Jong Un').results[0]!;
  assert.deepEqual(again.properties.name, ['KIM, Jong Un']);
  // Brief answers carry none.
  const brief = matcher.screen(
    { schema: 'Person', properties: { name: ['Kim Jong Un'] } },
    { detail: 'brief' },
  );
  assert.deepEqual(brief.results[0]!.properties, {});
});

test('a smaller limit shows the first results of a larger one, with the same scores and features', () => {
  // Candidates are ranked by their score before only those shown are explained: the ranking
  // score and the explained one must agree, or a smaller limit would show other entities.
  const cases: [string, Record<string, string[]>][] = [
    ['Kim Jong', { birthDate: ['1984-01-08'], nationality: ['kp'] }],
    ['Kim Yo Song', { birthDate: ['1987'], nationality: ['us'] }],
    // Details that reorder the names' ranking: a date of birth for another of the candidates.
    ['Kim Jong', { birthDate: ['1987-09-26'] }],
    ['Kim Jong Un', { birthDate: ['1930'], nationality: ['us'] }],
    ['Kim Jong Song', { gender: ['female'] }],
    ['Korea Mining Corporation', { country: ['kp'] }],
    ['Vladimir Putin', { passportNumber: ['100000001'], birthDate: ['1950-01-01'] }],
  ];
  const view = (r: { id: string; score: number; matched_name?: string; explanations: unknown }) =>
    JSON.stringify([r.id, r.score, r.matched_name, r.explanations]);
  let most = 0;
  for (const [name, props] of cases) {
    const query = { schema: 'Thing' as const, properties: { name: [name], ...props } };
    const all = matcher.screen(query, { limit: 50 }).results;
    most = Math.max(most, all.length);
    const ranked = [...all].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    assert.deepEqual(all.map(view), ranked.map(view), `${name}: best first`);
    for (const limit of [1, 2, 3]) {
      const few = matcher.screen(query, { limit }).results;
      assert.deepEqual(few.map(view), all.slice(0, limit).map(view), `${name}, limit ${limit}`);
      // Brief answers rank and score the same, without token explanations or properties.
      const brief = matcher.screen(query, { limit, detail: 'brief' }).results;
      assert.deepEqual(
        brief.map((r) => [r.id, r.score, r.match, r.matched_name, r.explanations.features]),
        few.map((r) => [r.id, r.score, r.match, r.matched_name, r.explanations.features]),
      );
      assert.ok(brief.every((r) => r.explanations.tokens.length === 0));
    }
  }
  // Not vacuous: some query has more candidates than the smaller limits show.
  assert.ok(most > 3, `at most ${most} results`);
});

test("a result's properties, read late from a stored index, are its entity's, however the result is copied", () => {
  const stored = new Matcher(
    decodeIndex(encodeIndex(CandidateIndex.build([KIM, ...others]))).index,
  );
  const query = { schema: 'Vessel' as const, properties: { name: ['Chon Ma San'] } };
  const [r] = stored.screen(query).results;
  // Other answers in between: the text is the entity's own, not a buffer reused since.
  stored.screen({ schema: 'Person', properties: { name: ['Kim Jong Un'] } });
  const expected = matcher.screen(query).results[0]!.properties;
  assert.deepEqual(r!.properties, expected);
  assert.deepEqual(JSON.parse(JSON.stringify(r)).properties, expected);
  assert.deepEqual({ ...r! }.properties, expected);
  assert.deepEqual(structuredClone(r)!.properties, expected);
  r!.properties = {};
  assert.deepEqual(r!.properties, {});
});
