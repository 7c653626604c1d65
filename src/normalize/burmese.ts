/**
 * @module
 * Burmese (Myanmar script) → Latin, one token per syllable. any-ascii transliterates letter by
 * letter and gives spellings nobody uses (မင်းအောင်လှိုင် → mn'eanlhiun for Min Aung Hlaing):
 * Burmese spelling is far from its sound, and names are romanised by sound, syllable by syllable.
 * So a syllable is parsed (initial consonant, medials ျ ြ ွ ှ, vowel signs, final consonant with
 * asat ်, tone marks) and spelled from two tables: initials with medials, and rhymes.
 *
 * Sources: the Myanmar Language Commission's romanisation (MLCTS, 1980; the finals -ang/-it etc.
 * are its spellings of the written form) and, first, the conventional English spellings every
 * list and passport uses for names (Aung, Hlaing, Kyaw, Thein, Min, Htun/Tun, Myint, Win, Naing,
 * Soe, Zaw, Thura…: as in the UN and OFAC entries for Myanmar's military and in Myanmar
 * passports), as tabulated in J. Okell, "A Guide to the Romanization of Burmese" (1971), whose
 * "conventional" column these tables follow. Tones are not written in either.
 *
 * Syllables whose vowel is the inherent or long a and that have no final (ya, da, na, wa, za)
 * are joined to the syllable before them: those are the Pali syllables of place and company
 * names written as one Latin word (Kanbawza, Yadana, Myawaddy, Thura), while the syllables of a
 * person's name, which lists write apart (Min Aung Hlaing), almost all have a final or another
 * vowel. The matcher joins adjacent tokens, so either way a two-word or one-word spelling is met.
 */
import { kBest } from './_kbest.ts';
import { makeToken, type NameToken, type TokenKind } from './nameToken.ts';
import { wordKind } from './nameWords.ts';

/** Spellings kept per token (the MLCTS one comes on top). */
const MAX_FORMS = 8;

// Initial consonants: conventional spelling first, then MLCTS or other usual ones.
const INITIALS: Readonly<Record<string, readonly string[]>> = {
  က: ['k', 'g'],
  ခ: ['kh', 'k'],
  ဂ: ['g'],
  ဃ: ['g'],
  င: ['ng', 'n'],
  စ: ['s', 'z'],
  ဆ: ['hs', 's'],
  ဇ: ['z'],
  ဈ: ['z'],
  ည: ['ny', 'n'],
  ဉ: ['ny', 'n'],
  ဋ: ['t'],
  ဌ: ['ht', 't'],
  ဍ: ['d'],
  ဎ: ['d'],
  ဏ: ['n'],
  တ: ['t', 'd'],
  ထ: ['ht', 't', 'th'],
  ဒ: ['d'],
  ဓ: ['d'],
  န: ['n'],
  ပ: ['p', 'b'],
  ဖ: ['ph', 'hp', 'p'],
  ဗ: ['b'],
  ဘ: ['b', 'bh'],
  မ: ['m'],
  ယ: ['y'],
  ရ: ['y', 'r'],
  လ: ['l'],
  ဝ: ['w'],
  သ: ['th', 't'],
  ဟ: ['h'],
  ဠ: ['l'],
  အ: [''],
  ဿ: ['th'],
};

// Independent vowels (a syllable of their own; ဦး is also the honorific U).
const INDEPENDENT: Readonly<Record<string, readonly string[]>> = {
  ဣ: ['i'],
  ဤ: ['i'],
  ဥ: ['u', 'oo'],
  ဦ: ['u', 'oo'],
  ဧ: ['e', 'ay', 'ei'],
  ဩ: ['aw'],
  ဪ: ['aw'],
};

// Final consonants (written with asat ် or stacked with ္) by the rhyme class they make.
const FINAL_CLASS: Readonly<Record<string, string>> = {
  က: 'k',
  င: 'ng',
  စ: 'c',
  ည: 'ny',
  ဉ: 'nyn',
  ဋ: 't',
  ဍ: 't',
  ဏ: 'n',
  တ: 't',
  ဒ: 't',
  န: 'n',
  ပ: 'p',
  ဗ: 'p',
  မ: 'm',
  ယ: 'y',
  လ: 'n',
  သ: 't',
};

