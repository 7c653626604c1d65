import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { EmbargoError } from '../../../core/index.ts';
import { fixture, load, refusal } from './testing.ts';

const FULL = readFileSync(fixture('full.xml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'embargo-eu-xml-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string): string {
  const path = join(dir, `eu_fsf-${++n}.xml`);
  writeFileSync(path, content, 'utf8');
  return path;
}

/** Refused, naming the file (first in the message and in `file`) and the line. */
async function refused(content: string, line: number): Promise<EmbargoError> {
  const path = file(content);
  const err = await refusal(path);
  assert.equal(err.file, path);
  assert.ok(err.message.startsWith(path), err.message);
  assert.equal(err.line, line, err.message);
  return err;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

test('refuses an HTML page served in place of the list', async () => {
  const err = await refused(
    '<!DOCTYPE html>\n<html><head><title>EU Login</title></head><body>Sign in</body></html>\n',
    1,
  );
  assert.match(err.message, /HTML page, not the EU FSF consolidated list XML/);
});

test('refuses a truncated download, naming the record it ends in', async () => {
  const cut = FULL.slice(0, FULL.indexOf('<address city="Belgrade"'));
  const err = await refused(cut, 55);
  assert.match(
    err.message,
    /truncated: file ends at line 55 inside <sanctionEntity> opened at line 41/,
  );
});

test('refuses a file cut right after the last record (no closing </export>)', async () => {
  const err = await refused(FULL.slice(0, FULL.lastIndexOf('</export>')), 75);
  assert.match(err.message, /truncated: .* inside <export>/);
});

test("refuses another list's XML, naming it", async () => {
  const un = await refused(
    `${HEAD}<CONSOLIDATED_LIST dateGenerated="2024-01-01">\n</CONSOLIDATED_LIST>\n`,
    2,
  );
  assert.match(
    un.message,
    /root element is <CONSOLIDATED_LIST>, expected <export>: this looks like the UN Security Council consolidated list XML/,
  );
  const ofac = await refused(
    `${HEAD}\n<sdnList xmlns="http://tempuri.org/sdnList.xsd"></sdnList>\n`,
    3,
  );
  assert.match(ofac.message, /this looks like OFAC SDN\/consolidated XML/);
  const other = await refused(`${HEAD}<catalogue/>\n`, 2);
  assert.match(
    other.message,
    /root element is <catalogue>, expected <export>: this is not the EU FSF/,
  );
});

test('refuses an <export> of another namespace', async () => {
  const err = await refused(`${HEAD}<export xmlns="urn:example:other">\n</export>\n`, 2);
  assert.match(
    err.message,
    /namespace "urn:example:other", expected "http:\/\/eu\.europa\.ec\/fpi\/fsd\/export"/,
  );
});

test('refuses an export without records, a record without logicalId and a repeated logicalId', async () => {
  const root = '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01">';
  const empty = await refused(`${HEAD}${root}\n</export>\n`, 1);
  assert.match(empty.message, /no <sanctionEntity> elements in <export>/);
  const entity = (id: string) =>
    `<sanctionEntity${id}><subjectType classificationCode="P"/><nameAlias wholeName="A B" strong="true"/></sanctionEntity>`;
  const noId = await refused(`${HEAD}${root}\n${entity('')}\n</export>\n`, 3);
  assert.match(noId.message, /line 3: <sanctionEntity> has no logicalId/);
  const twice = await refused(
    `${HEAD}${root}\n${entity(' logicalId="7"')}\n\n${entity(' logicalId="7"')}\n</export>\n`,
    5,
  );
  assert.match(twice.message, /line 5: duplicate <sanctionEntity> logicalId 7 \(first at line 3\)/);
});

test('refuses a CSV named .xml, malformed XML and an empty file', async () => {
  const csv = await refused('Date_file;Entity_logical_id;Subject_type\n', 1);
  assert.match(csv.message, /not an XML file: line 1 starts with "Date_file/);
  const bad = await refused(
    FULL.replace(
      '<subjectType code="enterprise" classificationCode="E"/>',
      '<subjectType code="enterprise">',
    ),
    61,
  );
  // The fault shows where the record closes over the unclosed element.
  assert.match(
    bad.message,
    /malformed XML at line 61, column \d+: unexpected close tag.*\(inside <subjectType> opened at line 45\)/,
  );
  assert.match((await refused('', 1)).message, /file is empty/);
});

test('a missing generationDate is a warning, not a refusal', async () => {
  const { warnings, publicationDate, entities } = await load({
    xml: file(FULL.replace(/ generationDate="[^"]*"/, '')),
  });
  assert.equal(publicationDate, undefined);
  assert.equal(entities.length, 3);
  const w = warnings.find((x) => x.field === 'generationDate')!;
  assert.match(w.message, /line 3: no generationDate on <export>; publication date unknown/);
});
