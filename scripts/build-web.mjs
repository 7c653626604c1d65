// Builds the analyst web UI (web/) into dist/web/ (or the folder given as the first argument):
// one esbuild bundle of web/src/main.ts, plus the static files (index.html, CSS, icon, sample
// books) copied as they are. Everything is served from the server's own origin: no CDN.
// Called by scripts/build.mjs after tsc, and by the browser tests into a temporary folder.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');

/** Static files copied next to the bundle, relative to web/. */
const STATIC = ['index.html', 'styles.css', 'icon.svg', 'samples'];

/**
 * Builds the UI into `outdir` (default dist/web), replacing what was there.
 * @param {string} [outdir]
 * @returns {Promise<string>} the absolute output folder
 */
export async function buildWeb(outdir = join(root, 'dist', 'web')) {
  const out = resolve(outdir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(web, 'src', 'main.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    format: 'esm',
    // Chromium of Debian 12 and any browser of the last few years; no polyfills needed.
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    // No source map in the build that is served: it would hand out the UI's source
    // (EMBARGO_WEB_SOURCEMAP=1 makes one for debugging; the server still refuses to serve it).
    sourcemap: process.env.EMBARGO_WEB_SOURCEMAP === '1' ? 'linked' : false,
    logLevel: 'warning',
    // Type-only imports of the server's shapes (src/) vanish; a value import that reached Node
    // code would fail here (node:* does not resolve on the browser platform), not in the browser.
    platform: 'browser',
  });
  for (const name of STATIC) cpSync(join(web, name), join(out, name), { recursive: true });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildWeb(process.argv[2]);
  console.error(`web UI built into ${out}`);
}
