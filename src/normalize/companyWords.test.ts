import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeName } from './tokenize.ts';

const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('business-word abbreviations are spelled out, keeping the abbreviation as a spelling', () => {
  for (const [short, full] of [
    ['Korea Mining Dev. Trdg Corp', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'],
    ['Acme Intl Co', 'Acme International Company'],
    ['Smith Bros Mfg', 'Smith Brothers Manufacturing'],
    ['Ocean Shpg Hldgs', 'Ocean Shipping Holdings'],
    ['Anka Tic. Ltd. Sti.', 'Anka Ticaret Ltd Sirketi'],
  ] as const)
    assert.deepEqual(texts(short), texts(full), short);
  const corp = tokenizeName('Corp')[0]!;
  assert.deepEqual(corp.forms, ['corporation', 'corp']);
  assert.equal(corp.kind, 'legal');
  assert.equal(tokenizeName('Dev')[0]!.kind, 'word', '"Development" is a name word');
});

test('names that look like abbreviations but are names are left alone', () => {
  for (const name of ['Chon Ma San', 'Gen Yamamoto', 'Eng Hock', 'Ste Marie']) {
    const t = tokenizeName(name);
    assert.deepEqual(texts(name), name.toLowerCase().split(' '), name);
    assert.ok(
      t.every((x) => x.forms.length === 1),
      name,
    );
  }
});

test('legal forms spelled out are written as their abbreviation, in any language of the lists', () => {
  for (const [long, short] of [
    ['Nile Delta Besloten Vennootschap', 'Nile Delta BV'],
    ['Edelweiss Gesellschaft mit beschränkter Haftung', 'Edelweiss GmbH'],
    ['Obshchestvo s Ogranichennoy Otvetstvennostyu Rhine Valley', 'ООО Rhine Valley'],
    ['Aktsionernoye Obshchestvo Blue Lotus', 'АО Blue Lotus'],
    ['Acme Limited Liability Company', 'Acme LLC'],
    ['Myohyang Sociedad Anónima', 'Myohyang SA'],
  ] as const)
    assert.deepEqual(texts(long), texts(short), long);
});

test('a word cut short with a dot takes the business words it may stand for as spellings', () => {
  const forms = (name: string, i: number) => tokenizeName(name)[i]!.forms;
  assert.ok(forms('Volta River Fish. Ltd', 2).includes('fisheries'));
  assert.ok(forms('Amber Coast Constr. Corp', 2).includes('construction'));
  assert.ok(forms('Kestrel Pharm. Co', 1).includes('pharmaceutical'));
  // Without the dot, or too short to say anything, a word is left as written.
  assert.deepEqual(forms('Volta River Fish Ltd', 2), ['fish']);
  assert.deepEqual(forms('Ab. Volta', 0), ['ab']);
});
