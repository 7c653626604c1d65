/**
 * Issue 19, "a real OpenRefine reconciles against Embargo": Debian's OpenRefine 3.6, driven
 * through its own UI in Chromium, against the server as `embargo serve` runs it by default
 * (API keys on, no `--cors`), on the real UN (2026-02-27) and OFAC SDN (2023-12-28) lists. A
 * project is made from test/fixtures/openrefine/names.csv, the service is added by its URL
 * (with the key in the query, the only way OpenRefine 3.6 can send one), the column is
 * reconciled, "Search for match" suggests names by prefix, a candidate's preview renders in
 * OpenRefine's iframe, and "Add columns from reconciled values" adds the date of birth.
 * Screenshots: test-results/screenshots/19-openrefine-*.png.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { createApiKey } from '../../src/server/index.ts';
import { needsData } from '../helpers/data.ts';
import { needsChromium, startHarness, type Harness } from './_harness.ts';
import { needsOpenRefine, startOpenRefine, type OpenRefine } from './_openrefine.ts';

const NAMES = resolve(fileURLToPath(import.meta.url), '../../fixtures/openrefine/names.csv');

const requirements = () => {
  for (const r of [
    needsData('un_sc', '2026-02-27'),
    needsData('ofac_sdn', '2023-12-28'),
    needsChromium(),
    needsOpenRefine(),
  ])
    if (r.skip) return r;
  return {};
};

/** OpenRefine's grid: the text of every cell of a column, top to bottom. */
async function column(page: Page, name: string): Promise<string[]> {
  // Headers: "All" (over the star, flag and row number cells), then the data columns. The grid's
  // table is in the page before OpenRefine has filled its headers (seen in CI): wait for them.
  let headers: string[] = [];
  let at = -1;
  for (const until = Date.now() + 30_000; at < 0 && Date.now() < until;) {
    // A page still navigating (from the import preview to the project) has no context to read:
    // such a read is retried, as an empty grid is.
    headers = await page
      .locator('th.column-header .column-header-name')
      .allInnerTexts()
      .catch((err: Error) => {
        if (/context was destroyed|navigat/i.test(err.message)) return [];
        throw err;
      });
    at = headers.indexOf(name, 1);
    if (at < 0) await page.waitForTimeout(250);
  }
  if (at < 0) throw new Error(`no column ${name} in ${headers.join(', ')}`);
  const cells: string[] = [];
  for (const tr of await page.locator('table.data-table > tbody > tr').all())
    cells.push(
      (
        await tr
          .locator(':scope > td')
          .nth(at + 2)
          .innerText()
      ).trim(),
    );
  return cells;
}

/** Waits until OpenRefine shows no "Working..." box and runs no long process. */
async function idle(page: Page) {
  // A string: the tests are compiled without the DOM's types.
  await page.waitForFunction(
    "!document.querySelector('.dialog-busy, .process-panel .process')",
    null,
    {
      timeout: 120_000,
    },
  );
}

/** The grid's row of a given cell text in the first data column. */
function row(page: Page, name: string): Locator {
  return page.locator('table.data-table > tbody > tr', { hasText: name });
}

/** Opens a column's menu and follows a path of menu items. */
async function columnMenu(page: Page, col: string, ...items: string[]) {
  await page
    .locator('.column-header', { has: page.locator('.column-header-name', { hasText: col }) })
    .locator('.column-header-menu')
    .click();
  for (const item of items)
    await page.locator('.menu-item:visible', { hasText: item }).first().click();
}

