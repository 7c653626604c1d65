/**
 * End-to-end: batch screening (`screen --input`) and batch compare on the real UN list, with
 * small generated inputs: invented names mixed with names read back from the loaded list.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { FtmRecord } from '../../src/engine/index.ts';
import { embargo, tempDir, type CliResult } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

const FIRST = [
  'Anna',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Elif',
  'Farid',
  'Grete',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Kemal',
  'Lucía',
];
const LAST = [
  'Abernethy',
  'Brandt',
  'Castellanos',
  'Dunmore',
  'Eklund',
  'Fairweather',
  'Gallo',
  'Holloway',
  'Ivers',
  'Jurado',
  'Kowalczyk',
];

/** Invented name number `i`: the same for the same `i`, many distinct ones. */
const invented = (i: number) =>
  `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${LAST[(i * 5 + 3) % LAST.length]}`;

/** Quotes a CSV field. */
const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Parses the JSON lines of a file. */
const jsonLines = <T = Record<string, unknown>>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Processes that carry `EMBARGO_HOME=<home>` in their environment (Linux only; [] elsewhere). */
function processesWithHome(home: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (
        readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`EMBARGO_HOME=${home}`)
      )
        found.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

describe('batch screening on the UN list', needsData('un_sc', '2026-02-27'), () => {
  const home = tempDir();
  const dir = tempDir('embargo-batch-');
  /** Names of listed people, read back from the store. */
  let listed: { name: string; id: string }[] = [];

  /** Writes a CSV of `n` rows (ref, name, dob, country): every 10th name a listed one. */
  const writeCsv = (file: string, n: number): string => {
    const path = join(dir, file);
    const lines = ['ref,name,dob,country'];
    for (let i = 1; i <= n; i++) {
      const real = i % 10 === 0 ? listed[(i / 10) % listed.length] : undefined;
      const dob = i % 3 === 0 ? `19${50 + (i % 50)}` : '';
      lines.push(
        [`R${i}`, q(real ? real.name : invented(i)), dob, i % 4 === 0 ? 'DE' : ''].join(','),
      );
    }
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };

  before(() => {
    const load = embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27'));
    assert.equal(load.status, 0, load.stderr);
    const exported = embargo(home, 'export', '--format', 'ftm');
    assert.equal(exported.status, 0, exported.stderr);
    listed = exported.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FtmRecord)
      .filter((e) => e.schema === 'Person' && e.properties.name?.[0])
      .slice(0, 40)
      .map((e) => ({ name: e.properties.name![0]!, id: e.id }));
    assert.ok(listed.length >= 20);
  });

  test('CSV in, JSON lines out: one line per row, in order, ids carried, the single-screen shape', () => {
    const input = writeCsv('small.csv', 300);
    const output = join(dir, 'small.jsonl');
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
    assert.equal(r.status, 0, r.stderr);
    const lines = jsonLines<{ row: number; id: string; results: { match: boolean; id: string }[] }>(
      output,
    );
    assert.deepEqual(
      lines.map((l) => l.row),
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      lines.map((l) => l.id),
      Array.from({ length: 300 }, (_, i) => `R${i + 1}`),
    );
    for (const l of lines)
      assert.deepEqual(Object.keys(l).slice(0, 8), [
        'row',
        'id',
        'input',
        'results',
        'algorithm',
        'threshold',
        'snapshots',
        'engine_version',
      ]);
    // A listed name finds its entity.
    const row10 = lines[9]!;
    assert.ok(
      row10.results.some((x) => x.match && x.id === listed[1]!.id),
      JSON.stringify(row10.results[0]),
    );
    // The summary line, and no progress bar, on a stderr that is not a terminal.
    assert.match(
      r.stderr,
      /screened 300 rows: \d+ matched, 0 failed; [\d,]+ rows\/s, [\d.]+ s \(in-process\)/,
    );
    assert.ok(!r.stderr.includes('\r') && !r.stderr.includes('\u001b['), 'no progress bar');
  });

  test('each JSON line is exactly what screening that row alone answers', () => {
    const input = join(dir, 'one.csv');
    const name = listed[3]!.name;
    writeFileSync(input, `name\n${q(name)}\nGrete Holloway\n`);
    const output = join(dir, 'one.jsonl');
    assert.equal(embargo(home, 'screen', '--input', input, '--output', output).status, 0);
    const [first] = jsonLines(output);
    const single = embargo(home, 'screen', name, '--json');
    assert.equal(single.status, 0, single.stderr);
    const { row, ...response } = first!;
    assert.equal(row, 1);
    assert.deepEqual(response, JSON.parse(single.stdout));
  });

  test('CSV out: the summary columns, one row per input row', () => {
    const input = writeCsv('small2.csv', 120);
    const output = join(dir, 'small2.csv.out.csv');
    const r = embargo(home, 'screen', '--input', input, '--output', output, '--id-col', 'ref');
    assert.equal(r.status, 0, r.stderr);
    const rows = readFileSync(output, 'utf8').trimEnd().split('\n');
    assert.equal(
      rows[0],
      'row,id,name,match,top_score,top_id,top_name,top_programs,top_datasets,results_count,error,warnings',
    );
    assert.equal(rows.length, 121);
    const cells = rows.slice(1).map((l) => l.split(','));
    assert.deepEqual(
      cells.map((c) => c[0]),
      Array.from({ length: 120 }, (_, i) => String(i + 1)),
    );
    assert.deepEqual(
      cells.map((c) => c[1]),
      Array.from({ length: 120 }, (_, i) => `R${i + 1}`),
    );
    for (const c of cells) assert.match(c[3]!, /^(true|false)$/);
    // Listed names (every 10th row) are matches, against the UN list.
    const listedRows = rows.filter((l) => /^\d+0,R\d+0,/.test(l));
    assert.ok(
      listedRows.every((l) => l.includes(',true,') && l.includes('un_sc')),
      listedRows.join('\n'),
    );
  });

  test('rows with no usable name are reported with their row number and written with their error; rows with a bad qualifier are screened with a warning', () => {
    const input = join(dir, 'mixed.jsonl');
    const entity = (name: string, extra: Record<string, string[]> = {}, schema = 'Person') =>
      JSON.stringify({ schema, properties: { name: [name], ...extra } });
    const lines = [
      entity('Anna Brandt'), // 1
      '{"schema": "Person", "properties": {"name": ["Broken"]', // 2: invalid JSON
      entity(''), // 3: empty name
      entity('Bruno Gallo', { birthDate: ['1984-13-01'] }), // 4: not a date: dropped
      entity('Acme Space', {}, 'Spaceship'), // 5: unknown schema: screened as Thing
      entity('Ines\u0007Ivers'), // 6: control character: read as a space
      entity('x'.repeat(5000)), // 7: absurdly long
      JSON.stringify({ id: 'L-8', schema: 'Person', properties: { name: [listed[0]!.name] } }), // 8
      '',
      entity('Kemal Jurado'), // 9
    ];
    writeFileSync(input, lines.join('\n') + '\n');
    const output = join(dir, 'mixed.out.jsonl');
    const r = embargo(home, 'screen', '--input', input, '--output', output);
    assert.equal(r.status, 3, 'bad rows make exit 3');
    assert.match(r.stderr, /^row 2: invalid JSON/m);
    assert.match(r.stderr, /^row 3: name is empty$/m);
    assert.doesNotMatch(r.stderr, /^row [456]:/m);
    assert.match(r.stderr, /^row 7: name is 5,000 characters long/m);
    assert.match(r.stderr, /screened 9 rows: \d+ matched, 3 failed, 3 with warnings/);
    const out = jsonLines<{
      row: number;
      id?: string;
      error?: { code: string };
      results?: { id: string; match: boolean }[];
      warnings?: string[];
    }>(output);
    assert.deepEqual(
      out.map((l) => l.row),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.deepEqual(
      out.map((l) => l.error?.code ?? 'ok'),
      ['ok', 'E_INPUT_REFUSED', 'E_INVALID_QUERY', 'ok', 'ok', 'ok', 'E_INVALID_QUERY', 'ok', 'ok'],
    );
    assert.deepEqual(out[3]!.warnings, [
      'birthDate "1984-13-01": 13 is not a month; kept the year 1984',
    ]);
    assert.match(out[4]!.warnings![0]!, /^schema "Spaceship" is not one Embargo screens/);
    assert.deepEqual(out[5]!.warnings, [
      'name contains a control character (U+0007), read as a space',
    ]);
    for (const i of [3, 4, 5]) assert.ok(Array.isArray(out[i]!.results), `row ${i + 1} screened`);
    assert.equal(out[7]!.id, 'L-8');
    assert.ok(out[7]!.results!.some((x) => x.match && x.id === listed[0]!.id));
  });

  test('a short CSV row fills the error column of a CSV output, a bad date the warnings column', () => {
    const input = join(dir, 'short.csv');
    writeFileSync(
      input,
      'name,dob\nAnna Brandt,1970\nBruno Gallo\nChloé Ivers,1984-13-01\nElif Eklund,\n',
    );
    const output = join(dir, 'short.out.csv');
    const r = embargo(home, 'screen', '--input', input, '--output', output, '--dob-col', 'dob');
    assert.equal(r.status, 3);
    assert.match(r.stderr, /^row 2: 1 field, the header has 2$/m);
    const rows = readFileSync(output, 'utf8').trimEnd().split('\n').slice(1);
    assert.equal(rows.length, 4);
    assert.match(rows[0]!, /^1,,Anna Brandt,(true|false),.*,,$/);
    assert.match(rows[1]!, /^2,,Bruno Gallo,,,,,,,,"1 field, the header has 2",$/);
    assert.match(
      rows[2]!,
      /^3,,Chloé Ivers,(true|false),.*,,"birthDate ""1984-13-01"": 13 is not a month; kept the year 1984"$/,
    );
    assert.match(rows[3]!, /^4,,Elif Eklund,(true|false),/);
  });

  test('a missing column is exit 2, naming it and the header, before any output', () => {
    const input = writeCsv('cols.csv', 5);
    const output = join(dir, 'cols.jsonl');
    const r = embargo(
      home,
      'screen',
      '--input',
      input,
      '--output',
      output,
      '--name-col',
      'full_name',
    );
    assert.equal(r.status, 2, r.stderr);
    assert.match(
      r.stderr,
      /no column "full_name" \(--name-col\); the header has: "ref", "name", "dob", "country"/,
    );
    assert.equal(existsSync(output), false);
  });

  test('a missing input file is exit 3', () => {
    const r = embargo(
      home,
      'screen',
      '--input',
      join(dir, 'nope.csv'),
      '--output',
      join(dir, 'nope.jsonl'),
    );
    assert.equal(r.status, 3);
    assert.match(r.stderr, /nope\.csv: no such file/);
  });

  test('two worker processes give byte-identical output to one, and leave no process behind', () => {
    const input = writeCsv('big.csv', 3000);
    const run = (workers: string): [string, CliResult] => {
      const output = join(dir, `big-${workers}.jsonl`);
      const args = [
        '--id-col',
        'ref',
        '--dob-col',
        'dob',
        '--country-col',
        'country',
        '--workers',
        workers,
      ];
      return [output, embargo(home, 'screen', '--input', input, '--output', output, ...args)];
    };
    const [one, r1] = run('1');
    const [two, r2] = run('2');
    assert.equal(r1.status, 0, r1.stderr);
    assert.equal(r2.status, 0, r2.stderr);
    assert.match(r1.stderr, /screened 3,000 rows: .* \(in-process\)/);
    assert.match(r2.stderr, /screened 3,000 rows: .* \(2 workers\)/);
    const a = readFileSync(one);
    assert.equal(a.toString('utf8').split('\n').filter(Boolean).length, 3000);
    assert.ok(a.equals(readFileSync(two)), 'outputs differ');
    assert.deepEqual(processesWithHome(home), []);
  });

  test('compare --input: one JSON line per pair, in order, bad pairs reported', () => {
    const input = join(dir, 'pairs.csv');
    writeFileSync(
      input,
      `name1,name2\n${q(listed[0]!.name)},${q(listed[0]!.name)}\nAnna Brandt,Anna Brant\nBruno Gallo,\n`,
    );
    const output = join(dir, 'pairs.jsonl');
    const r = embargo(home, 'compare', '--input', input, '--output', output);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /^row 3: name2 is empty$/m);
    const out = jsonLines<{ row: number; score?: number; match?: boolean; error?: unknown }>(
      output,
    );
    assert.deepEqual(
      out.map((l) => l.row),
      [1, 2, 3],
    );
    assert.deepEqual(Object.keys(out[0]!), [
      'row',
      'name1',
      'name2',
      'schema',
      'algorithm',
      'score',
      'match',
      'explanations',
    ]);
    assert.equal(out[0]!.match, true);
    assert.ok(out[1]!.score! > 0.5);
    assert.ok(out[2]!.error);
  });
});
