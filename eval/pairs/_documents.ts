/**
 * @module
 * Builders of the categories about names as documents write them: run-together words, vessel
 * prefixes, voyage numbers, annotations, former names, payment labels, branches, numbers, business
 * words, siblings and sister ships.
 */
import { type Draft } from './_generate.ts';
import {
  bank,
  type Company,
  company,
  companyName,
  listed,
  natural,
  otherCompany,
  otherGiven,
  otherVessel,
  person,
  sibling,
  sisterShip,
  upper,
  vessel,
  type Vessel,
  vesselName,
} from './_parties.ts';
import {
  ABBREVIATIONS,
  BRANCH_FORMS,
  BUSINESS_WORDS,
  CITIES,
  COMPANY_CORES,
  FLAGS,
  FORMER_NAME_FORMS,
  LEGAL_FORMS,
  NUMBER_WORDS,
  PAYMENT_LABELS,
  PORTS,
  ROMAN,
  VESSEL_PREFIXES,
} from './_pools.ts';
import { chance, distance, farFrom, int, pick } from './_random.ts';

/**
 * Run-together words (AleksandrLukashenka, HAEBIT 3); non-match: another given name, business or
 * number.
 */
export function runTogether(polarity: 'match' | 'nonmatch'): Draft | null {
  const schema = pick(['Person', 'Person', 'Company', 'Vessel'] as const);
  if (schema === 'Person') {
    const p = person();
    const tokens = natural(p).split(' ');
    if (tokens.length < 2) return null;
    const style = int(0, 2);
    const name1 =
      style === 0
        ? tokens.join('')
        : style === 1
          ? upper(tokens.join(''))
          : tokens.slice(0, -2).concat(tokens.slice(-2).join('')).join(' ');
    const l = polarity === 'match' ? p : otherGiven(p);
    if (!l) return null;
    return {
      schema,
      name1,
      name2: listed(l),
      note: polarity === 'match' ? 'words run together' : 'run together; another given name',
    };
  }
  if (schema === 'Company') {
    const c = company();
    if (!c.core.includes(' ')) return null;
    const q = { ...c, core: c.core.replace(/ /g, '') };
    const l = polarity === 'match' ? c : sibling(c);
    if (!l) return null;
    return {
      schema,
      name1: companyName(q),
      name2: companyName(l),
      note: polarity === 'match' ? 'words run together' : 'run together; another business',
    };
  }
  const v = vessel(polarity === 'nonmatch' ? true : undefined);
  if (!v.name.includes(' ')) return null;
  const q = { ...v, name: v.name.replace(/ /g, '') };
  const l = polarity === 'match' ? v : sisterShip(v);
  return {
    schema,
    name1: vesselName(q),
    name2: vesselName(l),
    note: polarity === 'match' ? 'words run together' : 'run together; another number',
  };
}

/** A vessel-type prefix (MT, M/V, SS…) before the name; non-match: a sister or another ship. */
export function vesselPrefix(polarity: 'match' | 'nonmatch'): Draft | null {
  const v = vessel();
  const pre = pick(VESSEL_PREFIXES);
  const l = polarity === 'match' ? v : chance(0.6) ? sisterShip(v) : otherVessel(v);
  return {
    schema: 'Vessel',
    name1: `${pre} ${vesselName(v)}`,
    name2: vesselName(l),
    note: polarity === 'match' ? `vessel-type prefix ${pre}` : `prefix ${pre}; another ship`,
  };
}

/** A voyage number after the name (V.123E, VOY 045N); non-match: a sister or another ship. */
export function voyage(polarity: 'match' | 'nonmatch'): Draft | null {
  const v = vessel();
  const n = String(int(1, 399)).padStart(int(2, 4), '0');
  const dir = pick(['', 'N', 'S', 'E', 'W']);
  const forms = [
    `V.${n}${dir}`,
    `VOY ${n}${dir}`,
    `VOY. ${n}${dir}`,
    `V-${n}${dir}`,
    `voyage ${n}${dir}`,
    `Voy.No. ${n}`,
  ];
  const f = pick(forms);
  const l = polarity === 'match' ? v : chance(0.5) ? sisterShip(v) : otherVessel(v);
  return {
    schema: 'Vessel',
    name1: `${vesselName(v)} ${f}`,
    name2: vesselName(l),
    note: polarity === 'match' ? `voyage number ${f}` : `voyage ${f}; another ship`,
  };
}

