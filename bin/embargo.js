#!/usr/bin/env node
// Node's default heap settings: a trade book judged with small semi-spaces (which this shebang
// used to set) ran 20% slower (npm run bench:trade); the server's workers and the batch's
// screening workers set them for themselves, where they keep memory down.
// The bundled CLI (dist/bundle/main.cjs, built on install by `npm run build`: one file loads much
// faster than the ~285 modules tsc leaves in dist/, issue 17), run with V8's code cache; the
// TypeScript sources through tsx when there is no build, or with EMBARGO_FROM_SOURCE=1
// (development and tests). tsx is a development dependency: an installed package runs dist/ and
// never needs it.
// node:fs without `import`, which would build its facade (see ./cached.js).
const { existsSync } = process.getBuiltinModule('node:fs');

const bundle = new URL('../dist/bundle/main.cjs', import.meta.url);
const source = new URL('../src/cli/main.ts', import.meta.url);
if (process.env.EMBARGO_FROM_SOURCE !== '1' && existsSync(bundle)) {
  const { runCached } = await import('./cached.js');
  runCached(bundle);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    register = undefined;
  }
  if (!register || !existsSync(source)) {
    const why = !existsSync(source)
      ? 'the TypeScript sources (src/) are not here'
      : 'tsx, the TypeScript loader, is not installed (it is a development dependency: npm install)';
    const build = existsSync(bundle)
      ? 'unset EMBARGO_FROM_SOURCE to run the compiled CLI'
      : 'run `npm run build` to compile the CLI to dist/';
    process.stderr.write(`embargo: cannot run from source: ${why}; ${build}\n`);
    process.exit(70); // EXIT.INTERNAL: the installation, not the call, is at fault
  }
  register();
  await import(source.href);
}
