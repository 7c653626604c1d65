// Runs a CommonJS bundle (the CLI, dist/bundle/main.cjs) through vm.Script with V8's code cache:
// compiling the ~3 MB bundle, and the functions a command then compiles lazily, was a fifth of a
// cold `embargo screen` (issue 17); Node 20 caches no module's code (module.enableCompileCache is
// Node 22). The cache is the file beside the bundle (`main.cjs.cache`), else one in the system's
// temporary folder when the package's folder is read-only; it is written when missing or
// refused (V8 refuses a cache of other source, another V8 or other flags), at exit, so it holds
// the functions the command compiled, and through a temporary file renamed over it, so a process
// never reads a half-written cache. A cache that cannot be read or written only costs time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * Runs the CommonJS file at `url` as Node would `require` it, with V8's code cache.
 * @param {URL} url
 */
export function runCached(url) {
  const file = fileURLToPath(url);
  const code = readFileSync(file, 'utf8');
  const candidates = [`${file}.cache`, tmpCache(file)];
  let cachedData;
  for (const c of candidates) {
    try {
      cachedData = readFileSync(c);
      break;
    } catch {
      // Not there: the next place, or none.
    }
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    {
      filename: file,
      ...(cachedData && { cachedData }),
      // `import()` in the bundle (of an optional package, pg) resolves as in any module.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  if (!cachedData || script.cachedDataRejected)
    process.once('exit', () => {
      const data = script.createCachedData();
      for (const c of candidates) if (write(c, data)) return;
    });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}

/** The cache's place in the temporary folder: one per user and bundle path. */
function tmpCache(file) {
  const key = createHash('sha256').update(file).digest('hex').slice(0, 16);
  let user = 'user';
  try {
    user = String(userInfo().uid);
  } catch {
    // No user entry (some containers): one folder for all.
  }
  return join(tmpdir(), `embargo-code-cache-${user}`, `${key}.cache`);
}

/** Writes `data` to `path` whole (temporary file, then rename); false if it could not. */
function write(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    return false;
  }
}