// Rhymes by "vowel key|final class"; vowel keys: '' inherent a, a (ာ ါ), i (ိ), ii (ီ), u (ု),
// uu (ူ), e (ေ), ai (ဲ), aw (ေ + ာ), o (ိ + ု). A leading 'w' marks the forms taken with the
// medial ွ (ထွန်း Htun: the medial makes the vowel u rather than adding a w).
const RHYMES: Readonly<Record<string, readonly string[]>> = {
  '|': ['a'],
  'a|': ['a', 'ar'],
  'i|': ['i'],
  'ii|': ['i', 'ee'],
  'u|': ['u', 'oo'],
  'uu|': ['u', 'oo'],
  'e|': ['e', 'ay', 'ei'],
  'ai|': ['e', 'ai'],
  'aw|': ['aw', 'o'],
  'o|': ['o', 'oe'],
  '|k': ['et', 'e'],
  'aw|k': ['auk'],
  'o|k': ['aik'],
  '|ng': ['in'],
  'aw|ng': ['aung'],
  'o|ng': ['aing'],
  '|c': ['it', 'i'],
  '|ny': ['i', 'e', 'ay', 'in'],
  '|nyn': ['in'],
  '|t': ['at'],
  'i|t': ['eik', 'ate'],
  'u|t': ['ok', 'oke'],
  '|n': ['an'],
  'i|n': ['ein'],
  'u|n': ['on', 'oun', 'un'],
  '|p': ['at'],
  'i|p': ['eik'],
  'u|p': ['ok', 'oke'],
  '|m': ['an', 'am'],
  'i|m': ['ein'],
  'u|m': ['on', 'oun'],
  '|y': ['e', 'ay'],
  '|anusvara': ['an', 'am'],
  'i|anusvara': ['ein'],
  'u|anusvara': ['on', 'oun', 'ome'],
  // With the medial ွ, a stop or nasal final makes the vowel u: ညွန့် Nyunt, ထွန်း Htun, ကွတ် Kut.
  'w|t': ['ut'],
  'w|p': ['ut'],
  'w|n': ['un', 'wan'],
  'w|m': ['un', 'wan'],
  'w|anusvara': ['un', 'wan'],
};

// Whole words with a Latin equivalent: legal forms, company words, honorifics, places.
const WORDS: readonly (readonly [string, readonly string[], TokenKind?])[] = [
  ['ကုမ္ပဏီ', ['company']],
  ['လီမိတက်', ['limited']],
  ['ဘဏ်', ['bank']],
  ['ဦး', ['u'], 'title'],
  ['ဒေါ်', ['daw'], 'title'],
  // Military ranks, longest first: Vice Senior General, Senior General, General.
  ['ဒုတိယဗိုလ်ချုပ်မှူးကြီး', ['general'], 'title'],
  ['ဗိုလ်ချုပ်မှူးကြီး', ['general'], 'title'],
  ['ဗိုလ်ချုပ်', ['general', 'bogyoke'], 'title'],
  // Places, and the armed forces, that Latin writes as one word in a conventional spelling no
  // syllable reading reaches (Mandalay, not Man-da-le; Dawei, not Hta-we; Bagan, not Pu-gan) and
  // which company, vessel and address names carry: the states and regions, their capitals, border
  // towns and ports. The English spellings are the Myanmar Information Management Unit's place
  // names (MIMU Place Codes), then the colonial ones the Adaptation of Expressions Law (State Law
  // and Order Restoration Council Law No. 15/89) replaced and older documents keep (Rangoon,
  // Irrawaddy, Pegu). Nay Pyi Taw is left to its syllables: it is written apart as often as not.
  ['ရန်ကုန်', ['yangon', 'rangoon']],
  ['မန္တလေး', ['mandalay']],
  ['ဧရာဝတီ', ['ayeyarwady', 'irrawaddy', 'ayeyarwaddy']],
  ['စစ်ကိုင်း', ['sagaing']],
  ['မကွေး', ['magway', 'magwe']],
  ['ပဲခူး', ['bago', 'pegu']],
  ['မော်လမြိုင်', ['mawlamyine', 'moulmein', 'mawlamyaing']],
  ['တောင်ကြီး', ['taunggyi']],
  ['မြစ်ကြီးနား', ['myitkyina']],
  ['စစ်တွေ', ['sittwe']],
  ['ထားဝယ်', ['dawei', 'tavoy']],
  ['ပုသိမ်', ['pathein', 'bassein']],
  ['လားရှိုး', ['lashio']],
  ['မြဝတီ', ['myawaddy', 'myawadi']],
  ['တာချီလိတ်', ['tachileik', 'tachilek']],
  ['ကျောက်ဖြူ', ['kyaukphyu', 'kyaukpyu']],
  ['ရခိုင်', ['rakhine', 'arakan']],
  ['တနင်္သာရီ', ['tanintharyi', 'tenasserim']],
  ['တပ်မတော်', ['tatmadaw']],
  ['ပုဂံ', ['bagan', 'pagan']],
  ['မိတ္ထီလာ', ['meiktila']],
  ['မုံရွာ', ['monywa']],
  ['ဟင်္သာတ', ['hinthada', 'henzada']],
  ['ကော့သောင်း', ['kawthaung', 'kawthoung']],
  ['ရွှေဘို', ['shwebo']],
  ['ပြင်ဦးလွင်', ['pyinoolwin', 'pyinulwin', 'maymyo']],
];

