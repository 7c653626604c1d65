/**
 * @module
 * Hangul → Latin, one token per syllable (김정은 → 김, 정, 은), because Latin lists write Korean
 * names as "Kim Jong Un", "Kim Jong-un" and "Kim Jongun" alike and the matcher joins adjacent
 * tokens where needed.
 *
 * Each syllable is decomposed arithmetically into its initial consonant, vowel and final
 * consonant (Unicode §3.12) and romanised by rule into a few spellings, Revised Romanisation (RR,
 * South Korea since 2000) first, then the McCune–Reischauer (MR) and DPRK-style spellings North
 * Korean names have on sanctions lists, then common passport spellings:
 * - initials: ㄱ g/k, ㄷ d/t, ㅂ b/p, ㅈ j/ch, ㄲ ㄸ ㅃ ㅉ kk/k, tt/t, pp/p, jj/ch, aspirates
 *   ㅋ ㅌ ㅍ k/kh, t/th, p/ph (DPRK "Thae", "Phyong"), ㅅ s (sh before ㅣ ㅟ: shin);
 * - ㄹ r/l, and the initial-sound rule (두음법칙) both ways: the South drops or changes an initial
 *   ㄹ that the North keeps (룡 ryong ~ 용 yong, 리 ri ~ 이 i), so ㄹ also gets '' before i/y and
 *   n before other vowels, and ㅇ before i/y also gets r; ㄴ before i/y also gets '';
 * - vowels: ㅓ eo/o (and u in a closed syllable: jung, sung, chul), ㅕ yeo/yo (yu closed: hyun,
 *   kyung; you in 영 young), ㅛ yo (yu closed: ryung), ㅜ u/oo (soo, joon), ㅠ yu/yoo, ㅡ eu/u,
 *   ㅚ oe/oi/we, ㅝ wo/weo, ㅢ ui/i/ee/eui; the others have one spelling;
 * - finals: their RR value, which MR shares (ㄱ k, ㄴ n, ㄹ l, ㅁ m, ㅂ p, ㅇ ng, ㅅ ㅈ ㅊ ㅌ ㅎ t…).
 * Spellings are ranked by how many non-RR choices they make and at most {@link MAX_FORMS} kept.
 * The first syllable of a word is looked up in {@link KOREAN_SURNAMES} for the irregular surname
 * spellings (Kim, Lee, Park, Choi).
 *
 * Pronunciation across syllables: RR does not transcribe sound changes between the syllables of a
 * personal name, and lists write name syllables apart, so each syllable is romanised on its own.
 * The one change applied is ㄹ after ㄹ → l (블라디미르 → beul-la-di-mi-reu, so the syllables of
 * a transcribed foreign name join up to "beulladimireu" as RR writes it).
 */
import anyAscii from 'any-ascii';
import { asciiKey, makeToken, type NameToken } from './nameToken.ts';
import { KOREAN_SURNAMES } from './koreanSurnames.ts';

/** At most this many spellings per syllable. */
const MAX_FORMS = 6;

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

// By initial index: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIALS: readonly (readonly string[])[] = [
  ['g', 'k'],
  ['kk', 'k'],
  ['n'],
  ['d', 't'],
  ['tt', 't'],
  ['r', 'l'],
  ['m'],
  ['b', 'p'],
  ['pp', 'p'],
  ['s'],
  ['ss', 's'],
  [''],
  ['j', 'ch'],
  ['jj', 'ch'],
  ['ch'],
  ['k', 'kh'],
  ['t', 'th'],
  ['p', 'ph'],
  ['h'],
];
const RIEUL = 5;
const NIEUN = 2;
const SIOS = 9;
const IEUNG = 11;

