import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectScript } from '../src/normalize/index.ts';
import { dataDir, needsEval } from '../test/helpers/data.ts';
import { evalPath, readCsvObjects } from './data.ts';
import { distinctRows, type NegativeRow } from './distinct.ts';

const row = (
  first: string,
  middle: string,
  last: string,
  dob: string,
  country: string,
): NegativeRow => ({
  full_name: [first, middle, last].filter(Boolean).join(' '),
  first_name: first,
  middle_name: middle,
  last_name: last,
  gender: '',
  date_of_birth: dob,
  nationality: country,
});

// Two Latin rows to one Hangul row: a batch keeps that proportion.
const latin = [
  row('Anna', 'Maria', 'Kowalski', '1970-01-01', 'Poland'),
  row('Pedro', '', 'Alves', '1980-02-02', 'Brazil'),
  row('John', 'Paul', 'Miller', '1990-03-03', 'United States'),
  row('Ines', '', 'Garcia', '1985-04-04', 'Spain'),
  row('Lena', 'Sofie', 'Berg', '1975-05-05', 'Norway'),
  row('Omar', '', 'Haddad', '1965-06-06', 'Jordan'),
];
const hangul = [
  row('정수', '', '이', '1965-10-30', 'South Korea'),
  row('민준', '', '김', '1999-12-12', 'South Korea'),
  row('서연', '', '박', '2001-07-07', 'South Korea'),
];
const rows = [...latin, ...hangul];

test("rows are distinct, made of parts of their own script, in the scripts' proportions", () => {
  const out = distinctRows(rows, 18, 7);
  assert.equal(out.length, 18);
  assert.equal(new Set(out.map((r) => r.name)).size, 18);
  assert.equal(out.filter((r) => r.script === 'hangul').length, 6);
  for (const r of out) {
    const pool = r.script === 'hangul' ? hangul : latin;
    const [first, ...rest] = r.name.split(' ');
    assert.ok(
      pool.some((p) => p.first_name === first),
      r.name,
    );
    assert.ok(
      pool.some((p) => p.last_name === rest[rest.length - 1]),
      r.name,
    );
    assert.ok(
      pool.some((p) => p.date_of_birth === r.dob) && pool.some((p) => p.nationality === r.country),
      r.name,
    );
  }
});

test('the same seed gives the same rows; excluded names never appear', () => {
  assert.deepEqual(distinctRows(rows, 15, 1), distinctRows(rows, 15, 1));
  assert.notDeepEqual(distinctRows(rows, 15, 1), distinctRows(rows, 15, 2));
  const exclude = new Set(rows.map((r) => r.full_name));
  assert.ok(distinctRows(rows, 18, 3, exclude).every((r) => !exclude.has(r.name)));
});

test('a script that cannot make its share of new names is an error, not a smaller batch', () => {
  // Three Hangul rows make at most 9 names; a third of 100 rows is 33.
  assert.throws(
    () => distinctRows(rows, 100, 1),
    /hangul rows make only \d+ new names of the 33 wanted/,
  );
});

test(
  "80,000 distinct rows from negatives-dev.csv, scripts in the file's proportions",
  needsEval('negatives-dev.csv'),
  () => {
    const negatives = readCsvObjects<NegativeRow>(evalPath(dataDir(), 'negatives-dev.csv'));
    const out = distinctRows(
      negatives,
      80_000,
      20190301,
      new Set(negatives.map((r) => r.full_name)),
    );
    assert.equal(new Set(out.map((r) => r.name)).size, 80_000);
    const share = (xs: { script: string }[], s: string) =>
      xs.filter((x) => x.script === s).length / xs.length;
    // The file's own proportions, by the tokenizer's script of each full name.
    const inFile = negatives.map((r) => ({ script: detectScript(r.full_name) }));
    for (const script of new Set(inFile.map((x) => x.script)))
      assert.ok(Math.abs(share(out, script) - share(inFile, script)) < 0.001, script);
    assert.ok(share(out, 'latin') > 0.5 && share(out, 'han') > 0.05 && share(out, 'hangul') > 0.02);
  },
);
