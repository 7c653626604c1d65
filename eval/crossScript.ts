/**
 * @module
 * The hand-written cross-script pairs of eval/pairs/cross-script (Burmese, Hebrew, Khmer,
 * Georgian, Armenian, Thai, kana): recall on the matching pairs and false-positive rate on the
 * non-matching ones, per script, for the tuning and the held-out half. A pair counts as found
 * when `engine.compare` scores it at or above the embargo threshold.
 * `node --import tsx eval/crossScript.ts` prints the table on its own, without loading any list
 * (token rarity then comes from no list: the figures differ slightly from `npm run eval`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../src/index.ts';
import type { SchemaName } from '../src/core/index.ts';
import { DEFAULT_THRESHOLDS } from '../src/match/index.ts';
import { readCsvObjects } from './data.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'pairs', 'cross-script');

/** One labelled pair: `name1` in the native script, `name2` its Latin form (or another name). */
export interface ScriptPair {
  id: string;
  script: string;
  category: string;
  polarity: 'match' | 'nonmatch';
  schema: string;
  name1: string;
  name2: string;
  note: string;
}

/** The pairs of one half, `tuning` or `heldout`. */
export function readScriptPairs(half: 'tuning' | 'heldout'): ScriptPair[] {
  const rows = readCsvObjects<ScriptPair>(join(DIR, `${half}.csv`));
  for (const [i, r] of rows.entries()) {
    if (r.polarity !== 'match' && r.polarity !== 'nonmatch')
      throw new Error(`${half}.csv line ${i + 2}: polarity must be match or nonmatch`);
  }
  return rows;
}

interface Tally {
  hits: number;
  matches: number;
  fps: number;
  nonmatches: number;
}

const pct = (n: number, d: number): string => (d ? ((100 * n) / d).toFixed(1) + '%' : 'n/a');

/**
 * Prints, per script and half, recall and false-positive rate, then the tuning pairs it got
 * wrong. Returns the wrong pairs' ids (both halves).
 */
export function crossScriptTable(engine: Engine, log: (line: string) => void = console.log) {
  const threshold = DEFAULT_THRESHOLDS.embargo;
  const wrong: string[] = [];
  const lines: string[] = [];
  const tallies = new Map<string, Map<string, Tally>>();
  for (const half of ['tuning', 'heldout'] as const) {
    for (const p of readScriptPairs(half)) {
      const r = engine.compare(p.name1, p.name2, { schema: p.schema as SchemaName });
      const byHalf = tallies.get(p.script) ?? new Map<string, Tally>();
      tallies.set(p.script, byHalf);
      const t = byHalf.get(half) ?? { hits: 0, matches: 0, fps: 0, nonmatches: 0 };
      byHalf.set(half, t);
      const found = r.score >= threshold;
      if (p.polarity === 'match') {
        t.matches++;
        if (found) t.hits++;
      } else {
        t.nonmatches++;
        if (found) t.fps++;
      }
      if (found !== (p.polarity === 'match')) {
        wrong.push(p.id);
        // Only the tuning half's misses are shown: the held-out half is counted, never looked at.
        if (half === 'tuning')
          lines.push(`  ${half} ${p.id} ${p.polarity}: ${p.name1} ~ ${p.name2}: ${r.score}`);
      }
    }
  }
  log(`cross-script pairs (eval/pairs/cross-script), threshold ${threshold}`);
  log('script      recall tuning  recall held-out  FPR tuning  FPR held-out');
  for (const [script, byHalf] of tallies) {
    const t = byHalf.get('tuning')!;
    const h = byHalf.get('heldout')!;
    log(
      `${script.padEnd(10)}  ${`${pct(t.hits, t.matches)} ${t.hits}/${t.matches}`.padStart(13)}  ${`${pct(h.hits, h.matches)} ${h.hits}/${h.matches}`.padStart(15)}  ${`${pct(t.fps, t.nonmatches)} ${t.fps}/${t.nonmatches}`.padStart(10)}  ${`${pct(h.fps, h.nonmatches)} ${h.fps}/${h.nonmatches}`.padStart(12)}`,
    );
  }
  log('cross-script pairs wrong (tuning half):');
  for (const l of lines) log(l);
  return wrong;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const home = mkdtempSync(join(tmpdir(), 'embargo-xs-'));
  const engine = createEngine({ home });
  try {
    crossScriptTable(engine);
  } finally {
    engine.close();
    rmSync(home, { recursive: true, force: true });
  }
}
