// The UN parser on the real consolidated list of 2026-02-27 (counts from SOURCES.md), and the
// same file cut short.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  EmbargoError,
  ERROR_CODES,
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
} from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { collect, type Collected } from './testContext.ts';

const DATE = '2026-02-27';
const related = (e: ListedEntity, suffix: string): FtmEntity | undefined =>
  e.related.find((r) => r.id === `${e.id}-${suffix}`);

describe('un_sc on the real list of 2026-02-27', needsData('un_sc', DATE), async () => {
  const path = listPath('un_sc', DATE, 'consolidated.xml');
  let got: Collected;
  const byId = new Map<string, ListedEntity>();
  const count = (pred: (e: ListedEntity) => boolean) => got.entities.filter(pred).length;
  before(async () => {
    got = await collect(path);
    for (const e of got.entities) byId.set(e.id, e);
  });

  test('1,003 entries: 730 individuals (Person), 273 entities', () => {
    assert.equal(got.entities.length, 1003);
    assert.equal(byId.size, 1003, 'ids are unique');
    assert.equal(
      count((e) => e.schema === 'Person'),
      730,
    );
    assert.equal(
      count((e) => e.schema === 'Organization' || e.schema === 'Company'),
      273,
    );
    assert.equal(
      count((e) => e.schema === 'Vessel' || e.schema === 'Airplane'),
      0,
    );
    assert.deepEqual(got.counts, { [path]: 1003 });
    assert.equal(got.publicationDate, '2026-02-27');
  });

  test('per-list counts as in SOURCES.md', () => {
    const byList: Record<string, number> = {};
    for (const e of got.entities) byList[e.programs[0]!] = (byList[e.programs[0]!] ?? 0) + 1;
    assert.deepEqual(byList, {
      'Al-Qaida': 341,
      DPRK: 155,
      Taliban: 140,
      Iran: 121,
      Iraq: 75,
      DRC: 53,
      Libya: 30,
      Somalia: 24,
      CAR: 15,
      Haiti: 11,
      Yemen: 11,
      GB: 10,
      Sudan: 9,
      SouthSudan: 8,
    });
    assert.equal(
      count((e) => e.programs.join() === 'DPRK,KPi'),
      80,
    );
    assert.equal(
      count((e) => e.programs.join() === 'DPRK,KPe'),
      75,
    );
    assert.equal(
      count((e) => e.programs.includes('KPi') && e.schema !== 'Person'),
      0,
    );
  });

  test('every entity validates and carries one UN sanction', () => {
    for (const e of got.entities) {
      validateListedEntity(e);
      assert.deepEqual(e.topics, ['sanction']);
      const s = related(e, 'sanction');
      assert.ok(s, `${e.id} has a sanction`);
      assert.deepEqual(s.properties.unscId, [e.sourceRecordId]);
      assert.deepEqual(s.properties.authority, ['United Nations Security Council']);
      assert.equal(e.id, `un_sc-${e.sourceRecordId}`);
    }
  });

  test('no warnings on the real file', () => {
    assert.deepEqual(got.warnings, []);
  });

  test('KPe.001 KOMID: company, aliases, address, listing date', () => {
    const e = byId.get('un_sc-KPe.001')!;
    assert.equal(e.schema, 'Company');
    assert.deepEqual(e.properties.name, ['KOREA MINING DEVELOPMENT TRADING CORPORATION']);
    assert.deepEqual(e.properties.alias, [
      'CHANGGWANG SINYONG CORPORATION',
      'EXTERNAL TECHNOLOGY GENERAL CORPORATION',
      'DPRKN MINING DEVELOPMENT TRADING COOPERATION',
      '"KOMID"',
    ]);
    assert.deepEqual(e.programs, ['DPRK', 'KPe']);
    assert.equal(e.listingDate, '2009-04-24');
    assert.deepEqual(related(e, 'addr-1')!.properties, {
      full: ["Central District, Pyongyang, Democratic People's Republic of Korea"],
      street: ['Central District'],
      city: ['Pyongyang'],
      country: ['kp'],
    });
    assert.deepEqual(e.properties.country, ['kp']);
    assert.match(e.remarks[0]!, /^Primary arms dealer and main exporter/);
    assert.equal((e.raw as Record<string, unknown>).REFERENCE_NUMBER, 'KPe.001');
  });

  test('KPi.033 RI WON HO: date of birth, passport, nationality kp', () => {
    const e = byId.get('un_sc-KPi.033')!;
    assert.equal(e.schema, 'Person');
    assert.deepEqual(e.properties.name, ['RI WON HO']);
    assert.deepEqual(e.properties.firstName, ['RI']);
    assert.deepEqual(e.properties.secondName, ['WON HO']);
    assert.deepEqual(e.properties.birthDate, ['1964-07-17']);
    assert.deepEqual(e.properties.nationality, ['kp']);
    assert.deepEqual(e.properties.position, ['DPRK Ministry of State Security Official']);
    assert.deepEqual(e.properties.passportNumber, ['381310014']);
    const passport = related(e, 'id-1')!;
    assert.equal(passport.schema, 'Passport');
    assert.deepEqual(passport.properties.number, ['381310014']);
    assert.equal(e.listingDate, '2016-11-30');
    assert.deepEqual(related(e, 'sanction')!.properties.provisions, [
      'Asset freeze',
      'Travel ban',
      'Arms embargo',
    ]);
  });

  test('KPi.001 YUN HO-JIN: alias and latest update date', () => {
    const e = byId.get('un_sc-KPi.001')!;
    assert.deepEqual(e.properties.alias, ['Yun Ho-chin']);
    assert.deepEqual(e.properties.birthDate, ['1944-10-13']);
    assert.deepEqual(related(e, 'sanction')!.properties.modifiedAt, ['2022-07-26']);
  });

  test('DPRK shipping firms carry their IMO company numbers; no vessels are listed', () => {
    const withImo = got.entities.filter((e) => e.properties.imoNumber);
    assert.equal(withImo.length, 16);
    for (const e of withImo) {
      assert.equal(e.schema, 'Company');
      assert.deepEqual(e.programs, ['DPRK', 'KPe']);
    }
    assert.deepEqual(byId.get('un_sc-KPe.020')!.properties.imoNumber, ['1790183']);
    assert.deepEqual(byId.get('un_sc-KPe.066')!.properties.imoNumber, ['5434358']);
    assert.equal(byId.get('un_sc-KPe.031')!.schema, 'Organization'); // Reconnaissance General Bureau
  });

  test('years of a BETWEEN date of birth are each kept', () => {
    const e = byId.get('un_sc-QDi.055')!;
    assert.deepEqual(e.properties.birthDate, [
      '1937',
      '1938',
      '1939',
      '1940',
      '1941',
      '1942',
      '1943',
      '1944',
      '1945',
    ]);
  });
});

