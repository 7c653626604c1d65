import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
  type ParseWarning,
} from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { source } from './index.ts';

const FILE = listPath('eu_fsf', '2018-07-04_truncated', 'EUSanctionsShort.csv');

interface Loaded {
  entities: ListedEntity[];
  byId: Map<string, ListedEntity>;
  warnings: ParseWarning[];
  publicationDate: string | undefined;
  counts: Record<string, number>;
}

async function load(path: string): Promise<Loaded> {
  const warnings: ParseWarning[] = [];
  const counts: Record<string, number> = {};
  let publicationDate: string | undefined;
  const entities: ListedEntity[] = [];
  const ctx = {
    warn: (w: ParseWarning) => warnings.push(w),
    setPublicationDate: (d: string) => (publicationDate = d),
    countRecords: (f: string, n: number) => (counts[f] = n),
  };
  for await (const e of source.parse({ csv: path }, ctx)) entities.push(e);
  return {
    entities,
    byId: new Map(entities.map((e) => [e.sourceRecordId, e])),
    warnings,
    publicationDate,
    counts,
  };
}

const related = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);

test(
  'EU sample 2018-07-04: counts, date, programmes, truncation warning',
  needsData('eu_fsf', '2018-07-04_truncated'),
  async () => {
    const { entities, warnings, publicationDate, counts } = await load(FILE);
    assert.equal(entities.length, 93);
    assert.equal(new Set(entities.map((e) => e.id)).size, 93);
    assert.equal(counts[FILE], 999);
    assert.equal(publicationDate, '2018-07-04');
    assert.deepEqual([...new Set(entities.flatMap((e) => e.programs))].sort(), [
      'IRQ',
      'TAQA',
      'TERR',
      'ZWE',
    ]);
    const bySchema: Record<string, number> = {};
    for (const e of entities) bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    assert.deepEqual(bySchema, { Person: 61, Organization: 32 });
    for (const e of entities) {
      assert.ok(e.id.startsWith('eu_fsf-'));
      assert.deepEqual(e.topics, ['sanction']);
    }

    const cut = warnings.filter((w) => /last entity/.test(w.message));
    assert.equal(cut.length, 1);
    assert.match(cut[0]!.message, /last entity 481 may be cut off: /);
    assert.ok(cut[0]!.message.includes(FILE));
    assert.equal(cut[0]!.line, 1000);
    assert.equal(cut[0]!.record, '481');
    assert.equal(cut[0]!.file, FILE);

    // The other warnings: one per entity whose translated names lost their letters to "?".
    const lossy = warnings.filter((w) => /lost their letters/.test(w.message));
    assert.equal(lossy.length, 21);
    assert.equal(warnings.length, 22);
    const dropped = lossy.reduce((n, w) => n + Number(/: (\d+) name\(s\)/.exec(w.message)![1]), 0);
    assert.equal(dropped, 165);
    for (const e of entities) {
      for (const n of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])])
        assert.ok(!n.includes('?'), n);
    }
  },
);

test('EU sample: every entity is valid', needsData('eu_fsf', '2018-07-04_truncated'), async () => {
  const { entities } = await load(FILE);
  for (const e of entities) validateListedEntity(e);
});

test(
  'EU sample: Mugabe (entity 1) mapped in detail',
  needsData('eu_fsf', '2018-07-04_truncated'),
  async () => {
    const e = (await load(FILE)).byId.get('1')!;
    assert.equal(e.id, 'eu_fsf-1');
    assert.equal(e.schema, 'Person');
    assert.deepEqual(e.properties.name, ['Robert Gabriel Mugabe']);
    assert.deepEqual(e.properties.firstName, ['Robert']);
    assert.deepEqual(e.properties.middleName, ['Gabriel']);
    assert.deepEqual(e.properties.lastName, ['Mugabe']);
    assert.deepEqual(e.properties.gender, ['male']);
    assert.deepEqual(e.properties.position, ['Former President', 'president']);
    assert.deepEqual(e.properties.birthDate, ['1924-02-21']);
    assert.deepEqual(e.properties.birthPlace, ['Kutama']);
    assert.deepEqual(e.programs, ['ZWE']);
    // Two legal acts concern him: the 2002 regulation listed him, the 2018 one amended the entry.
    assert.equal(e.listingDate, '2002-09-13');
    assert.deepEqual(e.remarks, [
      '(Date of UN designation: 2002-02-21)\n(Date of designation referred to in Article 7 (2): 21.2.2002.)',
    ]);
    const [sanction] = related(e, 'Sanction');
    assert.deepEqual(sanction!.properties.authority, ['European Union (Council)']);
    assert.deepEqual(sanction!.properties.authorityId, ['EU.36.64']);
    assert.deepEqual(sanction!.properties.listingDate, ['2002-09-13']);
    assert.deepEqual(sanction!.properties.modifiedAt, ['2018-02-16']);
    assert.deepEqual(sanction!.properties.summary, [
      'Legal basis: 1643/2002 (OJ L247) of 2002-09-13; 2018/223 (OJ L43) of 2018-02-16',
    ]);
    const passports = related(e, 'Passport');
    assert.equal(passports.length, 1);
    assert.equal(passports[0]!.id, 'eu_fsf-1-id-315');
    assert.deepEqual(passports[0]!.properties.number, ['AD001095']);
    assert.deepEqual(passports[0]!.properties.type, ['National passport']);
    assert.deepEqual(e.properties.passportNumber, ['AD001095']);
  },
);

