import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_NAME_LENGTH, tokenizeName, type NameToken } from './index.ts';

const texts = (name: string): string[] => tokenizeName(name).map((t) => t.text);
const kinds = (name: string): string[] => tokenizeName(name).map((t) => `${t.text}:${t.kind}`);
const one = (name: string): NameToken => {
  const tokens = tokenizeName(name);
  assert.equal(tokens.length, 1, `${name} → ${tokens.map((t) => t.text).join(' ')}`);
  return tokens[0]!;
};
const overlaps = (a: NameToken, b: NameToken): boolean => a.forms.some((f) => b.forms.includes(f));

test('Latin names are case-folded, stripped of diacritics, with umlaut spellings as variants', () => {
  assert.deepEqual(one('Müller').forms, ['muller', 'mueller']);
  assert.deepEqual(one('STRAßE').forms, ['strasse']);
  assert.deepEqual(one('Øster').forms, ['oster', 'oester']);
  assert.deepEqual(one('Åsa').forms, ['asa', 'aasa']);
  assert.deepEqual(one('Vladimirovič').forms, ['vladimirovic', 'vladimirovich']);
  assert.deepEqual(texts('Łukasz Żółć Đorđević'), ['lukasz', 'zolc', 'dordevic']);
  assert.equal(one('Ｋｉｍ').text, 'kim', 'fullwidth letters fold by NFKC');
  for (const t of tokenizeName('Ḥasan ʿAlī')) assert.equal(t.script, 'latin');
});

test('hyphens and punctuation split words, apostrophes inside a word join it; nothing empty is left', () => {
  assert.deepEqual(texts('KIM Jong-un'), ['kim', 'jong', 'un']);
  assert.deepEqual(texts('Kim Jong Un'), ['kim', 'jong', 'un']);
  assert.deepEqual(texts('Kim Jongun'), ['kim', 'jongun']);
  assert.deepEqual(texts("O'Brien"), ['obrien']);
  assert.deepEqual(texts('Mu’ammar al-Qadhafi'), ['muammar', 'al', 'qadhafi']);
  assert.deepEqual(texts("KIM, So'ng-hun"), ['kim', 'song', 'hun']);
  assert.deepEqual(texts("'Abd al-Rahman"), ['abd', 'al', 'rahman']);
  assert.deepEqual(texts('PUTIN, Vladimir ("V.V.")'), ['putin', 'vladimir', 'v', 'v']);
  assert.deepEqual(texts(' -- , . '), []);
});

test('empty, blank and control-character input', () => {
  assert.deepEqual(tokenizeName(''), []);
  assert.deepEqual(tokenizeName('   \t\n '), []);
  assert.deepEqual(texts('Kim\u0000Jong\tUn'), ['kim', 'jong', 'un']);
  assert.deepEqual(
    texts('Mül\u00adler\u200b'),
    ['muller'],
    'format characters vanish inside words',
  );
  assert.deepEqual(texts('\u202eKim\u202c'), ['kim']);
});

test('absurdly long input is cut at MAX_NAME_LENGTH characters', () => {
  const tokens = tokenizeName('Ab '.repeat(1_000_000));
  assert.equal(tokens.length, Math.ceil(MAX_NAME_LENGTH / 3));
  const glued = tokenizeName('x'.repeat(5_000_000));
  assert.equal(glued.length, 1);
  assert.equal(glued[0]!.text.length, MAX_NAME_LENGTH);
});

test('initials and numbers', () => {
  assert.deepEqual(kinds('Vladimir V. Putin'), ['vladimir:word', 'v:initial', 'putin:word']);
  assert.deepEqual(kinds('В. В. Путин'), ['v:initial', 'v:initial', 'putin:word']);
  assert.deepEqual(kinds('IRAN SHAHR 2'), ['iran:word', 'shahr:word', '2:number']);
  assert.deepEqual(kinds('Boeing 747-400'), ['boeing:word', '747:number', '400:number']);
  assert.equal(one('A321').kind, 'word');
});

