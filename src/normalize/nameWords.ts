/**
 * @module
 * Words that carry little identity in a name: titles and honorifics, connectors and particles,
 * legal forms and generic company words. The tokenizer marks them with a {@link TokenKind} so the
 * matcher can weigh them low; it never drops them, since "Bank of Iran" and "Bank Iran" differ.
 * All entries are folded: lower-case ASCII, no dots.
 */
import { LEGAL_FORMS } from './legalForms.ts';
import type { TokenKind } from './nameToken.ts';

/**
 * Titles, honorifics, ranks and offices. Decisions:
 * - `amir` is a common given name (Amir Khan, Amir Hossein) and stays a word; the title is
 *   recognised in its Emir spelling only.
 * - `sultan` is a common given name in the Gulf and Central Asia and stays a word.
 * - Abbreviations that are also real names (Eng, a Chinese surname; Gen, Col, Sen, Ing) are in
 *   {@link DOTTED_TITLES} and count as titles only when written with a dot ("Eng.", "Gen.").
 * - "President" also in the languages lists and press quote it in (Präsident, Presidente,
 *   Prezident, Predsjednik, Președintele, elnök…), since it precedes names in all of them.
 */
const TITLES = [
  // Forms of address before the names of party and state officials (DPRK, Soviet usage).
  'comrade',
  'tovarishch',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'doctor',
  'prof',
  'professor',
  'general',
  'colonel',
  'major',
  'maj',
  'captain',
  'capt',
  'cpt',
  'lieutenant',
  'lt',
  'admiral',
  'adm',
  'commander',
  'cdr',
  'brigadier',
  'marshal',
  'sergeant',
  'sgt',
  'sheikh',
  'shaikh',
  'shaykh',
  'sheik',
  'cheikh',
  'sheikha',
  'shaykha',
  'haji',
  'hajji',
  'hadji',
  'hajj',
  'alhaj',
  'alhaji',
  'mullah',
  'mulla',
  'molla',
  'maulavi',
  'maulawi',
  'mawlawi',
  'moulavi',
  'moulvi',
  'mowlawi',
  'maulvi',
  'mawlavi',
  'molvi',
  'maulana',
  'mawlana',
  'mufti',
  'qari',
  'imam',
  'sayyid',
  'sayed',
  'sayyed',
  'syed',
  'seyed',
  'seyyed',
  'emir',
  'ayatollah',
  'ayatullah',
  'hojatoleslam',
  'hojjatoleslam',
  'muhandis',
  'sir',
  'lord',
  'lady',
  'dame',
  'prince',
  'princess',
  'king',
  'queen',
  'president',
  'presidente',
  'prasident',
  'praesident',
  'prezident',
  'prezydent',
  'presiden',
  'predsjednik',
  'predsednik',
  'presedinte',
  'presedintele',
  'elnok',
  'minister',
  'ministr',
  'governor',
  'senator',
  'ambassador',
  'polkovnik',
  'engineer',
  'rev',
  'reverend',
  'bishop',
  'archbishop',
  'patriarch',
  'madame',
  'mme',
  'mlle',
  'monsieur',
  'herr',
  'frau',
  'senor',
  'senora',
  'sra',
  'srta',
  'dato',
  'datuk',
] as const;

/** Abbreviated titles that are also names: titles only when a dot follows them. */
export const DOTTED_TITLES: ReadonlySet<string> = new Set([
  'eng',
  'gen',
  'col',
  'sen',
  'ing',
  'gov',
]);

/**
 * Connectors and name particles. `al`, `el`, `ul` are the Arabic article (al-Baghdadi, Zia-ul-Haq):
 * stop words, so the matcher gives them tiny weight; "Albaghdadi" written glued is its business
 * (it joins adjacent tokens). Left out on purpose: `le`, `la`, `do` (Vietnamese surnames Lê, La,
 * Đỗ), `an` (Korean surname 안), `abd` (part of a compound given name).
 */
const STOP_WORDS = [
  'of',
  'the',
  'and',
  'for',
  'in',
  'on',
  'to',
  'et',
  'und',
  'de',
  'del',
  'della',
  'dello',
  'degli',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'des',
  'der',
  'den',
  'van',
  'von',
  'ter',
  'ten',
  'zu',
  'bin',
  'ibn',
  'bint',
  'binti',
  'ben',
  'abu',
  'abou',
  'umm',
  'al',
  'el',
  'ul',
] as const;

/**
 * Arabic articles assimilated to a following "sun letter" (as-Sahab, ash-Shabaab, ad-Din,
 * ar-Rahman, an-Nasr): particles only when a hyphen ties them to the next word, since "As",
 * "An", "Ad" are also names and legal forms. `un`, `ut`, `et` are left out: Korean given names
 * are hyphenated ("Kim Un-chol") and "un" is a syllable there.
 */
export const HYPHEN_ARTICLES: ReadonlySet<string> = new Set([
  'as',
  'ash',
  'ad',
  'adh',
  'ar',
  'at',
  'ath',
  'az',
  'an',
  'ud',
  'ur',
  'us',
  'uz',
  'ush',
  'ed',
  'er',
  'es',
  'esh',
  'ez',
]);

/**
 * Generic organisation words weighed like legal forms. They live here rather than in LEGAL_FORMS
 * because that list also decides whether a party is a company (`looksLikeCompany`), and "Group"
 * or "International" would make armed groups and NGOs look like companies.
 */
const ORG_WORDS = [
  'group',
  'international',
  'intl',
  'enterprise',
  'enterprises',
  'industry',
  'industrial',
  'industries',
  'trading',
  'company',
  'corporation',
  'holding',
  'holdings',
  'shipping',
  'ltda',
  'cia',
  'kft',
  'zrt',
  'tov',
  'pvt',
  'private',
  'establishment',
] as const;

const titles: ReadonlySet<string> = new Set(TITLES);
const stops: ReadonlySet<string> = new Set(STOP_WORDS);

/** Legal forms of one word, from LEGAL_FORMS and ORG_WORDS. */
const legalWords: ReadonlySet<string> = new Set([
  ...LEGAL_FORMS.filter((f) => !f.includes(' ')),
  ...ORG_WORDS,
]);

/**
 * Legal forms of several words ("joint stock company", "s a", "sdn bhd"), as word arrays, indexed
 * by their first word and longest first.
 */
export const LEGAL_PHRASES: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const form of new Set<string>(LEGAL_FORMS)) {
    if (!form.includes(' ')) continue;
    const words = form.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/**
 * The kind of a Latin (or Latin-transliterated) token from its forms, for words that are not
 * single letters or numbers. Titles win over stop words, stop words over legal forms: "Co" is
 * legal, but "General" a title even in "General Trading".
 */
export function wordKind(forms: readonly string[]): TokenKind {
  for (const f of forms) if (titles.has(f)) return 'title';
  if (stops.has(forms[0]!)) return 'stop';
  if (legalWords.has(forms[0]!)) return 'legal';
  return 'word';
}
