import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneticKeys, skeleton } from './phonetic.ts';

test('phonetic keys are the deduplicated Double Metaphone codes', () => {
  assert.deepEqual(phoneticKeys('putin'), ['PTN']);
  assert.deepEqual(phoneticKeys('poutine'), ['PTN']);
  assert.deepEqual(phoneticKeys('smith'), ['SM0', 'XMT']);
  assert.deepEqual(phoneticKeys(''), []);
  assert.deepEqual(phoneticKeys('123'), []);
  const keys = phoneticKeys('vladimir');
  keys.push('X');
  assert.deepEqual(phoneticKeys('vladimir'), ['FLTMR'], 'callers get their own copy');
});

test('skeletons of Latin spellings meet the consonants of Arabic and Hebrew script', () => {
  assert.equal(skeleton('mohamed'), 'mhmd');
  assert.equal(skeleton('mohammed'), skeleton('mhmd'));
  assert.equal(skeleton('muhammad'), 'mhmd');
  assert.equal(skeleton('ali'), skeleton('`ly'));
  assert.equal(skeleton('abdullah'), skeleton('abd' + 'allh'));
  assert.equal(skeleton('abdullah'), skeleton('`bdllh'));
  assert.equal(skeleton('moshe'), 'msh');
  assert.equal(skeleton('david'), skeleton('dvd'));
  assert.equal(skeleton('somchai'), skeleton('smchay'));
  assert.equal(skeleton('vladimir'), skeleton('fldymyr'), 'Arabic writes v as f');
  assert.equal(skeleton('vladimir'), skeleton('wldymyr'), 'Persian writes v as w');
  assert.equal(skeleton('putin'), skeleton('bwtyn'), 'Arabic writes p as b');
  assert.equal(skeleton('putin'), skeleton('fvtyn'), 'Hebrew pe and vav');
  assert.equal(skeleton('khaled'), skeleton('khld'));
  assert.equal(skeleton('mahmoud'), skeleton('mhmwd'), 'waw as a long vowel');
  assert.equal(skeleton('yusuf'), skeleton('ywsf'));
  assert.equal(skeleton('hussein'), skeleton('hsyn'));
  assert.equal(skeleton("'hmd"), skeleton('ahmed'));
});

test('skeletons keep consonants apart that matter', () => {
  assert.notEqual(skeleton('hassan'), skeleton('hussein') + 'x');
  assert.notEqual(skeleton('khaled'), skeleton('hamed'));
  assert.notEqual(skeleton('omar'), skeleton('amin'));
  assert.equal(skeleton(''), '');
  assert.equal(skeleton('aeiou'), '');
  assert.equal(skeleton('WALID'), 'bld', 'upper case and a first w');
});
