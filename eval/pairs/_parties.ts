/**
 * @module
 * The parties of the pairs (persons, companies, vessels): making one, writing it as a customer or a
 * list does, and making a different party that shares part of its name.
 */
import {
  BUSINESS_WORDS,
  CHINESE,
  CHINESE_SYLLABLE_SPELLINGS,
  COMPANY_CORES,
  type Culture,
  CULTURES,
  KOREAN,
  KOREAN_SYLLABLE_SPELLINGS,
  PATRONYMICS,
  RUSSIAN,
  RUSSIAN_WOMEN,
  VESSEL_NAMES,
} from './_pools.ts';
import { chance, farFrom, int, pick } from './_random.ts';

/**
 * A made-up person: given names, a Russian patronymic, a surname (two for some Latin American
 * names).
 */
export interface Person {
  culture: Culture;
  given: string[];
  patronymic?: string;
  surname: string;
}

/** The given names (or syllables) a culture draws from. */
export const givenPool = (c: Culture): string[] =>
  c.syllables ?? Object.keys(c.given).filter((g) => !g.includes(' '));

/**
 * A made-up person of the culture (random if not given), with `first` as the first given name if
 * given.
 */
export function person(c: Culture = pick(CULTURES), first?: string): Person {
  if (c.syllables) {
    const a = pick(c.syllables);
    let b = pick(c.syllables);
    while (b === a) b = pick(c.syllables);
    // Korean given names are written as two words; Chinese ones as one.
    const given = c === KOREAN ? [a, b] : [a + b.toLowerCase()];
    return { culture: c, given, surname: pick(c.surnames) };
  }
  const pool = givenPool(c);
  const given = [first ?? pick(pool)];
  if ((c.id === 'arabic' || c.id === 'latin-american') && chance(0.4)) {
    const second = farFrom(pool, given);
    if (second) given.push(second);
  }
  const p: Person = { culture: c, given, surname: pick(c.surnames) };
  if (c.id === 'russian' && chance(0.5)) p.patronymic = pick(PATRONYMICS);
  if (c.id === 'latin-american' && chance(0.4)) {
    const s2 = farFrom(c.surnames, [p.surname]);
    if (s2) p.surname = `${p.surname} ${s2}`;
  }
  return c === RUSSIAN ? gendered(p) : p;
}

/** A Russian woman's patronymic and surname take the feminine endings (Ivanovna Volkova). */
export function gendered(p: Person): Person {
  if (!RUSSIAN_WOMEN.has(p.given[0]!)) return p;
  return {
    ...p,
    ...(p.patronymic && { patronymic: p.patronymic.replace(/ich$/, 'na') }),
    surname: /(ov|ev|yov|in)$/.test(p.surname) ? p.surname + 'a' : p.surname,
  };
}

/** Upper case, as lists write surnames. */
export const upper = (s: string): string => s.toLocaleUpperCase('en');

/** Given names and patronymic, space-separated. */
export const givenPart = (p: Person): string =>
  [...p.given, ...(p.patronymic ? [p.patronymic] : [])].join(' ');

/** A person as a customer writes the name: in the culture's order. */
export function natural(p: Person): string {
  return p.culture.surnameFirst ? `${p.surname} ${givenPart(p)}` : `${givenPart(p)} ${p.surname}`;
}

/** A person as a list writes the name: surname upper-cased, often first with a comma. */
export function listed(p: Person): string {
  const style = int(0, 3);
  if (style === 0) return `${upper(p.surname)}, ${givenPart(p)}`;
  if (style === 1) return upper(natural(p));
  if (style === 2)
    return p.culture.surnameFirst
      ? `${upper(p.surname)} ${givenPart(p)}`
      : `${givenPart(p)} ${upper(p.surname)}`;
  return natural(p);
}

/** The same person with every given name replaced: a different person sharing the surname. */
export function otherGiven(p: Person, keepOne = false): Person | null {
  const woman = RUSSIAN_WOMEN.has(p.given[0]!);
  const pool = givenPool(p.culture).filter(
    (g) => p.culture !== RUSSIAN || RUSSIAN_WOMEN.has(g) === woman,
  );
  const given = [...p.given];
  const from = keepOne && given.length > 1 ? 1 : 0;
  for (let i = from; i < given.length; i++) {
    const g = farFrom(pool, [...p.given, ...(p.culture.given[p.given[i]!] ?? [])]);
    if (!g) return null;
    given[i] = p.culture.syllables && p.culture !== KOREAN ? g + pick(pool).toLowerCase() : g;
  }
  // Diminutives shared between two given names (Beto: Roberto, Alberto) would make it a match.
  for (let i = 0; i < given.length; i++) {
    const a = p.culture.given[p.given[i]!] ?? [];
    const b = p.culture.given[given[i]!] ?? [];
    if (a.some((x) => b.includes(x))) return null;
  }
  return { ...p, given };
}

/** The same person with another surname. */
export function otherSurname(p: Person): Person | null {
  const s = farFrom(p.culture.surnames, p.surname.split(' '));
  return s ? gendered({ ...p, surname: s }) : null;
}

