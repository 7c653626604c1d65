import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from '../normalize/index.ts';
import { splitName, splitWords } from './_runTogether.ts';

const vocab = new Set([
  'carmen',
  'martinez',
  'osama',
  'fatima',
  'zubaidi',
  'dar',
  'al',
  'salam',
  // Korean syllables are names on the lists too; they must not make any word a name.
  'ju',
  'ra',
  'do',
  'aleksandr',
  'lukashenka',
  'mart',
  'inez',
]);
const known = (f: string) => vocab.has(f);

test('words run together split into the fewest known words', () => {
  assert.deepEqual(splitWords('carmenmartinez', known), ['carmen', 'martinez']);
  assert.deepEqual(splitWords('osamafatimazubaidi', known), ['osama', 'fatima', 'zubaidi']);
  assert.deepEqual(splitWords('daralsalam', known), ['dar', 'al', 'salam']);
  assert.deepEqual(splitWords('aleksandrlukashenka', known), ['aleksandr', 'lukashenka']);
  assert.equal(splitWords('carmenxyz', known), undefined, 'an unknown rest: no split');
  assert.equal(splitWords('carmen', known), undefined, 'a known word is not split');
  assert.equal(splitWords('jurado', known), undefined, 'not a word of two-letter syllables');
});

test('a name is split only where a long unknown word token spells known words', () => {
  assert.equal(splitName(tokenizeName('CARMENMARTÍNEZ'), known), 'carmen martinez');
  assert.equal(splitName(tokenizeName('Carmen Martinez'), known), undefined);
  assert.equal(splitName(tokenizeName('DARALSALAM Investment'), known), 'dar al salam investment');
  assert.equal(splitName(tokenizeName('Zubaidiosama Kim'), known), 'zubaidi osama kim');
});
