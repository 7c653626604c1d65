/**
 * @module
 * Names of a DistinctParty: each `Alias` (primary name, a.k.a., f.k.a., n.k.a.; strong or
 * `LowQuality`) holds one `DocumentedName` per script, made of name parts whose kind (Last Name,
 * First Name, Entity Name…) the identity's `NamePartGroups` give. A name is written as the CSV
 * writes it: "LAST, Given Names" for people, the whole name otherwise.
 */
import { xmlChild, xmlChildren, type XmlElement } from '../../_xml.ts';
import { joinName } from '../structured.ts';
import type { ReferenceValues } from './refs.ts';

/** One documented name of a party. */
export interface PartyName {
  name: string;
  /** The alias is the party's primary name. */
  primary: boolean;
  /** AliasType text: Name, A.K.A., F.K.A., N.K.A. */
  aliasType: string | undefined;
  /** OFAC's LowQuality flag: a weak alias. */
  weak: boolean;
  /** Written in Latin script (the CSV holds only these). */
  latin: boolean;
}

// Name parts that are a whole name by themselves.
const WHOLE = new Set(['entity name', 'vessel name', 'aircraft name']);

/** The names of one Identity, in document order. */
export function identityNames(identity: XmlElement, refs: ReferenceValues): PartyName[] {
  const groups = new Map<string, string>();
  const groupsEl = xmlChild(identity, 'NamePartGroups');
  for (const master of groupsEl ? xmlChildren(groupsEl, 'MasterNamePartGroup') : [])
    for (const g of xmlChildren(master, 'NamePartGroup'))
      if (g.attrs.ID)
        groups.set(g.attrs.ID, refs.text('NamePartType', g.attrs.NamePartTypeID) ?? '');
  const out: PartyName[] = [];
  for (const alias of xmlChildren(identity, 'Alias')) {
    const base = {
      primary: alias.attrs.Primary === 'true',
      aliasType: refs.text('AliasType', alias.attrs.AliasTypeID),
      weak: alias.attrs.LowQuality === 'true',
    };
    for (const doc of xmlChildren(alias, 'DocumentedName')) {
      const whole: string[] = [];
      const last: string[] = [];
      const given: string[] = [];
      let latin = true;
      for (const part of xmlChildren(doc, 'DocumentedNamePart')) {
        const v = xmlChild(part, 'NamePartValue');
        const value = v?.text.replace(/\s+/g, ' ').trim();
        if (!v || !value) continue;
        const script = refs.text('Script', v.attrs.ScriptID);
        if (script && !/latin/i.test(script)) latin = false;
        const kind = (groups.get(v.attrs.NamePartGroupID ?? '') ?? '').toLowerCase();
        (WHOLE.has(kind) ? whole : kind === 'last name' ? last : given).push(value);
      }
      const name = whole.length ? whole.join(' ') : joinName(last.join(' '), given.join(' '));
      if (name) out.push({ ...base, name, latin });
    }
  }
  return out;
}

/** The party's primary name: the first Latin documented name of its primary alias. */
export function primaryName(names: PartyName[]): PartyName | undefined {
  const primary = names.filter((n) => n.primary);
  return primary.find((n) => n.latin) ?? primary[0] ?? names[0];
}
