import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  EmbargoError,
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
} from '../../../core/index.ts';
import type { XmlElement } from '../../_xml.ts';
import { collect, type RecordingContext } from '../testing.ts';
import { periodText } from './dates.ts';
import { ofacAdvancedFormat } from './index.ts';

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../../../test/fixtures/ofac_xml');
const SDN_ADV = join(FIXTURES, 'sdn', 'sdn_advanced.xml');
const CONS_ADV = join(FIXTURES, 'consolidated', 'cons_advanced.xml');
const sdnAdv = ofacAdvancedFormat({ id: 'ofac_sdn', blocking: true, fileName: 'sdn_advanced.xml' });
const consAdv = ofacAdvancedFormat({
  id: 'ofac_consolidated',
  blocking: false,
  fileName: 'cons_advanced.xml',
});
const rel = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);

/** A DatePeriod element from start and end dates ([y, m, d]) as the XSD lays it out. */
function period(a: number[], b: number[], approximate = false): XmlElement {
  const point = (name: string, [y, m, d]: number[]): XmlElement => ({
    name,
    attrs: {},
    text: '',
    line: 1,
    children: [
      { name: 'Year', attrs: {}, children: [], text: String(y), line: 1 },
      { name: 'Month', attrs: {}, children: [], text: String(m), line: 1 },
      { name: 'Day', attrs: {}, children: [], text: String(d), line: 1 },
    ],
  });
  const boundary = (name: string, p: number[]): XmlElement => ({
    name,
    attrs: { Approximate: String(approximate) },
    text: '',
    line: 1,
    children: [point('From', p), point('To', p)],
  });
  return {
    name: 'DatePeriod',
    attrs: { CalendarTypeID: '1' },
    text: '',
    line: 1,
    children: [boundary('Start', a), boundary('End', b)],
  };
}

test('date periods are written as the remarks write dates', () => {
  assert.equal(periodText(period([1961, 3, 5], [1961, 3, 5])), '05 Mar 1961');
  assert.equal(periodText(period([1961, 3, 1], [1961, 3, 31])), 'Mar 1961');
  assert.equal(periodText(period([1961, 2, 1], [1961, 2, 28])), 'Feb 1961');
  assert.equal(periodText(period([1958, 1, 1], [1958, 12, 31])), '1958');
  assert.equal(periodText(period([1958, 1, 1], [1958, 12, 31], true)), 'circa 1958');
  assert.equal(periodText(period([1962, 1, 1], [1964, 12, 31])), '1962 to 1964');
  assert.equal(periodText(period([1962, 3, 1], [1962, 5, 31])), 'Mar 1962 to May 1962');
  assert.equal(periodText(period([1961, 1, 1], [1961, 1, 1])), '01 Jan 1961');
  assert.equal(periodText(period([1961, 1, 2], [1962, 7, 9])), '02 Jan 1961 to 09 Jul 1962');
  assert.equal(
    periodText({ name: 'DatePeriod', attrs: {}, children: [], text: '', line: 1 }),
    undefined,
  );
});

