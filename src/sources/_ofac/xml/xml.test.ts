import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../../core/index.ts';
import { collect, type RecordingContext } from '../testing.ts';
import { ofacXmlFormat } from './index.ts';

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../../../test/fixtures/ofac_xml');
const SDN_XML = join(FIXTURES, 'sdn', 'sdn.xml');
const sdnXml = ofacXmlFormat({ id: 'ofac_sdn', blocking: true, fileName: 'sdn.xml' });
const consXml = ofacXmlFormat({
  id: 'ofac_consolidated',
  blocking: false,
  fileName: 'consolidated.xml',
});

const rel = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);

describe('sdn.xml: the hand-written fixture', () => {
  let entities: ListedEntity[];
  let ctx: RecordingContext;
  const byId = (uid: string): ListedEntity => {
    const e = entities.find((x) => x.sourceRecordId === uid);
    assert.ok(e, `uid ${uid} not found`);
    return e;
  };
  before(async () => {
    ({ entities, ctx } = await collect(sdnXml, { primary: SDN_XML }));
  });

  test('every entry is read, valid and counted; Publish_Date is the publication date', () => {
    assert.deepEqual(
      entities.map((e) => e.id),
      ['ofac_sdn-101', 'ofac_sdn-102', 'ofac_sdn-103', 'ofac_sdn-106', 'ofac_sdn-107'],
    );
    for (const e of entities) validateListedEntity(e);
    assert.deepEqual([...ctx.counts], [[SDN_XML, 5]]);
    assert.equal(ctx.publicationDate, '2026-03-02');
    assert.deepEqual(ctx.warnings, []);
  });

  test('a person: name parts, title, birth lists, nationality, citizenship, idList, akaList', () => {
    const p = byId('101');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.properties.name, ['TESTOV, Ivan Petrovich']);
    assert.deepEqual(p.properties.lastName, ['TESTOV']);
    assert.deepEqual(p.properties.firstName, ['Ivan Petrovich']);
    assert.deepEqual(p.properties.position, ['Director of Example Trading']);
    assert.deepEqual(p.properties.birthDate, ['1961-03-05', '1958']);
    assert.deepEqual(p.properties.birthPlace, ['Pyongyang, Korea, North']);
    assert.deepEqual(p.properties.birthCountry, ['kp']);
    assert.deepEqual(p.properties.nationality, ['kp']);
    assert.deepEqual(p.properties.citizenship, ['ru']);
    assert.deepEqual(p.properties.gender, ['male']);
    // category strong → alias (alt.csv), weak → weakAlias (the remarks' a.k.a.).
    assert.deepEqual(p.properties.alias, ['TESTOV, Ivan']);
    assert.deepEqual(p.properties.weakAlias, ['IVANCHIK']);
    assert.deepEqual(p.programs, ['DPRK3', 'DPRK4']);
    assert.deepEqual(rel(p, 'Passport')[0]!.properties, {
      holder: ['ofac_sdn-101'],
      number: ['745310001'],
      type: ['Passport'],
      country: ['kp'],
      startDate: ['2015-02-01'],
      endDate: ['2020-02-01'],
    });
    assert.deepEqual(rel(p, 'Identification')[0]!.properties.number, ['1234-5678']);
    assert.deepEqual(rel(p, 'Identification')[0]!.properties.country, ['ru']);
    assert.equal(rel(p, 'Address')[0]!.id, 'ofac_sdn-101-addr-11');
    // "(Linked To: X.)": the parentheses go, the name resolves with its final period.
    assert.deepEqual(rel(p, 'UnknownLink')[0]!.properties.object, ['ofac_sdn-102']);
    assert.ok(
      rel(p, 'Sanction')[0]!.properties.provisions!.includes(
        'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
      ),
    );
  });

  test('a company: IMO company number, registration, fka, address lines composed as add.csv', () => {
    const c = byId('102');
    assert.equal(c.schema, 'Company');
    assert.deepEqual(c.properties.imoNumber, ['5123456']);
    assert.deepEqual(c.properties.registrationNumber, ['7700112233']);
    assert.deepEqual(c.properties.website, ['www.example-shipping.test']);
    assert.deepEqual(c.properties.incorporationDate, ['1999-01-15']);
    assert.deepEqual(c.properties.previousName, ['OLD EXAMPLE SHIPPING']);
    assert.deepEqual(rel(c, 'Address')[0]!.properties, {
      full: ['5 Harbour Road, Église Building, Dock 3, Nampo, South Pyongan 10400, Korea, North'],
      street: ['5 Harbour Road, Église Building, Dock 3'],
      city: ['Nampo, South Pyongan 10400'],
      country: ['kp'],
    });
  });

  test('a vessel: vesselInfo, IMO and MMSI from idList, owner resolved to a listed entity', () => {
    const v = byId('103');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.callSign, ['HMXX1']);
    assert.deepEqual(v.properties.type, ['Oil Tanker']);
    assert.deepEqual(v.properties.flag, ['kp']);
    assert.deepEqual(v.properties.tonnage, ['1200']);
    assert.deepEqual(v.properties.grossRegisteredTonnage, ['2345']);
    assert.deepEqual(v.properties.owner, ['ofac_sdn-102']);
    assert.deepEqual(v.properties.imoNumber, ['9123457']);
    assert.deepEqual(v.properties.mmsi, ['445123456']);
    assert.deepEqual(v.properties.pastFlags, ['pa']);
    assert.deepEqual(v.properties.buildDate, ['1998']);
    // An address element without content makes no Address.
    assert.deepEqual(rel(v, 'Address'), []);
  });

  test('an aircraft and its operator; nka, weak aka and weak fka of an organisation', () => {
    const a = byId('106');
    assert.equal(a.schema, 'Airplane');
    assert.deepEqual(a.programs, ['SDGT', 'IRAN']);
    assert.deepEqual(a.properties.model, ['BD-700-1A11']);
    assert.deepEqual(a.properties.serialNumber, ['9324']);
    assert.deepEqual(a.properties.registrationNumber, ['9X-ABC']);
    assert.deepEqual(a.properties.buildDate, ['2006']);
    assert.deepEqual(a.properties.operator, ['ofac_sdn-107']);
    const o = byId('107');
    assert.deepEqual(o.properties.alias, ['EXAMPLE AIRWAYS']);
    assert.deepEqual(o.properties.weakAlias, ['EXAIR']);
    assert.deepEqual(o.properties.previousName, ['EXAMPLE AIRLINES']);
    assert.deepEqual(o.properties.swiftBic, ['EXAMXXYY']);
    assert.deepEqual(o.properties.leiCode, ['5493001KJTIIGC8Y1R12']);
  });

  test('raw is the sdnEntry element as plain JSON', () => {
    const raw = byId('103').raw as Record<string, unknown>;
    assert.equal(raw.uid, '103');
    assert.deepEqual((raw.vesselInfo as Record<string, string>).callSign, 'HMXX1');
  });
});

