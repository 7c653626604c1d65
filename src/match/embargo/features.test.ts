import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthDateFeature, WEIGHTS } from './features.ts';

test('dates of birth: the same date, a part of it, the same or next year, years apart', () => {
  const cases: [string[], string[], number][] = [
    [['1984-01-08'], ['1984-01-08'], WEIGHTS.birthDateExact],
    [['1984'], ['1984-01-08'], WEIGHTS.birthDatePartial],
    [['1984-01-08'], ['1984-01'], WEIGHTS.birthDatePartial],
    [['1984-01-08'], ['1984-02-08'], WEIGHTS.birthDateNear],
    [['1985'], ['1984-01-08'], WEIGHTS.birthDateNear],
    [['1990-01-08'], ['1984-01-08'], WEIGHTS.birthDateConflict],
    // The best of every pair counts.
    [['1990-01-08', '1984'], ['1962', '1984-01-08'], WEIGHTS.birthDatePartial],
    [[], ['1984-01-08'], 0],
    [['1984-01-08'], [], 0],
  ];
  for (const [q, l, want] of cases) assert.equal(birthDateFeature(q, l), want, `${q} ~ ${l}`);
});

test('a date of birth whose year is not four digits conflicts rather than matching by accident', () => {
  assert.equal(birthDateFeature(['19x4-01-08'], ['1984-01-08']), WEIGHTS.birthDateConflict);
  assert.equal(birthDateFeature(['1984'], ['198']), WEIGHTS.birthDatePartial);
});
