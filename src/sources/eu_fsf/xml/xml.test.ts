import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../../core/index.ts';
import { source } from '../index.ts';
import { XML_FILE_PATTERN, xmlFormat } from './index.ts';
import { fixture, load } from './testing.ts';

const FULL = fixture('full.xml');
const dir = mkdtempSync(join(tmpdir(), 'embargo-eu-xml-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string): string {
  const path = join(dir, `f${++n}.xml`);
  writeFileSync(path, content, 'utf8');
  return path;
}
const rel = (e: ListedEntity, id: string): FtmEntity => {
  const found = e.related.find((r) => r.id === id);
  assert.ok(found, `${e.id} has no related ${id}`);
  return found;
};

test('full.xml: three entities, publication date, record count, all valid', async () => {
  const { entities, publicationDate, counts } = await load({ xml: FULL });
  assert.deepEqual(
    entities.map((e) => [e.id, e.schema]),
    [
      ['eu_fsf-9101', 'Person'],
      ['eu_fsf-9102', 'Company'],
      ['eu_fsf-9103', 'Organization'],
    ],
  );
  assert.equal(publicationDate, '2026-06-05');
  assert.equal(counts[FULL], 3);
  for (const e of entities) {
    validateListedEntity(e);
    assert.deepEqual(e.topics, ['sanction']);
  }
});

test('person: names in several scripts, primary in English, weak alias, gender, title, function', async () => {
  const p = (await load({ xml: FULL })).byId.get('9101')!;
  // The French translation comes first in the file; the name without a language is the primary.
  assert.deepEqual(p.properties.name, ['Ivan Petrovich SIDOROV']);
  assert.deepEqual(p.properties.alias, [
    'Jean Petrovitch SIDOROV',
    'Иван Петрович СИДОРОВ',
    'Ιβάν Πέτροβιτς ΣΙΝΤΟΡΟΦ',
    'I. P. Sidorov',
  ]);
  assert.deepEqual(p.properties.weakAlias, ['Vanya']);
  assert.deepEqual(p.properties.firstName, ['Ivan', 'Иван']);
  assert.deepEqual(p.properties.middleName, ['Petrovich', 'Петрович']);
  assert.deepEqual(p.properties.lastName, ['SIDOROV', 'СИДОРОВ']);
  assert.deepEqual(p.properties.title, ['Colonel']);
  assert.deepEqual(p.properties.gender, ['male']);
  // Only the designation's own wording of the function; the French one is a translation.
  assert.deepEqual(p.properties.position, ['Deputy Minister of Examples']);
  assert.deepEqual(p.properties.notes, ['Vanya: Low quality alias.', 'Date of birth circa 1964']);
  assert.deepEqual(p.remarks, ['Listed for testing only.']);
});

test('person: birth dates full, partial, circa and ranged; place, country, citizenship', async () => {
  const p = (await load({ xml: FULL })).byId.get('9101')!;
  assert.deepEqual(p.properties.birthDate, [
    '1965-03-14',
    '1966-05',
    '1964',
    '1960',
    '1961',
    '1962',
  ]);
  assert.deepEqual(p.properties.birthPlace, ['Sampletown']);
  assert.deepEqual(p.properties.birthCountry, ['ru']);
  // 00/UNKNOWN is no country, not an unknown one.
  assert.deepEqual(p.properties.citizenship, ['ru']);
  assert.equal(p.properties.nationality, undefined);
});

test('person: passport and identity card with Latin number, dates, issuer and flags', async () => {
  const p = (await load({ xml: FULL })).byId.get('9101')!;
  assert.deepEqual(p.properties.passportNumber, ['7100123']);
  assert.deepEqual(p.properties.idNumber, ['АБ 123', 'AB 123']);
  const passport = rel(p, 'eu_fsf-9101-id-9141');
  assert.equal(passport.schema, 'Passport');
  assert.deepEqual(passport.properties, {
    holder: ['eu_fsf-9101'],
    number: ['7100123'],
    type: ['National passport'],
    country: ['ru'],
    authority: ['Ministry of Examples'],
    startDate: ['2010-02-01'],
    endDate: ['2020-01-31'],
    // "(passport)" only repeats the type code and is left out.
    summary: ['known to be expired; name on document: Ivan SIDOROV'],
  });
  const card = rel(p, 'eu_fsf-9101-id-9142');
  assert.equal(card.schema, 'Identification');
  assert.deepEqual(card.properties.number, ['АБ 123', 'AB 123']);
  assert.deepEqual(card.properties.summary, ['internal passport']);
});

test('person: Sanction from the regulations, listed on the designation date', async () => {
  const p = (await load({ xml: FULL })).byId.get('9101')!;
  assert.deepEqual(p.programs, ['UKR']);
  assert.equal(p.listingDate, '2014-03-17');
  assert.deepEqual(rel(p, 'eu_fsf-9101-sanction').properties, {
    entity: ['eu_fsf-9101'],
    authority: ['European Union (Council)'],
    program: ['UKR'],
    authorityId: ['EU.100.1'],
    listingDate: ['2014-03-17'],
    startDate: ['2014-03-17'],
    modifiedAt: ['2015-09-15'],
    provisions: ['Asset freeze (financial sanctions)'],
    sourceUrl: ['http://example.eu/2014-269', 'http://example.eu/2015-1514?a=1&b=2'],
    summary: ['Legal basis: 2014/269 (OJ L78) of 2014-03-17; 2015/1514 (OJ L239) of 2015-09-15'],
  });
});

test('enterprise: addresses with PO box, place, contacts, old country codes; registration numbers', async () => {
  const c = (await load({ xml: FULL })).byId.get('9102')!;
  assert.deepEqual(c.properties.name, ['Example Shipping Company LLC']);
  assert.deepEqual(c.properties.alias, ['ООО Пример']);
  assert.deepEqual(c.properties.notes, ['Shipping of examples']);
  assert.equal(c.properties.birthDate, undefined);
  assert.deepEqual(c.properties.phone, ['+44 1234 567890']);
  assert.deepEqual(c.properties.email, ['info@example.invalid']);
  assert.deepEqual(c.properties.website, ['https://example.invalid']);
  assert.deepEqual(c.properties.country, ['gb', 'csxx']);
  assert.deepEqual(rel(c, 'eu_fsf-9102-addr-9241').properties, {
    full: [
      '1 Harbour Road, P.O. Box 42, Dock 4, Exampletown, EX1 2AB, Examplshire, UNITED KINGDOM',
    ],
    street: ['1 Harbour Road, P.O. Box 42, Dock 4'],
    city: ['Exampletown'],
    postalCode: ['EX1 2AB'],
    region: ['Examplshire'],
    country: ['gb'],
    postOfficeBox: ['42'],
    remarks: [
      'Head office.; PHONE: +44 1234 567890; EMAIL: info@example.invalid; WEB: https://example.invalid; address as at the time of listing',
    ],
  });
  // CS (Serbia and Montenegro) left ISO; the description still names it.
  assert.deepEqual(rel(c, 'eu_fsf-9102-addr-9242').properties.country, ['csxx']);
  assert.equal(rel(c, 'eu_fsf-9102-addr-9243').properties.country, undefined);
  assert.deepEqual(c.properties.registrationNumber, ['1027700000001']);
  assert.deepEqual(c.properties.taxNumber, ['7700000001']);
  assert.deepEqual(c.properties.swiftBic, ['EXAMRUMM']);
  assert.deepEqual(c.properties.imoNumber, ['9999999']);
  assert.deepEqual(rel(c, 'eu_fsf-9102-id-9251').properties.type, ['Registration Number']);
  // Without a designation date or a second act, no modifiedAt.
  assert.equal(rel(c, 'eu_fsf-9102-sanction').properties.modifiedAt, undefined);
});

test('UN-referenced entry: unscId, designation details, two acts, Arabic alias', async () => {
  const o = (await load({ xml: FULL })).byId.get('9103')!;
  assert.deepEqual(o.properties.alias, ['جبهة المثال']);
  assert.deepEqual(o.properties.country, ['af']);
  assert.deepEqual(o.programs, ['TAQA']);
  assert.deepEqual(o.remarks, ['UNSC RESOLUTION 9999']);
  assert.equal(o.listingDate, '2001-10-17');
  const s = rel(o, 'eu_fsf-9103-sanction').properties;
  assert.deepEqual(s.unscId, ['QDe.999']);
  assert.deepEqual(s.authorityId, ['EU.300.3']);
  assert.deepEqual(s.reason, ['Associated with Example Network.']);
  assert.deepEqual(s.modifiedAt, ['2019-01-10']);
  assert.deepEqual(s.summary, [
    'Legal basis: 881/2002 (OJ L139) of 2002-05-29; 2019/49 (OJ L9) of 2019-01-10',
  ]);
});

test('dropped values are reported with file, line, field and record', async () => {
  const { warnings } = await load({ xml: FULL });
  assert.deepEqual(
    warnings.map((w) => [w.line, w.field, w.record]),
    [
      [24, 'nameAlias/@gender', '9101'],
      [33, 'birthdate/@calendarType', '9101'],
      [48, 'birthdate', '9102'],
      [56, 'address/@countryIso2Code', '9102'],
    ],
  );
  assert.match(
    warnings[0]!.message,
    /full\.xml: line 24: nameAlias\/@gender "X" is neither M nor F/,
  );
  assert.match(warnings[1]!.message, /ISLAMIC calendar/);
  assert.match(warnings[2]!.message, /birth details on an entity that is not a person/);
  assert.match(warnings[3]!.message, /country "QQ" \(ATLANTIS\) is not a known country/);
  for (const w of warnings) assert.equal(w.file, FULL);
});

test('a namespace prefix on every element reads the same', async () => {
  const text = readFileSync(FULL, 'utf8')
    .replace(/<(\/?)(\w+)/g, (m, slash: string, name: string) =>
      name === 'xml' ? m : `<${slash}fsd:${name}`,
    )
    .replace('xmlns="', 'xmlns:fsd="');
  assert.match(text, /<fsd:sanctionEntity /);
  const plain = await load({ xml: FULL });
  const prefixed = await load({ xml: file(text) });
  assert.deepEqual(prefixed.entities, plain.entities);
});

test('schema and dates from less common shapes: no classificationCode, unknown type, delisting', async () => {
  const path = file(`<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-02">
  <sanctionEntity logicalId="1" delistingDate="2025-12-31">
    <regulation programme="A" numberTitle="1/2020" publicationDate="2020-01-01"/>
    <regulation programme="B" numberTitle="2/2021" publicationDate="2021-01-01"/>
    <subjectType code="person"/>
    <nameAlias wholeName="Only Weak" strong="false" logicalId="11"/>
  </sanctionEntity>
  <sanctionEntity logicalId="2">
    <subjectType code="vessel" classificationCode="V"/>
    <nameAlias wholeName="Example Star" strong="true" logicalId="21"/>
  </sanctionEntity>
  <sanctionEntity logicalId="3">
    <subjectType code="person" classificationCode="P"/>
    <nameAlias wholeName="" strong="true" logicalId="31"/>
  </sanctionEntity>
</export>`);
  const { entities, warnings, publicationDate } = await load({ xml: path });
  assert.equal(publicationDate, '2026-01-02');
  assert.deepEqual(
    entities.map((e) => [e.id, e.schema]),
    [
      ['eu_fsf-1', 'Person'],
      ['eu_fsf-2', 'LegalEntity'],
    ],
  );
  const [p] = entities;
  // Only weak names: the first is the name all the same.
  assert.deepEqual(p!.properties.name, ['Only Weak']);
  assert.deepEqual(p!.programs, ['A', 'B']);
  assert.equal(p!.listingDate, '2020-01-01'); // no designationDate: the earliest act
  const s = rel(p!, 'eu_fsf-1-sanction').properties;
  assert.deepEqual(s.endDate, ['2025-12-31']);
  assert.deepEqual(s.modifiedAt, ['2021-01-01']);
  assert.deepEqual(
    warnings.map((w) => [w.record, w.field]),
    [
      ['2', 'subjectType'],
      ['3', 'nameAlias'],
    ],
  );
  assert.match(warnings[1]!.message, /entity 3 has no usable name; skipped/);
});

test('the eu_fsf source offers the XML as an alternative and downloads it as eu_fsf.xml', () => {
  assert.ok(source.alternatives?.includes(xmlFormat));
  assert.equal(xmlFormat.formatId, 'xml-1.1');
  assert.deepEqual(source.download, {
    formatId: 'xml-1.1',
    files: [
      {
        role: 'xml',
        url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
        name: 'eu_fsf.xml',
      },
    ],
  });
  const role = xmlFormat.files.find((f) => f.role === source.download!.files[0]!.role)!;
  assert.ok(role.pattern.test(source.download!.files[0]!.name));
  for (const name of [
    'eu_fsf.xml',
    '20260605-FULL-1_1(xsd).xml',
    'xmlFullSanctionsList_1_1.xml',
    'EXPORT.XML',
    'eu_sanctions_2026-06-05.xml',
  ])
    assert.ok(XML_FILE_PATTERN.test(name), name);
  for (const name of ['consolidated.xml', 'sdn.xml', 'eu_fsf.csv', 'eu_fsf.xml.gz'])
    assert.ok(!XML_FILE_PATTERN.test(name), name);
  // The CSV format does not claim the XML file, so the engine picks the XML format for it.
  assert.ok(!source.files.some((f) => f.pattern.test('eu_fsf.xml')));
});
