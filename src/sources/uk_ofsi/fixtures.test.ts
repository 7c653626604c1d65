/**
 * Hand-written fixtures (invented names): mapping details and every kind of bad input.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { first, validateListedEntity, type ListedEntity } from '../../core/index.ts';
import { COLUMNS } from './layout.ts';
import { parseError, parseFile } from './testing.ts';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../../../test/fixtures/uk_ofsi');
const fixture = (name: string) => join(fixtures, name);
const tmp = mkdtempSync(join(tmpdir(), 'uk_ofsi-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function byId(entities: ListedEntity[], id: string): ListedEntity {
  const e = entities.find((x) => x.id === `uk_ofsi-${id}`);
  assert.ok(e, `entity ${id} missing`);
  return e;
}

describe('uk_ofsi fixture ConList.csv', async () => {
  const result = await parseFile(fixture('ConList.csv'));
  const { entities } = result;

  test('one entity per Group ID, in order of first appearance, all valid', () => {
    assert.deepEqual(
      entities.map((e) => e.sourceRecordId),
      ['90002', '90001', '90003', '90004'],
    );
    for (const e of entities) validateListedEntity(e);
    assert.equal(result.counts[fixture('ConList.csv')], 10);
    assert.equal(result.publicationDate, '2018-04-13');
  });

  test('rows of a Group ID that are not adjacent are merged into one target', () => {
    const company = byId(entities, '90002');
    assert.equal((company.raw as unknown[]).length, 3);
    assert.equal(company.schema, 'Company'); // "LTD"
    assert.deepEqual(company.properties.name, ['EXAMPLE TRADING CORPORATION LTD']);
    assert.deepEqual(company.properties.alias, ['EXAMPLE TRADING CORP']);
    assert.deepEqual(company.properties.previousName, ['OLD EXAMPLE TRADERS']);
    // Three rows, one address.
    assert.equal(company.related.filter((r) => r.schema === 'Address').length, 1);
  });

  test('a person: names, partial dates, Windows-1252 text, documents, UN reference', () => {
    const p = byId(entities, '90001');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.properties.name, ['Chol Su PAK']);
    assert.deepEqual(p.properties.firstName, ['Chol Su']);
    assert.deepEqual(p.properties.lastName, ['PAK']);
    assert.deepEqual(p.properties.alias, ['Chol-Su PAK']);
    assert.deepEqual(p.properties.previousName, ['Chol Sou PAK']);
    assert.deepEqual(p.properties.title, ['Mr']);
    assert.deepEqual(p.properties.birthDate, ['1970', '1971-05']);
    assert.deepEqual(p.properties.birthPlace, ['Chongjin Cité']);
    assert.deepEqual(p.properties.birthCountry, ['kp']);
    assert.deepEqual(p.properties.nationality, ['kp']);
    assert.deepEqual(p.properties.passportNumber, ['123456789']);
    assert.deepEqual(p.properties.country, ['kp']);
    assert.match(p.remarks[0]!, /Workers’ Party/);
    assert.deepEqual(p.programs, [
      "North Korea (Democratic People's Republic of Korea)",
      'Iran (nuclear proliferation)',
      'KPi',
    ]);
    assert.equal(p.listingDate, '2017-12-22'); // earliest of 22/12/2017 and 15/01/2018
    const sanction = p.related.find((r) => r.schema === 'Sanction')!;
    assert.equal(sanction.id, 'uk_ofsi-90001-sanction');
    assert.deepEqual(sanction.properties.unscId, ['KPi.999']);
    assert.deepEqual(sanction.properties.authority, [
      'HM Treasury Office of Financial Sanctions Implementation',
    ]);
    assert.deepEqual(sanction.properties.country, ['gb']);
    assert.deepEqual(sanction.properties.modifiedAt, ['2018-01-09']);
    const passport = p.related.find((r) => r.schema === 'Passport')!;
    assert.equal(passport.id, 'uk_ofsi-90001-id-1');
    assert.deepEqual(passport.properties.summary, ['Passport No. 123456789']);
    assert.deepEqual(p.topics, ['sanction']);
    const raw = p.raw as Record<string, string>[];
    assert.equal(raw.length, 5);
    assert.equal(raw[0]!['Name 6'], ' PAK'); // as read, untrimmed
    assert.deepEqual(Object.keys(raw[0]!), [...COLUMNS]);
  });

  test('an Entity whose text gives a ship IMO number is a Vessel', () => {
    const v = byId(entities, '90003');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.imoNumber, ['1234567']);
    assert.deepEqual(v.properties.mmsi, ['445000001']);
    assert.deepEqual(v.properties.flag, ['pa']);
  });

  test('an impossible date and an unknown nationality are dropped with warnings naming the line', () => {
    const ri = byId(entities, '90004');
    assert.equal(ri.properties.birthDate, undefined);
    assert.equal(ri.properties.nationality, undefined);
    const dob = result.warnings.find((w) => w.field === 'DOB');
    assert.ok(dob);
    assert.equal(dob.line, 9);
    assert.equal(dob.record, '90004');
    assert.equal(dob.file, fixture('ConList.csv'));
    assert.equal(dob.message, 'DOB "31/02/1970" is not a real date; dropped');
    const nat = result.warnings.find((w) => w.field === 'Nationality');
    assert.equal(nat?.line, 9);
    assert.equal(nat!.message, 'Nationality "Atlantean" names no known country; dropped');
    assert.equal(result.warnings.length, 2);
    assert.equal(first(ri, 'name'), 'Invented RI');
  });

  test('a UTF-8 copy of the file reads the same names', async () => {
    const utf8 = join(tmp, 'ConList-utf8.csv');
    const text = new TextDecoder('windows-1252').decode(readFileSync(fixture('ConList.csv')));
    writeFileSync(utf8, text, 'utf8');
    const again = await parseFile(utf8);
    assert.deepEqual(
      again.entities.map((e) => e.properties),
      entities.map((e) => e.properties),
    );
  });
});

describe('uk_ofsi refuses bad input', () => {
  const refusal = async (path: string, pattern: RegExp, line?: number) => {
    const err = await parseError(path);
    assert.equal(err.code, 'E_INPUT_REFUSED', err.message);
    assert.match(err.message, pattern);
    assert.ok(err.message.startsWith(path), err.message);
    if (line !== undefined) assert.equal(err.line, line);
  };

  test('empty file', async () => {
    const path = join(tmp, 'empty.csv');
    writeFileSync(path, '');
    await refusal(path, /file is empty/, 1);
  });

  test('HTML page saved in place of the list', () => refusal(fixture('html.csv'), /HTML page/, 1));

  test('UTF-16 file', async () => {
    const path = join(tmp, 'utf16.csv');
    const text = readFileSync(fixture('ConList.csv'), 'latin1');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await refusal(path, /UTF-16/, 1);
  });

  test('UTF-16 without a byte-order mark', async () => {
    const path = join(tmp, 'utf16-nobom.csv');
    writeFileSync(path, Buffer.from(readFileSync(fixture('ConList.csv'), 'latin1'), 'utf16le'));
    await refusal(path, /binary data/);
  });

  test('wrong header, naming line 2 and the column', () =>
    refusal(
      fixture('wrong-header.csv'),
      /line 2: header does not match the old 29-column OFSI ConList layout: column 8 is "Date of Birth", expected "DOB"/,
      2,
    ));

  test('a newer OFSI layout is named as such', () =>
    refusal(
      fixture('newer-layout.csv'),
      /line 2: .*newer OFSI ConList layout.*different parser/,
      2,
    ));

  test('a line with missing columns', () =>
    refusal(fixture('missing-columns.csv'), /line 4: expected 29 columns, found 12/, 4));

  test('a file cut inside a quoted field', () =>
    refusal(
      fixture('truncated.csv'),
      /truncated: the file ends inside a quoted field of the record starting on line 8/,
      8,
    ));

  test('a file with a header but no rows', () =>
    refusal(fixture('header-only.csv'), /header but no name rows/, 2));

  test('a UN XML file', () =>
    refusal(fixture('un.xml'), /UN Security Council consolidated list XML, not a CSV/, 1));

  test('an OFAC sdn.csv', () => refusal(fixture('sdn.csv'), /OFAC legacy CSV/, 1));

  test('a row without any name', async () => {
    const path = join(tmp, 'no-name.csv');
    const lines = readFileSync(fixture('ConList.csv'), 'latin1').split('\r\n');
    assert.ok(lines[3]!.startsWith(' PAK,Chol Su ,'));
    lines[3] = lines[3]!.replace(' PAK,Chol Su ,', ',,');
    writeFileSync(path, lines.join('\r\n'), 'latin1');
    await refusal(path, /line 4: the row has no name/, 4);
  });

  test('a row without Group ID', async () => {
    const path = join(tmp, 'no-group.csv');
    const lines = readFileSync(fixture('ConList.csv'), 'latin1').split('\r\n');
    lines[3] = lines[3]!.replace(/,90001$/, ',');
    writeFileSync(path, lines.join('\r\n'), 'latin1');
    await refusal(path, /line 4: the Group ID is empty/, 4);
  });
});
