import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayOrder, nameReadings } from './formatChars.ts';
import { tokenizeName } from './tokenize.ts';

const texts = (name: string) => tokenizeName(name).map((t) => t.text);

test('a name without invisible characters has one reading, itself', () => {
  assert.deepEqual(nameReadings('Kim Jong Un'), ['Kim Jong Un']);
  assert.deepEqual(nameReadings('علی اکبر'), ['علی اکبر']);
});

test('zero-width space, joiners, word joiner and soft hyphen: also read as word breaks', () => {
  for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff']) {
    const readings = nameReadings(`Kim${c}Jong${c}Un`);
    assert.equal(readings[0], `Kim${c}Jong${c}Un`, 'the name as given first');
    assert.deepEqual(texts(readings[0]!), ['kimjongun'], 'dropped inside a word');
    assert.deepEqual(
      texts(readings[1]!),
      ['kim', 'jong', 'un'],
      `U+${c.codePointAt(0)!.toString(16)}`,
    );
  }
});

test('a right-to-left override is read in the order it is displayed, and as stored', () => {
  assert.equal(displayOrder('\u202enU gnoJ miK'), '\u202eKim Jong Un');
  assert.equal(displayOrder('\u202enU gnoJ\u202c miK'), '\u202eJong Un\u202c miK');
  // An LRO inside an RLO keeps its own run in order; the RLO's runs around it are reversed.
  assert.equal(
    displayOrder('A\u202ecba\u202ddef\u202cihg\u202cZ'),
    'A\u202eabc\u202ddef\u202cghi\u202cZ',
  );
  // Accents stay on their letters.
  assert.equal(displayOrder('\u202ee\u0301sooJ'), '\u202eJoose\u0301');
  const readings = nameReadings('\u202enU gnoJ miK');
  assert.ok(
    readings.some((r) => texts(r).join(' ') === 'kim jong un'),
    readings.join(' | '),
  );
  assert.ok(
    readings.some((r) => texts(r).join(' ') === 'nu gnoj mik'),
    'the logical order too',
  );
});

test('embeddings and isolates do not reorder Latin letters', () => {
  assert.equal(displayOrder('\u202bKim Jong\u202c'), '\u202bKim Jong\u202c');
  assert.equal(displayOrder('\u2067Kim\u2069 Jong'), '\u2067Kim\u2069 Jong');
});
