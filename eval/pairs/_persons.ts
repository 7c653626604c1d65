/**
 * @module
 * Builders of the categories about persons' names: initials, short forms, order, titles,
 * romanisation, shared surnames, short tokens, sound-alikes.
 */
import { type Draft } from './_generate.ts';
import {
  ascii,
  type Company,
  company,
  companyName,
  givenPart,
  givenPool,
  listed,
  natural,
  otherCompany,
  otherGiven,
  otherSurname,
  type Person,
  person,
  transliterate,
  upper,
} from './_parties.ts';
import {
  CHINESE,
  CULTURES,
  HONORIFICS,
  KOREAN,
  PHONETIC_LOOKALIKES,
  SPELLING_VARIANTS,
} from './_pools.ts';
import { chance, distance, farFrom, int, pick } from './_random.ts';

/** Cultures writing the given name first: where initials go before a surname. */
export const WESTERN_ORDER = CULTURES.filter((c) => !c.surnameFirst);

/** Cultures whose given names have short forms in the pools. */
export const WITH_SHORT_FORMS = CULTURES.filter((c) =>
  Object.values(c.given).some((d) => d.length > 0),
);

/** An initial for the given name ("Y. Prigozhin"); non-match: an initial of another given name. */
export function initials(polarity: 'match' | 'nonmatch'): Draft | null {
  const p = person(pick(WESTERN_ORDER));
  const g = p.given[0]!;
  let letter = g[0]!;
  if (polarity === 'nonmatch') {
    const other = farFrom(givenPool(p.culture), [g]);
    if (!other || other[0] === g[0]) return null;
    letter = other[0]!;
  }
  const rest = [...p.given.slice(1), ...(p.patronymic ? [p.patronymic] : [])].map((x) => x[0]!);
  const inits = [letter, ...(chance(0.5) ? rest : [])];
  const style = int(0, 3);
  const dotted = inits.map((x) => x + '.').join(style === 1 ? ' ' : '');
  const name1 =
    style === 0
      ? `${dotted} ${p.surname}`
      : style === 1
        ? `${upper(p.surname)}, ${dotted}`
        : style === 2
          ? `${inits.join(' ')} ${p.surname}`
          : `${p.surname} ${dotted}`;
  return {
    schema: 'Person',
    name1,
    name2: listed(p),
    note: polarity === 'match' ? `initials of ${givenPart(p)}` : `initial ${letter} is not ${g}`,
  };
}

/**
 * A short form of the given name (Sasha, Bill, Paco); non-match: a short form of another given
 * name.
 */
export function diminutive(polarity: 'match' | 'nonmatch'): Draft | null {
  const c = pick(WITH_SHORT_FORMS);
  const withShort = Object.entries(c.given).filter(([, d]) => d.length > 0);
  const [full, shorts] = pick(withShort);
  const short = pick(shorts);
  const p: Person = person(c, full);
  let l: Person | null = p;
  if (polarity === 'nonmatch') {
    l = otherGiven(p);
    if (!l || (c.given[l.given[0]!] ?? []).includes(short)) return null;
  }
  const q: Person = { ...p, given: [short, ...p.given.slice(1)] };
  return {
    schema: 'Person',
    name1: chance(0.3) ? `${short} ${upper(p.surname)}` : natural(q),
    name2: listed(l),
    note:
      polarity === 'match'
        ? `${short} is a short form of ${full}`
        : `${short} is a short form of ${full}, not ${l.given[0]}`,
  };
}

/**
 * Surname moved or the name reversed, or a legal form moved; non-match: another given name or
 * company.
 */
export function wordOrder(polarity: 'match' | 'nonmatch'): Draft | null {
  if (chance(0.8)) {
    const p = person();
    const tokens = natural(p).split(' ');
    if (tokens.length < 2) return null;
    // Surname moved to the other end, or the whole name reversed.
    const moved = chance(0.5) ? [...tokens].reverse() : [...tokens.slice(1), tokens[0]!];
    if (moved.join(' ') === tokens.join(' ')) return null;
    const l = polarity === 'match' ? p : otherGiven(p, true);
    if (!l) return null;
    return {
      schema: 'Person',
      name1: moved.join(' '),
      name2: chance(0.5) ? natural(l) : upper(natural(l)),
      note: polarity === 'match' ? 'words in another order' : 'another order; another given name',
    };
  }
  const c: Company = {
    ...company(),
    business: null,
    formFirst: true,
    form: pick(['OOO', 'AO', 'ZAO']),
  };
  const q = `${c.core} ${c.form}`;
  const l = polarity === 'match' ? c : otherCompany(c);
  return {
    schema: 'Company',
    name1: q,
    name2: companyName(l),
    note: polarity === 'match' ? 'legal form after the name' : 'legal form moved; another company',
  };
}

/**
 * A title before the name (Dr., Sheikh, Gen.); non-match: the title before a relative sharing the
 * surname.
 */
