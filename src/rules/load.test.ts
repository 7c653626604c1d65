import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EmbargoError, ERROR_CODES } from '../core/index.ts';
import {
  capPeriod,
  hsMatches,
  hsRelation,
  loadRegime,
  measuresInForce,
  validateActFile,
  windDownFor,
  type Cap,
  type Measure,
} from './index.ts';

// Hand-written act files of an invented resolution, one folder per fault.
const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../test/fixtures/rules');
const fixture = (name: string): string => resolve(FIXTURES, name);

/** Asserts that loading the folder is refused, naming the file, the pointer and the measure. */
function assertRefused(
  folder: string,
  expected: { file: string; field: string; record?: string; message: RegExp },
): void {
  assert.throws(
    () => loadRegime(fixture(folder)),
    (err: unknown) => {
      assert.ok(err instanceof EmbargoError, 'an EmbargoError');
      assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
      assert.equal(err.file, resolve(fixture(folder), expected.file));
      assert.equal(err.field, expected.field);
      assert.equal(err.record, expected.record);
      assert.match(err.message, expected.message);
      assert.ok(err.message.includes(expected.file), 'the message names the file');
      return true;
    },
  );
}

test('a sound fixture regime loads, with its measures in file order', () => {
  const r = loadRegime(fixture('valid'));
  assert.equal(r.id, 'fixture');
  assert.deepEqual(
    r.measures.map((m) => m.id),
    ['fx-op1-widgets', 'fx-op2-widgets'],
  );
});

test('a measure without a citation is refused, naming the file and /measures/1/citation', () => {
  assertRefused('no-citation', {
    file: 'un-9999.json',
    field: '/measures/1/citation',
    record: 'fx-op2-widgets',
    // The field as a pointer, in words, and the measure; then what is expected.
    message:
      /\/measures\/1\/citation \(measures\[1\]\.citation, measure fx-op2-widgets\): a measure needs a citation \(act, paragraph, force\)/,
  });
});

test('a citation without a paragraph is refused', () => {
  assertRefused('citation-without-paragraph', {
    file: 'un-9999.json',
    field: '/measures/0/citation/paragraph',
    record: 'fx-op1-widgets',
    message: /paragraph is required/,
  });
});

test('an HS code of five digits is refused', () => {
  assertRefused('bad-hs', {
    file: 'un-9999.json',
    field: '/measures/2/goods/hs/0',
    record: 'fx-op3-widgets',
    message: /"27011" is not an HS code/,
  });
});

test('the same id in two files of one regime is refused', () => {
  assertRefused('duplicate-id', {
    file: 'un-9999.json',
    field: '/measures/0/id',
    record: 'fx-op1-widgets',
    message: /duplicate id, first used in .*un-9998\.json/,
  });
});

test('an impossible date (30 February) is refused', () => {
  assertRefused('bad-date', {
    file: 'un-9999.json',
    field: '/measures/0/effective',
    record: 'fx-op1-widgets',
    message: /"2017-02-30" is not a real date/,
  });
});

test('a tag outside MEASURE_TAGS is refused', () => {
  assertRefused('unknown-tag', {
    file: 'un-9999.json',
    field: '/measures/1/tags/1',
    record: 'fx-op2-widgets',
    message: /unknown tag "sanctions"/,
  });
});

test('replaces naming a measure the regime does not hold is refused', () => {
  assertRefused('dangling-replaces', {
    file: 'un-9999.json',
    field: '/measures/0/replaces/0',
    record: 'fx-op1-widgets',
    message: /replaces unknown measure fx-op7-gadgets/,
  });
});

test('a file that is not JSON is refused, naming the file', () => {
  assert.throws(
    () => loadRegime(fixture('not-json')),
    (err: unknown) =>
      err instanceof EmbargoError &&
      err.code === ERROR_CODES.INPUT_REFUSED &&
      err.file === resolve(fixture('not-json'), 'un-9999.json') &&
      /not valid JSON/.test(err.message),
  );
});

