import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clipStems,
  clipStrength,
  consonantClipKeys,
  fullNameKeys,
  isConsonantClip,
  isReshapedClip,
  NO_CLIP,
  shortFormKeys,
  STRONG_CLIP,
  WEAK_CLIP,
} from './shortForms.ts';

/** Asserts the strength both ways round, naming the pair on failure. */
function expect(pairs: readonly (readonly [string, string])[], strength: number): void {
  for (const [a, b] of pairs) {
    assert.equal(clipStrength(a, b), strength, `${a}/${b}`);
    assert.equal(clipStrength(b, a), strength, `${b}/${a}`);
  }
}

test('a front clip, with or without a pet ending, is a strong short form', () => {
  expect(
    [
      ['lyuba', 'lyubov'], // Russian -a
      ['valya', 'valentina'], // -ya
      ['nadya', 'nadezhda'],
      ['gena', 'gennady'],
      ['stasya', 'stanislava'],
      ['chidi', 'chidiebere'], // Igbo
      ['nkechi', 'nkechinyere'],
      ['pepa', 'pepita'],
      ['chris', 'christopher'],
      ['doro', 'dorothea'],
    ],
    STRONG_CLIP,
  );
});

test('a back clip is a strong short form (Yoruba, Igbo, Italian, Spanish, Russian)', () => {
  expect(
    [
      ['tunde', 'babatunde'],
      ['bayo', 'adebayo'],
      ['kemi', 'oluwakemi'],
      ['segun', 'olusegun'],
      ['dapo', 'oladapo'],
      ['sandro', 'alessandro'],
      ['enzo', 'vincenzo'],
      ['lupe', 'guadalupe'],
      ['lena', 'yelena'],
      ['mila', 'lyudmila'],
      ['slava', 'vyacheslav'], // the final vowel changed
    ],
    STRONG_CLIP,
  );
});

test('a clip after the first syllable is a strong short form', () => {
  expect(
    [
      ['katya', 'yekaterina'],
      ['tonio', 'antonio'],
      ['nastya', 'anastasia'],
      ['kolya', 'nikolai'],
      ['tasha', 'natasha'],
    ],
    STRONG_CLIP,
  );
});

test('a pet ending with its vowels is cut off before the stem is looked for', () => {
  assert.deepEqual(clipStems('seryozha'), ['seryozha', 'seryozh', 'seryo', 'ser']);
  assert.deepEqual(clipStems('pasha'), ['pasha', 'pash', 'pa']);
  assert.deepEqual(clipStems('rafa'), ['rafa', 'raf']);
  assert.deepEqual(clipStems('henk'), ['henk'], 'a consonant-final form has no pet ending');
  expect(
    [
      ['seryozha', 'sergei'],
      ['lyosha', 'alyosha'],
    ],
    STRONG_CLIP,
  );
});

test('two letters, or the consonants alone, are weak evidence', () => {
  expect(
    [
      ['pasha', 'pavel'],
      ['alyosha', 'aleksei'], // Al-yosha
      ['masha', 'mariya'],
      ['dima', 'dmitri'],
      ['tolya', 'tomas'],
    ],
    WEAK_CLIP,
  );
});

test('a consonant clip breaks the cluster the full name opens on; two-letter cuts are not one', () => {
  for (const [a, b] of [
    ['dima', 'dmitry'],
    ['dima', 'dmitriy'],
    ['dima', 'dmytro'],
  ] as const)
    assert.ok(isConsonantClip(a, b) && isConsonantClip(b, a), `${a}/${b}`);
  for (const [a, b] of [
    ['dima', 'demyan'], // its own vowel between the consonants: another name
    ['dima', 'daniil'],
    ['masha', 'mariya'], // a two-letter cut, weak but not by consonants
    ['pasha', 'pavel'],
    ['zhenya', 'zhanna'], // zh is one consonant, not two
    ['dima', 'dima'],
    ['dmitry', 'dmitriy'], // a spelling, not a short form
  ] as const)
    assert.ok(!isConsonantClip(a, b) && !isConsonantClip(b, a), `${a}/${b}`);
});

