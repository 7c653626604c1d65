import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
  type ParseWarning,
} from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { firstCitation, normalizeName } from './ids.ts';
import { source } from './index.ts';

const FILE = listPath('us_bis_dpl', '2022-09-07', 'dpl.txt');
const DATA = needsData('us_bis_dpl', '2022-09-07');
const dir = mkdtempSync(join(tmpdir(), 'embargo-dpl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function load(path: string) {
  const warnings: ParseWarning[] = [];
  const counts: Record<string, number> = {};
  let publicationDate: string | undefined;
  const entities: ListedEntity[] = [];
  const ctx = {
    warn: (w: ParseWarning) => warnings.push(w),
    setPublicationDate: (d: string) => (publicationDate = d),
    countRecords: (f: string, n: number) => (counts[f] = n),
  };
  for await (const e of source.parse({ dpl: path }, ctx)) entities.push(e);
  return { entities, warnings, publicationDate, count: counts[path] };
}

const sha16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const byName = (es: ListedEntity[], name: string) =>
  es.filter((e) => e.properties.name?.[0] === name);
const sanctionOf = (e: ListedEntity): FtmEntity => e.related.find((r) => r.schema === 'Sanction')!;
const addressesOf = (e: ListedEntity): FtmEntity[] =>
  e.related.filter((r) => r.schema === 'Address');

test('id parts: normalised name and first citation', () => {
  assert.equal(normalizeName(' I. ASH'), 'I ASH');
  assert.equal(normalizeName('AL-NASER  AIRLINES'), 'AL NASER AIRLINES');
  assert.equal(normalizeName('José "Pepe" Ficticio'), 'JOSE PEPE FICTICIO');
  assert.equal(firstCitation('68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06'), '68 F.R. 38290');
  for (const variant of [
    '80 F.R 57572 9/24/15 ',
    '80.F.R. 57572',
    '80F.R. 57572',
    '80 F.R.57572',
    '80 F.R.  57572',
  ])
    assert.equal(firstCitation(variant), '80 F.R. 57572', variant);
  assert.equal(firstCitation(''), '');
});

test('DPL 2022-09-07: counts, no publication date, warnings', DATA, async () => {
  const { entities, warnings, publicationDate, count } = await load(FILE);
  assert.equal(count, 581);
  // 581 rows → 460 parties: rows of one party under one order (one per address) merge.
  assert.equal(entities.length, 460);
  assert.equal(new Set(entities.map((e) => e.id)).size, 460);
  assert.equal(publicationDate, undefined);
  const bySchema: Record<string, number> = {};
  for (const e of entities) bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
  assert.deepEqual(bySchema, { LegalEntity: 391, Company: 69 });
  for (const e of entities) {
    assert.match(e.id, /^us_bis_dpl-[0-9a-f]{16}$/);
    assert.deepEqual(e.programs, ['DPL']);
    assert.deepEqual(e.topics, ['export.control']);
  }

  // The file's real errors: three impossible Last_Update years and a US state in Country.
  const bad = warnings.map((w) => [w.line, w.field]);
  assert.deepEqual(bad, [
    [35, 'Last_Update'],
    [306, 'Last_Update'],
    [343, 'Last_Update'],
    [521, 'Country'],
  ]);
  assert.match(
    warnings[1]!.message,
    /line 306: Last_Update "2922-09-01" is not a real date; dropped/,
  );
  assert.match(
    warnings[2]!.message,
    /line 343: Last_Update "3017-08-22" is not a real date; dropped/,
  );
  assert.match(warnings[0]!.message, /line 35: Last_Update "0222-05-18"/);
  for (const w of warnings) assert.equal(w.file, FILE);
});

test('DPL: every entity is valid', DATA, async () => {
  for (const e of (await load(FILE)).entities) validateListedEntity(e);
});

test('DPL: ids are stable across loads and independent of row order', DATA, async () => {
  const a = (await load(FILE)).entities.map((e) => e.id);
  const b = (await load(FILE)).entities.map((e) => e.id);
  assert.deepEqual(a, b);

  const [header, ...rows] = readFileSync(FILE, 'latin1').split('\n').filter(Boolean);
  // A fixed pseudo-random shuffle (LCG), so a failure can be reproduced.
  let seed = 42;
  for (let i = rows.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const shuffled = join(dir, 'dpl.txt');
  writeFileSync(shuffled, [header, ...rows].join('\n') + '\n', 'latin1');
  const c = (await load(shuffled)).entities.map((e) => e.id);
  assert.notDeepEqual(c, a); // the order did change…
  assert.deepEqual([...c].sort(), [...a].sort()); // …the ids did not
});

test('DPL: real rows mapped', DATA, async () => {
  const { entities } = await load(FILE);

  // " I. ASH" appears under two orders: two entities.
  const ash = byName(entities, 'I. ASH');
  assert.equal(ash.length, 2);
  const ash68 = ash.find((e) => e.id === `us_bis_dpl-${sha16('I ASH|68 F.R. 38290')}`)!;
  assert.equal(ash68.schema, 'LegalEntity');
  assert.equal(ash68.listingDate, '2003-06-19');
  const s = sanctionOf(ash68);
  assert.deepEqual(s.properties.authority, [
    'Bureau of Industry and Security (US Department of Commerce)',
  ]);
  assert.deepEqual(s.properties.country, ['us']);
  assert.deepEqual(s.properties.authorityId, ['68 F.R. 38290']);
  assert.deepEqual(s.properties.startDate, ['2003-06-19']);
  assert.deepEqual(s.properties.listingDate, ['2003-06-19']);
  assert.deepEqual(s.properties.endDate, ['2056-06-29']);
  assert.deepEqual(s.properties.modifiedAt, ['2007-01-31']);
  assert.deepEqual(s.properties.provisions, ['Denial of export privileges (15 CFR 764.3(a)(2))']);
  assert.deepEqual(s.properties.summary, [
    'Federal Register: 68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07',
    'Action: FEDERAL REGISTER NOTICE UPDATED',
  ]);
  const [addr] = addressesOf(ash68);
  assert.deepEqual(addr!.properties.city, ['SEAGOVILLE']);
  assert.deepEqual(addr!.properties.region, ['TX']);
  assert.deepEqual(addr!.properties.postalCode, ['75159']);
  assert.deepEqual(addr!.properties.country, ['us']);

  // Two rows, two addresses; the US one has a blank Country.
  const [zimo] = byName(entities, 'ZIMO SHENG');
  assert.equal(addressesOf(zimo!).length, 2);
  assert.deepEqual(zimo!.properties.country, ['cn']);
  assert.equal((zimo!.raw as { rows: unknown[] }).rows.length, 2);

  // "AL NASER AIRLINES" and "AL-NASER  AIRLINES" normalise alike under one order: one entity,
  // 8 rows, the 4 distinct addresses, the other spelling as an alias.
  const [naser] = byName(entities, 'AL NASER AIRLINES');
  assert.deepEqual(naser!.properties.alias, ['AL-NASER AIRLINES']);
  assert.equal((naser!.raw as { rows: unknown[] }).rows.length, 8);
  assert.equal(addressesOf(naser!).length, 4);
  assert.deepEqual(naser!.properties.country, ['iq', 'ae', 'jo']);

  const [freight] = byName(entities, 'AIR FREIGHT LTD');
  assert.equal(freight!.schema, 'Company');
  assert.equal(sanctionOf(freight!).properties.endDate![0], '2022-11-09');

  // Line 306's Last_Update (2922) is dropped; line 307's stands.
  const [knokke] = byName(entities, 'KNOKKE-HEIST SUPPORT CORPORATION MANAGEMENT');
  assert.equal(knokke!.schema, 'Company');
  assert.deepEqual(sanctionOf(knokke!).properties.modifiedAt, ['2022-09-01']);

  // PRC in the Country column is China.
  const [hu] = byName(entities, 'JOHNSON HU');
  assert.deepEqual(hu!.properties.country, ['cn']);
});
