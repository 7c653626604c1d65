import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectScript } from './script.ts';

test('the dominant script of a name', () => {
  const cases: [string, string][] = [
    ['Vladimir Putin', 'latin'],
    ['Müller', 'latin'],
    ['Nguyễn Tấn Dũng', 'latin'],
    ['Владимир Путин', 'cyrillic'],
    ['Αλέξανδρος', 'greek'],
    ['محمد علي', 'arabic'],
    ['ولادیمیر پوٹن', 'arabic'],
    ['משה', 'hebrew'],
    ['김정은', 'hangul'],
    ['金正恩', 'han'],
    ['ウラジーミル・プーチン', 'kana'],
    ['สมชาย', 'thai'],
    ['វ៉្លាឌីមៀរ', 'khmer'],
    ['ვლადიმერ', 'georgian'],
    ['ᲕᲚᲐᲓᲘᲛᲔᲠ', 'georgian'], // Mtavruli capitals
    ['Սերժ Սարգսյան', 'armenian'],
    ['မင်းအောင်လှိုင်', 'burmese'], // vowel signs and the asat are marks: they follow their letter
    ['ᚠᚢᚦ', 'other'],
    ['Mr 김정은', 'hangul'],
    ['Kim 김정은', 'latin'], // a tie goes to the script seen first
    ['Ivan Иванов Petrov', 'latin'],
  ];
  for (const [text, script] of cases) assert.equal(detectScript(text), script, text);
});

test('text without letters is other', () => {
  assert.equal(detectScript(''), 'other');
  assert.equal(detectScript('123 - 456'), 'other');
  assert.equal(detectScript('\u0301\u0301'), 'other');
});
