import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const forms = (name: string) => tokenizeName(name).map((t) => t.forms);
const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('Thai in RTGS: unwritten vowels, final sounds, leading vowels, silent letters', () => {
  assert.deepEqual(texts('สมชาย'), ['somchai'], 'o in a closed syllable; ย final is i');
  assert.deepEqual(texts('ทักษิณ'), ['thaksin'], 'ณ final is n');
  assert.deepEqual(texts('ประยุทธ์'), ['prayut'], 'ธ์ is silent, ท final is t');
  assert.deepEqual(texts('เชียงใหม่'), ['chiangmai'], 'เ-ีย, and ใ before its consonant');
  assert.deepEqual(texts('ภูเก็ต'), ['phuket']);
  assert.deepEqual(texts('ชลบุรี'), ['chonburi'], 'ล final is n');
  assert.ok(forms('สุวรรณ')[0]!.includes('suwan'), 'รร is a');
  assert.ok(forms('ชินวัตร')[0]!.includes('shinwatra'), 'ch or sh');
});

test('Thai company words', () => {
  assert.deepEqual(
    tokenizeName('บริษัท สยามซีเมนต์ จำกัด').map((t) => t.kind),
    ['legal', 'word', 'legal'],
  );
});