test('titles and honorifics', () => {
  for (const title of [
    'Mr',
    'Mrs',
    'Dr',
    'Prof',
    'General',
    'Colonel',
    'Sheikh',
    'Shaykh',
    'Haji',
  ]) {
    assert.equal(tokenizeName(`${title} Ali`)[0]!.kind, 'title', title);
  }
  assert.deepEqual(kinds('Mullah Mohammad Omar'), ['mullah:title', 'mohammad:word', 'omar:word']);
  assert.deepEqual(kinds('Ayatollah Ali Khamenei'), [
    'ayatollah:title',
    'ali:word',
    'khamenei:word',
  ]);
  assert.equal(one('Präsident').kind, 'title');
  assert.equal(one('Президент').kind, 'title');
  // Amir and Sultan are given names as often as titles: they stay words; Emir is the title.
  assert.equal(one('Amir').kind, 'word');
  assert.equal(one('Sultan').kind, 'word');
  assert.equal(one('Emir').kind, 'title');
  // Eng and Gen are names as well as abbreviations: titles only with their dot.
  assert.deepEqual(kinds('Eng. Lim Eng Huat'), ['eng:title', 'lim:word', 'eng:word', 'huat:word']);
  assert.deepEqual(kinds('Gen Tanaka'), ['gen:word', 'tanaka:word']);
});

test('legal forms, one word or several', () => {
  assert.deepEqual(kinds('ROSNEFT LLC'), ['rosneft:word', 'llc:legal']);
  assert.deepEqual(kinds('Anglo-Caribbean Co., Ltd.'), [
    'anglo:word',
    'caribbean:word',
    'company:legal', // Co and Ltd spelled out (companyWords.ts)
    'limited:legal',
  ]);
  // A legal form spelled out is written as its abbreviation (companyWords.ts).
  assert.deepEqual(kinds('Open Joint Stock Company Gazprom'), ['ojsc:legal', 'gazprom:word']);
  assert.deepEqual(kinds('Bank Melli Iran S.A.').slice(3), ['s:legal', 'a:legal']);
  assert.deepEqual(kinds('ООО Ромашка'), ['ooo:legal', 'romashka:word']);
  assert.equal(tokenizeName('Korea Mining Trading Group')[3]!.kind, 'legal');
  // Single-letter forms count only at the end of a name; elsewhere they are initials.
  assert.deepEqual(kinds('John A. S. Smith'), [
    'john:word',
    'a:initial',
    's:initial',
    'smith:word',
  ]);
  // "Joint" alone is a word.
  assert.equal(one('Joint').kind, 'word');
});

test('connectors and particles are stop words, Arabic articles included', () => {
  assert.deepEqual(kinds('Bank of the Republic'), [
    'bank:word',
    'of:stop',
    'the:stop',
    'republic:word',
  ]);
  assert.deepEqual(kinds('Abu Bakr al-Baghdadi'), [
    'abu:stop',
    'bakr:word',
    'al:stop',
    'baghdadi:word',
  ]);
  assert.deepEqual(kinds('Osama bin Laden'), ['osama:word', 'bin:stop', 'laden:word']);
  assert.deepEqual(kinds('Ludwig van Beethoven')[1], 'van:stop');
  // Assimilated articles only with their hyphen: "As-Sahab" yes, a lone "As" no.
  assert.deepEqual(kinds('As-Sahab Media')[0], 'as:stop');
  assert.deepEqual(kinds('Datasaab Contracting As')[2], 'as:word');
});

test('Korean names in Hangul meet their Latin spellings', () => {
  const hangul = tokenizeName('김정은');
  const latin = tokenizeName('KIM Jong Un');
  assert.equal(hangul.length, 3);
  assert.ok(hangul.every((t) => t.script === 'hangul' && t.kind === 'word'));
  for (let i = 0; i < 3; i++) assert.ok(overlaps(hangul[i]!, latin[i]!), latin[i]!.text);
  const forms = (s: string): string[] => one(s).forms;
  assert.ok(forms('김').includes('kim') && forms('김').includes('gim'));
  for (const f of ['lee', 'ri', 'rhee', 'yi']) assert.ok(forms('이').includes(f), f);
  for (const f of ['park', 'pak', 'bak']) assert.ok(forms('박').includes(f), f);
  for (const f of ['choe', 'choi']) assert.ok(forms('최').includes(f), f);
});

