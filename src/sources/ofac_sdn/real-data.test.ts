// Counts and entities of the real OFAC SDN files described in shared/data/lists/SOURCES.md.
// Skipped when the data folder is missing (see test/helpers/data.ts).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { collect, filesIn, type RecordingContext } from '../_ofac/testing.ts';
import { source } from './index.ts';

interface Load {
  entities: ListedEntity[];
  ctx: RecordingContext;
  byId: Map<string, ListedEntity>;
  ms: number;
}

async function load(date: string): Promise<Load> {
  const t0 = performance.now();
  const { entities, ctx } = await collect(source, filesIn(source, listPath('ofac_sdn', date)));
  const ms = performance.now() - t0;
  return { entities, ctx, byId: new Map(entities.map((e) => [e.sourceRecordId, e])), ms };
}

const get = (l: Load, id: string): ListedEntity => {
  const e = l.byId.get(id);
  assert.ok(e, `entry ${id} not found`);
  return e;
};
const rel = (e: ListedEntity, schema: string): FtmEntity[] =>
  e.related.filter((r) => r.schema === schema);
const count = (es: ListedEntity[], pred: (e: ListedEntity) => boolean): number =>
  es.filter(pred).length;
const bySchema = (es: ListedEntity[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const e of es) out[e.schema] = (out[e.schema] ?? 0) + 1;
  return out;
};
const sdnType = (e: ListedEntity): string =>
  ((e.raw as { primary: Record<string, string> }).primary.SDN_Type ?? '').trim();
const isDprk = (e: ListedEntity): boolean => e.programs.some((p) => p.startsWith('DPRK'));
const counts = (ctx: RecordingContext): Record<string, number> =>
  Object.fromEntries([...ctx.counts].map(([f, n]) => [f.split('/').pop()!, n]));

