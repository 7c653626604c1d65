import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLooseDate } from './looseDate.ts';

/** Asserts the date kept, and whether a warning says something was dropped. */
function reads(value: string, date: string | undefined, warns: boolean | RegExp = false): void {
  const r = parseLooseDate(value);
  assert.equal(r.date, date, `${value} → ${r.date} (${r.warning})`);
  if (warns === false) assert.equal(r.warning, undefined, `${value}: ${r.warning}`);
  else {
    assert.ok(r.warning, `${value}: a warning`);
    if (warns instanceof RegExp) assert.match(r.warning, warns);
  }
}

test('FtM partial dates pass as they are, without a warning', () => {
  reads('1971', '1971');
  reads('1971-03', '1971-03');
  reads('1971-03-05', '1971-03-05');
  reads('  1971-03-05 ', '1971-03-05');
});

test('year-first numbers with single digits or other separators are read in full', () => {
  reads('1971-3-5', '1971-03-05');
  reads('1971/03/05', '1971-03-05');
  reads('1971.3.5', '1971-03-05');
  reads('19710305', '1971-03-05');
  reads('1971-3', '1971-03');
  reads('1971-03-05T00:00:00Z', '1971-03-05');
  reads('1971-03-05 12:30', '1971-03-05');
});

test('day and month in either order where a part over 12 decides', () => {
  reads('25/03/1971', '1971-03-25');
  reads('03/25/1971', '1971-03-25');
  reads('25.3.1971', '1971-03-25');
  reads('3-25-1971', '1971-03-25');
  reads('05/05/1971', '1971-05-05');
});

test('an ambiguous day and month keeps the year and says both readings', () => {
  reads('05/03/1971', '1971', /ambiguous \(1971-03-05 or 1971-05-03\); kept the year 1971/);
  reads('03/05/1971', '1971', /ambiguous/);
  reads('1.2.1960', '1960', /ambiguous/);
});

test('month names, in English, French, German and Spanish, abbreviated or not', () => {
  reads('5 Mar 1971', '1971-03-05');
  reads('5 March 1971', '1971-03-05');
  reads('05-MAR-1971', '1971-03-05');
  reads('March 5 1971', '1971-03-05');
  reads('March 5, 1971', '1971-03-05');
  reads('Mar. 5th, 1971', '1971-03-05');
  reads('the 5th of March 1971', '1971-03-05');
  reads('1971 Mar 5', '1971-03-05');
  reads('March 1971', '1971-03');
  reads('Sept 1971', '1971-09');
  reads('1er mars 1971', '1971-03-01');
  reads('5 août 1971', '1971-08-05');
  reads('5. März 1971', '1971-03-05');
  reads('5 de marzo de 1971', '1971-03-05');
  reads('5 Dezember 1971', '1971-12-05');
  reads('5mar1971', '1971-03-05');
});

test('an impossible day keeps the year and month, an impossible month the year', () => {
  reads('1980-02-30', '1980-02', /"1980-02-30" is not a calendar date; kept 1980-02/);
  reads('30/02/1980', '1980-02', /not a calendar date/);
  reads('31 April 1980', '1980-04', /not a calendar date/);
  reads('1980-13-05', '1980', /13 is not a month; kept the year 1980/);
  reads('1983-02-29', '1983-02', /not a calendar date/);
  reads('1984-02-29', '1984-02-29');
});

test('zero parts mean "unknown" and shorten the date without a warning', () => {
  reads('00/00/1980', '1980');
  reads('00/03/1980', '1980-03');
  reads('1980-00-00', '1980');
});

test('what cannot be read is dropped with a warning naming the value', () => {
  reads('', undefined, /empty/);
  reads('unknown', undefined, /"unknown" is not a date/);
  reads('05/03/71', undefined, /four-digit year/);
  reads('5 Mar 71', undefined, /four-digit year/);
  reads('March', undefined, /four-digit year/);
  reads('0071-03-05', undefined, /no plausible year/);
  reads('2922-01-01', undefined, /no plausible year/);
  reads('March April 1971', undefined, true);
  reads('1971-03-05-07', undefined, true);
});