test('validateActFile refuses unknown fields, so a misspelt key cannot drop a condition', () => {
  const act = {
    regime: 'fixture',
    act: 'S/RES/9999 (2099)',
    authority: 'un',
    adopted: '2099-01-01',
    title: 't',
    measures: [
      {
        id: 'fx-1',
        title: 't',
        authority: 'un',
        citation: { act: 'S/RES/9999 (2099)', paragraph: 'OP1', force: 'decides' },
        tags: ['arms'],
        direction: 'import',
        effective: '2099-01-01',
        effect: 'prohibited',
        exemption: [],
      },
    ],
  };
  assert.throws(
    () => validateActFile(act, 'inline.json'),
    (err: unknown) => err instanceof EmbargoError && err.field === '/measures/0/exemption',
  );
});

test('measuresInForce: a replaced measure drops out when its replacement takes effect', () => {
  const r = loadRegime(fixture('valid'));
  assert.deepEqual(
    measuresInForce(r, '2098-12-31').map((m) => m.id),
    [],
  );
  assert.deepEqual(
    measuresInForce(r, '2099-03-01').map((m) => m.id),
    ['fx-op1-widgets'],
  );
  assert.deepEqual(
    measuresInForce(r, '2099-06-01').map((m) => m.id),
    ['fx-op2-widgets'],
  );
});

test('lifting the replacing measure does not revive the one it replaced', () => {
  const r = loadRegime(fixture('valid'));
  const lifted = r.measures.map((m) =>
    m.id === 'fx-op2-widgets' ? { ...m, ends: '2099-09-01' } : m,
  );
  assert.deepEqual(measuresInForce({ ...r, measures: lifted }, '2099-10-01'), []);
});

test('measuresInForce refuses a date that is not YYYY-MM-DD', () => {
  const r = loadRegime(fixture('valid'));
  assert.throws(
    () => measuresInForce(r, '2099-13-01'),
    (err: unknown) => err instanceof EmbargoError && err.code === ERROR_CODES.INVALID_QUERY,
  );
});

test('hsMatches: prefix semantics on at most six digits, with exclusions', () => {
  const goods = { hs: ['2701', '27111290'], exclude: ['270112'], hsEdition: 'HS2017' };
  assert.equal(hsMatches(goods, '2701'), false, 'the heading holds an excluded subheading');
  assert.equal(hsMatches(goods, '270111'), true);
  assert.equal(hsMatches(goods, '2701.19.00.10'), true);
  assert.equal(hsMatches(goods, '270112'), false, 'excluded subheading');
  assert.equal(hsMatches(goods, '2701.12.10'), false, 'deeper code under an exclusion');
  assert.equal(hsMatches(goods, '271112'), true, 'an 8-digit scope code matches on its first six');
  assert.equal(hsMatches(goods, '27111211'), true, 'digits beyond six are ignored');
  assert.equal(hsMatches(goods, '2702'), false);
  assert.equal(hsMatches(undefined, '2701'), false);
  assert.equal(hsRelation(goods, '27'), 'partial', 'a chapter is broader than the scope');
  assert.equal(hsRelation(goods, '2701'), 'partial', 'a heading that contains an excluded code');
  assert.equal(hsRelation(goods, '270111'), 'in');
  assert.throws(() => hsMatches(goods, '270'), EmbargoError);
});

test('windDownFor: the window needs a contract before the cut-off and a date up to the last day', () => {
  const m = {
    exemptions: [
      {
        kind: 'contract-before',
        condition: 'c',
        citation: { act: 'a', paragraph: 'OP1', force: 'decides' },
        contractBefore: '2099-01-01',
        until: '2099-03-31',
      },
    ],
  } as unknown as Measure;
  assert.ok(windDownFor(m, '2099-03-31', '2098-12-31'));
  assert.equal(windDownFor(m, '2099-04-01', '2098-12-31'), undefined, 'after the last day');
  assert.equal(windDownFor(m, '2099-02-01', '2099-01-01'), undefined, 'contract on the cut-off');
  assert.equal(windDownFor(m, '2099-02-01'), undefined, 'no contract date');
});