test('consolidated.xml (older tempuri namespace): non-SDN restrictions and directive dates', async () => {
  const { entities, ctx } = await collect(consXml, {
    primary: join(FIXTURES, 'consolidated', 'consolidated.xml'),
  });
  assert.equal(entities.length, 1);
  const [e] = entities as [ListedEntity];
  assert.equal(e.id, 'ofac_consolidated-201');
  assert.deepEqual(e.topics, ['export.risk']);
  assert.equal(e.listingDate, '2022-02-24');
  const sanction = rel(e, 'Sanction')[0]!;
  assert.deepEqual(sanction.properties.startDate, ['2022-03-26']);
  assert.match(sanction.properties.provisions![0]!, /^Sectoral Sanctions Identifications/);
  assert.ok(
    sanction.properties.provisions!.includes(
      'Executive Order 13662 Directive Determination - Subject to Directive 2',
    ),
  );
  assert.deepEqual(e.properties.innCode, ['7700000001']);
  assert.deepEqual(e.properties.ogrnCode, ['1027700000001']);
  assert.equal(ctx.publicationDate, '2026-03-02');
});

describe('sdn.xml: doubtful values are warned about, naming file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-xml-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const original = readFileSync(SDN_XML, 'utf-8');
  let n = 0;
  const variant = (edit: (s: string) => string): string => {
    const sub = join(dir, String(++n));
    mkdirSync(sub);
    const path = join(sub, 'sdn.xml');
    writeFileSync(path, edit(original));
    return path;
  };
  const lineOf = (text: string, needle: string): number =>
    text.slice(0, text.indexOf(needle)).split('\n').length;

  test('Record_Count and Publish_Date that do not fit the file', async () => {
    const path = variant((s) =>
      s.replace('<Record_Count>5<', '<Record_Count>7<').replace('03/02/2026', '2026-03-02'),
    );
    const { ctx } = await collect(sdnXml, { primary: path });
    assert.equal(ctx.publicationDate, undefined);
    assert.deepEqual(
      ctx.warnings.map((w) => w.field),
      ['Publish_Date', 'Record_Count'],
    );
    assert.match(ctx.warnings[1]!.message, /Record_Count says 7 entries, the file holds 5/);
  });

  test('a repeated uid is skipped; an unknown type, country or date is reported at its line', async () => {
    const path = variant((s) =>
      s
        .replace('<uid>106</uid>', '<uid>103</uid>')
        .replace(
          '<sdnType>Entity</sdnType>\n    <programList>\n      <program>SDGT',
          '<sdnType>Organisation</sdnType>\n    <programList>\n      <program>SDGT',
        )
        .replace('<country>Syria</country>', '<country>Atlantis</country>')
        .replace(
          '<dateOfBirth>05 Mar 1961</dateOfBirth>',
          '<dateOfBirth>31 Feb 1961</dateOfBirth>',
        ),
    );
    const text = readFileSync(path, 'utf-8');
    const { entities, ctx } = await collect(sdnXml, { primary: path });
    assert.equal(entities.length, 4);
    assert.equal(entities.find((e) => e.sourceRecordId === '107')!.schema, 'LegalEntity');
    const got = ctx.warnings.map((w) => [w.line, w.field ?? '', w.record]);
    const entry107 = text.lastIndexOf('<sdnEntry>', text.indexOf('<uid>107</uid>'));
    const line107 = text.slice(0, entry107).split('\n').length;
    assert.deepEqual(got, [
      [lineOf(text, '<sdnEntry>'), 'DOB', '101'],
      [lineOf(text, '<uid>103</uid>\n    <lastName>9X-ABC') - 1, '', '103'],
      [line107, 'SDN_Type', '107'],
      [lineOf(text, '<country>Atlantis') - 3, 'Country', '107'],
    ]);
    assert.match(ctx.warnings[0]!.message, /impossible date "31 Feb 1961"/);
    assert.match(
      ctx.warnings[1]!.message,
      /uid 103 repeats the entry of line \d+; the repeat is skipped/,
    );
    assert.match(
      ctx.warnings[3]!.message,
      /^.*sdn\.xml: line \d+: Country: unknown country "Atlantis"/,
    );
  });
});
