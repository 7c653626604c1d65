/**
 * The real OFSI ConList.csv of 2018-04-13 (counts from SOURCES.md), read in place.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { parseFile, type ParseResult } from './testing.ts';

const DPRK = "North Korea (Democratic People's Republic of Korea)";

type Row = Record<string, string>;
const rowsOf = (e: ListedEntity) => e.raw as Row[];
const related = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);

describe('uk_ofsi 2018-04-13 ConList.csv', needsData('uk_ofsi', '2018-04-13'), async () => {
  const path = listPath('uk_ofsi', '2018-04-13', 'ConList.csv');
  // The first parse of the process: its time includes the cold start (JIT, lookup tables).
  const result: ParseResult = await parseFile(path);
  const { entities } = result;
  const byId = new Map(entities.map((e) => [e.sourceRecordId, e]));
  const get = (id: string) => {
    const e = byId.get(id);
    assert.ok(e, `Group ID ${id} missing`);
    return e;
  };

  test('2,106 targets from 9,487 name rows; publication date from line 1', () => {
    assert.equal(entities.length, 2106);
    assert.equal(byId.size, 2106);
    assert.equal(result.counts[path], 9487);
    assert.equal(
      entities.reduce((n, e) => n + rowsOf(e).length, 0),
      9487,
    );
    assert.equal(result.publicationDate, '2018-04-13');
  });

  test('row counts by Group Type and Alias Type', () => {
    const count = (column: string) => {
      const c: Record<string, number> = {};
      for (const e of entities) for (const r of rowsOf(e)) c[r[column]!] = (c[r[column]!] ?? 0) + 1;
      return c;
    };
    assert.deepEqual(count('Group Type'), { Individual: 6857, Entity: 2630 });
    assert.deepEqual(count('Alias Type'), { 'Prime Alias': 2952, AKA: 6516, FKA: 19 });
    const schemas: Record<string, number> = {};
    for (const e of entities) schemas[e.schema] = (schemas[e.schema] ?? 0) + 1;
    // Company vs Organization follows the shared legal-form list, so only their sum is fixed here.
    assert.equal(schemas.Person, 1426);
    assert.equal(schemas.Vessel, 25);
    assert.equal((schemas.Company ?? 0) + (schemas.Organization ?? 0), 680 - 25);
  });

  test('242 targets under the North Korea regime', () => {
    const dprk = entities.filter((e) => e.programs.includes(DPRK));
    assert.equal(dprk.length, 242);
    assert.equal(
      dprk.reduce((n, e) => n + rowsOf(e).length, 0),
      574,
    );
  });

  test('every entity passes validation', () => {
    for (const e of entities) validateListedEntity(e);
  });

  test('the file is sorted by name, so a target’s rows are scattered; they are merged', () => {
    // Group 13349 has 16 name rows spread over the file.
    const e = get('13349');
    assert.equal(rowsOf(e).length, 16);
    assert.deepEqual(e.properties.name, ['Nayef Salam Muhammad Ujaym AL-HABABI']);
    assert.equal(e.properties.alias?.length, 7);
    assert.deepEqual(e.properties.birthDate, ['1980', '1981']);
    assert.deepEqual(e.properties.nationality, ['sa', 'qa']);
    assert.equal(related(e, 'Address').length, 1);
  });

  test('DPRK person: UN Ref.KPI.067 → KPi.067, full DOB, passport, position', () => {
    const e = get('13562');
    assert.equal(e.schema, 'Person');
    assert.deepEqual(e.properties.name, ['Kim Kyong IL']); // Name 6 " IL" trimmed
    assert.deepEqual(e.properties.alias, ["Kim KYO'NG-IL"]);
    assert.deepEqual(e.properties.birthDate, ['1979-08-01']);
    assert.deepEqual(e.properties.passportNumber, ['836210029']);
    assert.deepEqual(e.properties.position, [
      'Foreign Trade Bank deputy chief representative in Libya',
    ]);
    assert.deepEqual(e.programs, [DPRK, 'KPi']);
    const sanction = related(e, 'Sanction')[0]!;
    assert.deepEqual(sanction.properties.unscId, ['KPi.067']);
    assert.deepEqual(sanction.properties.listingDate, ['2017-12-22']);
    assert.deepEqual(sanction.properties.modifiedAt, ['2018-01-09']);
    assert.equal(e.listingDate, '2017-12-22');
  });

  test('DPRK person: partial DOB (00/00/1934), nationality kp, "UN Reference KPi.051"', () => {
    const e = get('13481');
    assert.deepEqual(e.properties.name, ['Ri Jae IL']);
    assert.deepEqual(e.properties.birthDate, ['1934']);
    assert.deepEqual(e.properties.nationality, ['kp']);
    assert.deepEqual(related(e, 'Sanction')[0]!.properties.unscId, ['KPi.051']);
  });

  test('DPRK person: "UN listing. KPi.023." without the word Ref; nationality "North Korean"', () => {
    const e = get('12441');
    assert.deepEqual(e.properties.birthDate, ['1964']);
    assert.deepEqual(e.properties.nationality, ['kp']);
    assert.deepEqual(related(e, 'Sanction')[0]!.properties.unscId, ['KPi.023']);
  });

  test('DPRK ship filed as an Entity is a Vessel; a shipping firm keeps its IMO company number', () => {
    const ship = get('13556');
    assert.equal(ship.schema, 'Vessel');
    assert.deepEqual(ship.properties.name, ['TONG SAN 2']);
    assert.deepEqual(ship.properties.imoNumber, ['8937675']);
    assert.deepEqual(ship.properties.mmsi, ['445539000']);
    const firm = get('13340');
    assert.equal(firm.schema, 'Company');
    assert.deepEqual(firm.properties.imoNumber, ['5342883']);
  });

  test('DPRK company: two addresses, KPe.020', () => {
    const e = get('13143');
    assert.equal(e.schema, 'Company');
    assert.deepEqual(e.properties.name, ['OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)']);
    assert.deepEqual(e.properties.country, ['kp']);
    assert.equal(related(e, 'Address').length, 2);
    assert.deepEqual(related(e, 'Sanction')[0]!.properties.unscId, ['KPe.020']);
  });

  test('a target under three regimes lists them all, listing date the earliest', () => {
    const e = get('9062');
    assert.deepEqual(e.properties.name, ['Qasem SOLEIMANI']);
    assert.deepEqual(e.programs, [
      'Syria',
      'Terrorism and Terrorist Financing',
      'Iran (nuclear proliferation)',
      'IRi',
    ]);
    assert.equal(e.listingDate, '2007-03-24');
  });

  test('warnings: six UN references without a programme code, three unknown countries', () => {
    const summary = result.warnings.map((w) => `${w.line}:${w.record}:${w.field}`).sort();
    assert.deepEqual(summary, [
      '2279:13007:Country',
      '3188:13572:Other Information',
      '3193:13570:Other Information',
      '4584:13573:Other Information',
      '5870:13633:Other Information',
      '5880:13355:Country',
      '5932:13638:Other Information',
      '8467:13574:Other Information',
      '8743:12979:Country',
    ]);
    for (const w of result.warnings) assert.equal(w.file, path);
  });
});