/**
 * A parenthesised flag, port or registry after the name; non-match: another party, sometimes named
 * like the annotation.
 */
export function annotation(polarity: 'match' | 'nonmatch'): Draft | null {
  const schema = pick(['Vessel', 'Vessel', 'Company'] as const);
  if (schema === 'Vessel') {
    const v = vessel();
    const flag = pick(FLAGS);
    const a = pick([
      `(${flag} flag)`,
      `(flag: ${flag})`,
      `(${flag}-flagged)`,
      `(port of ${pick(PORTS)})`,
      `(${upper(flag)})`,
      `- ${flag} flag`,
      `(registered ${pick(PORTS)})`,
    ]);
    let l: Vessel;
    if (polarity === 'match') l = v;
    else if (chance(0.4)) {
      // The annotation's words are in the other ship's name.
      const w = a
        .replace(/[()\-:]/g, ' ')
        .trim()
        .split(/\s+/)
        .find((x) => !/^(flag|port|of|registered|flagged)$/i.test(x))!;
      l = { name: `${upper(w)} ${pick(['STAR', 'PRIDE', 'GLORY', 'SPIRIT'])}`, number: null };
      if (v.name.includes(l.name.split(' ')[1]!)) return null;
    } else l = chance(0.5) ? sisterShip(v) : otherVessel(v);
    return {
      schema,
      name1: `${vesselName(v)} ${a}`,
      name2: vesselName(l),
      note: polarity === 'match' ? `annotation ${a}` : `annotation ${a}; another ship`,
    };
  }
  const c = company();
  const city = pick(CITIES);
  const a = pick([
    `(${city})`,
    `(registered in ${city})`,
    `(${upper(city)} office)`,
    `(HK)`,
    `(incorporated in ${pick(FLAGS)})`,
  ]);
  const l = polarity === 'match' ? c : chance(0.5) ? sibling(c) : otherCompany(c);
  if (!l) return null;
  return {
    schema,
    name1: `${companyName(c)} ${a}`,
    name2: companyName(l),
    note: polarity === 'match' ? `annotation ${a}` : `annotation ${a}; another company`,
  };
}

/**
 * "NEW (ex OLD)", f/k/a, a.k.a.: the listed name is one of the two; non-match: a sister ship or
 * sibling of it.
 */
export function formerName(polarity: 'match' | 'nonmatch'): Draft | null {
  const schema = pick(['Vessel', 'Vessel', 'Company', 'Person'] as const);
  const form = pick(FORMER_NAME_FORMS);
  if (schema === 'Vessel') {
    const old = vessel();
    const current = otherVessel(old);
    const name1 = form(vesselName(current), vesselName(old));
    const target = chance(0.75) ? old : current;
    const l = polarity === 'match' ? target : sisterShip(target);
    return {
      schema,
      name1,
      name2: vesselName(l),
      note:
        polarity === 'match'
          ? target === old
            ? 'the former name is listed'
            : 'the current name is listed'
          : 'a sister ship of the named one',
    };
  }
  if (schema === 'Company') {
    const old = company();
    const current = otherCompany(old);
    const name1 = form(companyName(current, false), companyName(old, false));
    const l = polarity === 'match' ? old : sibling(old);
    if (!l) return null;
    return {
      schema,
      name1,
      name2: companyName(l),
      note: polarity === 'match' ? 'the former name is listed' : 'a sibling of the former company',
    };
  }
  const p = person();
  const alias = person(p.culture);
  // A person is "also known as", not "ex": the alias markers only (a.k.a., aka, formerly…).
  const name1 = pick(FORMER_NAME_FORMS.slice(6, 10))(natural(p), natural(alias));
  const l = polarity === 'match' ? alias : otherGiven(alias);
  if (!l) return null;
  if (polarity === 'nonmatch' && (l.surname === p.surname || distance(l.surname, p.surname) < 2))
    return null;
  return {
    schema,
    name1,
    name2: listed(l),
    note: polarity === 'match' ? 'the alias is listed' : 'another person sharing the alias surname',
  };
}

/**
 * A payment-message party label (/BNF/, 1/, BENEFICIARY:, Cdtr/Nm:) before the name; non-match:
 * another party.
 */
