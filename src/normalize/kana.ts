/**
 * @module
 * Kana → Latin. The base spelling is Hepburn, built from any-ascii's reading of each kana with the
 * combinations any-ascii reads letter by letter put right: a small ya/yu/yo joins the kana before
 * it (ショウ sho, not shiyo; ジョン jon), a small vowel replaces the vowel before it (ファ fa,
 * ティ ti, ウィ wi), and a small tsu doubles the next consonant (ニッサン nissan).
 * Then the spellings names are written in:
 * - Hepburn without long vowels, as passports and lists write it (ou, oo → o; uu → u: Shōko is
 *   Shoko, Tarō Taro), and with oh (Ohta);
 * - Kunrei-shiki (ISO 3602), as in Japanese government romanisation (si, ti, tu, hu, zi, sya…:
 *   Sigenobu Husako);
 * - m before b, m, p (traditional Hepburn: Shimbun);
 * - for foreign names, which katakana bends: チ and ジ for ti and di (Putin → プーチン), an
 *   added final vowel dropped (-mir → ミル miru), and l for r (ウラジーミル → uladimir).
 * Kanji are handled as Han characters (and get Chinese and Korean readings, not Japanese ones:
 * see han.ts). Sources: Hepburn as in the Japanese passport rules (MOFA), ISO 3602:1989.
 */
import anyAscii from 'any-ascii';
import { makeToken, type NameToken } from './nameToken.ts';

/** Spellings kept per token. */
const MAX_FORMS = 16;

const NON_ALNUM = /[^a-z0-9]+/;
const EPENTHETIC = /([^aeiou])[uo]$/;
// u after a consonant (not ts, sh, ch, y) before another consonant; o after t or d before one.
const INNER_EPENTHETIC = /([bdfgkmprsz])u(?=[bcdfghjklmnprstvwz])/g;
const EPENTHETIC_TO = /([td])o(?=[bcdfghjklmnprstvwz])/g;
const SMALL_Y = /[ゃゅょャュョ]/;
const SMALL_VOWEL = /[ぁぃぅぇぉァィゥェォ]/;
const SOKUON = /[っッ]/;

// Hepburn → Kunrei-shiki (ISO 3602), in this order.
const KUNREI: readonly (readonly [RegExp, string])[] = [
  [/sh([auo])/g, 'sy$1'],
  [/ch([auo])/g, 'ty$1'],
  [/j([auo])/g, 'zy$1'],
  [/shi/g, 'si'],
  [/chi/g, 'ti'],
  [/tsu/g, 'tu'],
  [/fu/g, 'hu'],
  [/ji/g, 'zi'],
];

/** Hepburn reading of a run of kana. */
export function kanaHepburn(run: string): string {
  let out = '';
  let double = false;
  for (const ch of run) {
    if (SOKUON.test(ch)) {
      double = true;
      continue;
    }
    const small = anyAscii(ch).toLowerCase();
    if (SMALL_Y.test(ch) && out.endsWith('i')) {
      const stem = out.slice(0, -1);
      out = /(sh|ch|j)$/.test(stem) ? stem + small.slice(1) : stem + small;
      continue;
    }
    if (SMALL_VOWEL.test(ch) && /[aeiou]$/.test(out)) {
      out =
        out.endsWith('u') && !/[^aeiou]u$/.test(out)
          ? `${out.slice(0, -1)}w${small}`
          : out.slice(0, -1) + small;
      continue;
    }
    let r = small;
    if (double && /^[bcdfghjkmprstz]/.test(r)) r = (r.startsWith('ch') ? 't' : r[0]) + r;
    double = false;
    out += r;
  }
  return out;
}

/** The spellings of one kana word: Hepburn, then the other romanisations and foreign readings. */
export function kanaForms(hepburn: string): string[] {
  const forms: string[] = [hepburn];
  const add = (f: string) => {
    if (f && forms.length < MAX_FORMS && !forms.includes(f)) forms.push(f);
  };
  const short = hepburn.replace(/ou|oo/g, 'o').replace(/uu/g, 'u');
  add(short);
  let kunrei = short;
  for (const [re, to] of KUNREI) kunrei = kunrei.replace(re, to);
  add(kunrei);
  add(hepburn.replace(/n([bmp])/g, 'm$1'));
  const loan = short.replace(/chi/g, 'ti').replace(/ji/g, 'di');
  add(loan);
  const bare = loan.replace(EPENTHETIC, '$1');
  add(bare);
  add(bare.replace(/r/g, 'l'));
  add(hepburn.replace(/ou|oo/g, 'oh'));
  // A foreign name without the vowels katakana adds to its consonants (u after most, o after t
  // and d: ト ラ ン プ to-ra-n-pu is Trump, セルゲイ se-ru-gei Sergei), n before b p m as m, and
  // with the letters katakana bends back: r as l (all, or the first only), b and w as v, a final
  // f as v (ブ and ワ write v, フ a Russian -v: ラブロフ Lavrov, イワノフ Ivanov), ks as x.
  // Whether a vowel is one katakana added cannot be told (ト in トランプ is, ド in ドナルド is not),
  // so both readings: every such vowel dropped, and all but the first syllable's.
  const first = /^[^aeiou]*[aeiou]/.exec(loan)?.[0] ?? '';
  for (const base of [foreignReading(loan), first + foreignReading(loan.slice(first.length))]) {
    if (base.length < 4) continue;
    add(base);
    add(base.replace(/r/g, 'l'));
    const v = base
      .replace(/b/g, 'v')
      .replace(/w(?=[aeiou])/g, 'v')
      .replace(/f$/, 'v')
      .replace(/ks/g, 'x');
    add(v);
    add(v.replace(/r/g, 'l'));
    add(v.replace('r', 'l'));
  }
  return forms;
}

/** A loanword's reading without the vowels katakana adds after consonants, n before b p m as m. */
function foreignReading(loan: string): string {
  return loan
    .replace(INNER_EPENTHETIC, '$1')
    .replace(EPENTHETIC_TO, '$1')
    .replace(EPENTHETIC, '$1')
    .replace(/n([bmp])/g, 'm$1');
}

/** Tokens of a run of kana (usually one; any-ascii may split at punctuation it keeps). */
export function kanaTokens(run: string): NameToken[] {
  const tokens: NameToken[] = [];
  for (const piece of kanaHepburn(run).split(NON_ALNUM)) {
    if (piece) tokens.push(makeToken(piece, kanaForms(piece), 'word', 'kana'));
  }
  return tokens;
}
