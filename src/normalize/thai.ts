/**
 * @module
 * Thai → Latin in the Royal Thai General System (RTGS, Royal Institute 1999), the system of Thai
 * passports' given names, road signs and most lists. any-ascii transliterates letter by letter:
 * it keeps silent letters (ประยุทธ์ → prayuthth), writes finals as initials (ชินวัตร → chinwatr)
 * and leaves out the unwritten vowels (สมชาย → smchay). So a word is read syllable by syllable:
 * leading vowels (เ แ โ ใ ไ) go after their consonant, consonants with ์ are silent, a final
 * consonant takes its final sound (ร ล ญ ณ → n, จ ช ซ ศ ษ ส ด ต ถ ท ธ → t, บ ป พ ฟ ภ → p,
 * ข ค ฆ → k), a syllable without a written vowel gets o when closed and a when open, and the
 * common English variants follow the RTGS spelling (ch/sh, th/t, ph/p, u/oo, ue/eu, -a kept on
 * Sanskrit-derived finals: Chinnawat / Shinawatra is beyond rules).
 * Source: Royal Institute, "Principles of Romanization for Thai Script by Transcription Method"
 * (1999).
 *
 * Many personal and royal names are spelled instead letter by letter after the Pali and Sanskrit
 * letters the Thai ones stand for (Abhisit Vejjajiva, Bhumibol Adulyadej, Sirindhorn, Mahidol,
 * Singha): ภ bh, พ b, ธ dh, ท d, ช j, ว v, finals written as their letter (เดช dej, ดล dol) and a
 * silenced letter kept (สิงห์ Singha). Each word gets two such spellings beside its RTGS ones.
 * Source: the Royal Institute's "Principles of Romanization for Thai Script by Transliteration
 * Method" (ISO 11940 basis) and the Pali–Sanskrit correspondence of the Thai alphabet (ภ = भ bh,
 * พ = ब b, ธ = ध dh, ท = द d, ช = ज j, ว = व v, ศ = श ś, ษ = ष ṣ).
 */
import { kBest } from './_kbest.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

const MAX_FORMS = 8;

// [initial spellings, final spellings]
const CONSONANTS: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  ก: [['k', 'g'], ['k']],
  ข: [['kh', 'k'], ['k']],
  ฃ: [['kh'], ['k']],
  ค: [['kh', 'k'], ['k']],
  ฅ: [['kh'], ['k']],
  ฆ: [['kh'], ['k']],
  ง: [['ng'], ['ng']],
  จ: [
    ['ch', 'j'],
    ['t', 'd'],
  ],
  ฉ: [['ch'], ['t']],
  ช: [
    ['ch', 'sh'],
    ['t', 'd'],
  ],
  ซ: [['s'], ['t']],
  ฌ: [['ch'], ['t']],
  ญ: [['y'], ['n']],
  ฎ: [['d'], ['t', 'd']],
  ฏ: [['t'], ['t']],
  ฐ: [['th'], ['t']],
  ฑ: [['th', 'd'], ['t']],
  ฒ: [['th'], ['t']],
  ณ: [['n'], ['n']],
  ด: [['d'], ['t', 'd']],
  ต: [['t'], ['t']],
  ถ: [['th'], ['t']],
  ท: [
    ['th', 't'],
    ['t', 'd'],
  ],
  ธ: [
    ['th', 't'],
    ['t', 'd'],
  ],
  น: [['n'], ['n']],
  บ: [['b'], ['p', 'b']],
  ป: [['p'], ['p']],
  ผ: [['ph', 'p'], ['p']],
  ฝ: [['f'], ['p']],
  พ: [['ph', 'p'], ['p']],
  ฟ: [['f'], ['p', 'f']],
  ภ: [['ph', 'p'], ['p']],
  ม: [['m'], ['m']],
  ย: [['y'], ['i', 'y']],
  ร: [['r'], ['n', 'r', 'rn']],
  ล: [['l'], ['n', 'l']],
  ว: [
    ['w', 'v'],
    ['o', 'w'],
  ],
  ศ: [['s'], ['t']],
  ษ: [['s'], ['t']],
  ส: [['s'], ['t']],
  ห: [['h'], ['']],
  ฬ: [['l'], ['n']],
  อ: [[''], ['']],
  ฮ: [['h'], ['']],
};

