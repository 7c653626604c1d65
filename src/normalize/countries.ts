/**
 * @module
 * Country names as lists write them ("Korea, North", "Democratic People's Republic of Korea",
 * "Iran (Islamic Republic of)") → ISO 3166-1 alpha-2 codes in lower case, as FtM stores them.
 * i18n-iso-countries knows the official and common English names; the table below adds the
 * spellings sanctions lists use that it does not.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Countries = typeof import('i18n-iso-countries');
let lib: Countries | undefined;

/**
 * i18n-iso-countries with its English names, loaded when a country name is first normalised:
 * loading it (and its names for every language) was ~90 ms of every process's start, a cold
 * `embargo screen` of a bare name included, which never needs it (issue 17).
 */
function countries(): Countries {
  if (!lib) {
    lib = require('i18n-iso-countries') as Countries;
    lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  }
  return lib;
}

// Keys are folded with foldCountry(). Codes beyond ISO follow FtM: `suhh` Soviet Union,
// `yucs` Yugoslavia, `xk` Kosovo, `csxx` Serbia and Montenegro.
const ALIASES: Record<string, string> = {
  'north korea': 'kp',
  'korea north': 'kp',
  'democratic peoples republic of korea': 'kp',
  'korea democratic peoples republic of': 'kp',
  'korea dprk': 'kp',
  dprk: 'kp',
  'south korea': 'kr',
  'korea south': 'kr',
  'republic of korea': 'kr',
  'korea republic of': 'kr',
  burma: 'mm',
  'burma myanmar': 'mm',
  syria: 'sy',
  'syrian arab republic': 'sy',
  'viet nam': 'vn',
  vietnam: 'vn',
  laos: 'la',
  'lao peoples democratic republic': 'la',
  'congo democratic republic of the': 'cd',
  'democratic republic of the congo': 'cd',
  'congo republic of the': 'cg',
  'republic of the congo': 'cg',
  'iran islamic republic of': 'ir',
  'islamic republic of iran': 'ir',
  russia: 'ru',
  'russian federation': 'ru',
  'the russian federation': 'ru',
  palestinian: 'ps',
  'palestinian territories': 'ps',
  'occupied palestinian territory': 'ps',
  'west bank': 'ps',
  gaza: 'ps',
  'gaza strip': 'ps',
  'state of palestine': 'ps',
  'united kingdom of great britain and northern ireland': 'gb',
  uk: 'gb',
  'great britain': 'gb',
  'united states': 'us',
  'united states of america': 'us',
  usa: 'us',
  'the netherlands': 'nl',
  'netherlands the': 'nl',
  'bosnia herzegovina': 'ba',
  'bosnia and herzegovina': 'ba',
  macedonia: 'mk',
  'the former yugoslav republic of macedonia': 'mk',
  'north macedonia': 'mk',
  'ivory coast': 'ci',
  'cote divoire': 'ci',
  "côte d'ivoire": 'ci',
  'cote d ivoire': 'ci',
  'cape verde': 'cv',
  'cabo verde': 'cv',
  'the gambia': 'gm',
  'gambia the': 'gm',
  'the bahamas': 'bs',
  'bahamas the': 'bs',
  'tanzania united republic of': 'tz',
  'united republic of tanzania': 'tz',
  'bolivia plurinational state of': 'bo',
  'venezuela bolivarian republic of': 've',
  'bolivarian republic of venezuela': 've',
  'moldova republic of': 'md',
  'republic of moldova': 'md',
  moldova: 'md',
  'micronesia federated states of': 'fm',
  'holy see': 'va',
  'vatican city': 'va',
  'st kitts and nevis': 'kn',
  'saint kitts and nevis': 'kn',
  'st kitts nevis': 'kn',
  'st vincent and the grenadines': 'vc',
  'saint vincent and the grenadines': 'vc',
  'st lucia': 'lc',
  'timor leste': 'tl',
  'east timor': 'tl',
  eswatini: 'sz',
  swaziland: 'sz',
  czechia: 'cz',
  'czech republic': 'cz',
  turkiye: 'tr',
  'hong kong': 'hk',
  'hong kong sar': 'hk',
  'hong kong china': 'hk',
  'china hong kong special administrative region': 'hk',
  macau: 'mo',
  macao: 'mo',
  taiwan: 'tw',
  prc: 'cn', // BIS DPL writes the People's Republic of China so
  'taiwan province of china': 'tw',
  'chinese taipei': 'tw',
  kosovo: 'xk',
  'soviet union': 'suhh',
  ussr: 'suhh',
  'former soviet union': 'suhh',
  yugoslavia: 'yucs',
  'federal republic of yugoslavia': 'yucs',
  'serbia and montenegro': 'csxx',
  'united arab emirates': 'ae',
  uae: 'ae',
  'brunei darussalam': 'bn',
  brunei: 'bn',
  'kyrgyz republic': 'kg',
  'slovak republic': 'sk',
  'region crimea': 'ua',
  crimea: 'ua',
  curacao: 'cw',
  'saint martin': 'mf',
  'sint maarten': 'sx',
  'british virgin islands': 'vg',
  'virgin islands british': 'vg',
  'south sudan': 'ss',
  'republic of south sudan': 'ss',
  sudan: 'sd',
  'the sudan': 'sd',
  // Spellings of the OFSI ConList (uk_ofsi) and the FCDO list (uk_fcdo). Without the first,
  // "Congo (Democratic Republic)" would fall back to its bare form, Congo, the other Congo.
  'congo democratic republic': 'cd',
  'congo republic': 'cg',
  'democratic republic of congo': 'cd',
  'occupied palestinian territories': 'ps',
  'the occupied palestinian territories': 'ps',
  'st vincent': 'vc',
  micronesia: 'fm',
  drc: 'cd',
  'guinea bissau': 'gw',
  'libyan arab jamahiriya': 'ly',
  'sultanate of oman': 'om',
  'union of the comoros': 'km',
};

