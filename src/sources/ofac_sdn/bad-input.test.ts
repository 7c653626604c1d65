import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { EmbargoError } from '../../core/index.ts';
import { collect } from '../_ofac/testing.ts';
import { source } from './index.ts';

const FIXTURES = resolve(
  fileURLToPath(import.meta.url),
  '../../../../test/fixtures/ofac_sdn/basic',
);
const SDN = readFileSync(join(FIXTURES, 'sdn.csv'));
const SDN_LINES = SDN.toString('latin1').replace('\x1a', '').split('\r\n').filter(Boolean);

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Writes `content` as `<n>/<name>` and returns its path. */
function file(content: string | Buffer, name = 'sdn.csv'): string {
  const sub = join(dir, String(++n));
  mkdirSync(sub);
  const path = join(sub, name);
  writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  return path;
}

/** Asserts that parsing rejects with INPUT_REFUSED, a message matching `re`, and `line`. */
async function refuses(
  files: Record<string, string>,
  re: RegExp,
  line?: number,
): Promise<EmbargoError> {
  let caught: unknown;
  try {
    await collect(source, files);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof EmbargoError, `expected a refusal, got ${String(caught)}`);
  assert.equal(caught.code, 'E_INPUT_REFUSED');
  assert.match(caught.message, re);
  if (line !== undefined) assert.equal(caught.line, line);
  return caught;
}

test('an empty sdn.csv is refused', async () => {
  await refuses({ primary: file('') }, /empty/, 1);
});

test('an HTML page saved as sdn.csv is refused', async () => {
  await refuses(
    { primary: file('<!DOCTYPE html>\n<html><body>Service unavailable</body></html>') },
    /HTML page/,
  );
});

test('a UTF-16 file is refused', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SDN_LINES[0]!, 'utf16le')]);
  await refuses({ primary: file(utf16) }, /UTF-16/);
});

test('a UN XML file given as sdn.csv is refused, saying what it is', async () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://scsanctions.un.org/resources/xml/sc-sanctions.xsd" dateGenerated="2026-02-27T00:00:09.554Z">\n<INDIVIDUALS>\n';
  await refuses(
    { primary: file(xml) },
    /looks like a UN Security Council XML file, not OFAC sdn\.csv/,
  );
});

test('a UK OFSI ConList CSV given as sdn.csv is refused, saying what it is', async () => {
  const uk =
    'Last Updated,13/04/2018\r\nName 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\r\n';
  await refuses({ primary: file(uk) }, /looks like a UK OFSI ConList CSV/);
});

test('another CSV whose first field is not an ent_num is refused naming the line', async () => {
  await refuses(
    { primary: file('name,type,program\r\nX,Y,Z\r\n') },
    /line 1: ent_num "name" is not a number/,
    1,
  );
});

test('a wrong column count in sdn.csv is refused naming the line', async () => {
  const lines = [...SDN_LINES];
  lines[2] = '103,"SEA EXAMPLE","vessel","DPRK4"';
  await refuses(
    { primary: file(lines.join('\r\n') + '\r\n\x1a') },
    /line 3: expected 12 columns \(OFAC sdn\.csv layout\), found 4/,
    3,
  );
});

test('a wrong column count in alt.csv is refused naming the line', async () => {
  await refuses(
    { primary: file(SDN), alt: file('101,1,"aka","X",-0- \r\n102,2,"aka"\r\n', 'alt.csv') },
    /alt\.csv: line 2: expected 5 columns/,
    2,
  );
});

test('a truncated sdn.csv (last line cut inside a quoted field) is refused naming the line', async () => {
  // Cut inside line 5's remarks, as a download stopped mid-record would be.
  const text = SDN_LINES.slice(0, 4).join('\r\n') + '\r\n' + SDN_LINES[4]!.slice(0, -20);
  const err = await refuses({ primary: file(text) }, /truncated/, 5);
  assert.match(err.message, /line 5/);
});

test('a load without sdn.csv is refused as incomplete', async () => {
  await refuses({ alt: file('101,1,"aka","X",-0- \r\n', 'alt.csv') }, /no sdn\.csv/);
});

test('a file without the Ctrl-Z end byte is read, with a warning', async () => {
  const { entities, ctx } = await collect(source, {
    primary: file(SDN_LINES.join('\r\n') + '\r\n'),
  });
  assert.equal(entities.length, SDN_LINES.length);
  assert.ok(ctx.warnings.some((w) => /Ctrl-Z/.test(w.message)));
});

test('a repeated ent_num is skipped with a warning naming both lines', async () => {
  const text = [...SDN_LINES, SDN_LINES[0]!].join('\r\n') + '\r\n\x1a';
  const { entities, ctx } = await collect(source, { primary: file(text) });
  assert.equal(entities.length, SDN_LINES.length);
  const w = ctx.warnings.find((x) => /repeats/.test(x.message));
  assert.ok(w);
  assert.equal(w.line, SDN_LINES.length + 1);
  assert.match(w.message, /ent_num 101 repeats the entry of line 1/);
});

test('auxiliary rows of unknown entries are reported once', async () => {
  const alt = file(
    '101,1,"aka","X",-0- \r\n999,2,"aka","Y",-0- \r\n998,3,"aka","Z",-0- \r\n\x1a',
    'alt.csv',
  );
  const { ctx } = await collect(source, { primary: file(SDN), alt });
  const w = ctx.warnings.filter((x) => /belong to no entry/.test(x.message));
  assert.equal(w.length, 1);
  assert.match(w[0]!.message, /2 row\(s\).*999, 998/);
});

test('impossible remark dates are dropped with a warning naming the line', async () => {
  const line =
    '1,"BAD DATES, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 00 Jan 1960; alt. DOB 31 Feb 1950; alt. DOB 2922."';
  const { entities, ctx } = await collect(source, { primary: file(`${line}\r\n\x1a`) });
  assert.deepEqual(entities[0]!.properties.birthDate, ['1960-01']);
  const dated = ctx.warnings.filter((w) => w.field === 'DOB');
  assert.equal(dated.length, 3);
  for (const w of dated) assert.equal(w.line, 1);
  assert.match(dated[1]!.message, /line 1: DOB: impossible date "31 Feb 1950" \(dropped\)/);
});

test('an unknown SDN_Type maps to LegalEntity with a warning', async () => {
  const line = '7,"ODD THING","spacecraft","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ';
  const { entities, ctx } = await collect(source, { primary: file(`${line}\r\n\x1a`) });
  assert.equal(entities[0]!.schema, 'LegalEntity');
  assert.match(ctx.warnings[0]!.message, /line 1: SDN_Type: unknown entry type "spacecraft"/);
});