// Spellings after the Pali–Sanskrit letters (see the module comment), where they differ from
// RTGS: [initial spellings, final spellings]. A final is written as its letter, not its sound.
const SANSKRIT: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  ฆ: [['gh'], ['gh']],
  จ: [['j', 'ch'], ['j']],
  ช: [['j', 'ch'], ['j']],
  ฌ: [['jh'], ['jh']],
  ญ: [['y'], ['n']],
  ฎ: [['d'], ['d']],
  ฐ: [['th'], ['th']],
  ฑ: [['d'], ['d']],
  ฒ: [['dh'], ['dh']],
  ด: [['d'], ['d']],
  ต: [['t'], ['t']],
  ท: [
    ['th', 'd'],
    ['th', 't'],
  ],
  ธ: [['dh'], ['dh']],
  บ: [['b'], ['b']],
  พ: [['b', 'ph'], ['b']],
  ภ: [['bh'], ['bh']],
  ร: [['r'], ['rn', 'r']],
  ล: [['l'], ['l']],
  ว: [['v'], ['v', 'o']],
  ศ: [['s', 'sh'], ['s']],
  ษ: [['s', 'sh'], ['s']],
  ส: [['s'], ['s']],
  ฬ: [['l'], ['l']],
};

type Style = 'rtgs' | 'sanskrit';

/**
 * How a word's unwritten vowels are read beside the usual reading: `double` reads a final before
 * another consonant twice, closing its syllable and opening the next with a, as Pali and Sanskrit
 * compounds are spoken (ราชสีมา rat-cha-si-ma, เวชยชัย wet-cha-ya-chai, ราชบุรี Ratchaburi);
 * `onset` does so but writes the final only once, as the next syllable's onset, as English
 * spellings do (Wechayachai, Rachaburi); `pali` gives every consonant without a vowel sign that
 * does not end the word the inherent a, as spellings after the Pali and Sanskrit letters write it
 * (สุนทร Sundara, ชวลิต Javalit). Source: Royal Institute, "Principles of Romanization for Thai
 * Script by Transcription Method" (1999), which romanises the spoken syllables (Ratchaburi,
 * Nakhon Ratchasima), and the Pali–Sanskrit inherent vowel of the letters (see the module comment).
 */
type Reading = 'usual' | 'double' | 'onset' | 'pali';

/** A consonant's [initial spellings, final spellings] in a style. */
function consonant(c: string, style: Style): readonly [readonly string[], readonly string[]] {
  return (style === 'sanskrit' && SANSKRIT[c]) || CONSONANTS[c]!;
}