const HONORIFIC_U = 'ဦး';
const MEDIALS = new Set(['ျ', 'ြ', 'ွ', 'ှ']);
const ASAT = '်';
const VIRAMA = '္';
const DOT_BELOW = '့';
const ANUSVARA = 'ံ';
const DIGIT = /[0-9၀-၉႐-႙]/;

interface Syllable {
  initial: string;
  medials: Set<string>;
  vowels: string;
  final: string;
  anusvara: boolean;
  creaky: boolean;
}

/** Cuts a run of Myanmar letters into syllables (a new one at each consonant not made a final). */
function syllables(run: string): (Syllable | string)[] {
  const chars = [...run];
  const out: (Syllable | string)[] = [];
  let cur: Syllable | undefined;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (DIGIT.test(c)) {
      cur = undefined;
      out.push(String((c.codePointAt(0)! - 0x30) % 16)); // ၀-၉ and ႐-႙ end in 0–9 too
      continue;
    }
    if (INITIALS[c] !== undefined || INDEPENDENT[c] !== undefined) {
      let j = i + 1;
      while (chars[j] === DOT_BELOW) j++;
      const isFinal = cur && (chars[j] === ASAT || chars[j] === VIRAMA) && INITIALS[c];
      if (isFinal) {
        cur!.final = c;
        if (chars[j] === ASAT && chars[j - 1] === DOT_BELOW) cur!.creaky = true;
        continue;
      }
      cur = {
        initial: c,
        medials: new Set(),
        vowels: '',
        final: '',
        anusvara: false,
        creaky: false,
      };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    if (MEDIALS.has(c)) cur.medials.add(c);
    else if (c === ANUSVARA) cur.anusvara = true;
    else if (c === DOT_BELOW) cur.creaky = true;
    else if ('ောါိီုူဲ'.includes(c)) cur.vowels += c;
    // Asat, virama, visarga (း) and other signs: tone or spelling, not sound.
  }
  return out;
}

function vowelKey(v: string): string {
  const has = (c: string) => v.includes(c);
  if (has('ေ') && (has('ာ') || has('ါ'))) return 'aw';
  if (has('ိ') && has('ု')) return 'o';
  if (has('ေ')) return 'e';
  if (has('ဲ')) return 'ai';
  if (has('ာ') || has('ါ')) return 'a';
  if (has('ီ')) return 'ii';
  if (has('ိ')) return 'i';
  if (has('ူ')) return 'uu';
  if (has('ု')) return 'u';
  return '';
}

