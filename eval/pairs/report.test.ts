import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatPairsReport, metrics, readPairs, scorePairs, type LabelledPair } from './report.ts';

const pair = (
  id: string,
  category: string,
  polarity: 'match' | 'nonmatch',
  name1: string,
  name2: string,
  schema = 'Person',
): LabelledPair => ({ id, category, polarity, schema, name1, name2, note: '' });

// A scorer the test controls: the score is written in name1.
const score = (p: LabelledPair) => {
  if (p.name1 === 'throws') throw new Error('no tokens');
  return Number(p.name1);
};

const pairs = [
  pair('a', 'typo', 'match', '0.9', 'x'),
  pair('b', 'typo', 'match', '0.5', 'x'),
  pair('c', 'typo', 'nonmatch', '0.8', 'x'),
  pair('d', 'typo', 'nonmatch', '0.1', 'x'),
  pair('e', 'sister-ship', 'nonmatch', '0.2', 'x', 'Vessel'),
  pair('f', 'sister-ship', 'match', '0.75', 'x', 'Vessel'),
  pair('g', 'sister-ship', 'nonmatch', 'throws', 'x', 'Vessel'),
  pair('h', 'sister-ship', 'match', 'throws', 'x', 'Vessel'),
];

test('pairs are tallied overall, by schema and by group at the threshold (a score equal to it matches)', () => {
  const s = scorePairs(pairs, score, 0.75);
  assert.deepEqual(s.overall, { tp: 2, fn: 2, fp: 2, tn: 2 });
  assert.deepEqual(s.byGroup.get('typo'), { tp: 1, fn: 1, fp: 1, tn: 1 });
  assert.deepEqual(s.bySchema.get('Vessel'), { tp: 1, fn: 1, fp: 1, tn: 1 });
  assert.deepEqual(
    s.misses.map((m) => m.pair.id),
    ['b', 'c', 'g', 'h'],
  );
});

test('a pair the scorer fails on counts against the matcher in either polarity and is listed', () => {
  const s = scorePairs(pairs, score, 0.75);
  assert.equal(s.errors, 2);
  assert.equal(s.misses.find((m) => m.pair.id === 'g')?.error, 'no tokens');
  assert.match(formatPairsReport('t', 'f.csv', s)[0]!, /2 pairs the scorer failed on/);
});

test('precision, recall, F1 and FPR; the report marks the figures that miss the targets', () => {
  const m = metrics({ tp: 8, fn: 2, fp: 2, tn: 18 });
  assert.equal(m.precision, 0.8);
  assert.equal(m.recall, 0.8);
  assert.ok(Math.abs(m.f1 - 0.8) < 1e-12);
  assert.equal(m.fpr, 0.1);
  // Nothing found of something to find: F1 is 0, not NaN (a sweep's high thresholds).
  assert.equal(metrics({ tp: 0, fn: 5, fp: 0, tn: 5 }).f1, 0);
  const lines = formatPairsReport('held-out', 'heldout.csv', scorePairs(pairs, score, 0.75));
  const typo = lines.find((l) => l.trimStart().startsWith('typo'))!;
  // Recall 1/2 < 0.8 and FPR 1/2 > 0.2: both marked.
  assert.match(typo, /0\.500✗\s+1\/2\s+0\.500✗\s+1\/2/);
  const ok = formatPairsReport('x', 'x.csv', scorePairs(pairs.slice(0, 1), score, 0.75));
  assert.match(
    ok.find((l) => l.trimStart().startsWith('typo'))!,
    /1\.000 +1\/1\s+—/,
  );
});

test('a grouping column other than the category: one row per value', () => {
  const withScript = pairs.map((p, i) => ({ ...p, script: i % 2 ? 'Hangul' : 'Han' }));
  const s = scorePairs(withScript, score, 0.75, 'script');
  assert.deepEqual([...s.byGroup.keys()].sort(), ['Han', 'Hangul']);
});

test('a bad pairs file is an error naming the file and line, never a dropped row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-pairs-'));
  try {
    const head = 'id,category,polarity,schema,name1,name2,note\n';
    const write = (name: string, body: string) => {
      writeFileSync(join(dir, name), head + body);
      return join(dir, name);
    };
    const good = write('good.csv', 'p1,typo,match,Person,"Kim, Yong",KIM Yong,\n');
    assert.equal(readPairs(good)[0]!.name1, 'Kim, Yong');
    assert.throws(
      () => readPairs(write('pol.csv', 'p1,typo,match,Person,a,b,\np2,typo,same,Person,a,b,\n')),
      /pol\.csv:3: polarity "same"/,
    );
    assert.throws(
      () => readPairs(write('empty.csv', 'p1,typo,match,Person,,b,\n')),
      /empty\.csv:2: empty name1/,
    );
    assert.throws(
      () => readPairs(write('dup.csv', 'p1,typo,match,Person,a,b,\np1,typo,match,Person,c,d,\n')),
      /dup\.csv:3: id p1 repeated/,
    );
    assert.throws(() => readPairs(good, 'script'), /good\.csv: no column "script"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
