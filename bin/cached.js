// Runs a CommonJS bundle (the CLI, dist/bundle/main.cjs) through vm.Script with V8's code cache:
// compiling the bundle, and the functions a command then compiles lazily, cost ~50 ms CPU of a
// cold `embargo screen` (issue 17); Node 20 caches no module's code (module.enableCompileCache is
// Node 22). The cache is the file beside the bundle (`main.cjs.cache`), as trusted as the bundle
// itself (never a shared temporary folder, where another user could plant code); it is written
// when missing or refused (V8 refuses a cache of other source, another V8 or other flags), at
// exit, so it holds the functions the command compiled, and through a temporary file renamed
// over it, so a process never reads a half-written cache. A cache that cannot be read or written
// (a read-only installation) only costs time.
//
// Node's built-ins through process.getBuiltinModule, not `import`: importing one into an ES module
// builds a facade of all its exports (node:fs's getters load every stream class).
const { readFileSync, renameSync, rmSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { dirname } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const vm = process.getBuiltinModule('node:vm');

/**
 * Runs the CommonJS file at `url` as Node would `require` it, with V8's code cache.
 * @param {URL} url
 */
export function runCached(url) {
  const file = fileURLToPath(url);
  const cache = `${file}.cache`;
  const code = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    // No cache yet: compiled from source, and the cache written at exit.
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    {
      filename: file,
      ...(cachedData && { cachedData }),
    },
  );
  if (!cachedData || script.cachedDataRejected)
    process.once('exit', () => write(cache, script.createCachedData()));
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}

/** Writes `data` to `path` whole (a temporary file renamed over it), or not at all. */
function write(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}