test('Han characters give pinyin and Sino-Korean readings, one token per character', () => {
  assert.deepEqual(texts('习近平'), ['xi', 'jin', 'ping']);
  const kim = tokenizeName('金正恩');
  assert.ok(kim[0]!.forms.includes('kim'), '金 read as the surname Kim');
  assert.ok(kim[1]!.forms.includes('jong'));
  assert.ok(kim[2]!.forms.includes('un'));
  assert.ok(kim.every((t) => t.script === 'han'));
});

test('Cyrillic names get the spellings of the usual transliteration systems', () => {
  const forms = (s: string): string[] => one(s).forms;
  assert.deepEqual(forms('Александр').slice(0, 2), ['aleksandr', 'alexandr']);
  for (const f of ['dmitriy', 'dmitry', 'dmitri']) assert.ok(forms('Дмитрий').includes(f), f);
  for (const f of ['yuriy', 'yury', 'yuri', 'iurii']) assert.ok(forms('Юрий').includes(f), f);
  assert.ok(forms('Евгений').includes('yevgeniy'));
  assert.ok(forms('Ходорковский').includes('hodorkovskiy'));
  assert.ok(forms('Ходорковский').includes('khodorkovsky'));
  assert.equal(one('Путин').script, 'cyrillic');
  assert.equal(one('Влади́мир').text, 'vladimir', 'stress marks go');
});

test('common Arabic names get their usual Latin spellings', () => {
  const forms = (s: string): string[] => tokenizeName(s)[0]!.forms;
  for (const f of ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mhmd'])
    assert.ok(forms('محمد').includes(f), f);
  assert.ok(forms('مُحَمَّد').includes('mohamed'), 'with vowel marks');
  assert.ok(forms('علي').includes('ali'));
  assert.ok(forms('أحمد').includes('ahmed') && forms('احمد').includes('ahmad'), 'hamza seats fold');
  assert.ok(forms('حسین').includes('hossein'), 'Persian yeh folds');
  assert.ok(forms('عبدالله').includes('abdullah'));
  assert.deepEqual(kinds('الشيخ'), ['al:stop', 'shaykh:title']);
  assert.deepEqual(texts('البغدادي'), ['al', 'bghddy']);
  assert.deepEqual(
    kinds('عبدالرحمن').map((k) => k.split(':')[0]),
    ['abd', 'al', 'rahman'],
  );
  assert.ok(tokenizeName('الرحمن')[0]!.forms.includes('ar'), 'sun letter assimilation');
  assert.deepEqual(kinds('أسامة بن لادن'), ['usama:word', 'bin:stop', 'ldn:word']);
});

test('other scripts go through their transliteration and report their script', () => {
  // Hebrew is vocalised: its consonant string (msh) is no spelling (see hebrew.test.ts).
  assert.deepEqual(
    tokenizeName('משה').map((t) => [t.script, t.forms.includes('msh')]),
    [['hebrew', false]],
  );
  assert.deepEqual(
    tokenizeName('สมชาย').map((t) => [t.text, t.script]),
    [['somchai', 'thai']],
  );
  assert.deepEqual(texts('វ៉្លាឌីមៀរ ពូទីន'), ['vladimier', 'putin']);
  const greek = tokenizeName('Βλαντίμιρ Πούτιν');
  assert.ok(greek[0]!.forms.includes('vladimir') && greek[1]!.forms.includes('putin'));
  assert.ok(one('プーチン').forms.includes('putin'), 'katakana チ for a foreign ti');
  assert.ok(one('ვლადიმერ').script === 'georgian');
});

test('tokens are shared between names and cannot be changed', () => {
  const a = tokenizeName('Ali Hassan')[0]!;
  const b = tokenizeName('Hassan Ali')[1]!;
  assert.equal(a, b);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.forms));
  assert.throws(() => a.forms.push('x'));
});

test('digits of other scripts are numbers, written as ASCII digits', () => {
  for (const n of ['၁၂၃', '១២៣', '๑๒๓', '١٢٣', '۱۲۳']) {
    assert.deepEqual(
      tokenizeName(`Star ${n}`).map((t) => `${t.text}:${t.kind}`),
      ['star:word', '123:number'],
      n,
    );
  }
  assert.deepEqual(texts('IMO ၉၁၂၃၄၅၆'), ['imo', '9123456']);
});
