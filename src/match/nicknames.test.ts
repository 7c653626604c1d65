import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedEntity } from './_testing.ts';
import { CandidateIndex } from './index/build.ts';
import { nicknameOfSpelling, spelledAlike, tableNamesSpelledLike } from './index/nicknames.ts';
import { lookupForm } from './index/retrieve.ts';
import { Matcher } from './matcher.ts';

test('a name and its spelling in another language are alike; short or different names are not', () => {
  for (const [a, b] of [
    ['alexander', 'aleksandr'],
    ['michael', 'mikhail'],
    ['gregory', 'grigory'],
    ['frederick', 'friedrich'],
    ['stephen', 'stepan'],
    ['katherine', 'katharina'],
  ] as const) {
    assert.ok(spelledAlike(a, b), `${a}/${b}`);
    assert.ok(spelledAlike(b, a), `${b}/${a}`);
  }
  for (const [a, b] of [
    ['paul', 'pavel'], // too short: their keys are shared by unrelated names
    ['robert', 'rupert'], // both RPRT, but another name
    ['peter', 'pyotr'], // the opening differs: not carried
    ['robert', 'albert'],
    ['john', 'ivan'],
    ['michael', 'maksim'],
    ['alexander', 'andrei'],
  ] as const)
    assert.equal(spelledAlike(a, b), false, `${a}/${b}`);
});

test("a short form of the table reaches another language's spelling of its full name, either way", () => {
  for (const [short, full] of [
    ['alex', 'aleksandr'],
    ['mike', 'mikhail'],
    ['steve', 'stepan'],
    ['greg', 'grigory'],
    ['fred', 'friedrich'],
    ['kate', 'katharina'],
    ['tony', 'antonio'],
  ] as const) {
    assert.ok(nicknameOfSpelling(short, full), `${short}/${full}`);
    assert.ok(nicknameOfSpelling(full, short), `${full}/${short}`);
  }
  for (const [short, full] of [
    ['alex', 'andrei'],
    ['mike', 'maksim'],
    ['sam', 'samir'],
    ['bob', 'boris'],
    ['roger', 'robert'], // Roger/Rupert in the table, Rupert ≈ Robert: not chained
  ] as const)
    assert.equal(nicknameOfSpelling(short, full), false, `${short}/${full}`);
  assert.ok(tableNamesSpelledLike('aleksandr').includes('alexander'));
  assert.ok(tableNamesSpelledLike('mikhail').includes('michael'));
  assert.deepEqual(tableNamesSpelledLike('ivan'), [], 'short forms are not carried');
});

const listed = [
  'YERSHOV, Aleksandr Ivanovich',
  'VOLKOV, Mikhail',
  'TITOV, Stepan',
  'KOMAROV, Grigory',
  'MUELLER, Friedrich',
  'FISCHER, Katharina',
  'ROSSI, Antonio',
  'KUZNETSOV, Andrei',
  'SOKOLOV, Maksim',
  'BELOV, Boris',
  'HOLT, Robert',
].map((n) => storedEntity('Person', { name: [n] }));
const matcher = new Matcher(CandidateIndex.build(listed));
/** Every candidate with its score (threshold 0), so a miss shows what it scored. */
const screen = (name: string) =>
  matcher.screen({ schema: 'Person', properties: { name: [name] } }, { threshold: 0, limit: 10 })
    .results;
/** Whether the name matches at the default threshold. */
const matches = (name: string, caption: string) =>
  matcher
    .screen({ schema: 'Person', properties: { name: [name] } })
    .results.some((r) => r.caption === caption && r.match);

test('a short form matches a listed spelling of its full name, retrieved, explained, below exact', () => {
  for (const [q, caption, exact] of [
    ['Alex Yershov', 'YERSHOV, Aleksandr Ivanovich', 'Aleksandr Yershov'],
    ['Mike Volkov', 'VOLKOV, Mikhail', 'Mikhail Volkov'],
    ['Steve Titov', 'TITOV, Stepan', 'Stepan Titov'],
    ['Greg Komarov', 'KOMAROV, Grigory', 'Grigory Komarov'],
    ['Fred Mueller', 'MUELLER, Friedrich', 'Friedrich Mueller'],
    ['Kate Fischer', 'FISCHER, Katharina', 'Katharina Fischer'],
    ['Tony Rossi', 'ROSSI, Antonio', 'Antonio Rossi'],
  ] as const) {
    const r = screen(q)[0];
    assert.equal(r?.caption, caption, q);
    assert.ok(matches(q, caption), `${q} → ${r!.score}`);
    const t = r!.explanations.tokens.find((t) => t.method === 'nickname');
    assert.ok(t, `${q}: explained as a short form`);
    assert.ok(r!.score < screen(exact)[0]!.score, `${q} scores below ${exact}`);
  }
});

test('a short form of another name, with the surname alone agreeing, is not a match', () => {
  for (const [q, caption] of [
    ['Alex Kuznetsov', 'KUZNETSOV, Andrei'],
    ['Mike Sokolov', 'SOKOLOV, Maksim'],
    ['Bob Belov', 'BELOV, Boris'],
    ['Sam Volkov', 'VOLKOV, Mikhail'],
    ['Roger Holt', 'HOLT, Robert'],
  ] as const) {
    const r = screen(q).find((x) => x.caption === caption);
    assert.equal(matches(q, caption), false, `${q} → ${r?.score}`);
  }
});

test('retrieval reaches the listed spelling from the short form, and the short form from it', () => {
  const index = CandidateIndex.build([
    ...listed,
    storedEntity('Person', { name: ['ORLOV, Alex'] }),
  ]);
  const reached = (query: string, list: string) => {
    const id = index.vocab.ids.get(list);
    assert.ok(id !== undefined, `${list} is a list token`);
    return lookupForm(index, query).ids.includes(id);
  };
  assert.ok(reached('alex', 'aleksandr'));
  assert.ok(reached('mike', 'mikhail'));
  assert.ok(reached('fred', 'friedrich'));
  assert.ok(reached('aleksandr', 'alex'), 'the list may hold the short form');
  assert.equal(reached('mike', 'maksim'), false);
});