describe('SDN_ADVANCED.XML: the hand-written fixture', () => {
  let entities: ListedEntity[];
  let ctx: RecordingContext;
  const byId = (ref: string): ListedEntity => {
    const e = entities.find((x) => x.sourceRecordId === ref);
    assert.ok(e, `FixedRef ${ref} not found`);
    return e;
  };
  before(async () => {
    ({ entities, ctx } = await collect(sdnAdv, { primary: SDN_ADV }));
  });

  test('every party is read, valid and counted; DateOfIssue is the publication date', () => {
    assert.deepEqual(
      entities.map((e) => e.id),
      ['ofac_sdn-101', 'ofac_sdn-102', 'ofac_sdn-103', 'ofac_sdn-106', 'ofac_sdn-107'],
    );
    for (const e of entities) validateListedEntity(e);
    assert.deepEqual([...ctx.counts], [[SDN_ADV, 5]]);
    assert.equal(ctx.publicationDate, '2026-03-02');
    assert.deepEqual(ctx.warnings, []);
  });

  test('a person: name parts by NamePartGroup, scripts, alias types, features and documents', () => {
    const p = byId('101');
    assert.equal(p.schema, 'Person'); // PartySubType "Unknown" → PartyType "Individual"
    assert.deepEqual(p.properties.name, ['TESTOV, Ivan Petrovich']);
    assert.deepEqual(p.properties.alias, ['ТЕСТОВ, Иван Петрович', 'TESTOV, Ivan']);
    assert.deepEqual(p.properties.weakAlias, ['IVANCHIK']);
    assert.deepEqual(p.properties.position, ['Director of Example Trading']);
    assert.deepEqual(p.properties.birthDate, ['1961-03-05', '1958']);
    assert.deepEqual(p.properties.birthPlace, ['Pyongyang, Korea, North']);
    assert.deepEqual(p.properties.nationality, ['kp']);
    assert.deepEqual(p.properties.citizenship, ['ru']);
    assert.deepEqual(p.properties.gender, ['male']); // a DetailReference value
    assert.deepEqual(rel(p, 'Passport')[0]!.properties, {
      holder: ['ofac_sdn-101'],
      number: ['745310001'],
      type: ['Passport'],
      country: ['kp'],
      startDate: ['2015-02-01'],
      endDate: ['2020-02-01'],
    });
    assert.equal(rel(p, 'Address')[0]!.id, 'ofac_sdn-101-addr-11');
    assert.deepEqual(p.programs, ['DPRK3', 'DPRK4']);
    // The listing date is the SanctionsEntry's EntryEvent.
    assert.equal(p.listingDate, '2016-12-02');
    assert.deepEqual(rel(p, 'Sanction')[0]!.properties.listingDate, ['2016-12-02']);
    assert.deepEqual(rel(p, 'UnknownLink')[0]!.properties, {
      subject: ['ofac_sdn-101'],
      object: ['ofac_sdn-102'],
      role: ['Associate Of'],
    });
  });

  test('a vessel: vessel features as columns, IMO and MMSI documents, flags from locations', () => {
    const v = byId('103');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.name, ['SEA EXAMPLE']);
    assert.deepEqual(v.properties.callSign, ['HMXX1']);
    assert.deepEqual(v.properties.type, ['Oil Tanker']);
    assert.deepEqual(v.properties.flag, ['kp']);
    assert.deepEqual(v.properties.pastFlags, ['pa']);
    assert.deepEqual(v.properties.tonnage, ['1200']);
    assert.deepEqual(v.properties.grossRegisteredTonnage, ['2345']);
    assert.deepEqual(v.properties.owner, ['ofac_sdn-102']);
    assert.deepEqual(v.properties.imoNumber, ['9123457']);
    assert.deepEqual(v.properties.mmsi, ['445123456']);
    assert.deepEqual(v.properties.buildDate, ['1998']);
    assert.deepEqual(rel(v, 'UnknownLink')[0]!.properties.role, ['Owned or Controlled By']);
  });

  test('a company, an aircraft and an organisation with n.k.a. and low-quality aliases', () => {
    const c = byId('102');
    assert.equal(c.schema, 'Company');
    assert.deepEqual(c.properties.imoNumber, ['5123456']);
    assert.deepEqual(c.properties.registrationNumber, ['7700112233']);
    assert.deepEqual(c.properties.incorporationDate, ['1999-01-15']);
    assert.deepEqual(c.properties.previousName, ['OLD EXAMPLE SHIPPING']);
    assert.deepEqual(rel(c, 'Address')[0]!.properties.full, [
      '5 Harbour Road, Église Building, Dock 3, Nampo, South Pyongan 10400, Korea, North',
    ]);
    const a = byId('106');
    assert.equal(a.schema, 'Airplane');
    assert.deepEqual(a.programs, ['SDGT', 'IRAN']);
    assert.deepEqual(a.properties.operator, ['ofac_sdn-107']);
    assert.deepEqual(a.properties.serialNumber, ['9324']);
    const o = byId('107');
    assert.deepEqual(o.properties.alias, ['EXAMPLE AIRWAYS']);
    assert.deepEqual(o.properties.weakAlias, ['EXAIR']);
    assert.deepEqual(o.properties.previousName, ['EXAMPLE AIRLINES']);
    assert.deepEqual(o.properties.leiCode, ['5493001KJTIIGC8Y1R12']);
    assert.deepEqual(o.properties.swiftBic, ['EXAMXXYY']);
  });

  test('raw keeps the party and the records it points to', () => {
    const raw = byId('101').raw as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(raw), [
      'DistinctParty',
      'IDRegDocuments',
      'Locations',
      'SanctionsEntries',
      'ProfileRelationships',
    ]);
    assert.equal(raw.IDRegDocuments!.length, 2);
    assert.deepEqual(raw.SanctionsEntries![0], {
      id: '8101',
      list: 'SDN List',
      programs: ['DPRK3', 'DPRK4'],
      measures: ['Block'],
      events: [{ type: 'Created', date: '2016-12-02' }],
    });
  });
});

