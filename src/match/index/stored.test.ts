import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedEntity } from '../_testing.ts';
import { CandidateIndex } from './build.ts';
import { clipTargets } from './clips.ts';
import { decodeIndex, encodeIndex } from './stored.ts';

/** Names in several scripts, with titles, initials and shared words, so every table is used. */
const ENTITIES = [
  storedEntity('Person', { name: ['KIM, Jong Un'], alias: ['김정은', '金正恩'] }),
  storedEntity('Person', { name: ['Dr. Ali Hassan AL-MAJID'], alias: ['علي حسن المجيد'] }),
  storedEntity('Person', { name: ['Владимир Владимирович Путин'] }),
  storedEntity('Organization', { name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'] }),
  storedEntity('Company', { name: ['Ocean Star Shipping Co., Ltd.', 'J. K. Trading GmbH'] }),
  storedEntity('Vessel', { name: ['CHON MA SAN'], imoNumber: ['8660313'] }),
];

test('a decoded index holds the names, tokens, forms and keys the built one holds', () => {
  const built = CandidateIndex.build(ENTITIES);
  const loaded = decodeIndex(encodeIndex(built)).index;
  assert.equal(loaded.nameCount, built.nameCount);
  assert.deepEqual([...loaded.vocab.forms], [...built.vocab.forms]);
  for (let n = 0; n < built.nameCount; n++) {
    const a = built.name(n);
    const b = loaded.name(n);
    assert.equal(b.text, a.text);
    assert.deepEqual(b.tokens, a.tokens, `tokens of name ${n} (${a.text})`);
    assert.deepEqual(b.joined, a.joined, `joined pairs of name ${n} (${a.text})`);
    assert.deepEqual(b.tokenIds, a.tokenIds);
    assert.deepEqual(b.joinedIds, a.joinedIds);
  }
  for (const map of ['byPhonetic', 'bySkeleton'] as const) {
    const keys = (m: CandidateIndex) =>
      [...m.vocab[map].entries()].map(([k, v]) => [k, [...(typeof v === 'number' ? [v] : v)]]);
    assert.deepEqual(keys(loaded), keys(built), map);
  }
});

test('a decoded index finds the full names a short form is cut from, from its stored keys', () => {
  const people = [
    storedEntity('Person', { name: ['SAVCHENKO, Svetlana Borisovna'] }),
    storedEntity('Person', { name: ['Olumide BANDA'] }),
    ...ENTITIES,
  ];
  const built = CandidateIndex.build(people);
  const loaded = decodeIndex(encodeIndex(built)).index;
  for (const [short, full] of [
    ['sveta', 'svetlana'],
    ['mide', 'olumide'],
  ] as const) {
    const forms = (i: CandidateIndex) => clipTargets(i, short).map((id) => i.vocab.forms[id]);
    assert.ok(forms(built).includes(full), `${short} reaches ${full} in the built index`);
    assert.deepEqual(forms(loaded), forms(built), short);
  }
});

test('a token shared by names is one object in a decoded index, frozen as built ones are', () => {
  const built = CandidateIndex.build(ENTITIES);
  const loaded = decodeIndex(encodeIndex(built)).index;
  // The matcher keys its weights by token object: tokens shared in the built index are shared in
  // the loaded one, and only those.
  const builtFirst = new Map<object, object>();
  let shared = 0;
  for (let n = 0; n < built.nameCount; n++)
    built.name(n).tokens.forEach((t, j) => {
      const l = loaded.name(n).tokens[j]!;
      assert.ok(Object.isFrozen(l) && Object.isFrozen(l.forms), `token ${l.text} is not frozen`);
      const first = builtFirst.get(t);
      if (first) {
        shared++;
        assert.equal(l, first, `token ${t.text} decoded twice`);
      } else {
        assert.ok(![...builtFirst.values()].includes(l), `tokens merged into ${l.text}`);
        builtFirst.set(t, l);
      }
    });
  assert.ok(shared > 0, 'no token is shared between names: the test proves nothing');
});

test('a string table whose offsets do not match its text is refused', () => {
  const bytes = encodeIndex(CandidateIndex.build(ENTITIES));
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const meta = new TextDecoder().decode(bytes.subarray(4, 4 + length));
  // The forms' text one byte shorter than its offsets say (same layout otherwise).
  const forms = (JSON.parse(meta) as { sections: Record<string, [number, number, string]> })
    .sections.forms!;
  const changed = meta.replace(
    `"forms":[${forms[0]},${forms[1]},`,
    `"forms":[${forms[0]},${forms[1] - 1},`,
  );
  assert.notEqual(changed, meta);
  const out = bytes.slice();
  out.set(new TextEncoder().encode(changed), 4);
  assert.throws(() => decodeIndex(out), /string table forms/);
});