test('capPeriod: annual caps repeat from their year start; fixed periods end', () => {
  const crude: Cap = {
    quantity: { amount: 1, unit: 'bbl' },
    period: { from: '2017-12-22', recurrence: 'annual', yearStart: '12-22' },
  };
  assert.deepEqual(capPeriod(crude, '2018-03-10'), { from: '2017-12-22', to: '2018-12-21' });
  assert.deepEqual(capPeriod(crude, '2018-12-22'), { from: '2018-12-22', to: '2019-12-21' });
  assert.equal(capPeriod(crude, '2017-12-21'), undefined);
  const q4: Cap = {
    quantity: { amount: 1, unit: 'bbl' },
    period: { from: '2017-10-01', to: '2017-12-31' },
  };
  assert.deepEqual(capPeriod(q4, '2017-11-01'), { from: '2017-10-01', to: '2017-12-31' });
  assert.equal(capPeriod(q4, '2018-01-01'), undefined);
});

/** An inline act with one measure whose goods are `goods`. */
const withGoods = (goods: unknown, more: Record<string, unknown> = {}) => ({
  regime: 'fixture',
  act: 'S/RES/9999 (2099)',
  authority: 'un',
  adopted: '2099-01-01',
  title: 't',
  measures: [
    {
      id: 'fx-1',
      title: 't',
      authority: 'un',
      citation: { act: 'S/RES/9999 (2099)', paragraph: 'OP1', force: 'decides' },
      tags: ['luxury'],
      direction: 'import',
      goods,
      effective: '2099-01-01',
      effect: 'prohibited',
      ...more,
    },
  ],
});

const refusedAt = (act: unknown, field: string, message: RegExp) =>
  assert.throws(
    () => validateActFile(act, 'inline.json'),
    (err: unknown) =>
      err instanceof EmbargoError && err.field === field && message.test(err.message),
  );

test('issue 14: goods items are validated: a description-decided item needs its terms and its question; codes of at most six digits; a threshold in ISO currency', () => {
  const item = {
    name: 'new widgets',
    citation: 'S/RES/9999 (2099) OP1',
    hs: ['8401'],
    match: 'hs+terms',
    terms: ['new'],
    question: 'new or used?',
    hsText: 'HS 2017 84.01',
  };
  const goods = (it: Record<string, unknown>) => ({ hsEdition: 'HS2017', items: [it] });
  assert.ok(validateActFile(withGoods(goods(item)), 'inline.json'));
  const { question: _q, ...noQuestion } = item;
  refusedAt(withGoods(goods(noQuestion)), '/measures/0/goods/items/0/question', /question/);
  const { terms: _t, ...noTerms } = item;
  refusedAt(withGoods(goods(noTerms)), '/measures/0/goods/items/0/terms', /terms/);
  refusedAt(
    withGoods(goods({ ...item, hs: ['84011000'] })),
    '/measures/0/goods/items/0/hs/0',
    /2, 4 or 6 digits/,
  );
  refusedAt(
    withGoods(goods({ ...item, valueOver: { amount: 500, currency: 'dollars' } })),
    '/measures/0/goods/items/0/valueOver/currency',
    /ISO 4217/,
  );
});

test('issue 14: an exemption key must be lowercase-hyphenated, and a recognised "other" exemption needs one', () => {
  const exemption = {
    kind: 'other',
    condition: 'c',
    citation: { act: 'S/RES/9999 (2099)', paragraph: 'OP1', force: 'decides' },
    recognise: ['Model X'],
  };
  const goods = { description: 'widgets' };
  refusedAt(withGoods(goods, { exemptions: [exemption] }), '/measures/0/exemptions/0/key', /key/);
  refusedAt(
    withGoods(goods, { exemptions: [{ ...exemption, key: 'Civil Spares' }] }),
    '/measures/0/exemptions/0/key',
    /lowercase-hyphenated/,
  );
  assert.ok(
    validateActFile(
      withGoods(goods, { exemptions: [{ ...exemption, key: 'x-spares' }] }),
      'inline.json',
    ),
  );
});
