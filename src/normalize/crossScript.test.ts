// Coverage of the real cross-script evaluation files: for each pair, does every token of the Latin
// name find a token on the other side sharing a form, a phonetic key or a consonant skeleton (or a
// pair of adjacent tokens whose joined forms do)? That is what the matcher needs to score the pair
// at all. Rows are never special-cased here; a row that fails needs a better rule.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { dataDir } from '../../test/helpers/data.ts';
import { detectScript, phoneticKeys, skeleton, tokenizeName, type NameToken } from './index.ts';

const EVAL = join(dataDir(), 'eval');

function needsEval(file: string): { skip?: string } {
  const path = join(EVAL, file);
  if (existsSync(path)) return {};
  if (process.env.EMBARGO_REQUIRE_DATA === '1')
    throw new Error(`EMBARGO_REQUIRE_DATA=1 but ${path} is missing; set EMBARGO_DATA_DIR`);
  return { skip: `evaluation data not found at ${path} (set EMBARGO_DATA_DIR to run this test)` };
}

/** How a Latin token was reached: strictly (one token or an adjacent pair) or by a longer run. */
type How = 'form' | 'phonetic' | 'skeleton' | 'initial' | 'joined' | 'run';

interface Keys {
  forms: Set<string>;
  phonetic: Set<string>;
  skeletons: Set<string>;
}

function keysOf(forms: Iterable<string>): Keys {
  const keys: Keys = { forms: new Set(), phonetic: new Set(), skeletons: new Set() };
  for (const f of forms) {
    keys.forms.add(f);
    for (const k of phoneticKeys(f)) keys.phonetic.add(k);
    const s = skeleton(f);
    if (s) keys.skeletons.add(s);
  }
  return keys;
}

function compare(a: Keys, b: Keys): 'form' | 'phonetic' | 'skeleton' | undefined {
  for (const f of a.forms) if (b.forms.has(f)) return 'form';
  for (const k of a.phonetic) if (b.phonetic.has(k)) return 'phonetic';
  for (const s of a.skeletons) if (b.skeletons.has(s)) return 'skeleton';
  return undefined;
}

/** Every spelling of tokens i..j joined, all combinations for a pair, primary forms beyond. */
function joined(tokens: NameToken[], i: number, j: number): string[] {
  if (j === i + 1) {
    const out: string[] = [];
    for (const a of tokens[i]!.forms) for (const b of tokens[j]!.forms) out.push(a + b);
    return out;
  }
  return [
    tokens
      .slice(i, j + 1)
      .map((t) => t.text)
      .join(''),
  ];
}

const RANK: Record<How, number> = {
  form: 0,
  phonetic: 1,
  skeleton: 2,
  initial: 3,
  joined: 4,
  run: 5,
};

function reach(latin: NameToken, other: NameToken[]): How | undefined {
  const mine = keysOf(latin.forms);
  let best: How | undefined;
  const consider = (how: How | undefined): void => {
    if (how && (!best || RANK[how] < RANK[best])) best = how;
  };
  for (const t of other) {
    consider(compare(mine, keysOf(t.forms)));
    if (latin.kind === 'initial' && t.forms.some((f) => f.startsWith(latin.text)))
      consider('initial');
    if (t.kind === 'initial' && latin.forms.some((f) => f.startsWith(t.text))) consider('initial');
  }
  if (best) return best;
  for (let i = 0; i + 1 < other.length; i++) {
    if (compare(mine, keysOf(joined(other, i, i + 1)))) return 'joined';
  }
  // Longer runs (a transcribed foreign name in Hangul or Han, one token per syllable): reported,
  // but not part of the strict coverage the brief asks for.
  for (let len = 3; len <= 6; len++) {
    for (let i = 0; i + len <= other.length; i++) {
      if (compare(mine, keysOf(joined(other, i, i + len - 1)))) return 'run';
    }
  }
  return undefined;
}

interface Coverage {
  strict: boolean;
  withRuns: boolean;
  detail: string;
}