test('unrelated names, a surname or patronymic made of the name, and long forms are no clip', () => {
  expect(
    [
      ['masha', 'svetlana'],
      ['kolya', 'boris'],
      ['tunde', 'segun'],
      ['lena', 'marina'],
      ['chidi', 'emeka'],
      ['bob', 'boris'], // consonant-final: only a front clip counts
      ['sam', 'simon'],
      ['chol', 'chan'],
      ['preecha', 'prayut'], // longer than the name: no weak shape
      ['ivan', 'ivanov'],
      ['ivan', 'ivanovich'],
      ['omar', 'omarov'],
      ['ahmad', 'ahmadi'],
      ['ali', 'alizadeh'],
      ['petro', 'petrenko'],
      ['john', 'johnson'],
      ['anna', 'anna'],
      ['ed', 'edo'], // nothing is cut from a name shorter than four letters
      ['kim', 'kimm'],
    ],
    NO_CLIP,
  );
});

test('a short form of four letters or more shares a lookup key with the names it is cut from', () => {
  const keysOf = (full: string) => {
    const keys = new Int32Array(4);
    return [...keys.subarray(0, fullNameKeys(full, keys, 0))];
  };
  for (const [short, full] of [
    ['sveta', 'svetlana'],
    ['concha', 'concepcion'],
    ['tunde', 'babatunde'],
    ['kemi', 'oluwakemi'],
    ['slava', 'vyacheslav'],
    ['nastya', 'anastasia'],
    ['tonio', 'antonio'],
    ['bimbo', 'abimbola'],
  ] as const) {
    assert.equal(clipStrength(short, full), STRONG_CLIP, `${short}/${full}`);
    const filed = keysOf(full);
    assert.ok(
      shortFormKeys(short).some((k) => filed.includes(k)),
      `${short} finds ${full}`,
    );
  }
  assert.equal(
    shortFormKeys('sveta').some((k) => keysOf('savchenko').includes(k)),
    false,
  );
  assert.deepEqual(keysOf('ivan'), [], 'nothing of four letters is cut from a name of four');
});

test('the names a consonant clip is cut from are filed under one run of front keys', () => {
  const keysOf = (full: string) => {
    const keys = new Int32Array(4);
    return [...keys.subarray(0, fullNameKeys(full, keys, 0))];
  };
  const [lo, hi] = consonantClipKeys('dima')!;
  for (const full of ['dmitriy', 'dmytro', 'dmitrii'])
    assert.ok(
      keysOf(full).some((k) => k >= lo && k <= hi),
      full,
    );
  assert.ok(!keysOf('demyan').some((k) => k >= lo && k <= hi), 'demyan opens de-, not dm-');
  assert.equal(consonantClipKeys('masha'), undefined, 'one consonant: no run');
  assert.equal(consonantClipKeys('henk'), undefined, 'not shaped like a pet form');
});

test('a clip of the name reshaped as pet forms reshape it: a cluster cut down, a soft c or g', () => {
  for (const [a, b] of [
    ['beto', 'roberto'], // Ro-ber-to, the cluster rt made t
    ['beto', 'alberto'],
    ['kostya', 'konstantin'], // nst made st
    ['nacho', 'ignacio'], // the soft c said ch
    ['zhenya', 'yevgeny'], // the soft g said zh
    ['zhenya', 'evgeniy'],
  ] as const)
    assert.ok(isReshapedClip(a, b) && isReshapedClip(b, a), `${a}/${b}`);
  for (const [a, b] of [
    ['beto', 'benito'], // no cluster to cut down
    ['kosta', 'kristina'],
    ['masha', 'marina'],
    ['sasha', 'aleksandr'],
    ['lena', 'elena'], // a clip as written: strong, not reshaped
    ['beto', 'beto'],
  ] as const)
    assert.ok(!isReshapedClip(a, b) && !isReshapedClip(b, a), `${a}/${b}`);
});
