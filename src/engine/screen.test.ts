/**
 * A screening's coverage, kept between answers (see ScreeningService.answerCoverage): it is the
 * coverage the engine reports, and it follows the day (ages and staleness are whole UTC days)
 * and the lists asked for.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listPath, needsData } from '../../test/helpers/data.ts';
import { createEngine, type Engine } from './engine.ts';

const DAY_MS = 86_400_000;
const LIST_DATE = '2026-02-27';
const ageToday = () =>
  Math.round(
    (Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) -
      Date.parse(`${LIST_DATE}T00:00:00Z`)) /
      DAY_MS,
  );

describe('the coverage of screening answers', needsData('un_sc', LIST_DATE), () => {
  const home = mkdtempSync(join(tmpdir(), 'embargo-screen-coverage-'));
  let engine: Engine;
  const query = { schema: 'Person' as const, properties: { name: ['Kim Jong Un'] } };

  before(async () => {
    // The list is exactly as old as the limit today: stale from tomorrow on.
    engine = createEngine({ home, indexDir: false, maxAgeDays: ageToday() });
    await engine.loadList({ source: 'un_sc', paths: [listPath('un_sc', LIST_DATE)] });
  });
  after(async () => {
    await engine?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('every answer carries the coverage the engine reports, the same from one answer to the next', async () => {
    const a = await engine.screen(query);
    const b = await engine.screen(query);
    assert.deepEqual(a.coverage, await engine.coverage());
    assert.deepEqual(b.coverage, a.coverage);
    assert.equal(a.coverage?.checked_at, new Date().toISOString().slice(0, 10));
    assert.deepEqual(a.coverage?.stale, []);
    assert.equal(a.warnings, undefined);
  });

  test('lists asked for by name get their own coverage, and a missing one is warned of', async () => {
    await engine.screen(query);
    const r = await engine.screen(query, { sources: ['un_sc', 'eu_fsf'] });
    assert.deepEqual(r.coverage?.missing, ['eu_fsf']);
    assert.match(r.warnings?.join('\n') ?? '', /eu_fsf was asked for but is not loaded/);
    const all = await engine.screen(query);
    // Every list is relied on when none is asked for; a missing one is reported, not warned of.
    assert.ok(all.coverage?.missing.includes('eu_fsf'));
    assert.equal(all.warnings, undefined);
  });
  // Last: the clock then stays a day ahead for the engine's store reads.
  test('the next day an answer is checked that day, and a list past its age limit is stale and warned of', async () => {
    const prepared = await engine.prepareScreening();
    prepared.screen(query);
    const realNow = Date.now;
    Date.now = () => realNow() + DAY_MS;
    const tomorrow = new Date(Date.now()).toISOString().slice(0, 10);
    try {
      // Without reading the store again: the day an answer was checked is still its own.
      assert.equal(prepared.screen(query).coverage?.checked_at, tomorrow);
      const r = await engine.screen(query);
      assert.equal(r.coverage?.checked_at, tomorrow);
      assert.deepEqual(
        r.coverage?.stale.map((s) => [s.id, s.age_days]),
        [[`un_sc@${LIST_DATE}`, ageToday() + 1]],
      );
      assert.match(r.warnings?.join('\n') ?? '', /un_sc@2026-02-27 is \d+ days old/);
    } finally {
      Date.now = realNow;
    }
  });
});