test(
  'EU sample: a ";" inside a quoted field, citizenship, other identity documents',
  needsData('eu_fsf', '2018-07-04_truncated'),
  async () => {
    const { byId } = await load(FILE);
    const numan = byId.get('43')!;
    assert.deepEqual(numan.properties.name, ['Aziz Salih al-Numan']);
    assert.ok(numan.properties.position!.includes('Former Governor of Karbala and An Najaf;'));
    // The French function is a translation of the English one and is not repeated.
    assert.ok(!numan.properties.position!.includes('Ancien gouverneur de Kerbala et de Najaf'));
    assert.deepEqual(numan.properties.citizenship, ['iq']);
    assert.deepEqual(numan.properties.birthPlace, ['An Nasiriyah', 'Nassiriya (J.O. FR)']);
    assert.equal(numan.properties.birthDate, undefined); // "N/A" means unknown

    const saadi = byId.get('93')!;
    assert.deepEqual(saadi.properties.idNumber, ['33301/862', 'M0003264580', 'H0100009']);
    const docs = related(saadi, 'Identification');
    assert.deepEqual(docs[0]!.properties.summary, [
      'issued: 17 october 1997 expires: 1 october 2005',
    ]);
    assert.deepEqual(docs[0]!.properties.type, ['Other identification number']);
    // The spreadsheet turned commas into tabs; they are commas again.
    assert.ok(
      saadi.properties.position!.includes(
        'Senior Deputy, Organisation of Military Industrialisation, 1988 to 1991',
      ),
    );

    const saddam = byId.get('13')!;
    assert.deepEqual(saddam.properties.name, ['Saddam Hussein Al-Tikriti']);
    assert.deepEqual(saddam.properties.alias, ['Abu Ali', 'Abou Ali']);
    assert.deepEqual(saddam.properties.birthDate, ['1937-04-28']);
    assert.deepEqual(saddam.properties.birthPlace, ['al-Awja, near Tikrit']);
    assert.deepEqual(saddam.properties.birthCountry, ['iq']);
  },
);

test(
  'EU sample: organisations, addresses, primary name choice',
  needsData('eu_fsf', '2018-07-04_truncated'),
  async () => {
    const { byId } = await load(FILE);
    const trust = byId.get('330')!;
    assert.equal(trust.schema, 'Organization');
    assert.deepEqual(trust.programs, ['TAQA']);
    assert.equal(trust.properties.alias!.length, 10);
    const addrs = related(trust, 'Address');
    assert.equal(addrs.length, 11);
    const karachi = addrs.find((a) => a.id === 'eu_fsf-330-addr-367')!;
    assert.deepEqual(karachi.properties.street, [
      'Kitab Ghar, Darul Ifta Wal Irshad, Nazimbad No 4',
    ]);
    assert.deepEqual(karachi.properties.city, ['Karachi']);
    assert.deepEqual(karachi.properties.country, ['pk']);
    assert.deepEqual(karachi.properties.remarks, [
      'PHONE[668 33 01, 0300-820 91 99] FAX[662 38 14]',
    ]);
    assert.deepEqual(trust.properties.country, ['pk']);

    // The first name record of entity 202 is French; the untranslated English one is primary.
    const aqsa = byId.get('202')!;
    assert.deepEqual(aqsa.properties.name, ["Al-Aqsa Martyrs' Brigade"]);
    assert.ok(aqsa.properties.alias!.includes("Brigade des martyrs d'Al-Aqsa"));

    // Windows-1252 bytes decode right (0x97 is an em dash; é, ï are Latin-1).
    const aqim = byId.get('481')!;
    assert.ok(aqim.properties.alias!.includes('Al Qaïda au Maghreb islamique'));
    assert.deepEqual(aqim.properties.country, ['dz', 'ml', 'mr', 'ma']);
    const street = related(byId.get('327')!, 'Address').flatMap((a) => a.properties.street ?? []);
    assert.ok(
      street.includes(
        'office locations: Headquarters \u2014 G. T. Road (probably Grand Trunk Road), near Pushtoon Garhi Pabbi',
      ),
    );
  },
);
