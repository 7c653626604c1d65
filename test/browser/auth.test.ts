/**
 * The UI against a server that wants API keys (issue 6, "Access"): without a key the page says
 * so and where to paste one; with the key pasted (kept in sessionStorage, sent as
 * `Authorization: ApiKey …`) the same search answers, and forgetting it brings the 401 back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../../src/server/index.ts';
import { needsData } from '../helpers/data.ts';
import { needsChromium, startHarness, type Harness } from './_harness.ts';

const requirements = () => {
  const r = needsData('un_sc', '2026-02-27');
  return r.skip ? r : needsChromium();
};

describe('the analyst UI with API keys on', requirements(), () => {
  let h: Harness;
  let secret: string;

  before(async () => {
    h = await startHarness({ auth: 'keys', lists: [['un_sc', '2026-02-27']] });
    secret = (await createApiKey(h.engine, 'browser test', 'analyst')).secret;
  });

  after(async () => {
    await h?.close();
  });

  test('issue 6 (keys): no key → the 401 is explained; the pasted key is sent and the search answers; Forget drops it', async () => {
    const { page } = h;
    const sent: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/match/')) sent.push(r.headers().authorization);
    });
    await page.goto(
      `${h.base}/#/screen?name=${encodeURIComponent('KOREA MINING DEVELOPMENT TRADING CORPORATION')}`,
    );
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /missing API key.*paste one under “API key”/);

    const keyToggle = page.locator('summary', { hasText: 'API key' });
    assert.match((await keyToggle.textContent()) ?? '', /no key/);
    await keyToggle.click();
    await page.getByLabel('API key', { exact: true }).fill(secret);
    await page.getByRole('button', { name: 'Use key' }).click();
    const results = page.getByRole('list', { name: 'Results' });
    await results.waitFor();
    assert.equal(
      await results.locator(':scope > li').first().getByRole('link').first().textContent(),
      'KOREA MINING DEVELOPMENT TRADING CORPORATION',
    );
    assert.equal(sent.at(-1), `ApiKey ${secret}`);
    assert.equal(await page.evaluate('sessionStorage.getItem("embargo.apiKey")'), secret);
    assert.match((await keyToggle.textContent()) ?? '', /key set/);
    await h.shot('6-api-key');

    await keyToggle.click();
    await page.getByRole('button', { name: 'Forget' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(sent.at(-1), undefined);
    assert.equal(await page.evaluate('sessionStorage.getItem("embargo.apiKey")'), null);
  });
});
