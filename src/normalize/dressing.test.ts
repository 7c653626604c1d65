import assert from 'node:assert/strict';
import { test } from 'node:test';
import { undress } from './dressing.ts';

const texts = (name: string, vessels = true) => undress(name, vessels).map((u) => u.text);

test('vessel-type prefixes, voyage numbers, flags and IMO numbers come off a vessel name', () => {
  for (const [dressed, bare] of [
    ['MT YU JONG 2 (Sierra Leone flag)', 'YU JONG 2'],
    ['M/V CHON MA SAN V.023N', 'CHON MA SAN'],
    ['MV OCEAN STAR, flag: Togo', 'OCEAN STAR'],
    ['SS GOLDEN DAWN VOY 112E', 'GOLDEN DAWN'],
    ['F/V SEA BREEZE (port of registry Nampo)', 'SEA BREEZE'],
    ['LNG/C ARCTIC SUN IMO 9123456', 'ARCTIC SUN'],
    ['KUM UN SAN 3, Mongolia flag', 'KUM UN SAN 3'],
  ] as const) {
    const u = undress(dressed);
    assert.deepEqual(
      u.map((x) => x.text),
      [bare],
      dressed,
    );
    assert.ok(u[0]!.removed.length > 0, 'says what was taken off');
  }
  // Not off a person's name, where MV or MS may be initials.
  assert.deepEqual(texts('MS Kim Yong', false), []);
});

test('former-name and alias markers split a name into names, each screened', () => {
  for (const [dressed, parts] of [
    ['NEW REGENT (ex YU JONG 2)', ['NEW REGENT', 'YU JONG 2']],
    ['OCEAN STAR ex-SEA STAR', ['OCEAN STAR', 'SEA STAR']],
    ['Acme Trading f/k/a Korea Tangun Trading', ['Acme Trading', 'Korea Tangun Trading']],
    [
      'KOMID a.k.a. Korea Mining Development Trading',
      ['KOMID', 'Korea Mining Development Trading'],
    ],
    [
      'Green Pine Associated formerly Chongsong Yonhap',
      ['Green Pine Associated', 'Chongsong Yonhap'],
    ],
  ] as const)
    assert.deepEqual(texts(dressed), parts, dressed);
  // Words containing the markers are no markers.
  assert.deepEqual(texts('Alexander Export Kakao'), []);
});

test('payment-message party labels, field tags, account lines and 50F codes come off', () => {
  for (const [dressed, bare] of [
    ['BENEFICIARY: KOREA MINING DEVELOPMENT TRADING CORP', 'KOREA MINING DEVELOPMENT TRADING CORP'],
    [':59:/40702810123 KORYO BANK', 'KORYO BANK'],
    ['ORDERING CUSTOMER /12345678 1/KIM CHOL 2/1 MAIN ST 3/KP/PYONGYANG', 'KIM CHOL'],
    ['Dbtr Nm: ACME LTD', 'ACME LTD'],
    ['UltmtCdtr: Daedong Credit Bank', 'Daedong Credit Bank'],
  ] as const)
    assert.deepEqual(texts(dressed), [bare], dressed);
});

test('field 72 code words between slashes open a party line and come off', () => {
  for (const [dressed, bare] of [
    ['/BNF/MAHMOUD RAHIMI', 'MAHMOUD RAHIMI'],
    ['/bnf/ Volta River Fisheries Limited', 'Volta River Fisheries Limited'],
    ['/ACC/ZENITH HARBOUR BANK', 'ZENITH HARBOUR BANK'],
    ['/INT/ Kestrel Credit Bank', 'Kestrel Credit Bank'],
  ] as const)
    assert.deepEqual(texts(dressed), [bare], dressed);
  // A name that merely holds a slash is not a code word.
  assert.deepEqual(texts('AC/DC TRADING LLC'), []);
});

test('branch suffixes and bracketed parts come off; a bracketed alias is a name of its own', () => {
  for (const [dressed, parts] of [
    [
      'KOREA MINING DEVELOPMENT TRADING CORP, DUBAI BRANCH',
      ['KOREA MINING DEVELOPMENT TRADING CORP'],
    ],
    ['Foreign Trade Bank - Shenyang Branch', ['Foreign Trade Bank']],
    ['KORYO BANK (SINGAPORE BRANCH)', ['KORYO BANK']],
    ['Daedong Credit Bank Representative Office', ['Daedong Credit Bank']],
    [
      'KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID)',
      ['KOREA MINING DEVELOPMENT TRADING CORPORATION', 'KOMID'],
    ],
  ] as const)
    assert.deepEqual(texts(dressed), parts, dressed);
});

test('words run together with their capitals showing are split; plain names are left alone', () => {
  assert.deepEqual(texts('AleksandrLukashenka'), ['Aleksandr Lukashenka']);
  assert.deepEqual(texts('KimJongUn'), ['Kim Jong Un']);
  for (const plain of ['Kim Jong Un', 'McDonald Trading', 'PUTIN, Vladimir', 'YU JONG 2'])
    assert.deepEqual(texts(plain), [], plain);
});
