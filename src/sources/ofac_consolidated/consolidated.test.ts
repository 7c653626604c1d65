import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { validateListedEntity, type FtmEntity, type ListedEntity } from '../../core/index.ts';
import { listPath, needsData } from '../../../test/helpers/data.ts';
import { collect, filesIn } from '../_ofac/testing.ts';
import { source } from './index.ts';

const FIXTURES = resolve(
  fileURLToPath(import.meta.url),
  '../../../../test/fixtures/ofac_consolidated/basic',
);
const sanction = (e: ListedEntity): FtmEntity => e.related.find((r) => r.schema === 'Sanction')!;
const provisions = (e: ListedEntity): string[] => sanction(e).properties.provisions ?? [];

test('declares cons_prim.csv (required) and the optional cons_alt, cons_add, cons_comments', () => {
  const spec = Object.fromEntries(source.files.map((f) => [f.role, f]));
  assert.equal(source.id, 'ofac_consolidated');
  assert.equal(spec.primary!.required, true);
  assert.ok(spec.primary!.pattern.test('CONS_PRIM.CSV') && !spec.primary!.pattern.test('sdn.csv'));
  assert.ok(spec.alt!.pattern.test('cons_alt.csv') && !spec.alt!.required);
  assert.ok(spec.add!.pattern.test('cons_add.csv') && !spec.add!.required);
  assert.ok(spec.comments!.pattern.test('cons_comments.csv') && !spec.comments!.required);
});

describe('ofac_consolidated on the hand-written fixture set', () => {
  test('non-SDN entries are export.risk with the restriction of their programme', async () => {
    const { entities, ctx } = await collect(source, filesIn(source, FIXTURES));
    assert.equal(entities.length, 3);
    for (const e of entities) validateListedEntity(e);
    assert.ok(entities.every((e) => e.topics.join() === 'export.risk'));
    assert.deepEqual(
      [...ctx.counts.values()],
      [1, 1, 3], // cons_alt, cons_add, cons_prim
    );
    const [ssi, cmic, plc] = entities as [ListedEntity, ListedEntity, ListedEntity];
    assert.equal(ssi.id, 'ofac_consolidated-201');
    assert.equal(ssi.schema, 'Company');
    assert.deepEqual(ssi.programs, ['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    assert.match(provisions(ssi)[0]!, /^Sectoral Sanctions Identifications \(SSI\)/);
    assert.match(provisions(ssi)[1]!, /^Non-SDN Menu-Based Sanctions \(NS-MBS\)/);
    assert.ok(
      provisions(ssi).includes(
        'Executive Order 13662 Directive Determination - Subject to Directive 2',
      ),
    );
    assert.equal(ssi.listingDate, '2022-02-24');
    assert.deepEqual(sanction(ssi).properties.startDate, ['2022-03-26']);
    assert.deepEqual(ssi.properties.innCode, ['7700000001']);
    assert.deepEqual(ssi.properties.ogrnCode, ['1027700000001']);
    assert.deepEqual(ssi.properties.alias, ['EXAMPLE ENERGY']);
    assert.match(provisions(cmic)[0]!, /publicly traded securities/);
    assert.equal(cmic.listingDate, '2021-06-03');
    assert.equal(plc.schema, 'Person');
    assert.match(provisions(plc)[0]!, /^Non-SDN Palestinian Legislative Council/);
    assert.ok(!provisions(plc).some((p) => /^Blocking/.test(p)));
    assert.deepEqual(plc.properties.birthCountry, ['ps']);
  });
});

describe('Consolidated 2025-12-19', needsData('ofac_consolidated', '2025-12-19'), () => {
  test('442 non-blocking entries with their programmes and provisions', async () => {
    const { entities, ctx } = await collect(
      source,
      filesIn(source, listPath('ofac_consolidated', '2025-12-19')),
    );
    assert.equal(entities.length, 442);
    for (const e of entities) validateListedEntity(e);
    assert.deepEqual(Object.fromEntries([...ctx.counts].map(([f, n]) => [f.split('/').pop(), n])), {
      'cons_comments.csv': 10,
      'cons_alt.csv': 1073,
      'cons_add.csv': 574,
      'cons_prim.csv': 442,
    });
    assert.ok(entities.every((e) => e.topics.join() === 'export.risk'));
    assert.ok(!entities.some((e) => e.schema === 'Vessel' || e.schema === 'Airplane'));
    const tags: Record<string, number> = {};
    for (const e of entities) for (const p of e.programs) tags[p] = (tags[p] ?? 0) + 1;
    assert.equal(tags['UKRAINE-EO13662'], 286);
    assert.equal(tags['RUSSIA-EO14024'], 93);
    assert.equal(tags['NS-PLC'], 78);
    assert.equal(tags['CMIC-EO13959'], 68);
    assert.ok(!Object.keys(tags).some((t) => t.startsWith('DPRK')));
    const first = (program: string, re: RegExp): number =>
      entities.filter((e) => e.programs.includes(program) && provisions(e).some((p) => re.test(p)))
        .length;
    assert.equal(first('UKRAINE-EO13662', /^Sectoral Sanctions Identifications/), 286);
    assert.equal(first('CMIC-EO13959', /publicly traded securities/), 68);
    assert.equal(first('NS-PLC', /Palestinian Legislative Council/), 78);
    assert.equal(first('RUSSIA-EO14024', /NS-MBS/), 93);

    const vtb = entities.find((e) => e.sourceRecordId === '17013')!;
    assert.deepEqual(vtb.properties.name, ['VTB BANK PUBLIC JOINT STOCK COMPANY']);
    assert.deepEqual(vtb.properties.swiftBic, ['VTBRRUMM']);
    assert.deepEqual(vtb.properties.leiCode, ['253400V1H6ART1UQ0N98']);
    assert.deepEqual(vtb.properties.innCode, ['7702070139']);
    assert.deepEqual(vtb.properties.incorporationDate, ['1990-10-17']);
    assert.ok(
      provisions(vtb).includes(
        'Executive Order 13662 Directive Determination - Subject to Directive 1',
      ),
    );
    const kunlun = entities.find((e) => e.sourceRecordId === '15268')!;
    assert.deepEqual(kunlun.programs, ['561-Related']);
    assert.match(provisions(kunlun)[0]!, /payable-through/);
  });
});