/** The initial's spellings with its medials: ky/ch for ကျ, hl for လှ, sh for ရှ, shw for ရွှ. */
function onsetOptions(s: Syllable, wAbsorbed: boolean): readonly string[] {
  if (INDEPENDENT[s.initial]) return [''];
  let base = INITIALS[s.initial]!;
  const y = s.medials.has('ျ') || s.medials.has('ြ');
  const h = s.medials.has('ှ');
  if (h) {
    base =
      s.initial === 'ရ' || s.initial === 'ယ' || (y && s.initial === 'လ')
        ? ['sh']
        : base.map((b) => `h${b}`);
  }
  let opts: string[] = [...base];
  if (y && !h) {
    if (s.initial === 'က') opts = ['ky', 'ch', 'gy'];
    else if (s.initial === 'ခ') opts = ['ch', 'khy', 'hky'];
    else if (s.initial === 'ဂ') opts = ['gy', 'j'];
    else opts = base.map((b) => `${b}y`);
  }
  if (s.medials.has('ွ') && !wAbsorbed) opts = opts.map((o) => `${o}w`);
  return opts;
}

function rhymeOptions(s: Syllable): { rhymes: readonly string[]; wAbsorbed: boolean } {
  if (INDEPENDENT[s.initial]) {
    const base = INDEPENDENT[s.initial]!;
    if (!s.final) return { rhymes: base, wAbsorbed: false };
  }
  const v = vowelKey(s.vowels);
  const fc = s.anusvara && !s.final ? 'anusvara' : s.final ? (FINAL_CLASS[s.final] ?? 't') : '';
  const w = s.medials.has('ွ') && v === '' && fc ? RHYMES[`w|${fc}`] : undefined;
  let rhymes = w ?? RHYMES[`${v}|${fc}`] ?? RHYMES[`${v}|`] ?? ['a'];
  // ဝ before a nasal or stop: ဝန် wun, ဝဏ္ဏ Wunna.
  if (s.initial === 'ဝ' && v === '' && (fc === 'n' || fc === 'm' || fc === 't')) {
    rhymes = [...rhymes, 'un'];
  }
  // A nasal in the creaky tone is written with a t by convention: Myint, Thant, Nyunt.
  if (s.creaky && /n$/.test(rhymes[0]!))
    rhymes = [...rhymes.map((r) => (/n$/.test(r) ? `${r}t` : r)), ...rhymes];
  return { rhymes, wAbsorbed: w !== undefined };
}

function syllableOptions(s: Syllable): readonly (readonly string[])[] {
  const { rhymes, wAbsorbed } = rhymeOptions(s);
  return [onsetOptions(s, wAbsorbed), rhymes];
}

// MLCTS (Myanmar Language Commission Transcription System, 1980): a transcription of the
// written form, letter for letter, used in scholarly and official romanisations.
const MLC_INITIALS: Readonly<Record<string, string>> = {
  က: 'k',
  ခ: 'hk',
  ဂ: 'g',
  ဃ: 'gh',
  င: 'ng',
  စ: 'c',
  ဆ: 'hc',
  ဇ: 'j',
  ဈ: 'jh',
  ည: 'ny',
  ဉ: 'ny',
  ဋ: 't',
  ဌ: 'ht',
  ဍ: 'd',
  ဎ: 'dh',
  ဏ: 'n',
  တ: 't',
  ထ: 'ht',
  ဒ: 'd',
  ဓ: 'dh',
  န: 'n',
  ပ: 'p',
  ဖ: 'hp',
  ဗ: 'b',
  ဘ: 'bh',
  မ: 'm',
  ယ: 'y',
  ရ: 'r',
  လ: 'l',
  ဝ: 'w',
  သ: 's',
  ဟ: 'h',
  ဠ: 'l',
  အ: '',
  ဿ: 'ss',
};
const MLC_VOWELS: Readonly<Record<string, string>> = {
  '': 'a',
  a: 'a',
  i: 'i',
  ii: 'i',
  u: 'u',
  uu: 'u',
  e: 'e',
  ai: 'ai',
  aw: 'au',
  o: 'ui',
};
// Finals by their letter: the vowel before them is written as in open syllables, except the
// inherent a (MLCTS writes the final after it: ang, an, at…).
const MLC_FINALS: Readonly<Record<string, string>> = {
  က: 'k',
  င: 'ng',
  စ: 'c',
  ည: 'ny',
  ဉ: 'ny',
  ဋ: 't',
  ဍ: 'd',
  ဏ: 'n',
  တ: 't',
  ဒ: 'd',
  န: 'n',
  ပ: 'p',
  ဗ: 'b',
  မ: 'm',
  ယ: 'y',
  လ: 'l',
  သ: 's',
};

