/**
 * @module
 * A fingerprint of the code that turns list entities into a screening index: the model, the name
 * normalisation and the matcher (this build's files of `core/`, `normalize/` and `match/`), and the
 * versions of the packages they read names through. A stored index is keyed by it, so an index
 * written by other code (an upgrade, a patched transliteration table, a new spelling rule) under
 * the same package version is never loaded as if it were this code's: loading one would screen
 * with yesterday's spellings and could miss a name today's code finds.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The folders (beside this module's parent) whose code decides what the index holds. */
const FOLDERS = ['core', 'normalize', 'match'];

/** Packages the index's tokens depend on; their versions are part of the fingerprint. */
const PACKAGES = ['any-ascii', 'double-metaphone', 'fastest-levenshtein', 'i18n-iso-countries'];

/** Whether a file is code that runs (not a test, a type declaration or a source map). */
function isCode(name: string): boolean {
  return /\.(ts|js)$/.test(name) && !/\.test\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');
}

let memo: string | undefined;

/**
 * The fingerprint (hex) of the running code: from `src/` when run from source, from `dist/` when
 * built (where the build wrote it down). Hashing the ~150 files costs a few milliseconds.
 */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo;
  // A build writes the fingerprint of its own files beside this module (scripts/build.mjs):
  // read once instead of hashing every file in every process that starts.
  try {
    return (memo = (
      JSON.parse(readFileSync(new URL('./codeFingerprint.json', import.meta.url), 'utf8')) as {
        fingerprint: string;
      }
    ).fingerprint);
  } catch {
    // From source (or a build without it): hashed below.
  }
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('../', import.meta.url));
  for (const folder of FOLDERS) {
    const files = readdirSync(root + folder, { recursive: true, encoding: 'utf8' })
      .filter(isCode)
      .sort();
    for (const file of files) {
      hash.update(`${folder}/${file}\0`);
      hash.update(readFileSync(`${root}${folder}/${file}`));
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of PACKAGES) {
    let version = 'unknown';
    try {
      version = (require(`${name}/package.json`) as { version?: string }).version ?? version;
    } catch {
      // A package whose exports hide package.json: its resolved entry file stands for it.
      try {
        version = require.resolve(name);
      } catch {
        // Not installed: the index could not be built either; the key just says so.
      }
    }
    hash.update(`${name}@${version}\0`);
  }
  return (memo = hash.digest('hex').slice(0, 16));
}