function coverage(query: string, latinName: string): Coverage {
  const other = tokenizeName(query);
  const parts: string[] = [];
  let strict = true;
  let withRuns = true;
  for (const token of tokenizeName(latinName)) {
    if (token.kind !== 'word' && token.kind !== 'initial') continue;
    const how = reach(token, other);
    parts.push(`${token.text}:${how ?? 'MISSING'}`);
    if (!how) withRuns = false;
    if (!how || how === 'run') strict = false;
  }
  return { strict, withRuns, detail: parts.join(' ') };
}

interface Pair {
  section: string;
  query: string;
  latin: string;
}

function readPairs(): Pair[] {
  const pairs: Pair[] = [];
  let section = '';
  for (const line of readFileSync(join(EVAL, 'cross-script-pairs.csv'), 'utf8').split('\n')) {
    const text = line.trim();
    if (!text) continue;
    if (text.startsWith('#')) {
      // Section headers such as "# Cyrillic to Latin (…)" say which script the queries are in.
      const m = /^#\s*(.+?) to Latin/.exec(text);
      if (m) section = m[1]!;
      continue;
    }
    const [query, latin] = text.split(',');
    pairs.push({ section, query: query!, latin: latin! });
  }
  return pairs;
}

function report(title: string, rows: [string, string, Coverage][]): void {
  const lines = rows.map(
    ([q, l, c]) =>
      `  ${c.strict ? 'covered ' : c.withRuns ? 'run-only' : 'MISSING '}  ${q}  →  ${l}  [${c.detail}]`,
  );
  const strict = rows.filter((r) => r[2].strict).length;
  const runs = rows.filter((r) => r[2].withRuns).length;
  console.log(
    `${title}: ${strict}/${rows.length} covered, ${runs} with longer runs\n${lines.join('\n')}`,
  );
}

describe('cross-script pairs of the evaluation set', needsEval('cross-script-pairs.csv'), () => {
  const pairs = existsSync(join(EVAL, 'cross-script-pairs.csv')) ? readPairs() : [];

  test('every Cyrillic, Hangul and Chinese (pinyin or Sino-Korean) pair is covered', () => {
    const musts = pairs.filter((p) => /Cyrillic|Chinese|Hangul/.test(p.section));
    assert.ok(musts.length >= 10, 'the section headers of the file changed');
    for (const p of musts) {
      const c = coverage(p.query, p.latin);
      assert.ok(c.strict, `${p.query} → ${p.latin}: ${c.detail}`);
    }
  });

  test('金正恩 reaches Kim Jong Un through its Korean reading', () => {
    const c = coverage('金正恩', 'Kim Jong Un');
    assert.ok(c.strict, c.detail);
    assert.doesNotMatch(c.detail, /run|MISSING/);
  });

  test('summary of all pairs', () => {
    report(
      'cross-script pairs',
      pairs.map((p) => [p.query, p.latin, coverage(p.query, p.latin)]),
    );
  });
});

describe('spellings of Vladimir Putin', needsEval('putin-names.txt'), () => {
  const spellings = existsSync(join(EVAL, 'putin-names.txt'))
    ? readFileSync(join(EVAL, 'putin-names.txt'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  const rows = spellings.map((s): [string, string, Coverage] => [
    s,
    'Vladimir Putin',
    coverage(s, 'Vladimir Putin'),
  ]);

  test('Russian Cyrillic spellings that name him in full are covered', () => {
    // In the Russian alphabet (no Ukrainian or Belarusian і, ї, є, ў: Belarusian Уладзімір Пуцін
    // is another form of the name); "in full" = two words or initials besides titles, so
    // "Президент Путин" (no given name) is left to the summary.
    const russian = rows.filter(
      ([s]) =>
        detectScript(s) === 'cyrillic' &&
        !/[іїєў]/i.test(s) &&
        tokenizeName(s).filter((t) => t.kind === 'word' || t.kind === 'initial').length >= 2,
    );
    assert.ok(russian.length >= 10);
    for (const [s, , c] of russian) assert.ok(c.strict, `${s}: ${c.detail}`);
  });

  test('Hangul spellings are covered once a whole transcribed word may be joined', () => {
    const hangul = rows.filter(([s]) => detectScript(s) === 'hangul');
    assert.ok(hangul.length >= 2);
    for (const [s, , c] of hangul) assert.ok(c.withRuns, `${s}: ${c.detail}`);
  });

  test('summary of all spellings', () => {
    report('Putin spellings', rows);
  });
});