// By vowel index: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const VOWELS: readonly (readonly string[])[] = [
  ['a'],
  ['ae'],
  ['ya'],
  ['yae'],
  ['eo', 'o'],
  ['e'],
  ['yeo', 'yo'],
  ['ye'],
  ['o'],
  ['wa'],
  ['wae'],
  ['oe', 'oi', 'we'],
  ['yo'],
  ['u', 'oo'],
  ['wo', 'weo'],
  ['we'],
  ['wi'],
  ['yu', 'yoo'],
  ['eu', 'u'],
  ['ui', 'i', 'ee', 'eui'],
  ['i'],
];
const EO = 4;
const YEO = 6;
const YO = 12;
const WI = 16;
const I = 20;
// Vowels that begin with an i or y sound, before which the initial-sound rule drops ㄹ and ㄴ.
const Y_VOWELS = new Set([2, 3, 6, 7, 12, 17, 20]);

// By final index: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const FINALS: readonly string[] = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
const FINAL_RIEUL = 8;
const FINAL_IEUNG = 21;

/** True for a precomposed Hangul syllable (가–힣). */
export function isHangulSyllable(cp: number): boolean {
  return cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST;
}

function initialsFor(initial: number, vowel: number, afterRieul: boolean): readonly string[] {
  const yVowel = Y_VOWELS.has(vowel);
  if (initial === RIEUL) {
    const alts = afterRieul ? ['l', 'r'] : ['r', 'l'];
    return [...alts, yVowel ? '' : 'n'];
  }
  if (initial === IEUNG && yVowel) return ['', 'r'];
  if (initial === NIEUN && yVowel) return ['n', ''];
  if (initial === SIOS && (vowel === I || vowel === WI)) return ['s', 'sh'];
  return INITIALS[initial]!;
}

function vowelsFor(initial: number, vowel: number, final: number): readonly string[] {
  if (final === 0) return VOWELS[vowel]!;
  if (vowel === EO) return ['eo', 'o', 'u'];
  if (vowel === YEO) {
    return initial === IEUNG && final === FINAL_IEUNG
      ? ['yeo', 'yo', 'yu', 'you']
      : ['yeo', 'yo', 'yu'];
  }
  if (vowel === YO) return ['yo', 'yu'];
  return VOWELS[vowel]!;
}

/**
 * The spellings of one Hangul syllable, RR first. `surname` looks the syllable up in the surname
 * table first; `afterRieul` says the syllable before it in the word ends in ㄹ.
 */
export function syllableForms(
  syllable: string,
  opts: { surname?: boolean; afterRieul?: boolean } = {},
): string[] {
  const cp = syllable.codePointAt(0)!;
  if (!isHangulSyllable(cp)) return [asciiKey(anyAscii(syllable))].filter(Boolean);
  const index = cp - SYLLABLE_FIRST;
  const initial = Math.floor(index / 588);
  const vowel = Math.floor((index % 588) / 28);
  const final = index % 28;
  const ranked: { form: string; rank: number }[] = [];
  const inits = initialsFor(initial, vowel, opts.afterRieul === true);
  const vows = vowelsFor(initial, vowel, final);
  const fin = FINALS[final]!;
  for (let i = 0; i < inits.length; i++)
    for (let v = 0; v < vows.length; v++)
      ranked.push({ form: inits[i]! + vows[v]! + fin, rank: i + v });
  ranked.sort((a, b) => a.rank - b.rank); // stable: ties keep RR-initial order
  const forms: string[] = [...((opts.surname && KOREAN_SURNAMES.get(syllable)) || [])];
  for (const { form } of ranked) {
    if (forms.length >= MAX_FORMS) break;
    if (!forms.includes(form)) forms.push(form);
  }
  return forms;
}

/**
 * Tokens of a run of Hangul, one per syllable; its first syllable is read as a possible surname.
 * Jamo that are not part of a syllable go through any-ascii.
 */
export function hangulTokens(run: string): NameToken[] {
  const tokens: NameToken[] = [];
  let afterRieul = false;
  let first = true;
  for (const ch of run) {
    const forms = syllableForms(ch, { surname: first, afterRieul });
    const cp = ch.codePointAt(0)!;
    afterRieul = isHangulSyllable(cp) && (cp - SYLLABLE_FIRST) % 28 === FINAL_RIEUL;
    first = false;
    if (forms.length) tokens.push(makeToken(forms[0]!, forms, 'word', 'hangul'));
  }
  return tokens;
}
