/**
 * The FollowTheMoney export of every list on hand validates against FtM's schema (issue 19):
 * each record's properties are FtM properties of its schema (Embargo's schema module is FtM's
 * subset; no reverse property such as `sanctions` or `unknownLinkTo` is exported as a value),
 * entity references point at a schema in the property's range, and values follow FtM's types:
 * transcribed from opensanctions/followthemoney `followthemoney/schema/Identification.yaml`
 * (commit 0092099b: holder range LegalEntity, number maxLength 64) and `followthemoney/types/`
 * (phone.py 9a2484d5: E.164; url.py 04d68923: a scheme; string.py 04d68923: string 1024, text
 * 65000; identifier.py c4c864dd: 64; common.py 5f659b15: 250 for any other type). FtM's name
 * length limit (rigour's MAX_NAME_LENGTH) is not checked: we could not read its value.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { isA, isSchemaName, schemaProperties, type SchemaName } from '../../src/core/index.ts';
import type { Engine, FtmRecord } from '../../src/engine/index.ts';
import { needsData } from '../helpers/data.ts';
import { loadedEngine, type ListLoad } from '../integration/server/_server.ts';

/** The latest snapshot of every list on hand. */
const ON_HAND: ListLoad[] = [
  ['un_sc', '2026-02-27'],
  ['ofac_sdn', '2024-05-03'],
  ['ofac_consolidated', '2025-12-19'],
  ['uk_ofsi', '2018-04-13'],
  ['eu_fsf', '2018-07-04_truncated'],
  ['us_bis_dpl', '2022-09-07'],
];

/** FtM ranges of the entity properties Embargo exports. */
const RANGE: Record<string, SchemaName> = {
  'Identification.holder': 'LegalEntity',
  'Passport.holder': 'LegalEntity',
  'Sanction.entity': 'Thing',
  'UnknownLink.subject': 'Thing',
  'UnknownLink.object': 'Thing',
  addressEntity: 'Address',
};
const MAX_LENGTH: Record<string, number> = {
  identifier: 64,
  phone: 64,
  string: 1024,
  text: 65000,
  url: 4096,
};
const E164 = /^\+[1-9]\d{7,14}$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const data = Object.assign({}, ...ON_HAND.map(([s, d]) => needsData(s, d))) as { skip?: string };

describe('FtM export of every list on hand', data, () => {
  let engine: Engine;
  let home: string;
  const records: FtmRecord[] = [];
  const warnings: string[] = [];
  before(async () => {
    ({ engine, home } = await loadedEngine(ON_HAND));
    for await (const r of engine.exportFtm((w) => warnings.push(w))) records.push(r);
  });
  after(() => {
    engine?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test("every record fits FtM's schema: properties, ranges, phones, URLs, lengths", () => {
    assert.ok(records.length > 50_000, `${records.length} records`);
    const byId = new Map(records.map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const r of records) {
      if (!isSchemaName(r.schema)) {
        problems.push(`${r.id}: schema ${r.schema}`);
        continue;
      }
      const types = schemaProperties(r.schema);
      for (const [prop, values] of Object.entries(r.properties)) {
        const type = types[prop];
        if (!type) {
          problems.push(`${r.id}: ${r.schema} has no property ${prop}`);
          continue;
        }
        for (const v of values) {
          if (type === 'entity') {
            const range = RANGE[`${r.schema}.${prop}`] ?? RANGE[prop] ?? 'Thing';
            const target = byId.get(v);
            if (target && isSchemaName(target.schema) && !isA(target.schema, range))
              problems.push(`${r.id}.${prop} → ${v} is a ${target.schema}, not a ${range}`);
            continue;
          }
          if (type === 'phone' && !E164.test(v)) problems.push(`${r.id}.phone ${v}: not E.164`);
          if (type === 'url' && !SCHEME.test(v)) problems.push(`${r.id}.${prop} ${v}: no scheme`);
          const max =
            r.schema === 'Identification' && prop === 'number' ? 64 : (MAX_LENGTH[type] ?? 250);
          if (type !== 'name' && [...v].length > max)
            problems.push(`${r.id}.${prop}: ${[...v].length} > ${max}`);
        }
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });

  test('what moved to stay valid FtM was said, and kept in the record', () => {
    for (const w of warnings.filter((x) => /kept in notes/.test(x))) {
      const id = w.slice(0, w.indexOf(':'));
      const r = records.find((x) => x.id === id);
      assert.ok(r?.properties.notes?.length || r?.properties.summary?.length, w);
    }
  });
});
