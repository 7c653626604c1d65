/**
 * @module
 * What the browser tests share: the UI built into a temporary folder, the real server listening
 * on 127.0.0.1 (random port) over an engine loaded from the real lists, and Debian's Chromium
 * driven by playwright-core with a fresh profile. Screenshots go to test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createEngine, type Engine } from '../../src/engine/index.ts';
import { buildServer } from '../../src/server/index.ts';
import { listPath } from '../helpers/data.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = process.env.EMBARGO_CHROMIUM ?? '/usr/bin/chromium';

/** Where the run saves its screenshots (gitignored). */
export const SCREENSHOTS = join(repoRoot, 'test-results', 'screenshots');

/**
 * Options for `describe()` that skip when Chromium is missing, or throw when
 * EMBARGO_REQUIRE_DATA=1 (CI installs it, so there it must run).
 */
export function needsChromium(): { skip?: string } {
  if (existsSync(CHROMIUM)) return {};
  if (process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(`EMBARGO_REQUIRE_DATA=1 but ${CHROMIUM} is missing: apt-get install chromium`);
  return { skip: `Chromium not found at ${CHROMIUM} (apt-get install chromium)` };
}

/** The lists the UI tests load, as `[source, folder under lists/]`, oldest first. */
export const LISTS: [string, string][] = [
  ['un_sc', '2026-02-27'],
  // An earlier complete SDN set first, so entities have a history and the lists page a diff;
  // the active one is 2023-12-28 (sdn, alt and add of one date).
  ['ofac_sdn', '2021-07-07'],
  ['ofac_sdn', '2023-12-28'],
];

/** A running server with its browser. */
export interface Harness {
  base: string;
  engine: Engine;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot of the page as test-results/screenshots/<name>.png. */
  shot(name: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

/** Builds the UI, loads the lists, starts the server and the browser. */
export async function startHarness(
  options: { auth?: 'keys' | 'none'; lists?: [string, string][] } = {},
): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'embargo-ui-'));
  const engine = createEngine({ home: join(tmp, 'home') });
  for (const [source, folder] of options.lists ?? LISTS)
    await engine.loadList({ source, paths: [listPath(source, folder)] });
  // build-web.mjs is the script the package build runs; the test builds into its own folder.
  const { buildWeb } = (await import(
    pathToFileURL(join(repoRoot, 'scripts', 'build-web.mjs')).href
  )) as { buildWeb: (outdir: string) => Promise<string> };
  const webRoot = await buildWeb(join(tmp, 'web'));
  const app = await buildServer({ engine, auth: options.auth ?? 'none', webRoot });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  // The index is built right after start-up; screen once so the first search does not wait.
  await engine.screen({ schema: 'Thing', properties: { name: ['warm up'] } }, { limit: 1 });
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // The laptop screen the UI is designed for.
    viewport: { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    engine,
    context,
    page,
    async shot(name, fullPage = false) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },
    async close() {
      await context.close();
      await app.close();
      engine.close();
      rmSync(tmp, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}
