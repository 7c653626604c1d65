import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import { authorityGaps, coverageOf, coveredSnapshot, notReady } from './coverage.ts';
import { maxListAgeDays, parseConfig } from './config.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = Date.parse('2026-12-07T15:30:00Z');
const snap = (source: 'un_sc' | 'ofac_sdn' | 'uk_ofsi' | 'uk_fcdo', date: string) => ({
  id: `${source}@${date}`,
  source,
  date,
});

test('a list is stale the day after it is more than maxAgeDays old, counted in UTC days', () => {
  assert.deepEqual(coveredSnapshot(snap('un_sc', '2026-11-30'), undefined, 7, NOW), {
    id: 'un_sc@2026-11-30',
    source: 'un_sc',
    list_date: '2026-11-30',
    age_days: 7,
    stale: false,
  });
  assert.equal(coveredSnapshot(snap('un_sc', '2026-11-29'), undefined, 7, NOW).stale, true);
  // 0 turns the check off, however old the list.
  assert.equal(coveredSnapshot(snap('un_sc', '2018-01-01'), undefined, 0, NOW).stale, false);
  assert.equal(coveredSnapshot(snap('un_sc', '2018-01-01'), undefined, 0, NOW).age_days, 3262);
});

test('a download that found the list still current counts as its age; a load from files does not', () => {
  const old = snap('un_sc', '2026-02-27');
  assert.equal(coveredSnapshot(old, '2026-12-06T23:00:00.000Z', 7, NOW).age_days, 1);
  assert.equal(coveredSnapshot(old, '2026-12-06T23:00:00.000Z', 7, NOW).stale, false);
  assert.equal(coveredSnapshot(old, undefined, 7, NOW).stale, true);
});

test('coverage lists the snapshots used, the relied-on lists missing and the stale ones', () => {
  const active = [
    coveredSnapshot(snap('ofac_sdn', '2026-12-05'), undefined, 7, NOW),
    coveredSnapshot(snap('un_sc', '2026-02-27'), undefined, 7, NOW),
  ];
  const c = coverageOf(active, ['un_sc', 'eu_fsf'], ['un_sc', 'eu_fsf'], 7, NOW);
  assert.deepEqual(
    c.snapshots.map((s) => s.id),
    ['un_sc@2026-02-27'],
  );
  assert.deepEqual(c.missing, ['eu_fsf']);
  assert.deepEqual(c.stale, [{ source: 'un_sc', id: 'un_sc@2026-02-27', age_days: 283 }]);
  assert.equal(c.max_age_days, 7);
  assert.equal(c.checked_at, '2026-12-07');
  assert.equal(coverageOf(active, undefined, [], 0, NOW).max_age_days, null);
});

test("an authority's gaps name the list missing or stale; one current UK list is enough", () => {
  const fresh = (s: 'un_sc' | 'uk_fcdo' | 'uk_ofsi') =>
    coveredSnapshot(snap(s, '2026-12-06'), undefined, 7, NOW);
  const stale = (s: 'un_sc' | 'uk_fcdo' | 'uk_ofsi') =>
    coveredSnapshot(snap(s, '2020-01-01'), undefined, 7, NOW);
  const us = authorityGaps('us', [fresh('un_sc')], 7);
  assert.equal(us.length, 1);
  assert.equal(us[0]!.kind, 'missing');
  assert.match(us[0]!.detail, /ofac_sdn is not loaded/);
  assert.deepEqual(authorityGaps('un', [fresh('un_sc')], 7), []);
  const un = authorityGaps('un', [stale('un_sc')], 7);
  assert.equal(un[0]!.kind, 'stale');
  assert.match(un[0]!.detail, /un_sc@2020-01-01 is \d+ days old/);
  assert.deepEqual(authorityGaps('uk', [stale('uk_ofsi'), fresh('uk_fcdo')], 7), []);
  assert.equal(authorityGaps('uk', [stale('uk_ofsi')], 7)[0]!.kind, 'stale');
  assert.match(authorityGaps('uk', [], 7)[0]!.detail, /neither uk_fcdo nor uk_ofsi is loaded/);
});

test('not ready names the lists asked for, or says no lists are loaded', () => {
  assert.match(notReady().message, /no lists are loaded/);
  assert.equal(notReady().code, 'E_NOT_READY');
  assert.match(notReady(['uk_fcdo']).message, /^uk_fcdo is not loaded/);
});

test('lists.maxAgeDays is read from the configuration, the environment wins, bad values name themselves', () => {
  assert.equal(parseConfig({ lists: { maxAgeDays: 30 } }, 'c.json').lists?.maxAgeDays, 30);
  for (const bad of [-1, 1.5, '7', null])
    assert.throws(
      () => parseConfig({ lists: { maxAgeDays: bad } }, 'c.json'),
      (e: EmbargoError) => e.code === 'E_USAGE' && e.field === 'lists.maxAgeDays',
    );
  assert.throws(
    () => parseConfig({ lists: { maxAge: 3 } }, 'c.json'),
    (e: EmbargoError) => e.field === 'lists.maxAge',
  );
  const home = mkdtempSync(join(tmpdir(), 'embargo-coverage-'));
  assert.equal(maxListAgeDays(home, {}), 7);
  writeFileSync(join(home, 'config.json'), JSON.stringify({ lists: { maxAgeDays: 30 } }));
  assert.equal(maxListAgeDays(home, {}), 30);
  assert.equal(maxListAgeDays(home, { EMBARGO_MAX_LIST_AGE_DAYS: '0' }), 0);
  assert.equal(maxListAgeDays(home, { EMBARGO_MAX_LIST_AGE_DAYS: '3' }), 3);
  assert.throws(
    () => maxListAgeDays(home, { EMBARGO_MAX_LIST_AGE_DAYS: 'week' }),
    (e: EmbargoError) => e.code === 'E_USAGE' && /EMBARGO_MAX_LIST_AGE_DAYS=week/.test(e.message),
  );
});
