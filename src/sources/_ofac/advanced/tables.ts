/**
 * @module
 * Pass 1 over an advanced XML file: everything a party points to by ID, kept small. The XSD
 * orders the top-level elements DateOfIssue, ReferenceValueSets, Locations, IDRegDocuments,
 * DistinctParties, ProfileRelationships, SanctionsEntries, SanctionsEntryLinks; sanctions entries
 * and relationships come after the parties, hence a second pass that maps the parties. Party
 * names are collected here too, for "Vessel Owner" and "Aircraft Operator" names.
 */
import { refused } from '../../../core/index.ts';
import {
  describeXmlRoot,
  readXmlElements,
  xmlChild,
  xmlChildren,
  xmlText,
  type XmlElement,
} from '../../_xml.ts';
import { NameIndex } from '../names.ts';
import { periodText, pointDate } from './dates.ts';
import { identityNames, primaryName } from './names.ts';
import { ReferenceValues } from './refs.ts';

/** A Location: its country (name as OFAC writes it) and its parts by LocPartType text. */
export interface Location {
  id: string;
  country?: string | undefined;
  /** e.g. `{ ADDRESS1: "1 Example Street", CITY: "Pyongyang" }` (type text upper-cased). */
  parts: Record<string, string>;
}

/** An ID / registration document, with dates written as the remarks write them. */
export interface IdDocument {
  id: string;
  type?: string | undefined;
  number?: string | undefined;
  country?: string | undefined;
  issued?: string | undefined;
  expires?: string | undefined;
  authority?: string | undefined;
  comment?: string | undefined;
}

/** A SanctionsEntry: the list, the programmes and the dates of its events. */
export interface SanctionsEntry {
  id: string;
  list?: string | undefined;
  programs: string[];
  /** Other measures by SanctionsType text (e.g. "Block"). */
  measures: string[];
  events: { type?: string | undefined; date?: string | undefined }[];
}

/** A ProfileRelationship seen from its From profile. */
export interface Relation {
  id: string;
  to: string;
  type?: string | undefined;
}

/** What pass 1 gathers. */
export interface Tables {
  refs: ReferenceValues;
  /** DateOfIssue as YYYY-MM-DD. */
  issued?: string | undefined;
  locations: Map<string, Location>;
  /** Documents by the IdentityID they belong to. */
  documents: Map<string, IdDocument[]>;
  /** Sanctions entries by ProfileID. */
  entries: Map<string, SanctionsEntry[]>;
  /** Relationships by From-ProfileID. */
  relations: Map<string, Relation[]>;
  /** ProfileID → the party's FixedRef (OFAC's uid), for relationship ends. */
  fixedRefs: Map<string, string>;
  names: NameIndex;
  parties: number;
}

const ELEMENTS = [
  'DateOfIssue',
  'ReferenceValueSets',
  'Location',
  'IDRegDocument',
  'DistinctParty',
  'ProfileRelationship',
  'SanctionsEntry',
];

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Streams the wanted top-level records of an advanced XML file, after checking its root. */
export function readAdvanced(
  path: string,
  what: string,
  elements: readonly string[],
): AsyncGenerator<XmlElement> {
  return readXmlElements(path, {
    elements,
    onRoot: (root) => {
      if (root.name === 'Sanctions') return;
      const known = describeXmlRoot(root.name);
      throw refused(
        `${path}: line ${root.line}: root element <${root.name}>${known ? ` (${known})` : ''}: not ${what}, whose root is <Sanctions>`,
        { file: path, line: root.line },
      );
    },
  });
}

/** Pass 1. Refuses a file whose parties come before its reference values (against the XSD). */
export async function readTables(path: string, what: string): Promise<Tables> {
  let refs: ReferenceValues | undefined;
  const t: Omit<Tables, 'refs'> = {
    locations: new Map(),
    documents: new Map(),
    entries: new Map(),
    relations: new Map(),
    fixedRefs: new Map(),
    names: new NameIndex(),
    parties: 0,
  };
  const need = (el: XmlElement): ReferenceValues => {
    if (refs) return refs;
    throw refused(
      `${path}: line ${el.line}: <${el.name}> before <ReferenceValueSets>: not ${what} (the XSD puts the reference values first)`,
      { file: path, line: el.line },
    );
  };
  for await (const el of readAdvanced(path, what, ELEMENTS)) {
    switch (el.name) {
      case 'DateOfIssue':
        t.issued = pointDate(el);
        break;
      case 'ReferenceValueSets':
        refs = new ReferenceValues(el);
        break;
      case 'Location':
        if (el.attrs.ID) t.locations.set(el.attrs.ID, location(el, need(el)));
        break;
      case 'IDRegDocument':
        if (el.attrs.IdentityID) push(t.documents, el.attrs.IdentityID, document(el, need(el)));
        break;
      case 'DistinctParty':
        party(el, need(el), t, path, what);
        break;
      case 'ProfileRelationship': {
        const from = el.attrs['From-ProfileID'];
        const to = el.attrs['To-ProfileID'];
        const type = need(el).text('RelationType', el.attrs.RelationTypeID);
        if (from && to) push(t.relations, from, { id: el.attrs.ID ?? '', to, type });
        break;
      }
      case 'SanctionsEntry':
        if (el.attrs.ProfileID) push(t.entries, el.attrs.ProfileID, entry(el, need(el)));
        break;
    }
  }
  if (!refs)
    throw refused(`${path}: no <ReferenceValueSets>: not a usable ${what}`, { file: path });
  return { ...t, refs };
}

