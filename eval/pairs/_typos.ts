/**
 * @module
 * Typo pairs: one transposed, doubled, dropped or substituted letter in a 3–5-letter token.
 */
import type { Draft } from './_generate.ts';
import {
  company,
  companyName,
  givenPool,
  listed,
  natural,
  otherGiven,
  otherSurname,
  type Person,
  person,
  sibling,
  sisterShip,
  vessel,
  vesselName,
} from './_parties.ts';
import {
  BUSINESS_WORDS,
  CHINESE_SYLLABLE_SPELLINGS,
  COMPANY_CORES,
  CULTURES,
  KOREAN,
  KOREAN_SYLLABLE_SPELLINGS,
  VESSEL_NAMES,
} from './_pools.ts';
import { farFrom, int, pick } from './_random.ts';

/** Every name token of the pools (lower case): a typo must not produce one of them. */
export const KNOWN = new Set<string>();
for (const c of CULTURES) {
  for (const [g, v] of [...Object.entries(c.given), ...Object.entries(c.givenSpellings)])
    for (const t of [g, ...v]) KNOWN.add(t.toLowerCase());
  for (const s of [...c.surnames, ...Object.values(c.surnameSpellings).flat()])
    KNOWN.add(s.toLowerCase());
  for (const s of c.syllables ?? []) KNOWN.add(s.toLowerCase());
}
for (const v of [
  ...Object.values(KOREAN_SYLLABLE_SPELLINGS),
  ...Object.values(CHINESE_SYLLABLE_SPELLINGS),
])
  for (const s of v) KNOWN.add(s.toLowerCase());
for (const w of [...COMPANY_CORES, ...VESSEL_NAMES, ...BUSINESS_WORDS].flatMap((x) => x.split(' ')))
  KNOWN.add(w.toLowerCase());

/** The typos of issue 12. */
export type TypoKind = 'transposition' | 'doubled' | 'dropped' | 'substitution';

/** Letters next to each other on a QWERTY keyboard: the substitutions typists make. */
export const NEIGHBOURS: Record<string, string> = {
  a: 'sqz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** One typo in a word, keeping its case; null when the word cannot take it. */
export function typo(word: string, kind: TypoKind): string | null {
  const w = word;
  const n = w.length;
  if (!/^[A-Za-z]+$/.test(w)) return null;
  let out: string | null = null;
  if (kind === 'transposition') {
    const i = int(1, n - 2);
    if (n < 3 || w[i]!.toLowerCase() === w[i + 1]!.toLowerCase()) return null;
    out = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  } else if (kind === 'doubled') {
    const i = int(1, n - 1);
    out = w.slice(0, i + 1) + w[i] + w.slice(i + 1);
  } else if (kind === 'dropped') {
    if (n < 4) return null;
    const i = int(1, n - 1);
    out = w.slice(0, i) + w.slice(i + 1);
  } else {
    const i = int(1, n - 1);
    const lower = w[i]!.toLowerCase();
    const sub = pick([...(NEIGHBOURS[lower] ?? 'e')]);
    out = w.slice(0, i) + (w[i] === lower ? sub : sub.toUpperCase()) + w.slice(i + 1);
  }
  return out && !KNOWN.has(out.toLowerCase()) && out.toLowerCase() !== w.toLowerCase() ? out : null;
}

/** A token of three to five letters: the tokens a single typo ruins today. */
export const isShort = (t: string): boolean => /^[A-Za-z]{3,5}$/.test(t);

/**
 * A typo pair. Match: the name with one typo in a 3–5-letter token against the clean name.
 * Non-match: the same typo, against a name that also differs in another part (another given
 * name or surname, another business, another ship's number): the typo must not carry it.
 */
export function typoPair(
  kind: TypoKind,
  polarity: 'match' | 'nonmatch',
  korean = false,
): Draft | null {
  const schema = korean
    ? 'Person'
    : pick(['Person', 'Person', 'Person', 'Company', 'Vessel'] as const);
  if (schema === 'Person') {
    const p = person(korean ? KOREAN : undefined);
    const slots = [
      ...p.given.map((g, i) => ['given', i, g] as const),
      ['surname', 0, p.surname] as const,
    ].filter(([, , t]) => isShort(t));
    if (!slots.length) return null;
    const [role, i, t] = pick(slots);
    const bad = typo(t, kind);
    if (!bad) return null;
    const q: Person =
      role === 'given'
        ? { ...p, given: p.given.map((g, j) => (j === i ? bad : g)) }
        : { ...p, surname: bad };
    let l: Person | null = p;
    if (polarity === 'nonmatch') {
      if (role === 'surname') l = otherGiven(p);
      else if (p.given.length > 1) {
        // Korean: the other syllable differs.
        const other = farFrom(givenPool(p.culture), [...p.given]);
        l = other ? { ...p, given: p.given.map((g, j) => (j === i ? g : other)) } : null;
      } else l = otherSurname(p);
    }
    if (!l) return null;
    return { schema, name1: natural(q), name2: listed(l), note: `${kind}: ${t} → ${bad}` };
  }
  if (schema === 'Company') {
    const c = company();
    const words = c.core.split(' ');
    const slots = words.map((w, i) => [i, w] as const).filter(([, w]) => isShort(w));
    if (!slots.length) return null;
    const [i, w] = pick(slots);
    const bad = typo(w, kind);
    if (!bad) return null;
    const q = { ...c, core: words.map((x, j) => (j === i ? bad : x)).join(' ') };
    const l = polarity === 'match' ? c : sibling(c);
    if (!l) return null;
    return {
      schema,
      name1: companyName(q),
      name2: companyName(l),
      note: `${kind}: ${w} → ${bad}${polarity === 'nonmatch' ? '; another business' : ''}`,
    };
  }
  const v = vessel(polarity === 'nonmatch' ? true : undefined);
  const words = v.name.split(' ');
  const slots = words.map((w, i) => [i, w] as const).filter(([, w]) => isShort(w));
  if (!slots.length) return null;
  const [i, w] = pick(slots);
  const bad = typo(w, kind);
  if (!bad) return null;
  const q = { ...v, name: words.map((x, j) => (j === i ? bad : x)).join(' ') };
  const l = polarity === 'match' ? v : sisterShip(v);
  return {
    schema,
    name1: vesselName(q),
    name2: vesselName(l),
    note: `${kind}: ${w} → ${bad}${polarity === 'nonmatch' ? '; another number' : ''}`,
  };
}
