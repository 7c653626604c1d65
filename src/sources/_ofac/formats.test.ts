import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import {
  sourceFormats,
  validateListedEntity,
  type FtmEntity,
  type ListedEntity,
  type ListSource,
} from '../../core/index.ts';
import { source as consolidated } from '../ofac_consolidated/index.ts';
import { source as sdn } from '../ofac_sdn/index.ts';
import { collect, filesIn } from './testing.ts';

// The same invented entries written three times, by hand, from each format's published layout:
// legacy CSV rows (sdn.csv, alt.csv, add.csv), sdn.xml and the advanced XML.
const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../../test/fixtures/ofac_xml');

/** Every format of a source applied to the fixture folder: formatId → entities by id. */
async function byFormat(
  source: ListSource,
  folder: string,
): Promise<Map<string, Map<string, ListedEntity>>> {
  const out = new Map<string, Map<string, ListedEntity>>();
  for (const format of sourceFormats(source)) {
    const files = filesIn(format, `${FIXTURES}/${folder}`);
    assert.ok(files.primary, `${format.formatId}: no file of the format in ${folder}`);
    const { entities, ctx } = await collect(format, files);
    assert.deepEqual(ctx.warnings, [], `${format.formatId} warned`);
    for (const e of entities) validateListedEntity(e);
    out.set(format.formatId, new Map(entities.map((e) => [e.id, e])));
  }
  return out;
}

/**
 * What every format must agree on. Left out, because the formats carry different detail:
 * - `remarks`: the CSV keeps every statement; sdn.xml only what has no element of its own
 *   ("(Linked To: …)"); the advanced XML has none.
 * - `raw`: each format's own record.
 * - `listingDate` and the Sanction's `listingDate`: only the advanced XML states the date an
 *   entry was listed (its EntryEvent); the CSV and sdn.xml state only directive listing dates.
 * - `alias`: the advanced XML adds the names OFAC publishes in other scripts (here the Cyrillic
 *   spelling of 101's name); the Latin aliases of every format are compared below.
 * - UnknownLink `role`: "Linked To" in the CSV and sdn.xml, the relation type ("Associate Of",
 *   "Owned or Controlled By") in the advanced XML; subject and object are compared.
 */
function comparable(e: ListedEntity): unknown {
  const { alias, ...properties } = e.properties;
  return {
    id: e.id,
    schema: e.schema,
    properties: {
      ...properties,
      alias: (alias ?? []).filter((a) => /^[\p{Script=Latin}\d\s\p{P}]+$/u.test(a)),
    },
    programs: e.programs,
    topics: e.topics,
    related: e.related.map(comparableRelated),
  };
}

function comparableRelated(r: FtmEntity): unknown {
  const { role: _role, listingDate: _listed, ...properties } = r.properties;
  return { id: r.id, schema: r.schema, properties };
}

describe('one OFAC entry in every format maps to the same entity', () => {
  for (const [source, folder, ids] of [
    [sdn, 'sdn', ['ofac_sdn-101', 'ofac_sdn-102', 'ofac_sdn-103', 'ofac_sdn-106', 'ofac_sdn-107']],
    [consolidated, 'consolidated', ['ofac_consolidated-201']],
  ] as const) {
    test(`${source.id}: CSV, sdn.xml and advanced XML give the same ids, schemata, names and facts`, async () => {
      const formats = await byFormat(source, folder);
      assert.deepEqual([...formats.keys()], ['csv', 'xml', 'advanced-xml']);
      const csv = formats.get('csv')!;
      assert.deepEqual([...csv.keys()], ids);
      for (const [formatId, entities] of formats) {
        assert.deepEqual([...entities.keys()], ids, `${formatId}: ids`);
        for (const id of ids)
          assert.deepEqual(
            comparable(entities.get(id)!),
            comparable(csv.get(id)!),
            `${formatId}: ${id} differs from the CSV`,
          );
      }
    });
  }

  test('the differences are the documented ones, and each format keeps its own record', async () => {
    const formats = await byFormat(sdn, 'sdn');
    const [csv, xml, adv] = ['csv', 'xml', 'advanced-xml'].map((f) =>
      formats.get(f)!.get('ofac_sdn-101')!,
    );
    assert.match(csv!.remarks[0]!, /^DOB 05 Mar 1961; .*Linked To: EXAMPLE SHIPPING CO., LTD\.$/);
    assert.deepEqual(xml!.remarks, ['(Linked To: EXAMPLE SHIPPING CO., LTD.)']);
    assert.deepEqual(adv!.remarks, []);
    assert.equal(csv!.listingDate, undefined);
    assert.equal(adv!.listingDate, '2016-12-02');
    assert.deepEqual(adv!.properties.alias, ['ТЕСТОВ, Иван Петрович', 'TESTOV, Ivan']);
    const role = (e: ListedEntity) =>
      e.related.find((r) => r.schema === 'UnknownLink')!.properties.role;
    assert.deepEqual(role(xml!), ['Linked To']);
    assert.deepEqual(role(adv!), ['Associate Of']);
    assert.ok((csv!.raw as { primary: unknown }).primary);
    assert.equal((xml!.raw as { uid: string }).uid, '101');
    assert.equal(
      (adv!.raw as { DistinctParty: { '@FixedRef': string } }).DistinctParty['@FixedRef'],
      '101',
    );
  });
});

describe('the sources declare their formats and download', () => {
  test('ofac_sdn reads CSV, sdn.xml and sdn_advanced.xml, and downloads SDN.XML', () => {
    const formats = sourceFormats(sdn);
    assert.deepEqual(
      formats.map((f) => f.formatId),
      ['csv', 'xml', 'advanced-xml'],
    );
    const [, xml, adv] = formats;
    assert.ok(xml!.files[0]!.pattern.test('SDN.XML') && xml!.files[0]!.pattern.test('sdn.xml'));
    assert.ok(!xml!.files[0]!.pattern.test('consolidated.xml'));
    assert.ok(adv!.files[0]!.pattern.test('SDN_ADVANCED.XML'));
    assert.ok(!adv!.files[0]!.pattern.test('sdn.xml'));
    assert.deepEqual(sdn.download, {
      formatId: 'xml',
      files: [
        {
          role: 'primary',
          url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
          name: 'sdn.xml',
        },
      ],
    });
    // The downloaded file fits the role of the format it names.
    const dl = sdn.download!;
    const format = formats.find((f) => f.formatId === dl.formatId)!;
    for (const file of dl.files)
      assert.ok(format.files.some((s) => s.role === file.role && s.pattern.test(file.name)));
  });

  test('ofac_consolidated reads consolidated.xml and cons_advanced.xml, and downloads CONSOLIDATED.XML', () => {
    const [, xml, adv] = sourceFormats(consolidated);
    assert.ok(
      xml!.files[0]!.pattern.test('CONSOLIDATED.XML') && !xml!.files[0]!.pattern.test('sdn.xml'),
    );
    assert.ok(adv!.files[0]!.pattern.test('CONS_ADVANCED.XML'));
    assert.equal(consolidated.download!.formatId, 'xml');
    assert.deepEqual(consolidated.download!.files[0], {
      role: 'primary',
      url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML',
      name: 'consolidated.xml',
    });
  });
});