describe('a real OpenRefine 3.6 against embargo serve (issue 19)', requirements(), () => {
  let h: Harness;
  let or: OpenRefine;
  let key: string;
  const seen: string[] = [];

  before(async () => {
    // OpenRefine's JVM and the lists load at the same time.
    const refine = startOpenRefine();
    try {
      h = await startHarness({
        auth: 'keys',
        lists: [
          ['un_sc', '2026-02-27'],
          ['ofac_sdn', '2023-12-28'],
        ],
      });
    } catch (err) {
      // Never leave a JVM behind.
      await (await refine.catch(() => undefined))?.stop();
      throw err;
    }
    key = (await createApiKey(h.engine, 'OpenRefine', 'read')).secret;
    or = await refine;
    // Every request the browser sends to Embargo (the browser side of OpenRefine: manifest,
    // suggest, preview, propose), with its status.
    h.page.on('response', (r) => {
      if (r.url().startsWith(h.base)) seen.push(`${r.status()} ${r.url().replace(key, 'KEY')}`);
    });
    h.page.setDefaultTimeout(60_000);
  });

  after(async () => {
    try {
      await h?.close();
    } finally {
      await or?.stop();
    }
  });

  test('issue 19 (OpenRefine): add the service, reconcile, suggest, preview, extend', async () => {
    const { page } = h;
    const service = `${h.base}/reconcile/default?api_key=${key}`;

    // A project from the fixture, through "Create project" → "This Computer".
    await page.goto(or.url);
    await page.locator('input[type=file]').first().setInputFiles(NAMES);
    await page.getByRole('button', { name: /Next/ }).click();
    await page
      .getByRole('button', { name: /Create project/ })
      .first()
      .click();
    // The import preview has a data table too: wait for the project's own page.
    await page.waitForURL(/\/project\?project=/);
    await page.locator('table.data-table').waitFor();
    assert.deepEqual(await column(page, 'name'), [
      'Nicolas Maduro Moros',
      'Vitaliy Zakharchenko',
      'Korea Mining Development Trading Corporation',
      'Helga Brightwater-Quince',
    ]);
    await h.shot('19-openrefine-1-project');

    // Reconcile → Start reconciling… → Add standard service (its URL, key in the query).
    await columnMenu(page, 'name', 'Reconcile', 'Start reconciling');
    await page.getByRole('button', { name: /Add standard service/i }).click();
    await page.locator('.dialog-frame input').last().fill(service);
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.locator('.recon-dialog-service-list', { hasText: 'Embargo' }).waitFor();
    await h.shot('19-openrefine-2-service-added');
    // OpenRefine asks the service to guess the column's types (a batch of queries, sent by its
    // server), then shows them; the list of services slides away on its opener.
    await idle(page);
    await page.locator('.recon-dialog-service-opener').click();
    await page.locator('.recon-dialog-service-list').waitFor({ state: 'hidden' });
    await page.locator('#noType').check();
    await h.shot('19-openrefine-3-reconcile-dialog');
    await page.getByRole('button', { name: /Start reconciling/ }).click();

    // The known SDN, UN and OFAC names are matched (OpenRefine's auto-match takes a candidate
    // Embargo marks `match: true`); the made-up name is not matched to anything.
    await page
      .locator('.data-table-cell-content a', { hasText: /MADURO/i })
      .first()
      .waitFor();
    await idle(page);
    await h.shot('19-openrefine-4-reconciled');
    const cells = await column(page, 'name');
    assert.match(cells[0]!, /MADURO MOROS, Nicolas/i);
    assert.match(cells[1]!, /ZAKHARCHENKO/i);
    assert.match(cells[2]!, /KOREA MINING DEVELOPMENT TRADING CORPORATION/i);
    assert.doesNotMatch(cells[3]!, /Choose new match/);

    // The preview: hovering a matched cell shows Embargo's card in OpenRefine's iframe.
    const matched = row(page, 'MADURO').locator('a[target=_blank]').first();
    // The link opens the entity in Embargo's web UI (the manifest's `view`).
    assert.match((await matched.getAttribute('href')) ?? '', new RegExp(`^${h.base}/#/entity/`));
    await matched.hover();
    const iframe = page.locator('iframe').first();
    await iframe.waitFor();
    const preview = (await iframe.elementHandle())!;
    const frame = (await preview.contentFrame()) as Frame;
    await frame.locator('h3').waitFor();
    assert.match(await frame.locator('h3').innerText(), /MADURO MOROS/i);
    assert.match(await frame.locator('table').innerText(), /birthDate\s+1962-11-23/);
    await h.shot('19-openrefine-5-preview');
    await page.mouse.move(0, 0);

    // Suggest: "Search for match" on the unmatched row; typing a prefix lists names starting
    // with it.
    await row(page, 'Brightwater').getByText('Search for match').click();
    const dialog = page.locator('.dialog-frame', { hasText: 'Search for match' });
    const input = dialog.locator('input:not([type=radio])').first();
    await input.fill('');
    const answer = page.waitForResponse(
      (r) =>
        r.url().includes('/suggest/entity') &&
        new URL(r.url()).searchParams.get('prefix') === 'zakh',
    );
    await input.pressSequentially('zakh', { delay: 100 });
    // The list shows the answer to the whole prefix (not one to "z" or "za" still on screen).
    const first = ((await (await answer).json()) as { result: { id: string }[] }).result[0];
    assert.ok(first, 'no suggestion for "zakh"');
    const list = page.locator('.fbs-list:visible .fbs-item-name');
    await list.first().filter({ hasText: first.id }).waitFor();
    const suggested = await list.allInnerTexts();
    assert.ok(suggested.length >= 2, suggested.join(' | '));
    for (const s of suggested) assert.match(s, /\bzakh/i);
    // Hovering a suggestion shows Embargo's card beside it (the manifest's flyout path).
    const vitaliy = list.filter({ hasText: 'ZAKHARCHENKO, Vitaliy' }).first();
    await vitaliy.hover();
    const flyout = page.locator('.fbs-flyout-pane:visible');
    await flyout.waitFor();
    assert.match(await flyout.innerText(), /ZAKHARCHENKO, Vitaliy[\s\S]*born 1963-01-20/);
    await h.shot('19-openrefine-6-suggest');
    // Escape closes the list (and, through OpenRefine's dialog system, maybe the dialog too).
    await page.keyboard.press('Escape');
    await page.locator('.fbs-pane').first().waitFor({ state: 'hidden' });
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Extend: "Add columns from reconciled values…", pick the date of birth.
    await columnMenu(page, 'name', 'Edit column', 'Add columns from reconciled values');
    await page.getByText('Date of birth').first().click();
    await page.locator('.extend-data-preview-dialog table, .dialog-frame table').last().waitFor();
    await h.shot('19-openrefine-7-extend-dialog');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('.column-header-name', { hasText: 'Date of birth' }).waitFor();
    await h.shot('19-openrefine-8-extended');
    const dob = await column(page, 'Date of birth');
    assert.equal(dob[0], '1962-11-23');
    assert.match(dob[1]!, /1963-01-20/);
    assert.equal(dob[3], '');

    // No request of OpenRefine's browser side to Embargo failed.
    const failed = seen.filter((s) => !/^[23]\d\d /.test(s));
    assert.deepEqual(failed, [], seen.join('\n'));
  });
});
