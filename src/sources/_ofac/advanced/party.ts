/**
 * @module
 * One DistinctParty of the advanced XML → the format-neutral {@link OfacEntry}: its type from
 * the PartySubType (or, for "Unknown", the PartyType), its names, features and ID documents, the
 * programmes and listing date of its sanctions entries, and its relationships as links.
 */
import { xmlChildren, xmlToPlain, type XmlElement } from '../../_xml.ts';
import type { OfacEntry } from '../context.ts';
import { emptyFacts } from '../remarks.ts';
import { readIdItem } from '../structured.ts';
import { readFeatures, type FeatureTarget } from './features.ts';
import { identityNames, primaryName } from './names.ts';
import type { ReferenceValues } from './refs.ts';
import { partyRef, type Tables } from './tables.ts';

/** A party mapped, with the relationship ends that are not in the file. */
export interface PartyRead {
  entry: OfacEntry;
  danglingLinks: number;
}

/** Party types → SDN_Type as the CSV writes it (an entity has none). */
const TYPES: Record<string, string | undefined> = {
  individual: 'individual',
  entity: undefined,
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Reads one DistinctParty (its first Profile: OFAC publishes one per party). */
export function readParty(el: XmlElement, t: Tables, path: string, what: string): PartyRead {
  const recordId = partyRef(el, path, what);
  const profile = xmlChildren(el, 'Profile')[0];
  const profileId = profile?.attrs.ID ?? recordId;
  const target: FeatureTarget = {
    facts: emptyFacts(),
    vessel: {},
    titles: [],
    addresses: [],
    locations: [],
  };
  const { facts } = target;
  const identities = profile ? xmlChildren(profile, 'Identity') : [];
  const names = identities.flatMap((i) => identityNames(i, t.refs));
  const main = primaryName(names);
  const aliases: OfacEntry['aliases'] = [];
  for (const n of names) {
    if (n === main) continue;
    const previous = /^f\.?k\.?a\b/i.test(n.aliasType ?? '');
    if (!n.weak) aliases.push({ name: n.name, previous });
    else (previous ? facts.previousNames : facts.weakAliases).push(n.name);
  }
  if (profile) readFeatures(profile, t, path, target);
  const documents = identities.flatMap((i) => t.documents.get(i.attrs.ID ?? '') ?? []);
  for (const d of documents)
    readIdItem(facts, {
      type: d.type,
      number: d.number,
      country: d.country,
      issued: d.issued,
      expires: d.expires,
    });

  const entries = t.entries.get(profileId) ?? [];
  const programs: string[] = [];
  for (const p of entries.flatMap((e) => e.programs)) if (!programs.includes(p)) programs.push(p);
  const listedOn = entries
    .flatMap((e) => e.events.map((ev) => ev.date))
    .filter((d): d is string => !!d)
    .sort()[0];
  const relations = t.relations.get(profileId) ?? [];
  const links: OfacEntry['links'] = [];
  let dangling = 0;
  for (const r of relations) {
    const to = t.fixedRefs.get(r.to);
    if (to) links.push({ recordId: to, role: r.type ?? 'Linked To' });
    else dangling++;
  }
  const [title, ...positions] = target.titles;
  facts.positions.push(...positions);
  const comments = [el, ...(profile ? [profile] : [])]
    .flatMap((x) => xmlChildren(x, 'Comment'))
    .map((c) => c.text.trim())
    .filter(Boolean);

  const entry: OfacEntry = {
    recordId,
    line: el.line,
    name: main?.name ?? '',
    type: partyType(profile, t.refs),
    programs,
    title,
    vessel: target.vessel,
    facts,
    remarks: comments.join('; '),
    aliases,
    addresses: target.addresses,
    links,
    listedOn,
    raw: rawOf(el, documents, entries, relations, target),
  };
  return { entry, danglingLinks: dangling };
}

function partyType(profile: XmlElement | undefined, refs: ReferenceValues): string | undefined {
  const sub = refs.get('PartySubType', profile?.attrs.PartySubTypeID);
  let text = sub?.text;
  if (!text || /^unknown$/i.test(text)) text = refs.text('PartyType', sub?.attrs.PartyTypeID);
  const key = text?.toLowerCase();
  return key !== undefined && key in TYPES ? TYPES[key] : text;
}

/** The party as published, with the records it points to (documents, entries, places). */
function rawOf(
  el: XmlElement,
  documents: unknown[],
  entries: unknown[],
  relations: unknown[],
  target: FeatureTarget,
): unknown {
  const raw: Record<string, unknown> = { DistinctParty: xmlToPlain(el) };
  if (documents.length) raw.IDRegDocuments = documents;
  if (target.locations.length) raw.Locations = [...new Set(target.locations)];
  if (entries.length) raw.SanctionsEntries = entries;
  if (relations.length) raw.ProfileRelationships = relations;
  return raw;
}