export function paymentLabel(polarity: 'match' | 'nonmatch'): Draft | null {
  const label = pick(PAYMENT_LABELS);
  const sep = label.endsWith('/') && chance(0.6) ? '' : ' ';
  if (chance(0.75)) {
    const c = company();
    const l = polarity === 'match' ? c : chance(0.6) ? sibling(c) : otherCompany(c);
    if (!l) return null;
    return {
      schema: 'Company',
      name1: `${label}${sep}${upper(companyName(c))}`,
      name2: companyName(l),
      note: polarity === 'match' ? `party label ${label}` : `label ${label}; another company`,
    };
  }
  const p = person();
  const l = polarity === 'match' ? p : otherGiven(p);
  if (!l) return null;
  return {
    schema: 'Person',
    name1: `${label}${sep}${upper(natural(p))}`,
    name2: listed(l),
    note: polarity === 'match' ? `party label ${label}` : `label ${label}; another given name`,
  };
}

/**
 * A branch or representative-office suffix; non-match: another company, sometimes named after the
 * branch city.
 */
export function branch(polarity: 'match' | 'nonmatch'): Draft | null {
  const c = bank();
  const city = pick(CITIES);
  const name1 = pick(BRANCH_FORMS)(companyName(c, false), city);
  let l: Company | null;
  if (polarity === 'match') l = c;
  else if (chance(0.4))
    l = { ...otherCompany(c), core: `${city} ${pick(['Islamic', 'National', 'United', 'First'])}` };
  else l = chance(0.5) ? sibling(c) : otherCompany(c);
  if (!l) return null;
  return {
    schema: 'Company',
    name1,
    name2: companyName(l),
    note: polarity === 'match' ? `branch of ${companyName(c, false)}` : 'branch of another company',
  };
}

/** Roman against Arabic numerals (YU JONG II = YU JONG 2); non-match: another number. */
export function roman(polarity: 'match' | 'nonmatch'): Draft | null {
  const n = int(1, 20);
  let m = n;
  if (polarity === 'nonmatch') while (m === n) m = int(1, 20);
  const asRoman = chance(0.7);
  if (chance(0.7)) {
    const v = vessel(false);
    const q = `${v.name} ${asRoman ? ROMAN[n] : n}`;
    const l = `${v.name} ${asRoman ? m : ROMAN[m]}`;
    return {
      schema: 'Vessel',
      name1: q,
      name2: l,
      note:
        polarity === 'match'
          ? `${ROMAN[n]} = ${n}`
          : `${ROMAN[asRoman ? n : m]} is not ${asRoman ? m : n}`,
    };
  }
  const c = company();
  const form = c.formFirst ? 'Ltd' : c.form;
  const name = (x: string) =>
    `${c.core} ${pick(['Ventures', 'Holdings', 'Partners', 'Fund'])}`.replace(/$/, ` ${x} ${form}`);
  const base = name('#');
  return {
    schema: 'Company',
    name1: base.replace('#', asRoman ? ROMAN[n]! : String(n)),
    name2: base.replace('#', asRoman ? String(m) : ROMAN[m]!),
    note: polarity === 'match' ? `${ROMAN[n]} = ${n}` : `${n} is not ${m}`,
  };
}

/** A company's words written out in full, or abbreviated the way registers and invoices do. */
export function businessWords(polarity: 'match' | 'nonmatch'): Draft | null {
  const core = pick(COMPANY_CORES);
  const bw = pick([
    ...BUSINESS_WORDS,
    'International Trading',
    'Brothers',
    'Industries',
    'Enterprise',
    'Services',
    'Holdings',
    'Management',
  ]);
  const corpWord = pick(['Company', 'Corporation', 'Group', 'Incorporated', '']);
  const legal = pick(['Limited', ...Object.keys(LEGAL_FORMS), '']);
  if (!corpWord && !legal && !ABBREVIATIONS[bw] && !bw.includes(' ')) return null;
  const abbrev = (w: string): string => {
    if (!w) return w;
    if (ABBREVIATIONS[w]) return pick(ABBREVIATIONS[w]);
    if (LEGAL_FORMS[w]) return pick(LEGAL_FORMS[w]);
    return w
      .split(' ')
      .map((x) => (ABBREVIATIONS[x] ? pick(ABBREVIATIONS[x]) : x))
      .join(' ');
  };
  const full = [core, bw, corpWord, legal].filter(Boolean);
  const short = [core, abbrev(bw), abbrev(corpWord), abbrev(legal)].filter(Boolean);
  if (short.join(' ') === full.join(' ')) return null;
  const legalFirst = legal.startsWith('Obshchestvo') || legal.startsWith('Aktsionernoye');
  const render = (xs: string[]) =>
    (legalFirst ? [xs[xs.length - 1]!, ...xs.slice(0, -1)] : xs).join(' ');
  let other = full;
  if (polarity === 'nonmatch') {
    const b2 = farFrom(BUSINESS_WORDS, [bw]);
    if (!b2) return null;
    other = chance(0.6)
      ? [core, b2, corpWord, legal].filter(Boolean)
      : [
          otherCompany({ core, business: null, form: '', formFirst: false }).core,
          bw,
          corpWord,
          legal,
        ].filter(Boolean);
  }
  const abbreviatedFirst = chance(0.6);
  const a = render(short);
  const b = render(other);
  const af = render(full);
  return {
    schema: 'Company',
    name1: abbreviatedFirst
      ? a
      : polarity === 'match'
        ? af
        : render(other.map((x, i) => (i === 0 ? x : abbrev(x)))),
    name2: abbreviatedFirst ? upper(polarity === 'match' ? af : b) : upper(a),
    note: polarity === 'match' ? 'business words abbreviated' : 'abbreviated; another company',
  };
}

