/**
 * @module
 * Countries as the OFSI ConList writes them in Nationality, Country of Birth, Country and passport
 * notes: demonyms ("Afghan", "Saudi Arabian"), enumerations ("(1) Somali (2) Swedish",
 * "1) Saudi Arabia 2) Qatar", "(1)-(2) Tunisia (3) Libya"), qualifiers ("Bahrain (citizenship
 * revoked in January 2015)", "Possibly Ethiopian") and a few misspellings.
 */
import { countryCode, foldCountry } from '../../normalize/index.ts';

// Demonyms, misspellings and Soviet-era names, keyed by foldCountry(). They stay here rather than
// in the shared country table: "Georgian" or "American" read as a country only in a nationality
// field. (Proper country spellings such as "Libyan Arab Jamahiriya" went to the shared table.)
const LOCAL: Record<string, string> = {
  afghan: 'af',
  afgan: 'af',
  afganistan: 'af',
  albanian: 'al',
  algerian: 'dz',
  american: 'us',
  australian: 'au',
  bahraini: 'bh',
  belarusian: 'by',
  belgian: 'be',
  bosnian: 'ba',
  british: 'gb',
  burundian: 'bi',
  canadian: 'ca',
  'central african': 'cf',
  chinese: 'cn',
  // Every "Congolese" row of the file is under the DRC regime.
  congolese: 'cd',
  danish: 'dk',
  dutch: 'nl',
  egyptian: 'eg',
  eqypt: 'eg',
  emirati: 'ae',
  eritrean: 'er',
  ethiopian: 'et',
  filipino: 'ph',
  french: 'fr',
  georgian: 'ge',
  german: 'de',
  guinean: 'gn',
  indian: 'in',
  indonesian: 'id',
  iranian: 'ir',
  iraqi: 'iq',
  italian: 'it',
  jordanian: 'jo',
  kazakh: 'kz',
  'kazakh ssr': 'kz',
  'kazakh soviet socialist republic': 'kz',
  kenyan: 'ke',
  'north korean': 'kp',
  kuwaiti: 'kw',
  lebanese: 'lb',
  libyan: 'ly',
  malaysian: 'my',
  malian: 'ml',
  mauritanian: 'mr',
  moroccan: 'ma',
  nigerian: 'ng',
  nigerien: 'ne',
  norwegian: 'no',
  omani: 'om',
  pakistani: 'pk',
  palestinian: 'ps',
  qatari: 'qa',
  qatarian: 'qa',
  rsfsr: 'ru',
  russian: 'ru',
  rwandan: 'rw',
  saudi: 'sa',
  'saudi arabian': 'sa',
  senegalese: 'sn',
  somali: 'so',
  'south sudanese': 'ss',
  spanish: 'es',
  sudanese: 'sd',
  swedish: 'se',
  swiss: 'ch',
  syrian: 'sy',
  tajik: 'tj',
  tanzanian: 'tz',
  'trinadad and tobago': 'tt',
  tunisian: 'tn',
  turkish: 'tr',
  ugandan: 'ug',
  'ukrainian ssr': 'ua',
  'ukranian ssr': 'ua',
  'ukrainian ussr': 'ua',
  ukrainian: 'ua',
  uzbek: 'uz',
  venezuelan: 've',
  yemeni: 'ye',
  zimbabwean: 'zw',
};

const cache = new Map<string, string | undefined>();

/** The ISO code for one country name or demonym as OFSI writes it, or undefined. */
export function resolveCountry(text: string): string | undefined {
  // The same few hundred spellings recur thousands of times; folding (NFKD) is the costly part.
  if (cache.has(text)) return cache.get(text);
  const key = foldCountry(text);
  const code = key ? (LOCAL[key] ?? countryCode(text.trim())) : undefined;
  if (cache.size < 10_000) cache.set(text, code);
  return code;
}

// "(1)", "1)", "(a)", "a)", "(1)-(2)", "(1) to (6)", "(1) (2)" – list markers, not countries.
const MARKER = /\(?\b(?:\d{1,2}|[a-hA-H])\)(?:\s*(?:-|to)\s*\(?\b(?:\d{1,2}|[a-hA-H])\))?/g;
const PARENS = /\([^()]*\)?/g;
// Words that qualify a nationality without naming it.
const NOISE =
  /\b(?:also believed to hold|possibly|by birth|dual|citizenship|nationality|nationalities|national|citizen|now|former|withdrawn in \d{4}|revoked in [a-z]+ \d{4}|until \d{4}|as (?:at|of) .*$)/gi;

/** Codes found in a country list, and the pieces that named no known country. */
export interface CountryList {
  codes: string[];
  unknown: string[];
}

/**
 * Reads a field that may list several countries or demonyms. The whole piece is tried first, so
 * "Bosnia and Herzegovina" and "Latakia Province, Syria"-like texts are split only when needed.
 */
export function countriesIn(text: string): CountryList {
  const out: CountryList = { codes: [], unknown: [] };
  for (const part of text.replace(MARKER, '\n').split('\n')) {
    const whole = clean(part);
    if (!whole) continue;
    const code = resolveCountry(whole);
    if (code) {
      push(out.codes, code);
      continue;
    }
    for (const piece of whole.split(/\s*(?:,|;|\.\s|\band\b|\/)\s*/)) {
      const p = clean(piece);
      if (!p) continue;
      const c = resolveCountry(p);
      if (c) push(out.codes, c);
      else push(out.unknown, p);
    }
  }
  return out;
}

function clean(text: string): string {
  return text
    .replace(PARENS, ' ')
    .replace(NOISE, ' ')
    .replace(/^[\s\-–,.;:]+|[\s\-–,.;:]+$/g, '')
    .replace(/\s+/g, ' ');
}

function push(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