describe('SDN 2024-05-03 (sdn.csv only)', needsData('ofac_sdn', '2024-05-03'), () => {
  let l: Load;
  before(async () => {
    l = await load('2024-05-03');
  });

  test('14,965 entries: 6,854 individuals, 6,884 entities, 851 vessels, 376 aircraft', () => {
    assert.equal(l.entities.length, 14965);
    assert.deepEqual(counts(l.ctx), { 'sdn.csv': 14965 });
    const s = bySchema(l.entities);
    assert.equal(s.Person, 6854);
    assert.equal((s.Organization ?? 0) + (s.Company ?? 0), 6884);
    assert.equal(s.Vessel, 851);
    assert.equal(s.Airplane, 376);
    assert.equal(s.LegalEntity, undefined);
  });

  test('every entity is valid; only SDN_Type vessel entries are Vessels', () => {
    for (const e of l.entities) validateListedEntity(e);
    for (const e of l.entities) assert.equal(e.schema === 'Vessel', sdnType(e) === 'vessel', e.id);
    assert.ok(l.entities.every((e) => e.topics.length === 1 && e.topics[0] === 'sanction'));
  });

  test('484 DPRK entries carry their programme tags', () => {
    const dprk = l.entities.filter(isDprk);
    assert.equal(dprk.length, 484);
    const tags: Record<string, number> = {};
    for (const e of dprk)
      for (const p of e.programs) if (p.startsWith('DPRK')) tags[p] = (tags[p] ?? 0) + 1;
    assert.deepEqual(tags, { DPRK: 57, DPRK2: 111, DPRK3: 147, DPRK4: 174, 'DPRK-NKSPEA': 2 });
    for (const e of dprk)
      assert.deepEqual(rel(e, 'Sanction')[0]!.properties.program, e.programs, e.id);
  });

  test('vessel IMO numbers: 844 of 851 vessels, all from remarks labelled IMO', () => {
    // SOURCES.md / the brief expected 842: that is the count of vessels whose remarks write
    // "IMO" followed by a single space. Two more write "IMO  NNNNNNN" with two spaces
    // (CHIZHOVKA 37032, MEKHANIK BRILIN 37043); they are IMO numbers all the same.
    const vessels = l.entities.filter((e) => e.schema === 'Vessel');
    const withImo = vessels.filter((e) => e.properties.imoNumber?.length);
    assert.equal(withImo.length, 844);
    const singleSpace = withImo.filter((e) => /IMO \d{7}/.test(e.remarks[0] ?? ''));
    assert.equal(singleSpace.length, 842);
    assert.deepEqual(
      withImo.filter((e) => !singleSpace.includes(e)).map((e) => e.sourceRecordId),
      ['37032', '37043'],
    );
    assert.deepEqual(get(l, '37032').properties.imoNumber, ['8730455']);
    // The seven others state no IMO number (an unlabelled registration number at most).
    assert.deepEqual(
      vessels.filter((e) => !withImo.includes(e)).map((e) => e.sourceRecordId),
      ['4238', '17104', '23424', '27200', '33809', '37479', '37482'],
    );
    for (const e of withImo) assert.match(e.properties.imoNumber![0]!, /^\d{7}$/);
  });

  test('company IMO numbers stay on companies (137), never making a Vessel', () => {
    const holders = l.entities.filter((e) => e.schema !== 'Vessel' && e.properties.imoNumber);
    assert.equal(holders.length, 137);
    assert.ok(holders.every((e) => e.schema === 'Company'));
  });

  test('a DPRK person: DOB, nationality, gender, passport with country and expiry', () => {
    const p = get(l, '22987');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.properties.name, ['PAE, Won Uk']);
    assert.deepEqual(p.properties.lastName, ['PAE']);
    assert.deepEqual(p.properties.firstName, ['Won Uk']);
    assert.deepEqual(p.programs, ['DPRK4']);
    assert.deepEqual(p.properties.birthDate, ['1969-08-22']);
    assert.deepEqual(p.properties.nationality, ['kp']);
    assert.deepEqual(p.properties.gender, ['male']);
    assert.deepEqual(p.properties.position, ['Korea Daesong Bank representative']);
    assert.deepEqual(p.properties.passportNumber, ['472120208']);
    assert.deepEqual(rel(p, 'Passport')[0]!.properties, {
      holder: ['ofac_sdn-22987'],
      number: ['472120208'],
      type: ['Passport'],
      country: ['kp'],
      endDate: ['2017-02-22'],
    });
    const provisions = rel(p, 'Sanction')[0]!.properties.provisions!;
    assert.ok(provisions.some((x) => x.startsWith('Secondary sanctions risk: North Korea')));
  });

  test('a DPRK vessel: IMO number, flag, type', () => {
    const v = get(l, '17069');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.name, ['CHONG CHON GANG']);
    assert.deepEqual(v.programs, ['DPRK']);
    assert.deepEqual(v.properties.imoNumber, ['7937317']);
    assert.deepEqual(v.properties.flag, ['kp']);
    assert.deepEqual(v.properties.type, ['General Cargo']);
    // "Vessel Registration Identification 8606173" does not say IMO: a registration number.
    const r = get(l, '17104');
    assert.equal(r.properties.imoNumber, undefined);
    assert.deepEqual(r.properties.registrationNumber, ['8606173']);
  });

  test('DPRK shipping companies with company IMO numbers stay companies', () => {
    const c = get(l, '17067');
    assert.equal(c.schema, 'Company');
    assert.deepEqual(c.properties.name, ['CHONGCHONGANG SHIPPING COMPANY LIMITED']);
    assert.deepEqual(c.properties.imoNumber, ['5342883']);
    assert.deepEqual(c.programs, ['DPRK']);
    const h = get(l, '23513');
    assert.equal(h.schema, 'Company');
    assert.deepEqual(h.properties.imoNumber, ['543400']);
  });

  test('weak aliases and links from the remarks', () => {
    assert.deepEqual(get(l, '9345').properties.weakAlias, ['KOMID']);
    const o = get(l, '15771');
    assert.deepEqual(
      rel(o, 'UnknownLink').map((x) => x.properties),
      [{ subject: ['ofac_sdn-15771'], object: ['ofac_sdn-19490'], role: ['Linked To'] }],
    );
    assert.deepEqual(get(l, '19490').properties.name, ['NATIONAL DEFENSE COMMISSION']);
    // Vessel NS LEADER is linked to, and owned by no one but, its listed company.
    const ns = get(l, '47371');
    assert.deepEqual(ns.properties.imoNumber, ['9339301']);
    assert.deepEqual(rel(ns, 'UnknownLink')[0]!.properties.object, ['ofac_sdn-47370']);
  });

  test('warnings: each names the file, and the line when it is about one entry', () => {
    const path = listPath('ofac_sdn', '2024-05-03', 'sdn.csv');
    assert.ok(l.ctx.warnings.length > 0 && l.ctx.warnings.length < 60, `${l.ctx.warnings.length}`);
    for (const w of l.ctx.warnings) {
      assert.equal(w.file, path);
      if (w.record) assert.ok(w.line! > 0 && w.message.includes(`line ${w.line}`), w.message);
    }
    const cut = l.ctx.warnings.filter((w) => w.field === 'Remarks');
    assert.equal(cut.length, 18);
    // Rosneft, Gazprom… are on the non-SDN list; MINISTRY OF STATE SECURITY names two entries.
    assert.ok(
      l.ctx.warnings.some((w) =>
        /8 "Linked To" name\(s\) match no entry of this load and 2 match several/.test(w.message),
      ),
    );
  });
});

describe(
  'SDN 2024-05-02 → 2024-05-03: 8 removed, nothing else changed',
  needsData('ofac_sdn', '2024-05-02'),
  () => {
    test(
      'entities present in both days map identically (raw aside)',
      needsData('ofac_sdn', '2024-05-03'),
      async () => {
        const [a, b] = [await load('2024-05-02'), await load('2024-05-03')];
        assert.equal(a.entities.length, 14973);
        const content = (e: ListedEntity): string => JSON.stringify({ ...e, raw: undefined });
        const removed: ListedEntity[] = [];
        let same = 0;
        for (const e of a.entities) {
          const other = b.byId.get(e.sourceRecordId);
          if (!other) removed.push(e);
          else {
            assert.equal(content(other), content(e), e.id);
            same++;
          }
        }
        assert.equal(same, 14965);
        assert.equal(removed.length, 8);
        assert.deepEqual(bySchema(removed), { Company: 1, Airplane: 7 });
        assert.ok(b.entities.every((e) => a.byId.has(e.sourceRecordId)));
      },
    );
  },
);