/** Records a party's FixedRef and names; refuses a party without a numeric FixedRef. */
function party(
  el: XmlElement,
  refs: ReferenceValues,
  t: Omit<Tables, 'refs'>,
  path: string,
  what: string,
): void {
  const fixedRef = partyRef(el, path, what);
  t.parties++;
  for (const profile of xmlChildren(el, 'Profile')) {
    if (profile.attrs.ID) t.fixedRefs.set(profile.attrs.ID, fixedRef);
    const names = xmlChildren(profile, 'Identity').flatMap((i) => identityNames(i, refs));
    const main = primaryName(names);
    for (const n of names)
      if (n === main) t.names.addPrimary(n.name, fixedRef);
      else t.names.addAlias(n.name, fixedRef);
  }
}

/** A party's FixedRef, OFAC's uid (the CSV's ent_num). */
export function partyRef(el: XmlElement, path: string, what: string): string {
  const ref = el.attrs.FixedRef?.trim();
  if (!ref || !/^\d+$/.test(ref))
    throw refused(
      `${path}: line ${el.line}: DistinctParty without a numeric FixedRef (${JSON.stringify(ref ?? '')}); this is not ${what}`,
      { file: path, line: el.line },
    );
  return ref;
}

function location(el: XmlElement, refs: ReferenceValues): Location {
  const parts: Record<string, string> = {};
  for (const part of xmlChildren(el, 'LocationPart')) {
    const type = refs.text('LocPartType', part.attrs.LocPartTypeID)?.toUpperCase();
    const values = xmlChildren(part, 'LocationPartValue');
    const v = values.find((x) => x.attrs.Primary === 'true') ?? values[0];
    const text = xmlText(v, 'Value');
    if (type && text) parts[type] = text;
  }
  const c = xmlChildren(el, 'LocationCountry')[0];
  return { id: el.attrs.ID!, country: refs.text('Country', c?.attrs.CountryID), parts };
}

function document(el: XmlElement, refs: ReferenceValues): IdDocument {
  const doc: IdDocument = {
    id: el.attrs.ID ?? '',
    type: refs.text('IDRegDocType', el.attrs.IDRegDocTypeID),
    number: xmlText(el, 'IDRegistrationNo'),
    country: refs.text('Country', el.attrs['IssuedBy-CountryID']),
    authority: xmlText(el, 'IssuingAuthority'),
    comment: xmlText(el, 'Comment'),
  };
  for (const d of xmlChildren(el, 'DocumentDate')) {
    const kind = refs.text('IDRegDocDateType', d.attrs.IDRegDocDateTypeID)?.toLowerCase() ?? '';
    const text = periodText(xmlChild(d, 'DatePeriod'));
    if (/issue/.test(kind)) doc.issued ??= text;
    else if (/expir/.test(kind)) doc.expires ??= text;
  }
  return doc;
}

function entry(el: XmlElement, refs: ReferenceValues): SanctionsEntry {
  const out: SanctionsEntry = {
    id: el.attrs.ID ?? '',
    list: refs.text('List', el.attrs.ListID),
    programs: [],
    measures: [],
    events: [],
  };
  for (const m of xmlChildren(el, 'SanctionsMeasure')) {
    const type = refs.text('SanctionsType', m.attrs.SanctionsTypeID);
    // A "Program" measure names the programme tag in its comment ("DPRK3").
    const comment = xmlText(m, 'Comment');
    if (type === 'Program') {
      if (comment && !out.programs.includes(comment)) out.programs.push(comment);
    } else if (type) out.measures.push(comment ? `${type}: ${comment}` : type);
  }
  for (const ev of xmlChildren(el, 'EntryEvent'))
    out.events.push({
      type: refs.text('EntryEventType', ev.attrs.EntryEventTypeID),
      date: pointDate(xmlChild(ev, 'Date')),
    });
  return out;
}
