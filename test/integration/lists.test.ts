/**
 * End-to-end: the CLI loads the real mirror, reports status, diffs, shows and exports entities.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { entityProblems, type FtmEntity } from '../../src/core/index.ts';
import type { SourceStatus } from '../../src/engine/index.ts';
import { embargo, embargoJson, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

describe('lists update on the real mirror', needsData(), () => {
  const home = tempDir();
  let update: { status: number | null; stdout: string; stderr: string };

  before(() => {
    update = embargo(home, 'lists', 'update', '--from', listPath(), '--json');
  });

  test('loads every complete dated folder and skips the one without a primary file', () => {
    assert.equal(update.status, 0, update.stderr);
    const outcomes = JSON.parse(update.stdout) as {
      source: string;
      folder: string;
      outcome: string;
      reason?: string;
    }[];
    const skipped = outcomes.filter((o) => o.outcome === 'skipped');
    assert.deepEqual(
      skipped.map((o) => o.folder.split('/').slice(-2).join('/')),
      ['ofac_sdn/2025-12-24_no-primary'],
    );
    assert.match(skipped[0]!.reason!, /incomplete/);
    assert.equal(outcomes.filter((o) => o.outcome === 'loaded').length, 9);
  });

  test('status shows the newest snapshot of each source as active, with the counts of SOURCES.md', () => {
    const status = embargoJson<SourceStatus[]>(home, 'lists', 'status');
    const active = Object.fromEntries(status.map((s) => [s.source, s.active]));
    assert.equal(active.ofac_sdn?.id, 'ofac_sdn@2024-05-03');
    assert.equal(active.ofac_sdn?.entityCount, 14965);
    assert.equal(active.ofac_consolidated?.entityCount, 442);
    assert.equal(active.un_sc?.id, 'un_sc@2026-02-27');
    assert.equal(active.un_sc?.dateOrigin, 'file');
    assert.equal(active.un_sc?.entityCount, 1003);
    assert.equal(active.uk_ofsi?.id, 'uk_ofsi@2018-04-13');
    assert.equal(active.uk_ofsi?.entityCount, 2106);
    assert.equal(active.eu_fsf?.entityCount, 93);
    assert.equal(active.eu_fsf?.id, 'eu_fsf@2018-07-04');
    assert.equal(active.us_bis_dpl?.files[0]?.records, 581);
    const sdn = status.find((s) => s.source === 'ofac_sdn')!;
    assert.deepEqual(sdn.snapshots, [
      'ofac_sdn@2021-07-07',
      'ofac_sdn@2023-12-28',
      'ofac_sdn@2024-05-02',
      'ofac_sdn@2024-05-03',
    ]);
    for (const f of active.ofac_sdn!.files) assert.match(f.sha256, /^[0-9a-f]{64}$/);
  });

  test('the 2023-12-28 snapshot records its 17,091 alias rows; loading it again creates nothing', () => {
    const r = embargoJson<{
      status: string;
      snapshot: { id: string; files: { role: string; records: number }[] };
    }>(home, 'lists', 'load', 'ofac_sdn', listPath('ofac_sdn', '2023-12-28'));
    assert.equal(r.status, 'unchanged');
    assert.equal(r.snapshot.id, 'ofac_sdn@2023-12-28');
    assert.equal(r.snapshot.files.find((f) => f.role === 'alt')?.records, 17091);
  });

  test('diff of ofac_sdn reports exactly the 8 entries removed on 2024-05-03 and nothing else', () => {
    const diff = embargoJson<{
      from: string;
      to: string;
      added: unknown[];
      removed: { id: string; schema: string }[];
      changed: unknown[];
    }>(home, 'lists', 'diff', 'ofac_sdn');
    assert.equal(diff.from, 'ofac_sdn@2024-05-02');
    assert.equal(diff.to, 'ofac_sdn@2024-05-03');
    assert.equal(diff.removed.length, 8);
    assert.equal(diff.added.length, 0);
    assert.equal(diff.changed.length, 0);
    assert.equal(diff.removed.filter((e) => e.schema === 'Airplane').length, 7);
  });

  test('a second update finds nothing new and creates no snapshot', () => {
    const again = embargoJson<{ outcome: string }[]>(home, 'lists', 'update', '--from', listPath());
    assert.equal(again.filter((o) => o.outcome === 'loaded').length, 0);
    assert.equal(again.filter((o) => o.outcome === 'unchanged').length, 9);
  });

  test('entity shows a UN DPRK entity with its programmes, aliases and history', () => {
    const e = embargoJson<{
      id: string;
      schema: string;
      programs: string[];
      properties: Record<string, string[]>;
      firstSeen: string;
      lastChange: string;
      source: string;
      raw: unknown;
    }>(home, 'entity', 'un_sc-KPe.001');
    assert.equal(e.source, 'un_sc');
    assert.ok(e.programs.includes('KPe'));
    assert.ok(e.properties.alias?.includes('CHANGGWANG SINYONG CORPORATION'));
    assert.equal(e.firstSeen, '2026-02-27');
    assert.ok(e.raw);
  });

  test('an unknown entity id is refused with exit 3', () => {
    const r = embargo(home, 'entity', 'ofac_sdn-999999999', '--json');
    assert.equal(r.status, 3);
    assert.equal(JSON.parse(r.stderr).error.code, 'E_UNKNOWN_ID');
  });

  test('export --format ftm writes valid FtM, Sanction and Address entities included, every reference resolving', () => {
    const r = embargo(home, 'export', '--format', 'ftm');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FtmEntity & { datasets: string[]; target: boolean });
    const ids = new Set(lines.map((l) => l.id));
    assert.equal(ids.size, lines.length, 'ids are unique');
    const targets = lines.filter((l) => l.target);
    assert.equal(
      targets.length,
      14965 +
        442 +
        1003 +
        2106 +
        93 +
        lines.filter((l) => l.target && l.datasets[0] === 'us_bis_dpl').length,
    );
    const schemata = new Set(lines.map((l) => l.schema));
    for (const s of ['Person', 'Vessel', 'Airplane', 'Sanction', 'Address', 'Passport'])
      assert.ok(schemata.has(s as never), s);
    for (const l of lines) {
      assert.deepEqual(entityProblems(l), [], l.id);
      for (const prop of ['entity', 'addressEntity', 'holder', 'subject', 'object', 'owner']) {
        for (const ref of l.properties[prop] ?? [])
          assert.ok(ids.has(ref), `${l.id}.${prop} → ${ref}`);
      }
    }
  });
});
