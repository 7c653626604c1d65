/**
 * End-to-end in a real browser (issue 6, "Done when"): Debian's Chromium, driven by
 * playwright-core, against the built UI served by `buildServer` over the real UN and OFAC SDN
 * lists. Searches "Kim Jong Un", opens the entity, checks a coal shipment from North Korea, runs
 * the Hanoi scenario on the sample book and sees its chart, compares two SDN snapshots; saves a
 * screenshot of each step to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { needsData } from '../helpers/data.ts';
import { LISTS, needsChromium, startHarness, type Harness } from './_harness.ts';

/** Skip unless every list the harness loads and Chromium are there. */
function requirements(): { skip?: string } {
  for (const [source, folder] of LISTS) {
    const r = needsData(source, folder);
    if (r.skip) return r;
  }
  return needsChromium();
}

describe('the analyst UI in Chromium, over the real lists', requirements(), () => {
  let h: Harness;
  let page: Page;

  before(async () => {
    h = await startHarness({ auth: 'none' });
    page = h.page;
  });

  after(async () => {
    await h?.close();
  });

  test('issue 6: "/" focuses the search, Enter screens "Kim Jong Un"; the top result is the SDN listing, a MATCH, explained token by token', async () => {
    await page.goto(`${h.base}/#/lists`);
    await page.getByRole('heading', { name: 'Lists', level: 1 }).waitFor();
    await page.keyboard.press('/');
    const name = page.getByLabel('Name', { exact: true });
    assert.ok(await name.evaluate((el) => el === el.ownerDocument.activeElement));
    // Focus order follows the form: name, birth date, country, schema, the button.
    const order: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate('document.activeElement.name || document.activeElement.textContent'),
      );
    }
    assert.deepEqual(order, ['dob', 'country', 'schema', 'Screen']);
    await name.focus();
    await page.keyboard.type('Kim Jong Un');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' });
    await results.waitFor();
    // The results are the list's own items (each holds lists of its own).
    const items = results.locator(':scope > li');
    const first = items.first();
    assert.equal(await first.getByRole('link').first().textContent(), 'KIM, Jong Un');
    assert.match((await first.textContent()) ?? '', /MATCH/);
    assert.match((await first.textContent()) ?? '', /DPRK3/);
    const meter = first.getByRole('meter');
    assert.equal(await meter.getAttribute('aria-valuenow'), '0.9');
    const pairs = await first
      .getByRole('list', { name: 'Token alignment' })
      .getByRole('listitem')
      .allTextContents();
    assert.deepEqual(
      pairs.map((p) => p.replace(/\s+/g, ' ').trim()),
      [
        'kim → paired with kim exact 1.00',
        'jong → paired with jong exact 1.00',
        'un → paired with un exact 1.00',
      ],
    );
    // Near misses are shown, flagged as such, below the match.
    assert.match((await items.nth(1).textContent()) ?? '', /no match/);
    await h.shot('1-screening');
  });

  test('issue 6: the entity page shows names, programmes, sources, addresses and the listing history across both SDN snapshots', async () => {
    await page
      .getByRole('list', { name: 'Results' })
      .getByRole('link', { name: 'KIM, Jong Un' })
      .first()
      .click();
    await page.getByRole('heading', { name: 'KIM, Jong Un', level: 1 }).waitFor();
    const section = (title: string) =>
      page.locator('section.panel', { has: page.getByRole('heading', { name: title }) });
    assert.match((await section('Programmes').textContent()) ?? '', /DPRK3/);
    assert.match((await section('Names').textContent()) ?? '', /Jong Un\s*first name/);
    assert.match((await section('Sources').textContent()) ?? '', /ofac_sdn@2023-12-28/);
    assert.match((await section('Addresses').textContent()) ?? '', /KP \(North Korea\)/);
    const history: string[][] = [];
    for (const row of await section('Listing history').locator('tbody tr').all())
      history.push(await row.locator('td').allTextContents());
    assert.deepEqual(history, [
      ['ofac_sdn@2021-07-07', '2021-07-07', 'added'],
      ['ofac_sdn@2023-12-28', '2023-12-28', 'unchanged'],
    ]);
    await h.shot('2-entity', true);
  });

  test('S/RES/2371 (2017) OP8: a coal shipment (HS 2701) from North Korea on 2018-03-10, entered in the form, is BLOCK under the UN, citing 2371', async () => {
    await page.goto(`${h.base}/#/trade`);
    await page.getByLabel('Date', { exact: true }).fill('2018-03-10');
    await page.getByLabel('Party 1 role').fill('exporter');
    await page.getByLabel('Party 1 name').fill('Hamhung Black Rock Trading');
    await page.getByLabel('Party 1 country').fill('KP');
    await page.getByRole('button', { name: '+ Add party' }).click();
    await page.getByLabel('Party 2 role').fill('importer');
    await page.getByLabel('Party 2 name').fill('Bohai Bay Energy Supply Co');
    await page.getByLabel('Party 2 country').fill('CN');
    await page.getByLabel('Origin', { exact: true }).fill('KP');
    await page.getByLabel('Destination', { exact: true }).fill('CN');
    await page.getByLabel('Goods 1 HS code').fill('2701');
    await page.getByLabel('Goods 1 quantity').fill('5000');
    await page.getByLabel('Goods 1 unit').selectOption('t');
    assert.ok(await page.getByLabel('UN Security Council').isChecked());
    await page.getByLabel('Goods 1 description').fill('Anthracite');
    await page.getByLabel('Goods 1 description').press('Enter');
    const un = page.getByRole('region', { name: 'UN Security Council verdict' });
    await un.waitFor();
    assert.match((await page.locator('.overall').textContent()) ?? '', /BLOCK/);
    assert.match((await un.locator('h3').textContent()) ?? '', /BLOCK/);
    const citations = await un.locator('cite').allTextContents();
    assert.ok(
      citations.some((c) => c.startsWith('S/RES/2371 (2017)')),
      `citations: ${citations.join(', ')}`,
    );
    await h.shot('3-trade-check', true);
  });

  test('the paste-JSON mode carries the form over and judges the same transaction: before the 2017 ban (--as-of 2015-06-01) the coal is CLEAR', async () => {
    await page.getByLabel('Paste JSON').check();
    const json = page.getByLabel('Transaction JSON');
    const tx = JSON.parse(await json.inputValue()) as { goods: { hs: string }[]; date: string };
    assert.equal(tx.date, '2018-03-10');
    assert.equal(tx.goods[0]!.hs, '2701');
    await page.getByLabel('Judge as of').fill('2015-06-01');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.overall', { hasText: 'CLEAR' }).waitFor();
  });

  test('issue 6: the Hanoi scenario (hanoi-2019-dprk-proposal) on the sample book shows its charts: coal (HS 27) and 2371 OP8 among the verdicts that change', async () => {
    await page.goto(`${h.base}/#/scenario`);
    await page.getByLabel('Scenario', { exact: true }).selectOption('hanoi-2019-dprk-proposal');
    await page.getByRole('button', { name: 'Use sample book' }).click();
    await page.getByRole('status').filter({ hasText: 'Sample book loaded' }).waitFor();
    await page.getByRole('button', { name: 'Run scenario' }).click();
    const byChapter = page.locator('figure', { hasText: 'Changed verdicts by HS chapter' });
    await byChapter.locator('svg').waitFor();
    const chapters = await byChapter
      .locator('g.bar-row')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
    assert.ok(chapters.includes('27'), `chapters: ${chapters.join(', ')}`);
    assert.ok((await byChapter.locator('rect').count()) >= chapters.length);
    await h.shot('4-scenario');
    const byMeasure = page.locator('figure', { hasText: 'Changed verdicts by lifted measure' });
    const label = (await byMeasure.getByRole('img').getAttribute('aria-label')) ?? '';
    assert.match(label, /S\/RES\/2371 \(2017\) OP8/);
    // Designations stay: the designated shipper's coal is BLOCK before and after.
    const all = page.locator('details', { hasText: 'Every transaction' });
    await all.locator('summary').click();
    const row = all.getByRole('row', { name: /bk-ryonbong/ });
    assert.deepEqual(await row.locator('.verdict').allTextContents(), ['✖ BLOCK', '✖ BLOCK']);
    await h.shot('4-scenario-full', true);
  });

  test('issue 6: the lists page shows each list with its count and age, and the differences between the two SDN snapshots', async () => {
    await page.goto(`${h.base}/#/lists`);
    const sdn = page.getByRole('row', { name: /ofac_sdn/ });
    await sdn.waitFor();
    assert.match((await sdn.textContent()) ?? '', /ofac_sdn@2023-12-28/);
    assert.match((await sdn.textContent()) ?? '', /stale/);
    await page.getByLabel('From snapshot').selectOption('ofac_sdn@2021-07-07');
    await page.getByRole('button', { name: 'Compare' }).click();
    const summary = page.locator('.diff-summary');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    const n = (what: string) =>
      Number(new RegExp(`([\\d,]+) ${what}`).exec(text)?.[1]?.replace(/,/g, ''));
    const diff = await h.engine.diff({ source: 'ofac_sdn' });
    assert.equal(n('added'), diff.added.length);
    assert.equal(n('removed'), diff.removed.length);
    assert.equal(n('changed'), diff.changed.length);
    await h.shot('5-lists', true);
  });
});
