import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hangulTokens, syllableForms } from './hangul.ts';

const has = (syllable: string, ...spellings: string[]): void => {
  const forms = syllableForms(syllable);
  for (const s of spellings) assert.ok(forms.includes(s), `${syllable}: ${s} not in ${forms}`);
};

test('syllables get their Revised Romanisation first, then McCune–Reischauer-style spellings', () => {
  assert.equal(syllableForms('정')[0], 'jeong');
  has('정', 'jong', 'chong', 'chung', 'jung');
  has('은', 'eun', 'un');
  has('철', 'cheol', 'chol', 'chul');
  has('성', 'seong', 'song', 'sung');
  has('영', 'yeong', 'yong', 'young');
  has('혁', 'hyeok', 'hyok');
  has('일', 'il');
  has('수', 'su', 'soo');
  has('현', 'hyeon', 'hyon', 'hyun');
  has('준', 'jun', 'joon');
  has('광', 'gwang', 'kwang');
  has('경', 'gyeong', 'kyong', 'kyung');
  has('원', 'won', 'weon');
  has('호', 'ho');
  has('택', 'taek', 'thaek');
});

test('the initial-sound rule is undone both ways: 룡 and 용 meet, 리 and 이 meet', () => {
  has('룡', 'ryong', 'yong');
  has('용', 'yong', 'ryong');
  has('리', 'ri', 'li', 'i');
  has('이', 'i', 'ri');
});

test('no syllable has more than six spellings', () => {
  for (let cp = 0xac00; cp <= 0xd7a3; cp += 7) {
    const forms = syllableForms(String.fromCodePoint(cp));
    assert.ok(forms.length >= 1 && forms.length <= 6, String.fromCodePoint(cp));
    assert.ok(forms.every((f) => /^[a-z]+$/.test(f)));
  }
});

test('the first syllable of a word is read as a surname', () => {
  const [kim, jong, un] = hangulTokens('김정은');
  assert.deepEqual(kim!.forms, ['gim', 'kim']);
  assert.ok(jong!.forms.includes('jong') && un!.forms.includes('un'));
  const [ri] = hangulTokens('리영호');
  for (const f of ['ri', 'lee', 'yi', 'rhee']) assert.ok(ri!.forms.includes(f), f);
  const [pak] = hangulTokens('박봉주');
  for (const f of ['bak', 'park', 'pak']) assert.ok(pak!.forms.includes(f), f);
  // Not a surname inside a word: 이 in 민이 keeps the rule spellings only.
  assert.ok(!hangulTokens('민이')[1]!.forms.includes('lee'));
});

test('ㄹ after ㄹ is l, so a transcribed foreign name joins up as RR writes it', () => {
  const tokens = hangulTokens('블라디미르');
  assert.equal(tokens.map((t) => t.text).join(''), 'beulladimireu');
});