export function honorific(polarity: 'match' | 'nonmatch'): Draft | null {
  const p = person();
  // Religious titles go with the names of the cultures that use them.
  const religious = ['Sheikh', 'Shaikh', 'Haji', 'Hajji', 'Mullah', 'Maulvi', 'Sayyid'];
  const muslim = ['arabic', 'persian', 'african'].includes(p.culture.id);
  const h = pick(HONORIFICS.filter((x) => muslim || !religious.includes(x)));
  const l = polarity === 'match' ? p : otherGiven(p, true);
  if (!l) return null;
  return {
    schema: 'Person',
    name1: `${h} ${natural(p)}`,
    name2: listed(l),
    note: polarity === 'match' ? `title ${h}` : `title ${h}; another given name`,
  };
}

/**
 * Another romanisation of the name (Pak/Park, Yusuf/Youssef); non-match: respelled, but another
 * person.
 */
export function transliteration(polarity: 'match' | 'nonmatch'): Draft | null {
  const c = pick(
    CULTURES.filter(
      (x) =>
        Object.keys(x.givenSpellings).length ||
        x.syllables ||
        Object.keys(x.surnameSpellings).length,
    ),
  );
  const p = person(c);
  const q = transliterate(p);
  if (!q) return null;
  let l: Person | null = p;
  if (polarity === 'nonmatch') {
    // The respelled name against another person: another given name, or another surname.
    l = chance(0.5) ? otherGiven(p) : otherSurname(p);
    if (!l) return null;
    const variants = (x: Person) => [
      ...x.given.flatMap((g) => c.givenSpellings[g] ?? []),
      ...(c.surnameSpellings[x.surname] ?? []),
    ];
    if (variants(l).some((v) => [...q.given, q.surname].includes(v))) return null;
  }
  return {
    schema: 'Person',
    name1: natural(q),
    name2: listed(l),
    note:
      polarity === 'match' ? `another romanisation of ${natural(p)}` : 'respelled; another person',
  };
}

/**
 * Another person sharing the surname (and sometimes a given name); match: the same person, surname
 * first.
 */
export function sameSurname(polarity: 'match' | 'nonmatch'): Draft | null {
  const p = person();
  if (polarity === 'match') {
    return {
      schema: 'Person',
      name1: natural(p),
      name2: `${upper(p.surname)}, ${givenPart(p)}`,
      note: 'the same person, surname first',
    };
  }
  const l = otherGiven(p, chance(0.5));
  if (!l) return null;
  return {
    schema: 'Person',
    name1: natural(p),
    name2: listed(l),
    note: l.given.some((g) => p.given.includes(g))
      ? 'a relative sharing the surname and a given name'
      : 'another person sharing the surname',
  };
}

/** Restarts the phonetic pairs at the first of each list (each generation takes them in order). */
export function resetPhonetic(): void {
  phoneticMatch = 0;
  phoneticNon = 0;
}

let phoneticMatch = 0;

let phoneticNon = 0;

/** Names alike in sound only (Acme / AQIM); match: English spelling variants of one name. */
export function phonetic(polarity: 'match' | 'nonmatch'): Draft | null {
  const src = polarity === 'match' ? SPELLING_VARIANTS : PHONETIC_LOOKALIKES;
  const i = polarity === 'match' ? phoneticMatch++ : phoneticNon++;
  const row = src[i];
  if (!row) return null;
  return {
    schema: row[2] as Draft['schema'],
    name1: row[0],
    name2: row[1],
    note:
      polarity === 'match' ? 'one name, another spelling of the same sound' : 'alike in sound only',
  };
}

/** Names of short tokens sharing only the surname; match: the same short name as lists write it. */
export function shortToken(polarity: 'match' | 'nonmatch'): Draft | null {
  const c = pick([KOREAN, KOREAN, CHINESE]);
  const shortSurnames = c.surnames.filter((s) => s.length <= 3);
  const shortSyll = (c.syllables ?? []).filter((s) => s.length <= 3);
  const surname = pick(shortSurnames);
  const g = pick(shortSyll);
  if (polarity === 'match') {
    const name1 = `${surname} ${g}`;
    return {
      schema: 'Person',
      name1,
      name2: pick([`${upper(surname)}, ${g}`, upper(name1), `${upper(surname)} ${g}`]),
      note: 'a name of short tokens, as lists write it',
    };
  }
  const h = farFrom(shortSyll, [g]);
  if (!h) return null;
  return {
    schema: 'Person',
    name1: `${surname} ${g}`,
    name2: `${upper(surname)} ${h}`,
    note: 'short tokens: only the surname is shared',
  };
}

/**
 * Two unrelated names of one culture; match: one name without diacritics or hyphens, in capitals.
 */
export function sameCulture(polarity: 'match' | 'nonmatch'): Draft | null {
  const p = person();
  if (polarity === 'match') {
    const hy = p.culture === KOREAN ? `${p.surname} ${p.given.join('-')}` : natural(p);
    const name2 = upper(ascii(natural(p)));
    if (hy === name2) return null;
    return {
      schema: 'Person',
      name1: hy,
      name2,
      note: 'the same name without diacritics or hyphens, in capitals',
    };
  }
  const o = person(p.culture);
  const words = (x: Person) =>
    [...x.given, x.surname, ...(x.patronymic ? [x.patronymic] : [])].flatMap((t) => t.split(' '));
  const pt = words(p);
  const ot = words(o);
  if (ot.some((t) => pt.some((u) => distance(t, u) < 2))) return null;
  return {
    schema: 'Person',
    name1: natural(p),
    name2: listed(o),
    note: `two unrelated ${p.culture.id} names`,
  };
}
