import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScreenResponse } from '../../core/index.ts';
import { csvField, csvHeader, failedOutcome, screenedOutcome } from './format.ts';
import type { BatchRow } from './types.ts';

test('CSV fields are quoted only when they must be', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('Smith, John'), '"Smith, John"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('a\nb'), '"a\nb"');
  assert.equal(csvField(' lead'), '" lead"');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(false), 'false');
});

test('text cells a spreadsheet would run as a formula get a leading quote (OWASP)', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1 555'), "'+1 555");
  assert.equal(csvField('-Abu Ali'), "'-Abu Ali");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\t=1'), "'\t=1");
  assert.equal(csvField('\r=1'), '"\'\r=1"');
  assert.equal(csvField('  =1+2'), "'  =1+2");
  assert.equal(csvField('Kim-Jong Un'), 'Kim-Jong Un');
  assert.equal(csvField('a=b'), 'a=b');
  // Numbers are not text: written as they are.
  assert.equal(csvField(0.91), '0.91');
  assert.equal(csvField(-1), '-1');
});

test('bidi controls are removed from CSV cells; other text is kept as given', () => {
  assert.equal(csvField('\u202enU gnoJ miK\u202c'), 'nU gnoJ miK');
  assert.equal(csvField('\u2067Ann\u2069 Lee'), 'Ann Lee');
  assert.equal(csvField('Kim\u200bJong'), 'Kim\u200bJong');
  assert.equal(csvField('\u202e=cmd'), "'=cmd");
});

test('a listed name starting with "-" or "=" is escaped in the CSV summary', () => {
  const listed = {
    ...response,
    results: [{ ...response.results[0]!, matched_name: '=cmd|/C calc', id: '-x' }],
  } as unknown as ScreenResponse;
  assert.equal(
    screenedOutcome({ ...row, name: '@Ann', id: '+1' }, listed, 'csv').text,
    "4,'+1,'@Ann,true,0.91,'-x,'=cmd|/C calc,KP;IQ,un_sc,1,,\n",
  );
});

const row: BatchRow = {
  row: 4,
  id: 'c-9',
  name: 'Ann, Lee',
  input: { name: 'x' },
  query: { schema: 'Person', properties: { name: ['Ann, Lee'] } },
};
const response = {
  input: row.query,
  results: [
    {
      id: 'un_sc-1',
      score: 0.91,
      match: true,
      matched_name: 'ANN LEE',
      programs: ['KP', 'IQ'],
      datasets: ['un_sc'],
    },
    {
      id: 'un_sc-2',
      score: 0.5,
      match: false,
      matched_name: 'B',
      programs: [],
      datasets: ['un_sc'],
    },
  ],
  algorithm: 'embargo',
  threshold: 0.8,
  snapshots: ['un_sc@2026-02-27'],
  engine_version: 'embargo@0.1.0',
} as unknown as ScreenResponse;

test('a JSON line is the single-screen response with row and id in front and the input as given', () => {
  const o = screenedOutcome(row, response, 'jsonl');
  const line = JSON.parse(o.text);
  assert.deepEqual(Object.keys(line), [
    'row',
    'id',
    'input',
    'results',
    'algorithm',
    'threshold',
    'snapshots',
    'engine_version',
  ]);
  assert.deepEqual(line.input, { name: 'x' });
  assert.equal(o.matched, true);
  assert.ok(o.text.endsWith('}\n'));
});

test('a CSV row summarises the top result', () => {
  assert.equal(
    csvHeader(),
    'row,id,name,match,top_score,top_id,top_name,top_programs,top_datasets,results_count,error,warnings\n',
  );
  assert.equal(
    screenedOutcome(row, response, 'csv').text,
    '4,c-9,"Ann, Lee",true,0.91,un_sc-1,ANN LEE,KP;IQ,un_sc,2,,\n',
  );
});

test("a row's warnings go into its output, and count for the summary", () => {
  const warnings = ['birthDate "1980-02-30" is not a calendar date; kept 1980-02', 'second'];
  const o = screenedOutcome(row, { ...response, warnings }, 'csv');
  assert.equal(
    o.text,
    '4,c-9,"Ann, Lee",true,0.91,un_sc-1,ANN LEE,KP;IQ,un_sc,2,,"birthDate ""1980-02-30"" is not a calendar date; kept 1980-02 | second"\n',
  );
  assert.equal(o.warnings, 2);
  const line = JSON.parse(screenedOutcome(row, { ...response, warnings }, 'jsonl').text);
  assert.deepEqual(line.warnings, warnings);
  assert.equal(screenedOutcome(row, response, 'jsonl').warnings, undefined);
});

test('a failed row carries its error, and in CSV leaves match empty', () => {
  const error = { code: 'E_INVALID_QUERY', message: 'birthDate "1984-13-01" is not a date' };
  assert.deepEqual(JSON.parse(failedOutcome(row, error, 'jsonl').text), {
    row: 4,
    id: 'c-9',
    input: { name: 'x' },
    error,
  });
  assert.equal(
    failedOutcome(row, error, 'csv').text,
    '4,c-9,"Ann, Lee",,,,,,,,"birthDate ""1984-13-01"" is not a date",\n',
  );
});