const LEADING = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);
// Vowel signs after (or above, below) the consonant.
const FOLLOWING = new Set(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู', '็']);
const TONES = /[\u0e48-\u0e4b\u0e4d\u0e4e]/g;
const SILENCER = '\u0e4c'; // ์ thanthakhat
// Second consonants of true initial clusters (กร, ปล, คว…).
const CLUSTER = new Set(['ร', 'ล', 'ว']);
// A leading ห only gives its tone to the next sonorant (หล l, หม m), as อ does in the four words
// อย่า อยู่ อย่าง อยาก ("อ นำ ย"); elsewhere อ carries a vowel (อนุทิน Anutin, อยุธยา Ayutthaya).
const SONORANT = new Set(['ง', 'ญ', 'น', 'ม', 'ย', 'ร', 'ล', 'ว']);

// Vowels: key = leading vowel + following signs ('' for none), value = spellings, RTGS first.
const VOWELS: Readonly<Record<string, readonly string[]>> = {
  ะ: ['a'],
  'ั': ['a'],
  า: ['a', 'ar', 'aa'],
  ำ: ['am'],
  'ิ': ['i'],
  'ี': ['i', 'ee'],
  'ึ': ['ue', 'eu'],
  'ื': ['ue', 'eu'],
  'ุ': ['u', 'oo'],
  'ู': ['u', 'oo'],
  เ: ['e', 'ay'],
  เะ: ['e'],
  เ็: ['e'],
  เา: ['ao', 'au'],
  เาะ: ['o', 'oh'],
  เิ: ['oe', 'er'],
  แ: ['ae', 'ea', 'e'],
  แะ: ['ae'],
  แ็: ['ae'],
  โ: ['o', 'oh'],
  โะ: ['o'],
  ใ: ['ai', 'ay'],
  ไ: ['ai', 'ay'],
};

/**
 * Spellings of a final consonant: its RTGS final sound, then its initial spelling, as personal
 * spellings write it after the letter rather than the sound (ประยุทธ์ Prayuth, เวช Wech).
 */
function finalSpellings(c: string, style: Style): readonly string[] {
  const [initial, final] = consonant(c, style);
  const letter = initial[0]!;
  return final.includes(letter) || !letter ? final : [...final, letter];
}

/**
 * Removes tone marks and letters made silent by ์ (with ทร์, ตร์ both letters); with `keepSilent`
 * only the ์, as spellings after the Sanskrit write the letter (สิงห์ Singha).
 */
function clean(word: string, keepSilent = false): string[] {
  // NFKC (applied to every name) splits ำ into nikhahit and า: put it back first.
  const cs = [...word.replace(/\u0e4d\u0e32/g, 'ำ').replace(TONES, '')];
  if (keepSilent) return cs.filter((c) => c !== SILENCER);
  for (let i = cs.indexOf(SILENCER); i >= 0; i = cs.indexOf(SILENCER)) {
    let from = i - 1;
    if (cs[from] === 'ร' && (cs[from - 1] === 'ท' || cs[from - 1] === 'ต')) from--;
    // A silenced letter after a vowel sign takes the sign along (ิ์ in ศักดิ์).
    if (from > 0 && FOLLOWING.has(cs[i - 1]!)) from = i - 2;
    cs.splice(Math.max(0, from), i - Math.max(0, from) + 1);
  }
  return cs;
}

/**
 * Option lists for a Thai word's letters `cs` (cleaned by {@link clean}, with `keepSilent` as
 * given here), in RTGS or letter by letter after the Sanskrit (see the module comment);
 * `keepSilent` keeps the letters ์ silences.
 */
function options(
  cs: readonly string[],
  style: Style = 'rtgs',
  keepSilent = false,
  reading: Reading = 'usual',
): (readonly string[])[] {
  const opts: (readonly string[])[] = [];
  const initialOf = (c: string) => consonant(c, style)[0];
  let lastOpen = false;
  let i = 0;
  while (i < cs.length) {
    let lead = '';
    if (LEADING.has(cs[i]!)) lead = cs[i++]!;
    const c = cs[i];
    if (c !== undefined && SYLLABLE_LETTERS[c]) {
      if (lead) opts.push(VOWELS[lead] ?? ['']);
      opts.push(SYLLABLE_LETTERS[c]);
      i++;
      continue;
    }
    if (c === undefined || !CONSONANTS[c]) {
      if (c && /[0-9]/.test(c)) opts.push([c]);
      if (lead) opts.push(VOWELS[lead] ?? ['']);
      i++;
      continue;
    }
    // Initial, with a silent leading ห/อ or a true cluster.
    if (
      (c === 'ห' && SONORANT.has(cs[i + 1] ?? '')) ||
      (c === 'อ' && cs[i + 1] === 'ย' && 'าู'.includes(cs[i + 2] ?? '-'))
    )
      i++;
    const start = i;
    opts.push(initialOf(cs[i]!));
    i++;
    const next = cs[i];
    if (
      next &&
      CLUSTER.has(next) &&
      i - 1 === start &&
      isVowelAfter(cs, i + 1, lead) &&
      // Read after the Pali, a sonorant opens its own syllable (ชวลิต Cha-va-lit).
      !(reading === 'pali' && SONORANT.has(cs[start]!))
    ) {
      opts.push(initialOf(next));
      i++;
    }
    // Vowel.
    let sign = '';
    while (i < cs.length && FOLLOWING.has(cs[i]!)) sign += cs[i++];
    const [vowel, used] =
      reading === 'pali' && !lead && !sign && cs[i] === 'ว'
        ? [undefined, 0]
        : compoundVowel(cs, i, lead, sign);
    i += used;
    // Read after the Pali, a bare consonant before another that does not end the word is open.
    if (reading === 'pali' && !lead && !sign && !vowel && cs[i + 1] !== undefined) {
      lastOpen = true;
      opts.push(['a']);
      continue;
    }
    // Final: a consonant not starting the next syllable.
    let final: readonly string[] | undefined;
    const f = cs[i];
    if (
      f &&
      CONSONANTS[f] &&
      closes(cs, i + 1, lead, sign, !keepSilent) &&
      sign !== 'ะ' &&
      sign !== 'ำ'
    ) {
      // After ไ and ใ a final ย is not read (ไทย Thai).
      final = f === 'ย' && (lead === 'ไ' || lead === 'ใ') ? [''] : finalSpellings(f, style);
      i++;
    }
    // A short i or u ending a syllable after an open one, in words from Pali and Sanskrit, is
    // not pronounced, so RTGS leaves it out (ชาติ chat, ประวัติ prawat, เกียรติ kiat, ภูมิธรรม
    // Phumtham), though spellings after the letters keep it (ภูมิพล Bhumibol).
    const mute =
      style === 'rtgs' && lastOpen && !lead && !final && (sign === 'ิ' || sign === 'ุ') && !!vowel;
    lastOpen = !final;
    opts.push(mute ? [...vowel!, ''] : (vowel ?? (final ? ['o', 'a'] : ['a', 'o', ''])));
    if (final) opts.push(final);
    // A final before ย in words from Pali and Sanskrit is read twice, closing its syllable and
    // opening the next with a (อยุธยา a-yut-tha-ya, พัทยา phat-tha-ya, วิทยา wit-tha-ya).
    if (final && cs[i] === 'ย' && cs[i + 1] && FOLLOWING.has(cs[i + 1]!))
      opts.push([`${initialOf(f!)[0]}a`, '']);
    else if (
      final &&
      (reading === 'double' || reading === 'onset') &&
      cs[i] !== undefined &&
      cs[i + 1] !== undefined &&
      CONSONANTS[cs[i]!] &&
      f !== 'ร' &&
      initialOf(f!)[0]
    ) {
      if (reading === 'onset') opts.pop();
      opts.push([`${initialOf(f!)[0]}a`]);
    }
    // A consonant ending the word after a final one is silent or, in spellings after the
    // Sanskrit, takes an a (เบศร bet, ชินวัตร Chinnawat or Shinawatra, ลักษณ์ lak, สิงห์ Singha).
    if (final && cs[i] && CONSONANTS[cs[i]!] && i + 1 === cs.length) {
      const a = `${initialOf(cs[i]!)[0]}a`;
      opts.push(style === 'sanskrit' ? [a, ''] : ['', a]);
      i++;
    }
  }
  return opts;
}

/**
 * The vowel written around the consonant before `i` with letters as well as signs (เ-ีย, เ-ือ,
 * เ-อ, เ-า, -ัว, -อ-, -ว-, รร), or the one its signs alone make; and how many letters it used.
 */
function compoundVowel(
  cs: readonly string[],
  i: number,
  lead: string,
  sign: string,
): [readonly string[] | undefined, number] {
  const c = cs[i];
  const bare = !lead && !sign;
  if (lead === 'เ' && sign === 'ี' && c === 'ย') return [['ia', 'ie'], 1];
  if (lead === 'เ' && sign === 'ื' && c === 'อ') return [['uea', 'uah'], 1];
  if (lead === 'เ' && sign === '' && c === 'อ') return [['oe', 'er'], 1];
  if (lead === 'เ' && sign === '' && c === 'า')
    return cs[i + 1] === 'ะ' ? [['o'], 2] : [['ao', 'au'], 1];
  if (sign === 'ั' && c === 'ว') return [['ua', 'uo'], 1];
  if (bare && c === 'อ' && (cs[i + 1] === undefined || CONSONANTS[cs[i + 1]!]))
    return [['o', 'or'], 1];
  if (bare && c === 'ว' && CONSONANTS[cs[i + 1] ?? ''] && !FOLLOWING.has(cs[i + 2] ?? ''))
    return [['ua', 'uo'], 1];
  if (bare && c === 'ร' && cs[i + 1] === 'ร' && !FOLLOWING.has(cs[i + 2] ?? '')) {
    // รร (ro han) is a: with the consonant after it as final (วรรณ wan), or an at the end.
    const n = cs[i + 2];
    return [n !== undefined && CONSONANTS[n] && closes(cs, i + 3) ? ['a'] : ['an'], 2];
  }
  // Before ฤ the consonant keeps an unwritten a (นฤ na-rue), or none (ทฤษฎี thrit-).
  if (bare && c !== undefined && SYLLABLE_LETTERS[c]) return [['a', ''], 0];
  if (bare) return [undefined, 0];
  return [VOWELS[lead + sign] ?? VOWELS[sign] ?? VOWELS[lead] ?? ['a'], 0];
}

/** Whether a vowel (or the end) follows at `i`: then a ร ล ว before it is a cluster's second letter. */
function isVowelAfter(cs: readonly string[], i: number, lead: string): boolean {
  if (lead) return true;
  const c = cs[i];
  return c !== undefined && FOLLOWING.has(c);
}

/**
 * Whether the consonant before `i` closes its syllable rather than starting the next: it starts
 * the next one when a vowel sign follows it (ชา cha), and closes this one at the end of the word,
 * before a leading vowel or before another consonant (สม som). `openShort` is off where silenced
 * letters are kept: a last silenced letter is no syllable (สิงห์).
 */
function closes(cs: readonly string[], i: number, lead = '', sign = '', openShort = true): boolean {
  const c = cs[i];
  if (c !== undefined && SYLLABLE_LETTERS[c]) return false;
  // รร: the consonant before it is its onset (with a vowel sign after it too: then the first ร
  // closes a word of a compound and the second opens the next, นค|ร|ราช Nakhon Ratchasima).
  if (c === 'ร' && cs[i + 1] === 'ร') return false;
  // A bare อ between consonants is the vowel o of the next syllable (ทอง thong).
  if (c === 'อ' && CONSONANTS[cs[i + 1] ?? ''] && !FOLLOWING.has(cs[i + 2] ?? '')) return false;
  // After an open long vowel, two consonants ending the word are a syllable with unwritten o
  // (นา|ธร na-thon), not a final and a lone letter; so after an open short i or u, unless the
  // last letter is ร, which after a final is mostly silent (มหิ|ดล Mahidol, ภูมิ|พล Phumiphon;
  // but จิตร chit).
  // So too before a leading vowel, where a compound's next word starts (กสิ|กร|ไทย Kasikon Thai).
  const wordEnd = i + 1 === cs.length;
  if (
    !lead &&
    (OPEN_LONG.has(sign) || (openShort && OPEN_SHORT.has(sign) && (c !== 'ร' || !wordEnd))) &&
    c !== undefined &&
    CONSONANTS[c] &&
    (wordEnd || LEADING.has(cs[i + 1]!))
  )
    return false;
  return c === undefined || !FOLLOWING.has(c);
}

// Long vowels a syllable may end on (า ี ู ื): what follows them need not close the syllable.
const OPEN_LONG = new Set(['า', 'ี', 'ู', 'ื']);
// Short vowels a syllable may end on in words from Pali and Sanskrit (ิ ุ).
const OPEN_SHORT = new Set(['ิ', 'ุ']);

// Vowel letters that are a syllable of their own (ฤ rue as in ฤดู, ฤทธิ์; ฦ lue), RTGS first.
const SYLLABLE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  ฤ: ['rue', 'ri', 'roe'],
  ฦ: ['lue'],
};

