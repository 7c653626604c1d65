import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedEntity } from './_testing.ts';
import { CandidateIndex } from './index/build.ts';
import { Matcher } from './matcher.ts';

const KIM = storedEntity('Person', { name: ['KIM, Jong Un'] });
const SOFT = storedEntity('Person', { name: ['Schwarz\u00adenegger, Arnold'] });
const matcher = new Matcher(
  CandidateIndex.build([
    KIM,
    SOFT,
    storedEntity('Person', { name: ['KIM, Yo Jong'] }),
    storedEntity('Person', { name: ['PAK, Pong Ju'] }),
  ]),
);
const top = (name: string) =>
  matcher.screen({ schema: 'Thing', properties: { name: [name] } }).results[0];

test('invisible characters between the words of a name do not hide it (issue 11, point 5)', () => {
  const plain = top('Kim Jong Un')!;
  for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u202a']) {
    const r = top(`Kim${c}Jong${c}Un`);
    assert.equal(r?.id, KIM.id, `U+${c.codePointAt(0)!.toString(16)}`);
    assert.ok(r.match, `U+${c.codePointAt(0)!.toString(16)} scored ${r.score}`);
    assert.equal(r.score, plain.score);
  }
});

test('a name written backwards under a right-to-left override matches the name it displays', () => {
  for (const name of ['\u202enU gnoJ miK', '\u202enU gnoJ miK\u202c', '\u202enU gnoJ\u202c Kim']) {
    const r = top(name);
    assert.equal(r?.id, KIM.id, JSON.stringify(name));
    assert.ok(r.match, `${JSON.stringify(name)} scored ${r.score}`);
  }
});

test('invisible characters in listed names are dropped when the list is indexed', () => {
  const r = top('Arnold Schwarzenegger');
  assert.equal(r?.id, SOFT.id);
  assert.ok(r.match, `scored ${r.score}`);
});

test('compare reads invisible characters the same way', () => {
  const c = matcher.compare('Kim\u200bJong\u200bUn', 'KIM, Jong Un');
  assert.ok(c.match, `scored ${c.score}`);
  assert.equal(c.score, matcher.compare('Kim Jong Un', 'KIM, Jong Un').score);
  assert.ok(matcher.compare('\u202enU gnoJ miK', 'Kim Jong Un', 'Thing', 'ofac').match);
});