describe('un_sc on the real list cut short', needsData('un_sc', DATE), () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-un_sc-cut-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const real = () => readFileSync(listPath('un_sc', DATE, 'consolidated.xml'));

  const refusedAt = async (bytes: Buffer, pattern: RegExp) => {
    const path = join(dir, 'consolidated.xml');
    writeFileSync(path, bytes);
    const lastLine = bytes.toString('latin1').split('\n').length;
    await assert.rejects(collect(path), (err: unknown) => {
      assert.ok(err instanceof EmbargoError, String(err));
      assert.equal(err.code, ERROR_CODES.INPUT_REFUSED);
      assert.equal(err.file, path);
      assert.equal(err.line, lastLine);
      assert.match(err.message, pattern);
      return true;
    });
  };

  test('cut in the middle of a record', async () => {
    const bytes = real().subarray(0, 1_000_000);
    await refusedAt(bytes, /truncated: file ends at line \d+ inside <INDIVIDUAL> opened at line/);
  });

  test('cut inside a multi-byte character', async () => {
    const all = real();
    const at = all.indexOf(Buffer.from('’'), 1_000_000); // e2 80 99
    await refusedAt(all.subarray(0, at + 1), /truncated: .*UTF-8 character/);
  });

  test('cut just before the closing root tag', async () => {
    const all = real();
    const bytes = all.subarray(0, all.lastIndexOf(Buffer.from('</CONSOLIDATED_LIST>')));
    await refusedAt(bytes, /truncated: file ends at line \d+ inside <CONSOLIDATED_LIST>/);
  });
});
