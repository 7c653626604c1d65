// The UN parser on small hand-written files: field mapping, dropped values, and every kind of
// bad input refused with file and line.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  EmbargoError,
  ERROR_CODES,
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
} from '../../core/index.ts';
import { collect, fixture } from './testContext.ts';

const related = (e: ListedEntity, suffix: string): FtmEntity | undefined =>
  e.related.find((r) => r.id === `${e.id}-${suffix}`);

describe('un_sc sample fixture', async () => {
  const path = fixture('sample.xml');
  const { entities, warnings, publicationDate, counts } = await collect(path);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const person = byId.get('un_sc-KPi.901')!;
  const company = byId.get('un_sc-KPe.901')!;

  test('reads all records, the publication date and the count', () => {
    assert.deepEqual(
      entities.map((e) => e.id),
      ['un_sc-KPi.901', 'un_sc-QDi.901', 'un_sc-KPe.901', 'un_sc-QDe.901'],
    );
    assert.equal(publicationDate, '2025-06-30');
    assert.deepEqual(counts, { [path]: 4 });
    for (const e of entities) validateListedEntity(e);
  });

  test('individual: names, ids, programs and topics', () => {
    assert.equal(person.schema, 'Person');
    assert.equal(person.sourceRecordId, 'KPi.901');
    assert.deepEqual(person.programs, ['DPRK', 'KPi']);
    assert.deepEqual(person.topics, ['sanction']);
    // "na" in FOURTH_NAME is "not available", not a name part.
    assert.deepEqual(person.properties.name, ['PAK SONG CHOL EXAMPLE']);
    assert.deepEqual(person.properties.firstName, ['PAK']);
    assert.deepEqual(person.properties.secondName, ['SONG CHOL']);
    assert.deepEqual(person.properties.middleName, ['EXAMPLE']);
    assert.deepEqual(person.properties.alias, ['Pak Song-chol', '박성철']);
    assert.deepEqual(person.properties.weakAlias, ['Teacher']);
    assert.deepEqual(person.properties.title, ['Dr.']);
    assert.deepEqual(person.properties.position, ['Director of Example Trading Corporation']);
    assert.deepEqual(person.properties.gender, ['male']);
    assert.deepEqual(person.remarks, ['Invented official of an invented\nministry. Gender: male.']);
    assert.equal(person.listingDate, '2016-11-30');
  });

  test('individual: nationality, dates and places of birth', () => {
    // "na" is dropped silently, "Atlantis" with a warning.
    assert.deepEqual(person.properties.nationality, ['kp']);
    assert.deepEqual(person.properties.birthDate, [
      '1970-01-15',
      '1965',
      '1966',
      '1967',
      '1960',
      '1973-11',
      '1958-09',
      '1969',
    ]);
    assert.deepEqual(person.properties.notes, [
      'Date of birth: 12/03/1390 (Hijri Calendar)',
      'Passport: Example passport number X 000111, expired in 2001',
    ]);
    assert.deepEqual(person.properties.birthPlace, [
      "Hamhung, South Hamgyong Province, Democratic People's Republic of Korea",
      'Kaesong',
    ]);
    assert.deepEqual(person.properties.birthCountry, ['kp']);
  });

  test('individual: documents, address and sanction', () => {
    assert.deepEqual(person.properties.passportNumber, ['990011223']);
    assert.deepEqual(person.properties.idNumber, ['KP-123-456']);
    const passport = related(person, 'id-1')!;
    assert.equal(passport.schema, 'Passport');
    assert.deepEqual(passport.properties, {
      holder: ['un_sc-KPi.901'],
      number: ['990011223'],
      type: ['Passport'],
      country: ['kp'],
      startDate: ['2011-06-06'],
      summary: ['expires on 5 Jun. 2016'],
    });
    const id = related(person, 'id-2')!;
    assert.equal(id.schema, 'Identification');
    assert.deepEqual(id.properties.type, ['National Identification Number']);
    assert.deepEqual(id.properties.summary, ['citizen card']);
    assert.deepEqual(id.properties.authority, ['Pyongyang']);
    assert.equal(related(person, 'id-3'), undefined);

    const addr = related(person, 'addr-1')!;
    assert.deepEqual(addr.properties.full, [
      "Central District, Pyongyang, Democratic People's Republic of Korea",
    ]);
    assert.deepEqual(addr.properties.remarks, ['as of 2020']);
    assert.equal(related(person, 'addr-2'), undefined, 'empty address element skipped');
    assert.deepEqual(person.properties.country, ['kp']);

    const sanction = related(person, 'sanction')!;
    assert.deepEqual(sanction.properties, {
      entity: ['un_sc-KPi.901'],
      authority: ['United Nations Security Council'],
      program: ['DPRK', 'KPi'],
      unscId: ['KPi.901'],
      listingDate: ['2016-11-30'],
      modifiedAt: ['2022-07-26'],
      provisions: ['Asset freeze', 'Travel ban', 'Arms embargo'],
    });
  });

  test('f.k.a. alias, unknown gender, note-only address', () => {
    const p = byId.get('un_sc-QDi.901')!;
    assert.deepEqual(p.programs, ['Al-Qaida', 'QDi']);
    assert.deepEqual(p.properties.previousName, ['Jane Oldname']);
    assert.equal(p.properties.gender, undefined);
    assert.deepEqual(p.remarks, []);
    assert.deepEqual(related(p, 'addr-1')!.properties.full, [
      'Believed to be in the border region',
    ]);
    assert.equal(related(p, 'sanction')!.properties.modifiedAt, undefined);
  });

  test('entity: company with an IMO company number, aliases, addresses', () => {
    assert.equal(company.schema, 'Company');
    assert.deepEqual(company.properties.name, ['EXAMPLE OCEAN SHIPPING CO']);
    assert.deepEqual(company.properties.imoNumber, ['5000001']);
    assert.deepEqual(company.properties.alias, ['"EOS"']);
    assert.deepEqual(company.properties.previousName, ['OLD EXAMPLE MARINE']);
    assert.deepEqual(company.programs, ['DPRK', 'KPe']);
    assert.deepEqual(related(company, 'addr-2')!.properties.full, [
      'Branch Office 2: Example Street, Dubai, United Arab Emirates',
    ]);
    assert.deepEqual(related(company, 'sanction')!.properties.provisions, [
      'Asset freeze',
      'Arms embargo',
    ]);
  });

  test('entity: organisation, entities and CDATA in names, raw record', () => {
    const org = byId.get('un_sc-QDe.901')!;
    assert.equal(org.schema, 'Organization');
    assert.deepEqual(org.properties.name, ['EXAMPLE FRONT & FRIENDS']);
    assert.deepEqual(org.properties.alias, ['THE FRONT']);
    assert.equal(org.listingDate, undefined, 'impossible LISTED_ON dropped');
    assert.equal(org.properties.country, undefined);
    const raw = org.raw as Record<string, unknown>;
    assert.equal(raw.REFERENCE_NUMBER, 'QDe.901');
    assert.deepEqual(raw.ENTITY_ALIAS, [
      { QUALITY: 'x.y.z.', ALIAS_NAME: 'THE FRONT' },
      { QUALITY: '', ALIAS_NAME: '' },
    ]);
  });

  test('bad values are dropped with warnings naming file, line, field and record', () => {
    const got = warnings.map((w) => [w.record, w.field, w.line, w.file === path]);
    assert.deepEqual(got, [
      ['KPi.901', 'NATIONALITY', 29, true],
      ['KPi.901', 'DATE', 91, true],
      ['QDi.901', 'GENDER', 128, true],
      ['QDe.901', 'LISTED_ON', 191, true],
      ['QDe.901', 'QUALITY', 200, true],
      ['QDe.901', 'ENTITY_ADDRESS', 208, true],
    ]);
    assert.match(warnings[0]!.message, /unknown country "Atlantis"/);
    assert.match(warnings[1]!.message, /invalid date "1975-02-30"/);
  });
});