describe('SDN 2023-12-28 (sdn.csv, alt.csv, add.csv)', needsData('ofac_sdn', '2023-12-28'), () => {
  let l: Load;
  before(async () => {
    l = await load('2023-12-28');
  });

  test('13,821 entries; 17,091 alias rows and 18,990 address rows read', () => {
    assert.equal(l.entities.length, 13821);
    assert.deepEqual(counts(l.ctx), { 'alt.csv': 17091, 'add.csv': 18990, 'sdn.csv': 13821 });
    const s = bySchema(l.entities);
    assert.deepEqual(
      [s.Person, (s.Organization ?? 0) + (s.Company ?? 0), s.Vessel, s.Airplane],
      [6646, 6033, 764, 378],
    );
    assert.equal(count(l.entities, isDprk), 479);
    for (const e of l.entities) validateListedEntity(e);
  });

  test('aliases, addresses and weak aliases land on the entry', () => {
    const b = get(l, '306');
    assert.deepEqual(b.properties.alias, ['NATIONAL BANK OF CUBA']);
    assert.deepEqual(b.properties.weakAlias, ['BNC']);
    assert.equal(rel(b, 'Address').length, 4);
    assert.deepEqual(b.properties.country, ['ch', 'es', 'jp', 'pa']);
    assert.ok(rel(b, 'Address').every((a) => /^ofac_sdn-306-addr-\d+$/.test(a.id)));
    // SOURCES.md: the alias rows cover 6,667 entries.
    const withAlt = l.entities.filter((e) => (e.raw as { alt?: unknown[] }).alt?.length);
    assert.equal(withAlt.length, 6667);
    assert.ok(withAlt.every((e) => e.properties.alias || e.properties.previousName));
  });
});

describe('SDN 2021-07-07 (all four files)', needsData('ofac_sdn', '2021-07-07'), () => {
  test('8,976 entries and the remark continuations of sdn_comments.csv', async () => {
    const l = await load('2021-07-07');
    assert.equal(l.entities.length, 8976);
    assert.deepEqual(counts(l.ctx), {
      'sdn_comments.csv': 5,
      'alt.csv': 11910,
      'add.csv': 13837,
      'sdn.csv': 8976,
    });
    const s = bySchema(l.entities);
    assert.deepEqual(
      [s.Person, (s.Organization ?? 0) + (s.Company ?? 0), s.Vessel, s.Airplane],
      [4620, 3673, 406, 277],
    );
    assert.equal(count(l.entities, isDprk), 414);
    for (const e of l.entities) validateListedEntity(e);
    // The remark of 28263 breaks off in "a.k.a. 'snowsjo" and continues with "hn'; Linked To: …".
    const t = get(l, '28263');
    assert.ok(t.properties.weakAlias!.includes('snowsjohn'));
    assert.deepEqual(rel(t, 'UnknownLink')[0]!.properties.object, ['ofac_sdn-27307']);
    assert.deepEqual(get(l, '27307').properties.name, ['LAZARUS GROUP']);
    assert.ok(!l.ctx.warnings.some((w) => w.field === 'Remarks'));
  });
});

describe("other lists' real files given as sdn.csv", needsData(), () => {
  const cases: [string[], RegExp][] = [
    [['un_sc', '2026-02-27', 'consolidated.xml'], /looks like a UN Security Council XML file/],
    [['uk_ofsi', '2018-04-13', 'ConList.csv'], /looks like a UK OFSI ConList CSV/],
    [['eu_fsf', '2018-07-04_truncated', 'EUSanctionsShort.csv'], /looks like an EU FSF CSV file/],
    [['us_bis_dpl', '2022-09-07', 'dpl.txt'], /looks like a BIS Denied Persons List file/],
    [
      ['ofac_sdn', '2023-12-28', 'alt.csv'],
      /line 1: expected 12 columns \(OFAC sdn\.csv layout\), found 5/,
    ],
  ];
  for (const [parts, re] of cases)
    test(`${parts.join('/')} is refused`, needsData(...parts), async () => {
      await assert.rejects(collect(source, { primary: listPath(...parts) }), re);
    });
});

describe('SDN 2025-12-24_no-primary', needsData('ofac_sdn', '2025-12-24_no-primary'), () => {
  test('the set lacks the required sdn.csv and is refused', async () => {
    const files = filesIn(source, listPath('ofac_sdn', '2025-12-24_no-primary'));
    assert.deepEqual(Object.keys(files).sort(), ['add', 'alt', 'comments']);
    const missing = source.files.filter((f) => f.required && !files[f.role]).map((f) => f.role);
    assert.deepEqual(missing, ['primary']);
    await assert.rejects(collect(source, files), /no sdn\.csv/);
  });
});
