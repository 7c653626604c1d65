// Bundles the CLI (src/cli/main.ts) and the batch screening worker (src/engine/batch/worker.ts)
// with esbuild, after tsc has compiled src/ to dist/ (scripts/build.mjs). A cold `embargo screen`
// spent most of its time loading ~285 ES modules one file at a time (resolve, read, compile, link:
// issue 17); a bundle is a few files.
//
// - The CLI goes to dist/bundle/: main.js and one chunk per lazily imported command (esbuild's
//   splitting keeps main.ts's `await import()` of each command lazy), with shared chunks.
// - The worker goes to dist/engine/batch/worker.js, replacing tsc's module there: the pool forks
//   `./worker.js` beside itself (src/engine/batch/pool.ts), whether the pool runs in the bundle or
//   in the library (dist/index.js), so both start the bundled worker.
// - Packages stay external (imported from node_modules at run time): native (better-sqlite3) and
//   optional (pg) ones must, Fastify's plugins read files beside their own code, and the others
//   are a handful of files against our few hundred.
// - Modules find files relative to themselves (the regimes' measures, the built web UI, the code
//   fingerprint written by the build, package.json). In a bundle every module's `import.meta.url`
//   would be the bundle's; each is rewritten to the URL its tsc-compiled twin has in dist/, so the
//   bundled code finds exactly what the compiled code finds.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

/**
 * An esbuild plugin that gives each module of src/ the `import.meta.url` of its compiled twin
 * in dist/ (src/engine/impact.ts → dist/engine/impact.js), as a URL relative to the bundle file
 * it lands in (every output file of one build is in `outdir`, so one relative path serves all).
 * @param {string} outdir
 */
function distImportMetaUrl(outdir) {
  return {
    name: 'dist-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const code = readFileSync(args.path, 'utf8');
        if (!args.path.startsWith(src + sep) || !code.includes('import.meta.url'))
          return { contents: code, loader: 'ts' };
        const twin = join(dist, relative(src, args.path)).replace(/\.ts$/, '.js');
        const rel = relative(outdir, twin).split(sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        // `import.meta.url` as a whole token only (not `import.meta.urlFoo`).
        return { contents: code.replace(/\bimport\.meta\.url\b/g, url), loader: 'ts' };
      });
    },
  };
}

/**
 * Packages imported from node_modules at run time rather than bundled: native (better-sqlite3)
 * and optional (pg) ones, and the server's (Fastify and its plugins read files beside their own
 * code, and only `embargo serve` loads them). The others are bundled: TypeBox alone is ~220
 * module files, each resolved, read and compiled on its own.
 */
const EXTERNAL = ['better-sqlite3', 'pg', 'fastify', '@fastify/*', 'light-my-request'];

/** Options shared by both bundles. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Keeps class and function names as written: error messages and stack traces name them.
  keepNames: true,
  // The CommonJS packages bundled (commander, csv-parse…) require Node's built-ins; an ES module
  // has no `require` of its own, so each output file makes one.
  banner: {
    js: "import { createRequire as __embargoCreateRequire } from 'node:module';\nconst require = __embargoCreateRequire(import.meta.url);",
  },
};

/** Bundles the CLI into dist/bundle/ and the batch worker over dist/engine/batch/worker.js. */
export async function buildCli() {
  const cliOut = join(dist, 'bundle');
  rmSync(cliOut, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { main: join(src, 'cli', 'main.ts') },
    outdir: cliOut,
    splitting: true,
    chunkNames: '[name]-[hash]',
    plugins: [distImportMetaUrl(cliOut)],
  });
  const workerOut = join(dist, 'engine', 'batch');
  rmSync(join(workerOut, 'worker.js.map'), { force: true });
  await build({
    ...common,
    entryPoints: { worker: join(src, 'engine', 'batch', 'worker.ts') },
    outdir: workerOut,
    allowOverwrite: true,
    plugins: [distImportMetaUrl(workerOut)],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
