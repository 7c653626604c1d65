/**
 * Writes the labelled pairs (`node --import tsx eval/pairs/generate.ts`): tuning.csv, and
 * heldout.csv the first time only. The held-out half was committed before the matcher was
 * changed and is never edited: when it exists, this script checks that the generator still
 * produces it byte for byte and fails if not, rather than rewrite it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePairs, pairsCsv as toCsv, splitPairs } from './_generate.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const { tuning, heldout } = splitPairs(generatePairs());
const heldoutPath = join(dir, 'heldout.csv');
const heldoutCsv = toCsv(heldout);
if (existsSync(heldoutPath)) {
  if (readFileSync(heldoutPath, 'utf8') !== heldoutCsv) {
    console.error(
      `${heldoutPath} differs from what the generator produces: the held-out half is never ` +
        'edited; restore it from git, or generate new pairs into new files.',
    );
    process.exit(1);
  }
} else writeFileSync(heldoutPath, heldoutCsv);
writeFileSync(join(dir, 'tuning.csv'), toCsv(tuning));
console.log(`${tuning.length} tuning pairs, ${heldout.length} held-out pairs`);
