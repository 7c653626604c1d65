import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { EmbargoError } from '../../../core/index.ts';
import { collect } from '../testing.ts';
import { ofacXmlFormat } from './index.ts';

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../../../test/fixtures/ofac_xml');
const SDN = readFileSync(join(FIXTURES, 'sdn', 'sdn.xml'), 'utf-8');
const ADVANCED = readFileSync(join(FIXTURES, 'sdn', 'sdn_advanced.xml'), 'utf-8');
const format = ofacXmlFormat({ id: 'ofac_sdn', blocking: true, fileName: 'sdn.xml' });

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-xml-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Writes `content` as `<n>/sdn.xml` and returns its path. */
function file(content: string | Buffer): string {
  const sub = join(dir, String(++n));
  mkdirSync(sub);
  const path = join(sub, 'sdn.xml');
  writeFileSync(path, content);
  return path;
}

/** Asserts that parsing refuses the file with INPUT_REFUSED, naming it, matching `re` (and line). */
async function refuses(path: string, re: RegExp, line?: number): Promise<void> {
  let caught: unknown;
  let yielded = 0;
  try {
    const { entities } = await collect(format, { primary: path });
    yielded = entities.length;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof EmbargoError, `expected a refusal, got ${yielded} entities`);
  assert.equal(caught.code, 'E_INPUT_REFUSED');
  assert.match(caught.message, re);
  assert.equal(caught.file, path);
  if (line !== undefined) assert.equal(caught.line, line);
}

test('an empty file is refused', async () => {
  await refuses(file(''), /empty/, 1);
});

test('an HTML error page saved as sdn.xml is refused as such', async () => {
  await refuses(
    file(
      '<!DOCTYPE html>\n<html><head><title>503</title></head><body>Service Unavailable</body></html>',
    ),
    /HTML page, not OFAC sdn\.xml/,
  );
});

test('a download cut inside an entry is refused as truncated, naming the entry and line', async () => {
  const cut = SDN.slice(0, SDN.indexOf('<uid>106</uid>') + 20);
  const lines = cut.split('\n').length;
  const entryLine = SDN.slice(0, SDN.lastIndexOf('<sdnEntry>', SDN.indexOf('<uid>106'))).split(
    '\n',
  ).length;
  await refuses(
    file(cut),
    new RegExp(
      `truncated: file ends at line ${lines} inside <sdnEntry> opened at line ${entryLine}`,
    ),
    lines,
  );
});

test('a file cut after the last entry but before </sdnList> is refused too', async () => {
  await refuses(file(SDN.replace('</sdnList>', '')), /truncated: .*inside <sdnList>/);
});

test('the UN list in place of sdn.xml is refused, saying what it is', async () => {
  const un =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">\n<INDIVIDUALS/>\n</CONSOLIDATED_LIST>\n';
  await refuses(
    file(un),
    /root element <CONSOLIDATED_LIST> \(the UN Security Council consolidated list XML\): not OFAC sdn\.xml/,
    2,
  );
});

test('the advanced XML saved as sdn.xml is refused, saying what it is', async () => {
  await refuses(file(ADVANCED), /root element <Sanctions> \(OFAC advanced XML/);
});

test('a CSV file named sdn.xml is refused as not XML', async () => {
  await refuses(
    file('101,"TESTOV, Ivan","individual"\r\n'),
    /not an XML file: line 1 starts with "101,/,
    1,
  );
});

test('malformed XML is refused at its line', async () => {
  const bad = SDN.replace('<lastName>SEA EXAMPLE</lastName>', '<lastName>SEA EXAMPLE</lastNme>');
  const line = bad.slice(0, bad.indexOf('</lastNme>')).split('\n').length;
  await refuses(file(bad), /malformed XML at line \d+/, line);
});

test('an entry without a uid is refused at its line: it cannot keep its id', async () => {
  const bad = SDN.replace('<uid>102</uid>', '');
  const line = bad
    .slice(0, bad.lastIndexOf('<sdnEntry>', bad.indexOf('EXAMPLE SHIPPING CO., LTD.</lastName>')))
    .split('\n').length;
  await refuses(file(bad), /sdnEntry without a numeric uid/, line);
});

test('a well-formed sdnList without entries is refused', async () => {
  const empty = SDN.slice(0, SDN.indexOf('  <sdnEntry>')) + '</sdnList>\n';
  await refuses(file(empty), /holds no sdnEntry/);
});

test('nothing is handed out before a fault later in the file is found', async () => {
  const bad = SDN.replace('<uid>107</uid>', '<uid>X107</uid>');
  const path = file(bad);
  const seen: string[] = [];
  let caught: unknown;
  try {
    for await (const e of format.parse(
      { primary: path },
      { warn() {}, setPublicationDate() {}, countRecords() {} },
    ))
      seen.push(e.id);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof EmbargoError);
  assert.deepEqual(seen, []);
});