/** A made-up company: its distinctive part, business word and legal form. */
export interface Company {
  core: string;
  business: string | null;
  /** Trailing words: "Co Ltd", "Company Limited", "LLC"… */
  form: string;
  /** Russian-style legal form written first (OOO Stroyinvest). */
  formFirst: boolean;
}

/** Legal forms and corporate words written after a company name. */
export const FORMS = [
  'Co Ltd',
  'Co., Ltd.',
  'Company Limited',
  'Corporation',
  'Corp',
  'LLC',
  'Ltd',
  'Limited',
  'Inc',
  'JSC',
  'GmbH',
  'S.A.',
  'FZE',
  'PLC',
  'Sdn Bhd',
  'Pte Ltd',
  'Co',
  'Company',
  'Group',
];

/** A made-up company. */
export function company(): Company {
  const formFirst = chance(0.12);
  return {
    core: pick(COMPANY_CORES),
    business: formFirst ? null : chance(0.85) ? pick(BUSINESS_WORDS) : null,
    form: formFirst ? pick(['OOO', 'AO', 'ZAO', 'PAO']) : pick(FORMS),
    formFirst,
  };
}

/** A company as written, in capitals or not. */
export function companyName(c: Company, caps = chance(0.5)): string {
  const s = c.formFirst
    ? `${c.form} ${c.core}`
    : [c.core, c.business, c.form].filter(Boolean).join(' ');
  return caps ? upper(s) : s;
}

/** A sibling company: the same group name in another business. */
export function sibling(c: Company): Company | null {
  // Without a business word, "X Ltd" might be the group's holding or any of its companies.
  if (!c.business) return null;
  const b = farFrom(BUSINESS_WORDS, [c.business]);
  return b ? { ...c, business: b } : null;
}

/** A company sharing no word of the distinctive part, in the same form. */
export function otherCompany(c: Company): Company {
  let core = pick(COMPANY_CORES);
  while (core.split(' ').some((w) => c.core.split(' ').includes(w))) core = pick(COMPANY_CORES);
  return { ...c, core };
}

/** A made-up bank or trading house (the parties that have branches). */
export function bank(): Company {
  return {
    core: pick(COMPANY_CORES),
    business: pick(['Bank', 'Commercial Bank', 'Trading', 'Shipping', 'Investment']),
    form: pick(['', 'Ltd', 'Corporation', 'Co Ltd', 'PJSC']),
    formFirst: false,
  };
}

/** A made-up vessel: its name and, for some, a number. */
export interface Vessel {
  name: string;
  number: number | null;
}

/** A made-up vessel, numbered or not. */
export function vessel(numbered = chance(0.5)): Vessel {
  return { name: pick(VESSEL_NAMES), number: numbered ? int(1, 20) : null };
}

/** A vessel as written: name, then number. */
export const vesselName = (v: Vessel): string =>
  v.number === null ? v.name : `${v.name} ${v.number}`;

/**
 * A sister ship: the same name, another number not containing the first (2 vs 12 is a different-
 * number pair).
 */
export function sisterShip(v: Vessel): Vessel {
  // "SO HAE" and "SO HAE 6" may be one ship written short: a sister needs a number to differ.
  if (v.number === null) return otherVessel(v);
  const n = v.number;
  let m = int(1, 20);
  while (m === n || String(m).includes(String(n)) || String(n).includes(String(m))) m = int(1, 20);
  return { ...v, number: m };
}

/** A vessel sharing no word of the name, with the same number. */
export function otherVessel(v: Vessel): Vessel {
  let name = pick(VESSEL_NAMES);
  while (name.split(' ').some((w) => v.name.split(' ').includes(w))) name = pick(VESSEL_NAMES);
  return { name, number: v.number };
}

/** Another romanisation of a name: every part that has one, or one of them. */
export function transliterate(p: Person): Person | null {
  const c = p.culture;
  const syl =
    c === KOREAN ? KOREAN_SYLLABLE_SPELLINGS : c === CHINESE ? CHINESE_SYLLABLE_SPELLINGS : null;
  let changed = false;
  const given = p.given.map((g) => {
    if (syl) {
      // Chinese given names are two syllables joined: respell each.
      const parts = c === CHINESE ? (g.match(/[A-Z][a-z]*/g) ?? [g]) : [g];
      const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1).toLowerCase();
      return parts
        .map((s, i) => {
          const v = syl[cap(s)];
          if (!v || !chance(0.7)) return s;
          changed = true;
          return i === 0 ? pick(v) : pick(v).toLowerCase();
        })
        .join('');
    }
    const v = c.givenSpellings[g];
    if (!v) return g;
    changed = true;
    return pick(v);
  });
  let surname = p.surname;
  const sv = c.surnameSpellings[p.surname];
  if (sv && (chance(0.6) || !changed)) {
    surname = pick(sv);
    changed = true;
  }
  return changed ? { ...p, given, surname } : null;
}

/** Diacritics, case and hyphens removed: how a name looks on a list written in ASCII capitals. */
export const ascii = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/['-]/g, ' ');
