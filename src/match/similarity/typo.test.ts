import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typoDistance, TYPO_COSTS } from './index.ts';

test('a transposition of two neighbouring letters is one cheap edit, not two', () => {
  for (const [a, b] of [
    ['hea', 'hae'],
    ['cohl', 'chol'],
    ['ahmad', 'ahmda'],
    ['pyong', 'pynog'],
  ] as const) {
    assert.equal(typoDistance(a, b), TYPO_COSTS.transposition, `${a}/${b}`);
    assert.equal(typoDistance(b, a), TYPO_COSTS.transposition, `${b}/${a}`);
  }
});

test('a doubled letter costs less than a dropped one, which costs less than a different one', () => {
  for (const [word, doubled, dropped, changed] of [
    ['chol', 'choll', 'chl', 'chal'],
    ['mohamed', 'mohammed', 'mohaed', 'mohamad'],
    ['yusuf', 'yussuf', 'ysuf', 'yusaf'],
  ] as const) {
    const d = typoDistance(word, doubled);
    const x = typoDistance(word, dropped);
    const s = typoDistance(word, changed);
    assert.ok(d < x && x < s, `${word}: doubled ${d} < dropped ${x} < changed ${s}`);
    assert.ok(s > 1, `a substitution is more than 1: ${s}`);
  }
  // A letter tripled is two doublings, still within one edit.
  assert.equal(typoDistance('cholll', 'chol'), 2 * TYPO_COSTS.doubled);
});

test('equal strings are 0 apart, and the distance is symmetric and grows with the edits', () => {
  assert.equal(typoDistance('kim', 'kim'), 0);
  assert.equal(typoDistance('', 'abc'), 3 * TYPO_COSTS.indel);
  for (const [a, b] of [
    ['ri', 'rhee'],
    ['vladimir', 'wladimir'],
    ['x'.repeat(40), 'y'.repeat(41)],
  ] as const)
    assert.equal(typoDistance(a, b), typoDistance(b, a), `${a}/${b}`);
  assert.ok(typoDistance('robert', 'roger') > typoDistance('robert', 'robbert'));
});

test('a neighbouring key struck for the right one is a slip; a distant letter is a full edit', () => {
  for (const [a, b] of [
    ['sam', 'sqm'],
    ['chol', 'chpl'],
    ['pak', 'pzk'],
    ['queen', 'quewn'],
  ] as const)
    assert.equal(typoDistance(a, b), TYPO_COSTS.neighbourKey, `${a}/${b}`);
  for (const [a, b] of [
    ['kim', 'kam'],
    ['chol', 'chal'],
    ['sam', 'sum'],
  ] as const)
    assert.equal(typoDistance(a, b), TYPO_COSTS.substitution, `${a}/${b}`);
});