// Company words (Civil and Commercial Code, Public Limited Companies Act B.E. 2535: บริษัท …
// จำกัด company … limited, มหาชน public).
const WORDS: Readonly<Record<string, readonly [readonly string[], TokenKind?]>> = {
  บริษัท: [['company']],
  จำกัด: [['limited']],
  มหาชน: [['public'], 'legal'],
  ธนาคาร: [['bank']],
};

/** Tokens of one Thai word (Thai writes no spaces inside a name part). */
export function thaiTokens(word: string): NameToken[] {
  const known = WORDS[word.replace(/\u0e4d\u0e32/g, 'ำ')];
  if (known) {
    const [forms, kind] = known;
    return [makeToken(forms[0]!, forms, kind ?? wordKind([...forms]), 'thai')];
  }
  // The word's letters, cleaned once for its eight readings (a word's first sight is on the
  // query path: a Thai name's spellings were a fifth of its first screening).
  const cs = clean(word);
  const forms = kBest(options(cs), MAX_FORMS).filter(Boolean);
  if (!forms.length) return [];
  // Two spellings after the Sanskrit letters: silenced letters left out and kept.
  for (const f of [
    ...kBest(options(cs, 'sanskrit'), 1),
    ...kBest(options(clean(word, true), 'sanskrit', true), 1),
  ])
    if (f && !forms.includes(f)) forms.push(f);
  // A word of two to four consonants and no vowel sign is often an abbreviation read letter by
  // letter, its Latin acronym their initials (ปตท. PTT, the Petroleum Authority of Thailand).
  if (cs.length >= 3 && cs.length <= 4 && cs.every((c) => CONSONANTS[c] && c !== 'อ'))
    forms.push(cs.map((c) => CONSONANTS[c]![0][0]![0]).join(''));
  // Personal spellings often write the aspirates ph th kh without their h (Paetongtarn for
  // RTGS Phaethongthan, Pita for Phitha): each spelling also without them.
  for (const f of forms.slice()) {
    const plain = withoutAspiration(f);
    if (plain !== f && !forms.includes(plain)) forms.push(plain);
  }
  // Compounds read as spoken and after the Pali (see Reading), without aspirate variants: each
  // spelling costs comparisons against every list spelling.
  for (const f of [
    ...kBest(options(cs, 'rtgs', false, 'double'), 1),
    ...kBest(options(cs, 'rtgs', false, 'onset'), 1),
    ...kBest(options(cs, 'sanskrit', false, 'pali'), 1),
  ])
    if (f && !forms.includes(f)) forms.push(f);
  return [makeToken(forms[0]!, forms, /^[0-9]+$/.test(forms[0]!) ? 'number' : 'word', 'thai')];
}

/**
 * A spelling without the h of its aspirates ph, th, kh ("phitha" → "pita"), left to right as a
 * global /([ptk])h/ replacement would, without a regular expression: it runs on every spelling
 * of every new Thai word.
 */
function withoutAspiration(f: string): string {
  if (!f.includes('h')) return f;
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f[i]!;
    out += c;
    if ((c === 'p' || c === 't' || c === 'k') && f[i + 1] === 'h') i++;
  }
  return out;
}
