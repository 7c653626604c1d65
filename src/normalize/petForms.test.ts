import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPetForm, petFormOf } from './petForms.ts';

/** Asserts the relation both ways round (isPetForm) and its direction (petFormOf). */
function expect(pairs: readonly (readonly [string, string])[], related: boolean): void {
  for (const [short, full] of pairs) {
    assert.equal(isPetForm(short, full), related, `${short}/${full}`);
    assert.equal(isPetForm(full, short), related, `${full}/${short}`);
    if (related) assert.equal(petFormOf(full, short), false, `${full} is no pet form of ${short}`);
  }
}

test('-sha on the syllable before the cluster the truncation cuts off', () => {
  expect(
    [
      ['sasha', 'aleksandr'], // Aleksa|ndr
      ['sasha', 'alexander'], // x read as ks
      ['sasha', 'aleksandra'],
      ['lyosha', 'aleksey'], // Ale|ksey, the e said yo
      ['lyosha', 'alexei'],
      ['alyosha', 'aleksey'], // the opening syllable kept too
      ['grisha', 'grigoriy'], // a first syllable opening on two consonants
      ['grisha', 'grigory'],
    ],
    true,
  );
});

test('-sha is not credited on a first syllable of one consonant, nor on another cut', () => {
  expect(
    [
      ['masha', 'marina'], // Masha is Mariya, but Marina and Margarita open so too
      ['masha', 'mariya'],
      ['misha', 'mikhail'],
      ['pasha', 'pavel'],
      ['lyosha', 'aleksandr'], // Aleksandr is cut at Aleksa|ndr: its -sha form is Sasha
      ['lyosha', 'alexander'],
      ['sasha', 'aleksey'],
      ['sasha', 'oksana'], // no cluster after -sa-
      ['sasha', 'stanislav'], // s is not the onset of -ta-
      ['sasha', 'isabella'],
      ['sasha', 'larisa'], // the last syllable: nothing is cut off
    ],
    false,
  );
});

test('-ya after a consonant the name has after the kept syllable (the echo)', () => {
  expect(
    [
      ['tanya', 'tatyana'], // Ta-tya-n-a
      ['tania', 'tatiana'],
      ['tanja', 'tatjana'],
      ['petya', 'pyotr'], // yo written e
      ['petya', 'petr'],
      ['petja', 'pjotr'],
      ['fedya', 'fyodor'],
      ['fedya', 'fedor'],
      ['vanya', 'ivan'], // longer than its name
      ['vitya', 'viktor'],
      ['katya', 'yekaterina'],
      ['katya', 'ekaterina'],
      ['lyonya', 'leonid'],
      ['galya', 'galina'],
      ['vasya', 'vasiliy'],
    ],
    true,
  );
});

test('the echo needs the consonant where the truncation keeps it, and an onset', () => {
  expect(
    [
      ['tanya', 'tamara'],
      ['tanya', 'natalya'],
      ['kolya', 'konstantin'],
      ['kolya', 'nikita'],
      ['vanya', 'valentin'], // n only after the next syllable
      ['katya', 'karina'],
      ['petya', 'pelageya'],
      ['petya', 'pavel'],
      ['galya', 'gabriela'], // l after a syllable that is not a soft one (-tya-)
      ['vitya', 'vladimir'],
      ['fedya', 'filipp'],
      ['olya', 'oleg'], // no onset: Olga and Oleg alike
      ['dima', 'dmitriy'], // a consonant clip, not this rule
      ['kolya', 'nikolay'], // a strong clip (kol- after the first syllable), not this rule
      ['tolya', 'anatoliy'], // a third syllable: Ezzatollah and Nematollah have one so too
      ['tanya', 'sultan'], // Sul-tan: the syllable before is closed
      ['tanya', 'konstantin'],
      ['nadya', 'gennady'], // Gen-na-dy: the first syllable is no vowel alone
      ['nadya', 'fernando'],
      ['lyonya', 'elena'], // a second syllable, its vowel written otherwise
      ['dasha', 'abdallah'], // a doubled letter is one consonant: no cut there
      ['sasha', 'aleksandrovich'], // a patronymic is another person's name
      ['sasha', 'aliaksandrauna'], // Belarusian
      ['vanya', 'ivanov'], // a surname
      ['sonya', 'johnson'],
      ['villa', 'avila'], // a doubled letter: a name of its own, not a pet form
      ['bella', 'beltran'],
      ['tanja', 'tang'], // one syllable, not a Slavic name without its -os
      ['lena', 'lionel'], // io is no ё: a Romance name
      ['reina', 'urena'], // a diphthong is no vowel of these syllables
      ['laura', 'larzg'],
      ['paola', 'palma'],
    ],
    false,
  );
});

test('only lower-case Latin forms of pet-form shape are read', () => {
  for (const [a, b] of [
    ['tanya', 'tanya'],
    ['Tanya', 'Tatyana'],
    ['таня', 'татьяна'],
    ['tan', 'tatyana'],
    ['tanyusha', 'tatyana'], // longer than the forms read here
    ['tanyo', 'tatyana'], // not -a
    ['kolya', 'kol'],
  ] as const)
    assert.equal(isPetForm(a, b), false, `${a}/${b}`);
});