/** Expects the parse of `path` to be refused with this line and a message matching `pattern`. */
async function assertRefused(path: string, line: number | undefined, pattern: RegExp) {
  await assert.rejects(collect(path), (err: unknown) => {
    assert.ok(err instanceof EmbargoError, `expected EmbargoError, got ${String(err)}`);
    assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
    assert.equal(err.file, path);
    assert.equal(err.line, line);
    assert.ok(err.message.startsWith(path), err.message);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('un_sc refuses bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-un_sc-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('empty file', () => assertRefused(fixture('empty.xml'), 1, /file is empty/));
  test('HTML page', () => assertRefused(fixture('page.html'), 1, /HTML page/));
  test('XML whose root is <html>', () =>
    assertRefused(fixture('html-root.xml'), 2, /root element is <html>.*an HTML page/));
  test('OFAC CSV in its place', () =>
    assertRefused(fixture('sdn.csv'), 1, /not an XML file: line 1 starts with "900001,/));
  test('another list’s XML (OFAC sdnList)', () =>
    assertRefused(fixture('other-root.xml'), 2, /root element is <sdnList>.*OFAC/));
  test('truncated (hand fixture)', () =>
    assertRefused(
      fixture('truncated.xml'),
      13,
      /truncated: file ends at line 13 inside <INDIVIDUAL> opened at line 10/,
    ));
  test('malformed XML', () =>
    assertRefused(
      fixture('malformed.xml'),
      5,
      /malformed XML at line 5, column \d+: unexpected close tag.*inside <FIRST_NAME> opened at line 5/,
    ));
  test('XML declaring another encoding', () =>
    assertRefused(fixture('latin1-declared.xml'), 1, /declares encoding "ISO-8859-1"/));
  test('a list without records', () =>
    assertRefused(fixture('no-records.xml'), undefined, /no INDIVIDUAL or ENTITY records/));
  test('two records with one reference number', () =>
    assertRefused(
      fixture('duplicate.xml'),
      9,
      /duplicate REFERENCE_NUMBER KPi.901 \(first at line 4\)/,
    ));
  test('a record without reference number', () =>
    assertRefused(fixture('no-reference.xml'), 4, /<ENTITY> has no REFERENCE_NUMBER/));

  test('Latin-1 bytes in a file read as UTF-8', async () => {
    const path = join(dir, 'latin1.xml');
    const text = readFileSync(fixture('sample.xml'), 'utf8')
      .replace('박성철', 'Pak')
      .replace('Hamhung', 'Hamh\u00fcng');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const line = text.split('\n').findIndex((l) => l.includes('Hamh\u00fcng')) + 1;
    await assertRefused(path, line, /not valid UTF-8 near line \d+/);
  });
});