/** The MLCTS spelling of a syllable (မင်း mang, အောင် aung, လှိုင် hluing). */
function mlcts(s: Syllable): string {
  if (INDEPENDENT[s.initial]) return INDEPENDENT[s.initial]![0]!;
  let onset = MLC_INITIALS[s.initial] ?? '';
  if (s.medials.has('ျ')) onset += 'y';
  if (s.medials.has('ြ')) onset += 'r';
  if (s.medials.has('ွ')) onset += 'w';
  if (s.medials.has('ှ')) onset = `h${onset}`;
  const v = vowelKey(s.vowels);
  let rhyme = MLC_VOWELS[v] ?? 'a';
  if (s.final) rhyme = (v === '' ? 'a' : rhyme === 'a' ? 'a' : rhyme) + (MLC_FINALS[s.final] ?? '');
  if (s.anusvara) rhyme += 'm';
  return onset + rhyme;
}

/** An open syllable in a or aa (no final, no other vowel, no anusvara). */
function isOpenA(s: Syllable): boolean {
  const v = vowelKey(s.vowels);
  return !s.final && !s.anusvara && (v === '' || v === 'a') && !INDEPENDENT[s.initial];
}

/** Tokens of a run of Myanmar script. */
export function burmeseTokens(run: string): NameToken[] {
  const tokens: NameToken[] = [];
  let rest = run;
  while (rest) {
    const word = WORDS.find(([w]) => rest.startsWith(w));
    if (word && word[0] === HONORIFIC_U && tokens.length) {
      // ဦး after a name syllable is the syllable Oo (Tin Aung Myint Oo), not the honorific U.
      tokens.push(makeToken('oo', ['oo', 'u', 'oh'], 'word', 'burmese'));
      rest = rest.slice(HONORIFIC_U.length);
      continue;
    }
    if (word) {
      const [w, forms, kind] = word;
      tokens.push(makeToken(forms[0]!, forms, kind ?? wordKind(forms), 'burmese'));
      rest = rest.slice(w.length);
      continue;
    }
    // Up to the next whole word.
    let end = rest.length;
    for (const [w] of WORDS) {
      const k = rest.indexOf(w, 1);
      if (k > 0 && k < end) end = k;
    }
    tokens.push(...syllableTokens(rest.slice(0, end)));
    rest = rest.slice(end);
  }
  return tokens;
}

function syllableTokens(text: string): NameToken[] {
  const groups: (Syllable[] | string)[] = [];
  for (const s of syllables(text)) {
    const last = groups[groups.length - 1];
    if (typeof s === 'string') {
      if (typeof last === 'string') groups[groups.length - 1] = last + s;
      else groups.push(s);
    } else if (Array.isArray(last) && isOpenA(s)) last.push(s);
    else groups.push([s]);
  }
  const tokens: NameToken[] = [];
  for (const g of groups) {
    if (typeof g === 'string') {
      tokens.push(makeToken(g, [g], 'number', 'burmese'));
      continue;
    }
    const forms = kBest(g.flatMap(syllableOptions), MAX_FORMS).filter(Boolean);
    forms.push(g.map(mlcts).join(''));
    if (forms.length) tokens.push(makeToken(forms[0]!, forms, 'word', 'burmese'));
  }
  return tokens;
}
