import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import {
  EmbargoError,
  validateListedEntity,
  type ListedEntity,
  type ParseWarning,
} from '../../core/index.ts';
import { source } from './index.ts';

// Hand-written, invented parties; UTF-8 (an accented name).
const FIXTURE = resolve(
  fileURLToPath(import.meta.url),
  '../../../../test/fixtures/us_bis_dpl/dpl.txt',
);
const TEXT = readFileSync(FIXTURE, 'utf8');
const LINES = TEXT.split('\n').filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'embargo-dpl-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++n}.txt`);
  writeFileSync(path, content);
  return path;
}

async function load(path: string) {
  const warnings: ParseWarning[] = [];
  const counts: Record<string, number> = {};
  const entities: ListedEntity[] = [];
  const ctx = {
    warn: (w: ParseWarning) => warnings.push(w),
    setPublicationDate: () => assert.fail('dpl.txt states no publication date'),
    countRecords: (f: string, c: number) => (counts[f] = c),
  };
  for await (const e of source.parse({ dpl: path }, ctx)) entities.push(e);
  return { entities, warnings, count: counts[path] };
}

async function refusal(path: string): Promise<EmbargoError> {
  try {
    await load(path);
  } catch (err) {
    assert.ok(err instanceof EmbargoError, String(err));
    assert.equal(err.code, 'E_INPUT_REFUSED');
    assert.equal(err.file, path);
    assert.ok(err.message.startsWith(path), err.message);
    return err;
  }
  assert.fail(`${path} was not refused`);
}

test('fixture: merging, dates, orders, countries', async () => {
  const { entities, warnings, count } = await load(FIXTURE);
  assert.equal(count, 5);
  assert.equal(entities.length, 3);
  for (const e of entities) validateListedEntity(e);
  const [john, exports, jose] = entities;

  assert.deepEqual(john!.properties.name, ['JOHN Q. EXAMPLE']);
  assert.equal(john!.schema, 'LegalEntity');
  assert.equal(john!.related.filter((r) => r.schema === 'Address').length, 2);
  assert.deepEqual(john!.properties.country, ['us', 'ae']);
  const js = john!.related.find((r) => r.schema === 'Sanction')!;
  assert.deepEqual(js.properties.authorityId, ['85 F.R. 1234']);
  assert.deepEqual(js.properties.modifiedAt, ['2020-01-21']);
  assert.deepEqual(js.properties.summary, [
    'Federal Register: 85 F.R. 1234 1/20/2020',
    'Action: F.R. NOTICE ADDED',
    'Federal Register: 85 F.R. 1234 1/20/2020 86 F.R. 99 1/2/2021',
    'Action: F.R. NOTICE UPDATED',
  ]);

  assert.equal(exports!.schema, 'Company');
  const es = exports!.related.find((r) => r.schema === 'Sanction')!;
  assert.deepEqual(es.properties.provisions, [
    'Denial of export privileges on non-standard terms (see the Federal Register notice)',
  ]);
  assert.equal(es.properties.endDate, undefined);
  assert.equal(es.properties.modifiedAt, undefined); // 2919 dropped

  // "JOSÉ "PEPE" FICTICIO" / "JOSE PEPE FICTICIO", "83F.R. 777" / "83 F.R. 777": one party.
  assert.deepEqual(jose!.properties.name, ['JOSÉ "PEPE" FICTICIO']);
  assert.deepEqual(jose!.properties.alias, ['JOSE PEPE FICTICIO']);
  assert.equal(jose!.listingDate, '2018-06-30'); // line 5's 13/01/2018 is dropped
  assert.deepEqual(jose!.properties.country, ['es']);
  const addrs = jose!.related.filter((r) => r.schema === 'Address');
  assert.deepEqual(
    addrs.map((a) => a.properties.full![0]),
    ['MADRID, ES', 'CALLE FALSA 123, MADRID'],
  );

  assert.deepEqual(
    warnings.map((w) => [w.line, w.field]),
    [
      [3, 'Last_Update'],
      [5, 'Effective_Date'],
      [6, 'Country'],
    ],
  );
  assert.match(
    warnings[1]!.message,
    /line 5: Effective_Date "13\/01\/2018" is not a real date; dropped/,
  );
});

test('refuses an empty file', async () => {
  assert.match((await refusal(file(''))).message, /empty/);
});

test('refuses an HTML page', async () => {
  assert.match(
    (await refusal(file('<html><head><title>404</title></head></html>'))).message,
    /HTML/,
  );
});

test('refuses UTF-16', async () => {
  const path = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
  assert.match((await refusal(path)).message, /UTF-16/);
});

test('refuses a header with missing columns, naming them', async () => {
  const header = LINES[0]!
    .split('\t')
    .filter((c) => c !== '"FR_Citation"' && c !== '"Action"')
    .join('\t');
  const rows = LINES.slice(1).map((l) => l.split('\t').slice(0, 10).join('\t'));
  const err = await refusal(file([header, ...rows].join('\n') + '\n'));
  assert.equal(err.line, 1);
  assert.match(err.message, /line 1: header lacks columns Action, FR_Citation/);
});

test('refuses a line with too few fields, naming it', async () => {
  const lines = [...LINES];
  lines[3] = lines[3]!.split('\t').slice(0, 4).join('\t');
  const err = await refusal(file(lines.join('\n') + '\n'));
  assert.equal(err.line, 4);
  assert.match(err.message, /line 4: expected 12 fields, found 4/);
});

test('refuses a file cut inside a quoted value', async () => {
  const err = await refusal(file(TEXT.slice(0, TEXT.lastIndexOf('CALLE') + 3)));
  assert.match(err.message, /malformed CSV/);
  assert.ok(err.line! >= 6);
});

test('refuses a header without rows', async () => {
  assert.match((await refusal(file(LINES[0] + '\n'))).message, /no data row/);
});

test("refuses another source's file", async () => {
  const eu = file('Date_file;Entity_logical_id;Subject_type\n01/02/2019;1;P\n');
  assert.match(
    (await refusal(eu)).message,
    /looks like an EU FSF CSV, not the BIS Denied Persons List/,
  );
  const ofac = file('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \r\n');
  assert.match((await refusal(ofac)).message, /looks like an OFAC legacy CSV/);
  const ofsi = file('Last Updated,13/04/2018\nName 6,Name 1\n');
  assert.match((await refusal(ofsi)).message, /looks like a UK OFSI ConList.csv/);
  const tsv = file('"Entity"\t"Program"\n"X"\t"Y"\n');
  assert.match(
    (await refusal(tsv)).message,
    /header does not match the BIS Denied Persons List layout/,
  );
});