/**
 * Sibling companies: one group name, another business word; match: the same company punctuated and
 * cased differently.
 */
export function siblingCompany(polarity: 'match' | 'nonmatch'): Draft | null {
  const c = company();
  if (polarity === 'match') {
    const punct = companyName(c, false)
      .replace(/\bCo\b/, 'Co.')
      .replace(/\bLtd\b/, 'Ltd.');
    const name1 = c.formFirst
      ? `${c.form} "${c.core}"`
      : punct.includes('Co.') || punct.includes('Ltd.')
        ? punct
        : `The ${punct}`;
    return {
      schema: 'Company',
      name1,
      name2: upper(companyName(c, false)).replace(/\./g, ''),
      note: 'the same company, punctuation and case',
    };
  }
  const l = sibling(c);
  if (!l) return null;
  return {
    schema: 'Company',
    name1: companyName(c),
    name2: companyName(l),
    note: `${c.business ?? 'no business word'} vs ${l.business}: a sibling company`,
  };
}

/** Sister ships: one name, another number; match: the same number with a marker (NO. 3, #3, -3). */
export function sisterShips(polarity: 'match' | 'nonmatch'): Draft | null {
  const v = vessel(true);
  if (polarity === 'match') {
    const f = pick([`NO. ${v.number}`, `No ${v.number}`, `#${v.number}`, `NO.${v.number}`]);
    const name1 = chance(0.3) ? `${v.name}-${v.number}` : `${v.name} ${f}`;
    return {
      schema: 'Vessel',
      name1,
      name2: vesselName(v),
      note: 'the same ship, number written with a marker',
    };
  }
  const l = sisterShip(v);
  return { schema: 'Vessel', name1: vesselName(v), name2: vesselName(l), note: 'a sister ship' };
}

/**
 * Numbered units and ships: another number (digits swapped or added); match: the same number in
 * words or with a marker.
 */
export function differentNumber(polarity: 'match' | 'nonmatch'): Draft | null {
  const n = int(1, 20);
  let m = n;
  if (polarity === 'nonmatch') {
    // Digits swapped or one digit added: close in writing, another unit.
    const s = String(n);
    m =
      s.length === 2 && s[0] !== s[1] ? Number(s[1]! + s[0]) : chance(0.5) ? Number(s + s) : n + 10;
  }
  const unit = pick([
    'Factory',
    'Mine',
    'Bureau',
    'Unit',
    'Plant',
    'Brigade',
    'Department',
    'Store',
  ]);
  const place = pick(COMPANY_CORES);
  if (chance(0.7)) {
    const a = `${place} ${unit} No. ${n}`;
    const b =
      polarity === 'match'
        ? `${upper(place)} ${upper(unit)} ${pick([String(n), NUMBER_WORDS[n]!.toUpperCase(), `NUMBER ${n}`])}`
        : `${place} ${unit} No. ${m}`;
    return {
      schema: 'Organization',
      name1: a,
      name2: b,
      note: polarity === 'match' ? `number ${n} written two ways` : `${n} is not ${m}`,
    };
  }
  const v = vessel(false);
  return {
    schema: 'Vessel',
    name1: `${v.name} ${polarity === 'match' ? NUMBER_WORDS[n]!.toUpperCase() : n}`,
    name2: `${v.name} ${polarity === 'match' ? n : m}`,
    note: polarity === 'match' ? `${NUMBER_WORDS[n]} = ${n}` : `${n} is not ${m}`,
  };
}