/** Folds a country name to a lookup key: lower case, no accents or punctuation, single spaces. */
export function foldCountry(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const cache = new Map<string, string | undefined>();

/**
 * The lower-case ISO code for a country name or code as a list writes it, or undefined when the
 * name is not a country we know (the caller keeps the raw text elsewhere).
 */
export function countryCode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  // Lists repeat the same few hundred spellings thousands of times: look the raw text up first.
  const hit = rawCache.get(name);
  if (hit !== undefined || rawCache.has(name)) return hit;
  const code = lookup(name);
  rawCache.set(name, code);
  return code;
}

const rawCache = new Map<string, string | undefined>();

function lookup(name: string): string | undefined {
  const key = foldCountry(name);
  if (!key) return undefined;
  if (cache.has(key)) return cache.get(key);
  let code: string | undefined = ALIASES[key];
  if (!code && /^[a-z]{2}$/.test(key) && countries().isValid(key.toUpperCase())) code = key;
  if (!code && /^[a-z]{3}$/.test(key))
    code = countries().alpha3ToAlpha2(key.toUpperCase())?.toLowerCase();
  if (!code) code = countries().getAlpha2Code(name.trim(), 'en')?.toLowerCase();
  if (!code) code = countries().getAlpha2Code(key, 'en')?.toLowerCase();
  if (!code) {
    // "Korea, North" and "Iran (Islamic Republic of)": try the inverted and the bare forms.
    const comma = /^([^,]+),\s*(.+)$/.exec(name);
    if (comma) code = countryCode(`${comma[2]} ${comma[1]}`);
    const paren = /^(.+?)\s*\(.*\)\s*$/.exec(name);
    if (!code && paren) code = countryCode(paren[1]);
  }
  cache.set(key, code);
  return code;
}
