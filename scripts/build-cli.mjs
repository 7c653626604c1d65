// Bundles the CLI (src/cli/main.ts) and the batch screening worker (src/engine/batch/worker.ts)
// with esbuild, after tsc has compiled src/ to dist/ (scripts/build.mjs). A cold `embargo screen`
// spent most of its time loading ~285 ES modules one file at a time (resolve, read, compile, link:
// issue 17); a bundle is one file.
//
// - The CLI goes to dist/bundle/main.cjs: CommonJS, one file, so that bin/embargo.js can run it
//   through vm.Script with V8's code cache (Node 20 has no compile cache for ES modules). Each
//   command's module, imported by main.ts with `await import()`, is still evaluated only when
//   that command runs (esbuild wraps lazily imported modules in functions).
// - The worker goes to dist/bundle/worker.cjs, beside the CLI and in the same form, run with V8's
//   code cache as the CLI is: every worker of a batch compiled its ~0.9 MB bundle afresh, and
//   compiled again the functions its first queries run (issue 17). The pool forks `./worker.js`
//   beside itself (src/engine/batch/pool.ts), whether the pool runs in the bundle or in the
//   library (dist/index.js); that file, tsc's module replaced, is a launcher of the bundle
//   through bin/cached.js, so both start the bundled worker.
// - Packages stay external (imported from node_modules at run time) only where they must, see
//   {@link EXTERNAL}.
// - Modules find files relative to themselves (the regimes' measures, the built web UI, the code
//   fingerprint written by the build, package.json). In a bundle every module's `import.meta.url`
//   would be the bundle's (and in CommonJS there is none); each is rewritten to the URL its
//   tsc-compiled twin has in dist/, so the bundled code finds exactly what the compiled code finds.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * @param {string} base an expression for the bundle file's own URL
 */
function distImportMetaUrl(outdir, base) {
  return {
    name: 'dist-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const code = readFileSync(args.path, 'utf8');
        if (!args.path.startsWith(src + sep) || !code.includes('import.meta.url'))
          return { contents: code, loader: 'ts' };
        const twin = join(dist, relative(src, args.path)).replace(/\.ts$/, '.js');
        const rel = relative(outdir, twin).split(sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, ${base}).href`;
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
  target: 'node20',
  external: EXTERNAL,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Minified: a third less to read and to parse, ~15 ms CPU of a cold screen (A/B, 11 pairs).
  // Class and function names are kept as written (error messages and stack traces name them);
  // the source map beside the bundle maps the rest (`node --enable-source-maps`).
  minify: true,
  keepNames: true,
};

/** The bundled CLI, which bin/embargo.js runs. */
export const CLI_BUNDLE = join(dist, 'bundle', 'main.cjs');

/** The bundled batch worker, which dist/engine/batch/worker.js runs. */
export const WORKER_BUNDLE = join(dist, 'bundle', 'worker.cjs');

/**
 * The batch worker's launcher, written over tsc's dist/engine/batch/worker.js: the bundle run
 * with V8's code cache (its cache beside it, worker.cjs.cache: the workers run with other V8
 * flags than the CLI, and V8 refuses a cache made under other flags).
 */
const WORKER_LAUNCHER = `// Written by scripts/build-cli.mjs: the batch worker, bundled, run with V8's code cache.
import { runCached } from '../../../bin/cached.js';
runCached(new URL('../../bundle/worker.cjs', import.meta.url));
`;

/** Bundles the CLI into {@link CLI_BUNDLE} and the batch worker into {@link WORKER_BUNDLE}. */
export async function buildCli() {
  const cliOut = dirname(CLI_BUNDLE);
  rmSync(cliOut, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: {
      main: join(src, 'cli', 'main.ts'),
      worker: join(src, 'engine', 'batch', 'worker.ts'),
    },
    outdir: cliOut,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // `import()` of a package left external (pg) becomes `require`: a vm.Script has no loader
    // for `import()` but Node 20's experimental one, which warns on stderr.
    supported: { 'dynamic-import': false },
    // The bundle's own URL, for the rewritten `import.meta.url`s; first, so the file stays strict.
    banner: {
      js: '"use strict";\nconst __embargoBundleUrl = require("node:url").pathToFileURL(__filename).href;',
    },
    plugins: [distImportMetaUrl(cliOut, '__embargoBundleUrl')],
    // pool.ts reads `import.meta.resolve` only when it runs from the sources (through tsx).
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const workerOut = join(dist, 'engine', 'batch');
  rmSync(join(workerOut, 'worker.js.map'), { force: true });
  writeFileSync(join(workerOut, 'worker.js'), WORKER_LAUNCHER);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
