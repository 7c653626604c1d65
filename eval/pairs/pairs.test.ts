import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generatePairs, pairsCsv, splitPairs } from './_generate.ts';
import { ROMAN } from './_pools.ts';
import { readPairs, type LabelledPair } from './report.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const tuning = readPairs(join(dir, 'tuning.csv'));
const heldout = readPairs(join(dir, 'heldout.csv'));
const all = [...tuning, ...heldout];
const groups = (pairs: LabelledPair[]) => {
  const m = new Map<string, number>();
  for (const p of pairs)
    m.set(`${p.category} ${p.polarity}`, (m.get(`${p.category} ${p.polarity}`) ?? 0) + 1);
  return m;
};

test('the committed halves are what the generator makes: nobody edited the held-out half', () => {
  const { tuning: t, heldout: h } = splitPairs(generatePairs());
  assert.equal(readFileSync(join(dir, 'heldout.csv'), 'utf8'), pairsCsv(h));
  assert.equal(readFileSync(join(dir, 'tuning.csv'), 'utf8'), pairsCsv(t));
  // The generator starts from its seed each time: a second run makes the same pairs.
  assert.deepEqual(generatePairs(), generatePairs());
});

test('at least 800 pairs of persons, companies and vessels, every category in both polarities, split in halves', () => {
  assert.ok(all.length >= 800, `${all.length} pairs`);
  for (const schema of ['Person', 'Company', 'Vessel'])
    assert.ok(all.filter((p) => p.schema === schema).length >= 100, schema);
  const categories = new Set(all.map((p) => p.category));
  assert.ok(categories.size >= 20, [...categories].join(', '));
  const t = groups(tuning);
  const h = groups(heldout);
  for (const c of categories)
    for (const polarity of ['match', 'nonmatch']) {
      const k = `${c} ${polarity}`;
      assert.ok((t.get(k) ?? 0) >= 10 && (h.get(k) ?? 0) >= 10, `${k}: ${t.get(k)} / ${h.get(k)}`);
      assert.ok(Math.abs((t.get(k) ?? 0) - (h.get(k) ?? 0)) <= 1, k);
    }
});

test('no pair is in both halves, and no id repeats', () => {
  const ids = new Set(tuning.map((p) => p.id));
  assert.equal(heldout.filter((p) => ids.has(p.id)).length, 0);
  const key = (p: LabelledPair) => `${p.name1.toLowerCase()}|${p.name2.toLowerCase()}`;
  const keys = new Set(tuning.map(key));
  assert.deepEqual(
    heldout.filter((p) => keys.has(key(p))),
    [],
  );
  assert.ok(all.every((p) => p.name1 !== p.name2));
});

test('labels hold where they can be checked mechanically: numbers, short forms, initials', () => {
  const numberOf = (s: string): number | undefined => {
    const last = s
      .replace(
        /\s*(GmbH|Ltd|Company|Corporation|S\.A\.|FZE|LLC|Inc|JSC|PLC|Sdn Bhd|Pte Ltd|Co Ltd|Co\., Ltd\.|Company Limited|Corp|Limited|Group|Co)$/i,
        '',
      )
      .split(' ')
      .pop()!;
    if (/^\d+$/.test(last)) return Number(last);
    const r = ROMAN.indexOf(last);
    return r > 0 ? r : undefined;
  };
  for (const p of all.filter((x) => x.category === 'roman-numeral')) {
    const [a, b] = [numberOf(p.name1), numberOf(p.name2)];
    assert.ok(a !== undefined && b !== undefined, `${p.id}: ${p.name1} / ${p.name2}`);
    assert.equal(a === b, p.polarity === 'match', `${p.id}: ${p.name1} / ${p.name2}`);
  }
  for (const p of all.filter((x) => x.category === 'sister-ship' && x.polarity === 'nonmatch')) {
    assert.notEqual(numberOf(p.name1), numberOf(p.name2), p.id);
  }
  for (const p of all.filter((x) => x.category === 'initials')) {
    // Notes: "initials of Boris Petrovich" / "initial W is not Hendrik".
    const m = p.note.match(/^initials? (?:of )?(\S+)(?: is not (\S+))?/)!;
    const given = p.polarity === 'match' ? m[1]! : m[2]!;
    const initial = p.polarity === 'match' ? given[0]! : m[1]!;
    assert.match(p.name1, new RegExp(`(^|[ ,])${initial}(\\.|\\b)`), p.id);
    assert.ok(p.name2.toUpperCase().includes(given.toUpperCase()), p.id);
    assert.equal(initial === given[0], p.polarity === 'match', p.id);
  }
  for (const p of all.filter((x) => x.category === 'diminutive')) {
    // Notes: "Sasha is a short form of Aleksandr[, not Mikhail]".
    const [, short, full] = p.note.match(/^(\S+) is a short form of ([^,]+)/)!;
    assert.ok(p.name1.includes(short!) && !p.name1.includes(full!), p.id);
    assert.equal(p.name2.toUpperCase().includes(full!.toUpperCase()), p.polarity === 'match', p.id);
  }
});
