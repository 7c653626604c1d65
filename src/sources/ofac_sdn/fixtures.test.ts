import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../core/index.ts';
import { collect, filesIn, type RecordingContext } from '../_ofac/testing.ts';
import { source } from './index.ts';

// Hand-written set of invented entries (CRLF, Latin-1, Ctrl-Z, like the real files).
const FIXTURES = resolve(
  fileURLToPath(import.meta.url),
  '../../../../test/fixtures/ofac_sdn/basic',
);

let entities: ListedEntity[];
let ctx: RecordingContext;
const byId = (id: string): ListedEntity => {
  const e = entities.find((x) => x.sourceRecordId === id);
  assert.ok(e, `entry ${id} not found`);
  return e;
};
const rel = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);

before(async () => {
  ({ entities, ctx } = await collect(source, filesIn(source, FIXTURES)));
});

describe('ofac_sdn on the hand-written fixture set', () => {
  test('declares the four files; only sdn.csv is required; names match in any case', () => {
    const spec = Object.fromEntries(source.files.map((f) => [f.role, f]));
    assert.deepEqual(Object.keys(spec), ['primary', 'alt', 'add', 'comments']);
    assert.equal(spec.primary!.required, true);
    assert.equal(spec.alt!.required || spec.add!.required || spec.comments!.required, false);
    assert.ok(spec.primary!.pattern.test('sdn.csv') && spec.primary!.pattern.test('SDN.CSV'));
    assert.ok(spec.comments!.pattern.test('SDN_COMMENTS.CSV'));
    assert.ok(
      !spec.primary!.pattern.test('sdn.csv.bak') && !spec.primary!.pattern.test('cons_prim.csv'),
    );
  });

  test('every entry is read, valid and counted', () => {
    assert.equal(entities.length, 9);
    for (const e of entities) validateListedEntity(e);
    assert.deepEqual(
      [...ctx.counts.entries()].map(([f, n]) => [f.split('/').pop(), n]),
      [
        ['sdn_comments.csv', 1],
        ['alt.csv', 3],
        ['add.csv', 4],
        ['sdn.csv', 9],
      ],
    );
    assert.equal(ctx.publicationDate, undefined);
  });

  test('a person: name parts, dates, places, nationality, documents, aliases, address, link', () => {
    const p = byId('101');
    assert.equal(p.id, 'ofac_sdn-101');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.programs, ['DPRK3', 'DPRK4']);
    assert.deepEqual(p.topics, ['sanction']);
    assert.deepEqual(p.properties.lastName, ['TESTOV']);
    assert.deepEqual(p.properties.firstName, ['Ivan Petrovich']);
    assert.deepEqual(p.properties.position, ['Director of Example Trading']);
    assert.deepEqual(p.properties.birthDate, ['1961-03-05', '1958', '1962', '1963', '1964']);
    assert.deepEqual(p.properties.birthCountry, ['kp']);
    assert.deepEqual(p.properties.nationality, ['kp']);
    assert.deepEqual(p.properties.citizenship, ['ru']);
    assert.deepEqual(p.properties.gender, ['male']);
    assert.deepEqual(p.properties.alias, ['TESTOV, Ivan']);
    assert.deepEqual(p.properties.weakAlias, ['IVANCHIK']);
    assert.deepEqual(p.properties.passportNumber, ['745310001']);
    const [passport] = rel(p, 'Passport');
    assert.deepEqual(passport!.properties, {
      holder: ['ofac_sdn-101'],
      number: ['745310001'],
      type: ['Passport'],
      country: ['kp'],
      startDate: ['2015-02-01'],
      endDate: ['2020-02-01'],
    });
    assert.equal(passport!.id, 'ofac_sdn-101-id-1');
    assert.deepEqual(rel(p, 'Identification')[0]!.properties.country, ['ru']);
    assert.deepEqual(rel(p, 'Address')[0]!.id, 'ofac_sdn-101-addr-11');
    assert.deepEqual(p.properties.country, ['kp']);
    const [link] = rel(p, 'UnknownLink');
    assert.deepEqual(link, {
      id: 'ofac_sdn-101-link-1',
      schema: 'UnknownLink',
      properties: { subject: ['ofac_sdn-101'], object: ['ofac_sdn-102'], role: ['Linked To'] },
    });
    const [sanction] = rel(p, 'Sanction');
    assert.equal(sanction!.id, 'ofac_sdn-101-sanction');
    assert.deepEqual(sanction!.properties.authority, [
      'Office of Foreign Assets Control (US Department of the Treasury)',
    ]);
    assert.deepEqual(sanction!.properties.country, ['us']);
    assert.deepEqual(sanction!.properties.authorityId, ['101']);
    assert.deepEqual(sanction!.properties.program, ['DPRK3', 'DPRK4']);
    assert.ok(
      sanction!.properties.provisions!.some((x) => x.startsWith('Secondary sanctions risk')),
    );
  });

  test('a company with a company IMO number stays a Company, never a Vessel', () => {
    const c = byId('102');
    assert.equal(c.schema, 'Company');
    assert.deepEqual(c.properties.imoNumber, ['5123456']);
    assert.deepEqual(c.properties.previousName, ['OLD EXAMPLE SHIPPING']);
    assert.deepEqual(c.properties.registrationNumber, ['7700112233']);
    assert.deepEqual(c.properties.website, ['www.example-shipping.test']);
    // "Organization Established Date 00 Jan 1999": the day is dropped with a warning.
    assert.deepEqual(c.properties.incorporationDate, ['1999-01']);
    assert.ok(
      rel(c, 'Sanction')[0]!.properties.provisions!.includes(
        'Additional Sanctions Information - Subject to Secondary Sanctions',
      ),
    );
    assert.deepEqual(c.properties.country, ['ps']);
    assert.deepEqual(rel(c, 'Address')[0]!.properties.full, ['Gaza City, Gaza']);
  });

  test('vessels: IMO, MMSI, flags, tonnage, owner as an entity or as text', () => {
    const v = byId('103');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.imoNumber, ['9123457']);
    assert.deepEqual(v.properties.mmsi, ['445123456']);
    assert.deepEqual(v.properties.callSign, ['HMXX1']);
    assert.deepEqual(v.properties.type, ['Oil Tanker']);
    assert.deepEqual(v.properties.tonnage, ['1200']);
    assert.deepEqual(v.properties.grossRegisteredTonnage, ['2345']);
    assert.deepEqual(v.properties.flag, ['kp']);
    assert.deepEqual(v.properties.pastFlags, ['pa']);
    assert.deepEqual(v.properties.owner, ['ofac_sdn-102']);
    assert.equal(v.properties.notes, undefined);
    const w = byId('104');
    assert.equal(w.properties.imoNumber, undefined);
    assert.deepEqual(w.properties.registrationNumber, ['12345']);
    assert.deepEqual(w.properties.notes, ['Flag: Atlantis', 'Owner: Unknown Owner Holdings']);
    assert.equal(w.properties.owner, undefined);
  });

  test('an aircraft with its operator resolved to a listed entity', () => {
    const a = byId('106');
    assert.equal(a.schema, 'Airplane');
    assert.deepEqual(a.properties.model, ['BD-700-1A11']);
    assert.deepEqual(a.properties.serialNumber, ['9324']);
    assert.deepEqual(a.properties.registrationNumber, ['9X-ABC']);
    assert.deepEqual(a.properties.buildDate, ['2006']);
    assert.deepEqual(a.properties.operator, ['ofac_sdn-107']);
    const air = byId('107');
    assert.deepEqual(air.properties.alias, ['EXAMPLE AIRWAYS']);
    assert.deepEqual(air.properties.previousName, ['EXAMPLE AIRLINES']);
    assert.deepEqual(air.properties.swiftBic, ['EXAMXXYY']);
    assert.deepEqual(air.properties.leiCode, ['5493001KJTIIGC8Y1R12']);
  });

  test('links resolve by primary name; unknown names stay in the remarks only', () => {
    const m = byId('105');
    assert.equal(m.schema, 'Organization');
    assert.deepEqual(
      rel(m, 'UnknownLink').map((l) => l.properties.object),
      [['ofac_sdn-101']],
    );
    assert.match(m.remarks[0]!, /Linked To: NOBODY WE KNOW/);
  });

  test('remarks continue in sdn_comments.csv; a cut remark without continuation is not mapped', () => {
    const jose = byId('108');
    assert.deepEqual(jose.properties.name, ['MUÑOZ, José']);
    assert.deepEqual(jose.properties.passportNumber, ['A123456']);
    assert.match(jose.remarks[0]!, /Passport A123456 \(Iran\)\.$/);
    const cut = byId('109');
    assert.equal(cut.properties.passportNumber, undefined);
    assert.match(cut.remarks[0]!, /Passport A12$/);
  });

  test('warnings name the file and line of each dropped value', () => {
    const lines = ctx.warnings.map(
      (w) => `${w.file?.split('/').pop()}:${w.line ?? '-'} ${w.field ?? ''}`,
    );
    assert.deepEqual(lines, [
      'sdn.csv:2 Organization Established Date',
      'add.csv:3 Country',
      'sdn.csv:4 Flag',
      'sdn.csv:5 Organization Established Date',
      'sdn.csv:9 Remarks',
      'sdn.csv:- ',
    ]);
    assert.match(ctx.warnings[3]!.message, /line 5: .*impossible date "31 Feb 1990"/);
    assert.match(ctx.warnings[5]!.message, /1 "Linked To" name\(s\) match no entry/);
  });

  test('raw keeps the rows of every file as read', () => {
    const raw = byId('102').raw as Record<string, unknown>;
    assert.equal((raw.primary as Record<string, string>).SDN_Type, '-0- ');
    assert.equal((raw.alt as Record<string, string>[])[0]!.alt_type, 'fka');
    assert.equal((raw.add as unknown[]).length, 2);
  });
});

describe('file names are matched case-insensitively', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-case-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  test('SDN.CSV and ALT.CSV are read like sdn.csv and alt.csv', async () => {
    copyFileSync(join(FIXTURES, 'sdn.csv'), join(dir, 'SDN.CSV'));
    copyFileSync(join(FIXTURES, 'alt.csv'), join(dir, 'ALT.CSV'));
    const files = filesIn(source, dir);
    assert.deepEqual(Object.keys(files).sort(), ['alt', 'primary']);
    const { entities: got } = await collect(source, files);
    assert.equal(got.length, 9);
    assert.deepEqual(got.find((e) => e.sourceRecordId === '101')!.properties.alias, [
      'TESTOV, Ivan',
    ]);
  });
});
