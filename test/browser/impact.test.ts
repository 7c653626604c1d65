/**
 * Issue 15 in the browser: the scenario page measures the two Hanoi accounts against the trade
 * baseline and shows both, and their difference, in its table and SVG charts. Debian's Chromium
 * through playwright-core; screenshots in test-results/screenshots/15-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { compareScenarios } from '../../src/engine/index.ts';
import { needsData, needsTrade } from '../helpers/data.ts';
import { needsChromium, SCREENSHOTS, startHarness, type Harness } from './_harness.ts';

const skip = needsChromium().skip ?? needsTrade().skip ?? needsData('un_sc', '2026-02-27').skip;

describe('the scenario page: what each Hanoi account is worth', skip ? { skip } : {}, () => {
  let h: Harness;
  let page: Page;
  const expected = compareScenarios('hanoi-2019-dprk-proposal', 'hanoi-2019-us-account');
  const workersKey = expected.gap.find((g) =>
    g.differing.includes('un-2397-op8-repatriate-workers'),
  )!.key;

  before(async () => {
    h = await startHarness({ lists: [['un_sc', '2026-02-27']] });
    page = h.page;
  });
  after(async () => {
    await h?.close();
  });

  test('both accounts and their difference are shown, in the totals and in the income chart', async () => {
    await page.goto(`${h.base}/#/scenario`);
    const income = page.locator('figure', { hasText: 'Income re-opened by measure' });
    await income.locator('svg').waitFor();

    const totals = page.locator('table.impact-totals');
    const rowText = async (name: RegExp) =>
      (await totals.getByRole('row', { name }).textContent()) ?? '';
    assert.match(await rowText(/^hanoi-2019-dprk-proposal/), /\$1,972–2,037 mn/);
    assert.match(await rowText(/^hanoi-2019-us-account/), /\$/);
    const diff = await rowText(/^Difference/);
    assert.ok(diff.includes('$500–2,300 mn'), diff);

    // The workers' row: no bar for A (North Korea's account keeps the labour measures), one for B
    // and one for the difference.
    const workers = income.locator(`g.bar-row[data-key="${workersKey}"]`);
    assert.equal(await workers.locator('g.series-a').count(), 0);
    assert.equal(await workers.locator('g.series-b').count(), 1);
    assert.equal(await workers.locator('g.series-diff').count(), 1);
    // Coal re-opens under both accounts, alike: bars for A and B, none for the difference.
    const coal = income.locator('g.bar-row[data-key="un-2371-op8-coal-export"]');
    assert.equal(await coal.locator('g.series-a').count(), 1);
    assert.equal(await coal.locator('g.series-b').count(), 1);
    assert.equal(await coal.locator('g.series-diff').count(), 0);
    const label = (await income.getByRole('img').getAttribute('aria-label')) ?? '';
    assert.match(label, /S\/RES\/2371 \(2017\) OP8: A: hanoi-2019-dprk-proposal \$1,180–1,200 mn/);
    await h.shot('15-impact');
  });

  test('the fuel chart shows the refined-petroleum caps lifted under both accounts', async () => {
    const fuel = page.locator('figure', { hasText: 'Fuel caps lifted by measure' });
    const label = (await fuel.getByRole('img').getAttribute('aria-label')) ?? '';
    assert.match(
      label,
      /OP5.*A: hanoi-2019-dprk-proposal 4,000,000 bbl, B: hanoi-2019-us-account 4,000,000 bbl/,
    );
  });

  test('the gap table lists the measures on which the accounts differ and the dollars at stake', async () => {
    const gap = page.locator('table.impact-gap');
    const row = gap.locator(`tr[data-key="${workersKey}"]`);
    const text = (await row.textContent()) ?? '';
    assert.match(text, /un-2397-op8-repatriate-workers/);
    assert.match(text, /\$500–2,300 mn/);
    assert.equal(await gap.locator('tbody tr').count(), expected.gap.length);
    await page.locator('details.impact-measures summary').click();
    const finance = page.locator('li[data-measure="un-2321-op32-trade-finance"]');
    assert.match((await finance.textContent()) ?? '', /not in the baseline/);
    await h.shot('15-impact-page', true);
    await page
      .locator('.impact-panel')
      .screenshot({ path: join(SCREENSHOTS, '15-impact-panel.png') });
  });
});