test('CONS_ADVANCED.XML: a directive listing date wins over the entry date', async () => {
  const { entities } = await collect(consAdv, { primary: CONS_ADV });
  const [e] = entities as [ListedEntity];
  assert.equal(e.id, 'ofac_consolidated-201');
  assert.deepEqual(e.topics, ['export.risk']);
  assert.equal(e.listingDate, '2022-02-24');
  assert.deepEqual(rel(e, 'Sanction')[0]!.properties.startDate, ['2022-03-26']);
});

describe('advanced XML: wrong or broken files are refused, naming file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-adv-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const sdnText = readFileSync(SDN_ADV, 'utf-8');
  let n = 0;
  const file = (content: string, name = 'sdn_advanced.xml'): string => {
    const sub = join(dir, String(++n));
    mkdirSync(sub);
    const path = join(sub, name);
    writeFileSync(path, content);
    return path;
  };
  async function refuses(
    format: typeof sdnAdv,
    path: string,
    re: RegExp,
    line?: number,
  ): Promise<void> {
    let caught: unknown;
    try {
      await collect(format, { primary: path });
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof EmbargoError, `expected a refusal, got ${String(caught)}`);
    assert.equal(caught.code, 'E_INPUT_REFUSED');
    assert.match(caught.message, re);
    assert.equal(caught.file, path);
    if (line !== undefined) assert.equal(caught.line, line);
  }

  test('an HTML page', async () => {
    await refuses(sdnAdv, file('<html><body>Forbidden</body></html>'), /HTML page/);
  });

  test('a truncated download', async () => {
    const cut = sdnText.slice(0, sdnText.indexOf('<DistinctParty FixedRef="106">') + 40);
    await refuses(sdnAdv, file(cut), /truncated: file ends at line \d+ inside <DistinctParty>/);
  });

  test('sdn.xml under the advanced name (wrong root)', async () => {
    const xml = readFileSync(join(FIXTURES, 'sdn', 'sdn.xml'), 'utf-8');
    const line = xml.slice(0, xml.indexOf('<sdnList')).split('\n').length;
    await refuses(
      sdnAdv,
      file(xml),
      /root element <sdnList> \(OFAC SDN\/consolidated XML.*not OFAC sdn_advanced\.xml/,
      line,
    );
  });

  test('the other list’s advanced file', async () => {
    await refuses(
      sdnAdv,
      file(readFileSync(CONS_ADV, 'utf-8')),
      /all on non-SDN lists: this looks like the consolidated \(non-SDN\) advanced XML/,
    );
    await refuses(
      consAdv,
      file(sdnText, 'cons_advanced.xml'),
      /all on the SDN List: this looks like the SDN advanced XML/,
    );
  });

  test('parties before the reference values (against the XSD order)', async () => {
    const refs = sdnText.slice(
      sdnText.indexOf('  <ReferenceValueSets>'),
      sdnText.indexOf('  <Locations>'),
    );
    const moved = sdnText
      .replace(refs, '')
      .replace('  <SanctionsEntryLinks/>', refs + '  <SanctionsEntryLinks/>');
    await refuses(sdnAdv, file(moved), /<Location> before <ReferenceValueSets>/);
  });

  test('a party without a FixedRef, and a file without parties', async () => {
    await refuses(
      sdnAdv,
      file(sdnText.replace('<DistinctParty FixedRef="102">', '<DistinctParty>')),
      /DistinctParty without a numeric FixedRef/,
    );
    const none = sdnText.replace(
      /<DistinctParties>[\s\S]*<\/DistinctParties>/,
      '<DistinctParties/>',
    );
    await refuses(sdnAdv, file(none), /holds no DistinctParty/);
  });

  test('an unknown feature type or a relationship to a missing profile is a warning, not a refusal', async () => {
    const text = sdnText
      .replace('FeatureTypeID="26"', 'FeatureTypeID="999"')
      .replace('To-ProfileID="107"', 'To-ProfileID="777"');
    const { entities, ctx } = await collect(sdnAdv, { primary: file(text) });
    assert.equal(entities.length, 5);
    assert.equal(entities[0]!.properties.position, undefined);
    assert.deepEqual(
      ctx.warnings.map((w) => [w.field, w.record]),
      [
        ['Feature', '101'],
        [undefined, undefined],
      ],
    );
    assert.match(ctx.warnings[0]!.message, /FeatureTypeID 999 is not in the reference values/);
    assert.match(
      ctx.warnings[1]!.message,
      /1 profile relationship\(s\) point to profiles not in this file/,
    );
  });
});
