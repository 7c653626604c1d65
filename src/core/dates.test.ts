import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPartialDate, partialDate } from './dates.ts';

test('partial dates: a year, a year and month, and full dates are valid', () => {
  for (const d of ['1984', '1984-01', '1984-01-08', '2000-02-29']) assert.ok(isPartialDate(d), d);
});

test('impossible dates are not valid', () => {
  for (const d of [
    '2922-09-01',
    '3017-08-22',
    '1984-00',
    '1984-13',
    '1984-01-00',
    '1983-02-29',
    '1984-1-8',
    'circa 1984',
  ])
    assert.equal(isPartialDate(d), false, d);
});

test('zero months and days shorten the date instead of inventing one', () => {
  assert.equal(partialDate(1980, 0, 0), '1980');
  assert.equal(partialDate(1980, 5, 0), '1980-05');
  assert.equal(partialDate(1980, 2, 31), undefined);
});
