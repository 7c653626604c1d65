/**
 * The UK Sanctions List parser on a hand-written file (invented names) that uses every element the
 * mapper reads: an individual with several names, a non-Latin name, partial dates of birth and
 * documents; a registered entity with an address; a ship with an IMO number; a UN-designated DPRK
 * entity.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  SOURCE_IDS,
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
} from '../../core/index.ts';
import { getSource } from '../index.ts';
import { source } from './index.ts';
import { registrationNumbers } from './organization.ts';
import { collect, fixture, type Collected } from './testing.ts';

const related = (e: ListedEntity, suffix: string): FtmEntity | undefined =>
  e.related.find((r) => r.id === `${e.id}-${suffix}`);

describe('uk_fcdo fixture UK_Sanctions_List.xml', () => {
  const path = fixture('UK_Sanctions_List.xml');
  let got: Collected;
  const byId = (uid: string): ListedEntity => {
    const e = got.entities.find((x) => x.id === `uk_fcdo-${uid}`);
    assert.ok(e, `uk_fcdo-${uid} missing`);
    return e;
  };
  before(async () => {
    got = await collect(path);
  });

  test('one entity per Designation, in file order, all valid; date and count of the file', () => {
    assert.deepEqual(
      got.entities.map((e) => [e.id, e.schema]),
      [
        ['uk_fcdo-RUS9001', 'Person'],
        ['uk_fcdo-RUS9002', 'Company'],
        ['uk_fcdo-DPR9003', 'Vessel'],
        ['uk_fcdo-DPR9004', 'Organization'],
      ],
    );
    for (const e of got.entities) {
      validateListedEntity(e);
      assert.equal(e.source, 'uk_fcdo');
      assert.deepEqual(e.topics, ['sanction']);
    }
    assert.equal(got.publicationDate, '2026-03-14');
    assert.deepEqual(got.counts, { [path]: 4 });
  });

  test('bad values are dropped with warnings naming line, field and UniqueID', () => {
    assert.deepEqual(
      got.warnings.map((w) => [w.line, w.field, w.record, w.file === path]),
      [
        [80, 'DOB', 'RUS9001', true],
        [100, 'Nationality', 'RUS9001', true],
        [202, 'IMONumber', 'DPR9003', true],
      ],
    );
    assert.match(got.warnings[0]!.message, /invalid date "31\/02\/1970"/);
    assert.match(got.warnings[1]!.message, /unknown country "Atlantis"/);
  });

  test('individual: primary name, variation and aliases by strength, non-Latin name, parts', () => {
    const p = byId('RUS9001');
    assert.deepEqual(p.properties.name, ['Pavel Sergeyevich ORLOVSKY']);
    // "Primary name" and "ALias" are read case-folded; the empty <Name> is left out.
    assert.deepEqual(p.properties.alias, [
      'Pavel ORLOVSKIY',
      'Pasha Orel',
      'Павел Сергеевич ОРЛОВСКИЙ',
    ]);
    assert.deepEqual(p.properties.weakAlias, ['Orel']);
    assert.deepEqual(p.properties.firstName, ['Pavel']);
    assert.deepEqual(p.properties.secondName, ['Sergeyevich']);
    assert.deepEqual(p.properties.lastName, ['ORLOVSKY']);
    assert.equal(p.properties.middleName, undefined);
    assert.deepEqual(p.properties.title, ['General']);
  });

  test('individual: partial dates of birth, nationality, gender, birth place, position', () => {
    const p = byId('RUS9001');
    // dd/06/1970 → June 1970; 00/00/1971 → 1971; 31/02/1970 dropped.
    assert.deepEqual(p.properties.birthDate, ['1970-06', '1971']);
    assert.deepEqual(p.properties.nationality, ['ru']);
    assert.deepEqual(p.properties.gender, ['male']);
    assert.deepEqual(p.properties.birthPlace, ['Tula, Russia']);
    assert.deepEqual(p.properties.birthCountry, ['ru']);
    assert.deepEqual(p.properties.position, ['Director of an invented company']);
    assert.deepEqual(p.properties.phone, ['+7 495 000 0000']);
    assert.deepEqual(p.properties.email, ['orlovsky@example.org', 'p.orlovsky@example.net']);
  });

  test('individual: a repeated passport once, a national identifier, an address', () => {
    const p = byId('RUS9001');
    assert.deepEqual(p.properties.passportNumber, ['750000001']);
    assert.deepEqual(p.properties.idNumber, ['770000000001']);
    assert.deepEqual(related(p, 'id-1'), {
      id: 'uk_fcdo-RUS9001-id-1',
      schema: 'Passport',
      properties: {
        holder: ['uk_fcdo-RUS9001'],
        number: ['750000001'],
        type: ['Passport'],
        summary: ['Russia passport number 750000001, issued on 1 May 2015'],
      },
    });
    assert.equal(related(p, 'id-2')?.schema, 'Identification');
    assert.deepEqual(related(p, 'id-2')?.properties.summary, ['Russian tax number (INN)']);
    assert.equal(related(p, 'id-3'), undefined);
    assert.deepEqual(related(p, 'addr-1')?.properties, {
      full: ['12 Invented Street, Apartment 3, Moscow, 101000, Russia'],
      street: ['12 Invented Street, Apartment 3'],
      city: ['Moscow'],
      postalCode: ['101000'],
      country: ['ru'],
    });
    assert.deepEqual(p.properties.country, ['ru']);
  });

  test('individual: the Sanction carries regime, dates, measures, reasons and both UK ids', () => {
    const p = byId('RUS9001');
    assert.deepEqual(p.programs, ['The Russia (Sanctions) (EU Exit) Regulations 2019']);
    assert.equal(p.listingDate, '2022-03-15');
    assert.deepEqual(p.remarks, ['Invented entry for tests. (UK Sanctions List Ref):RUS9001.']);
    assert.deepEqual(related(p, 'sanction')?.properties, {
      entity: ['uk_fcdo-RUS9001'],
      authority: ['Foreign, Commonwealth and Development Office'],
      country: ['gb'],
      program: ['The Russia (Sanctions) (EU Exit) Regulations 2019'],
      authorityId: ['RUS9001', '19001'],
      listingDate: ['2022-03-15'],
      modifiedAt: ['2026-03-02'],
      provisions: ['Asset freeze', 'Travel Ban', 'Trust services sanctions'],
      reason: [
        'Pavel ORLOVSKY is an invented person; this text stands where the FCDO states its reasons.',
      ],
      summary: ['Designation source: UK'],
    });
    const raw = p.raw as Record<string, unknown>;
    assert.equal(raw.UniqueID, 'RUS9001');
    assert.equal(raw.OFSIGroupID, '19001');
  });

  test('entity: a registration number makes a Company; labelled numbers split; address', () => {
    const c = byId('RUS9002');
    assert.deepEqual(c.properties.name, ['Severny Polyus']);
    assert.deepEqual(c.properties.alias, ['North Pole Holding', 'Северный Полюс']);
    assert.deepEqual(c.properties.registrationNumber, ['1000000000001']);
    assert.deepEqual(c.properties.taxNumber, ['7800000001']);
    assert.deepEqual(c.properties.idNumber, ['780001001']);
    assert.deepEqual(
      c.related
        .filter((r) => r.schema === 'Identification')
        .map((r) => [r.id, r.properties.type?.[0], r.properties.number?.[0]]),
      [
        ['uk_fcdo-RUS9002-id-1', 'OGRN', '1000000000001'],
        ['uk_fcdo-RUS9002-id-2', 'INN', '7800000001'],
        ['uk_fcdo-RUS9002-id-3', 'KPP', '780001001'],
      ],
    );
    assert.deepEqual(related(c, 'id-1')?.properties.summary, [
      'OGRN: 1000000000001 INN: 7800000001 KPP: 780001001',
    ]);
    assert.deepEqual(c.properties.summary, ['Holding']);
    assert.deepEqual(c.properties.website, ['www.example.ru']);
    assert.deepEqual(c.properties.notes, [
      'Parent company: Invented Parent Group',
      'Subsidiary: Invented Subsidiary Ltd',
    ]);
    assert.deepEqual(related(c, 'addr-1')?.properties.full, [
      'Office 7, 1 Invented Embankment, Saint Petersburg, 190000, Russia',
    ]);
    // An address that is only "Unknown" states nothing.
    assert.equal(related(c, 'addr-2'), undefined);
    assert.deepEqual(c.remarks, []);
    // A blank statement of reasons gives no reason.
    assert.equal(related(c, 'sanction')?.properties.reason, undefined);
  });

  test('ship: IMO number without its prefix, flags, type, tonnage, build year, owner', () => {
    const v = byId('DPR9003');
    assert.deepEqual(v.properties, {
      name: ['EXAMPLE STAR 7'],
      alias: ['STAR SEVEN'],
      imoNumber: ['9000007'],
      registrationNumber: ['HIN-EX-0007'],
      notes: [
        'Owner/operator: Invented Shipping Co',
        'Previous owner/operator: Former Invented Lines',
        'Length: 77.6',
      ],
      flag: ['kp'],
      // "Congo (Democratic Republic)" is the DRC, not the Republic of the Congo.
      pastFlags: ['cd', 'sl'],
      type: ['Oil Tanker'],
      tonnage: ['1997'],
      buildDate: ['1998'],
    });
    assert.deepEqual(related(v, 'sanction')?.properties.provisions, [
      'De-flag',
      'Prohibition of port entry',
    ]);
    assert.deepEqual(related(v, 'sanction')?.properties.authorityId, ['DPR9003']);
  });

  test('UN-designated DPRK entity: UN reference as unscId and programme, Hangul name', () => {
    const o = byId('DPR9004');
    assert.equal(o.schema, 'Organization');
    assert.deepEqual(o.properties.alias, ['Bureau 901', '발명기계국']);
    assert.deepEqual(o.programs, [
      "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019",
      'KPe',
    ]);
    const s = related(o, 'sanction')!;
    assert.deepEqual(s.properties.unscId, ['KPe.901']);
    assert.deepEqual(s.properties.authorityId, ['DPR9004', '19004']);
    assert.deepEqual(s.properties.summary, ['Designation source: UK, UN']);
    // SanctionsImposed is blank: the indicators set to true are spelled out instead.
    assert.deepEqual(s.properties.provisions, ['Asset freeze', 'Prohibition of port entry']);
    assert.deepEqual(related(o, 'addr-1')?.properties, {
      full: ['Pyongyang, North Korea'],
      city: ['Pyongyang'],
      country: ['kp'],
    });
  });
});

describe('uk_fcdo registration numbers', () => {
  const el = (text: string) => ({
    name: 'BusinessRegistrationNumber',
    attrs: {},
    children: [],
    text,
    line: 1,
  });
  const read = (text: string) =>
    registrationNumbers({ text: text.replace(/\s+/g, ' ').trim(), el: el(text) }).map((d) => [
      d.kind,
      d.type,
      d.number,
    ]);

  test('a bare number is a registration number', () => {
    assert.deepEqual(read('1024701759565'), [
      ['registration', 'Business registration number', '1024701759565'],
    ]);
  });

  test('labels with a colon, a dash or a space; tax numbers by INN/TIN', () => {
    assert.deepEqual(read('Company number 03503060'), [
      ['registration', 'Company number', '03503060'],
    ]);
    assert.deepEqual(read('TIN - 5263000105'), [['tax', 'TIN', '5263000105']]);
    assert.deepEqual(read('UEN ID: 202022772K'), [['registration', 'UEN ID', '202022772K']]);
    // A code that starts with letters is not split into a label and a number.
    assert.deepEqual(read('ABC12345'), [
      ['registration', 'Business registration number', 'ABC12345'],
    ]);
  });

  test('several numbers on separate lines or after semicolons', () => {
    assert.deepEqual(read('INN: 4706036197; KPP: 470601001'), [
      ['tax', 'INN', '4706036197'],
      ['other', 'KPP', '470601001'],
    ]);
  });
});

describe('uk_fcdo source', () => {
  test('is registered under its id', () => {
    assert.ok((SOURCE_IDS as readonly string[]).includes('uk_fcdo'));
    assert.equal(getSource('uk_fcdo'), source);
    assert.equal(source.formatId, 'xml');
  });

  test('the list role accepts the FCDO file names and no other list', () => {
    const fits = (name: string) => source.files.some((f) => f.pattern.test(name));
    for (const name of ['UK_Sanctions_List.xml', 'UK-Sanctions-List.xml', 'uk_fcdo.xml'])
      assert.ok(fits(name), name);
    for (const name of ['ConList.csv', 'consolidated.xml', 'sdn.xml', 'UK_Sanctions_List.csv'])
      assert.ok(!fits(name), name);
  });

  test('downloads the XML from the FCDO under a name its role accepts', () => {
    assert.deepEqual(source.download, {
      formatId: 'xml',
      files: [
        {
          role: 'list',
          url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
          name: 'UK_Sanctions_List.xml',
        },
      ],
    });
    const [file] = source.download!.files;
    assert.ok(source.files.find((f) => f.role === file!.role)!.pattern.test(file!.name));
  });
});
