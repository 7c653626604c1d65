/**
 * @module
 * One `sdnEntry` of sdn.xml / consolidated.xml → the format-neutral {@link OfacEntry}. The XML
 * carries as elements what the CSV writes in the remarks (birth dates and places, nationalities,
 * documents and other labelled values in `idList`, weak a.k.a.s in `akaList`); each is written
 * back as the remark statement it stands for and read by the remarks reader. The `remarks`
 * element keeps only what has no element of its own, chiefly "Linked To:".
 */
import { refused } from '../../../core/index.ts';
import { xmlChild, xmlChildren, xmlText, xmlToPlain, type XmlElement } from '../../_xml.ts';
import type { OfacAddress, OfacEntry } from '../context.ts';
import { emptyFacts, readRemarks, type RemarkFacts } from '../remarks.ts';
import { cityLine, joinName, joinStreet, readIdItem, readLabelled } from '../structured.ts';
import { isCountry } from '../values.ts';

/** The items of a list element: `<akaList><aka/>…</akaList>` → the `aka` elements. */
function items(el: XmlElement, list: string, item: string): XmlElement[] {
  const l = xmlChild(el, list);
  return l ? xmlChildren(l, item) : [];
}

/** The entry's uid (the CSV's ent_num); an entry without a numeric one refuses the file. */
export function entryUid(el: XmlElement, path: string, what: string): string {
  const uid = xmlText(el, 'uid');
  if (!uid || !/^\d+$/.test(uid))
    throw refused(
      `${path}: line ${el.line}: sdnEntry without a numeric uid (${JSON.stringify(uid ?? '')}); this is not ${what}`,
      { file: path, line: el.line },
    );
  return uid;
}

/** The entry's primary name as the CSV writes it ("LAST, First"). */
export function entryName(el: XmlElement): string {
  return joinName(xmlText(el, 'lastName'), xmlText(el, 'firstName'));
}

/** One a.k.a. of an entry: its name, OFAC's strength category, and whether it is an f.k.a. */
export interface Aka {
  name: string;
  weak: boolean;
  previous: boolean;
}

/** The entry's a.k.a. / f.k.a. / n.k.a. names. */
export function entryAkas(el: XmlElement): Aka[] {
  const out: Aka[] = [];
  for (const a of items(el, 'akaList', 'aka')) {
    const name = joinName(xmlText(a, 'lastName'), xmlText(a, 'firstName'));
    if (!name) continue;
    out.push({
      name,
      weak: xmlText(a, 'category')?.toLowerCase() === 'weak',
      previous: /^f\.?k\.?a\b/i.test(xmlText(a, 'type') ?? ''),
    });
  }
  return out;
}

/** sdnType → SDN_Type as the CSV writes it (an entity has none). */
const TYPES: Record<string, string | undefined> = {
  individual: 'individual',
  entity: undefined,
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Reads one sdnEntry. */
export function readSdnEntry(el: XmlElement, path: string, what: string): OfacEntry {
  const recordId = entryUid(el, path, what);
  const facts = factsOf(el);
  // Strong a.k.a.s are the CSV's alt.csv rows; weak ones are its remark a.k.a.s.
  const aliases: OfacEntry['aliases'] = [];
  for (const a of entryAkas(el)) {
    if (!a.weak) aliases.push({ name: a.name, previous: a.previous });
    else (a.previous ? facts.previousNames : facts.weakAliases).push(a.name);
  }
  const sdnType = xmlText(el, 'sdnType');
  const key = sdnType?.toLowerCase();
  const vessel = xmlChild(el, 'vesselInfo');
  const programs: string[] = [];
  for (const p of items(el, 'programList', 'program')) {
    const tag = p.text.trim();
    if (tag && !programs.includes(tag)) programs.push(tag);
  }
  return {
    recordId,
    line: el.line,
    name: entryName(el),
    type: key !== undefined && key in TYPES ? TYPES[key] : sdnType,
    programs,
    title: xmlText(el, 'title'),
    vessel: {
      callSign: xmlText(vessel, 'callSign'),
      type: xmlText(vessel, 'vesselType'),
      tonnage: xmlText(vessel, 'tonnage'),
      grt: xmlText(vessel, 'grossRegisteredTonnage'),
      flag: xmlText(vessel, 'vesselFlag'),
      owner: xmlText(vessel, 'vesselOwner'),
    },
    facts,
    remarks: xmlText(el, 'remarks') ?? '',
    aliases,
    addresses: items(el, 'addressList', 'address').map((a, i) => addressOf(a, i, path)),
    raw: xmlToPlain(el),
  };
}

/** The facts of the structured lists, in the order the CSV remarks state them, then the remarks. */
function factsOf(el: XmlElement): RemarkFacts {
  const facts = emptyFacts();
  for (const d of items(el, 'dateOfBirthList', 'dateOfBirthItem'))
    readLabelled(facts, 'DOB', xmlText(d, 'dateOfBirth'));
  for (const p of items(el, 'placeOfBirthList', 'placeOfBirthItem'))
    readLabelled(facts, 'POB', xmlText(p, 'placeOfBirth'));
  for (const n of items(el, 'nationalityList', 'nationality'))
    readLabelled(facts, 'nationality', xmlText(n, 'country'));
  for (const c of items(el, 'citizenshipList', 'citizenship'))
    readLabelled(facts, 'citizen', xmlText(c, 'country'));
  for (const id of items(el, 'idList', 'id'))
    readIdItem(facts, {
      type: xmlText(id, 'idType'),
      number: xmlText(id, 'idNumber'),
      country: xmlText(id, 'idCountry'),
      issued: xmlText(id, 'issueDate'),
      expires: xmlText(id, 'expirationDate'),
    });
  const remarks = xmlText(el, 'remarks');
  if (remarks) readRemarks(unwrap(remarks), isCountry, false, facts);
  return facts;
}

/**
 * The remarks without the parentheses sdn.xml wraps them in ("(Linked To: X; Linked To: Y)"),
 * when the first parenthesis closes at the end.
 */
function unwrap(text: string): string {
  const t = text.trim();
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1).trim();
}

/** One `address` element, composed into add.csv's columns. */
function addressOf(a: XmlElement, i: number, path: string): OfacAddress {
  return {
    key: xmlText(a, 'uid') ?? `n${i + 1}`,
    street: joinStreet(xmlText(a, 'address1'), xmlText(a, 'address2'), xmlText(a, 'address3')),
    city: cityLine(xmlText(a, 'city'), xmlText(a, 'stateOrProvince'), xmlText(a, 'postalCode')),
    country: xmlText(a, 'country'),
    region: xmlText(a, 'region'),
    file: path,
    line: a.line,
  };
}
