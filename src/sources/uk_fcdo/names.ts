/**
 * @module
 * Names of a designation. Each `<Names><Name>` holds up to six parts (Name1–Name6: given names in
 * order, Name6 the family name or, for an entity or ship, the whole name), a NameType ("Primary
 * Name", "Primary Name Variation", "Alias") and, for some aliases, an AliasStrength ("Good quality
 * a.k.a", "Low quality a.k.a"). Names in their original script are in `<NonLatinNames>`.
 *
 * Where the guidance is ambiguous: the FCDO's format note of February 2022 calls a Primary name
 * variation a spelling variant of the primary name and an Alias a substantively different name;
 * both are screened as aliases here. AliasStrength is filled for UN listings and some UK ones only;
 * a blank strength is read as a good alias, since nothing says it is weak. The file spells NameType
 * in several casings ("Primary name", "Primary Name", "ALias"): it is compared case-folded.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import type { XmlElement } from '../_xml.ts';
import { childText, dropValue, pathElements, pathValues, type RecordContext } from './fields.ts';

/** The name parts, in the order a name is said. */
const PARTS = ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6'] as const;

/** How one published name is used. */
type Role = 'primary' | 'variation' | 'alias';

const ROLES: Record<string, Role> = {
  'primary name': 'primary',
  'primary name variation': 'variation',
  alias: 'alias',
};

/** One `<Name>` with a non-blank name. */
export interface PublishedName {
  el: XmlElement;
  role: Role;
  /** Name1…Name6 joined in order. */
  full: string;
  /** Low quality a.k.a: too vague to screen on alone. */
  weak: boolean;
}

/** The record's names in document order; empty `<Name>` elements are left out. */
export function publishedNames(designation: XmlElement, ctx: RecordContext): PublishedName[] {
  const out: PublishedName[] = [];
  for (const el of pathElements(designation, ['Names', 'Name'])) {
    const full = PARTS.map((p) => childText(el, p))
      .filter((p): p is string => !!p)
      .join(' ');
    if (!full) continue;
    const type = childText(el, 'NameType');
    let role = ROLES[(type ?? '').toLowerCase()];
    if (!role) {
      // No type, or one we do not know: screened as an alias, which loses nothing.
      role = 'alias';
      if (type) dropValue(ctx, el, 'NameType', `unknown NameType "${type}"; read as an alias`);
    }
    const strength = (childText(el, 'AliasStrength') ?? '').toLowerCase();
    out.push({ el, role, full, weak: role !== 'primary' && strength.startsWith('low') });
  }
  return out;
}

/**
 * The name the record is designated under: its first Primary Name, else its first variation or
 * alias (no name is left nameless), else undefined.
 */
export function mainName(names: readonly PublishedName[]): PublishedName | undefined {
  return (
    names.find((n) => n.role === 'primary') ??
    names.find((n) => n.role === 'variation') ??
    names.find((n) => n.role === 'alias')
  );
}

/**
 * Sets `name`, `alias` and `weakAlias`, and the non-Latin names as aliases. A second Primary Name
 * (a few records carry two) becomes an alias, as in the other sources: one name per entity.
 */
export function applyNames(
  entity: ListedEntity,
  designation: XmlElement,
  names: readonly PublishedName[],
  main: PublishedName,
): void {
  addValues(entity, 'name', main.full);
  for (const n of names) {
    if (n === main || n.full === main.full) continue;
    addValues(entity, n.weak ? 'weakAlias' : 'alias', n.full);
  }
  // A name filed as both weak and strong is a strong alias.
  const strong = new Set(entity.properties.alias ?? []);
  const weak = entity.properties.weakAlias?.filter((n) => !strong.has(n));
  if (weak?.length) entity.properties.weakAlias = weak;
  else delete entity.properties.weakAlias;
  // NonLatinScriptType and NonLatinScriptLanguage are the FCDO's labels; FtM names carry no
  // script, and the matcher tells the script from the characters, so only the name is kept.
  for (const v of pathValues(designation, ['NonLatinNames', 'NonLatinName', 'NameNonLatinScript']))
    if (v.text !== main.full) addValues(entity, 'alias', v.text);
  if (entity.schema === 'Person') applyParts(entity, main.el);
}

/**
 * FtM's name parts from the main name, as for the OFSI list whose layout this follows: Name1 →
 * firstName, Name2 → secondName, Name3–5 → middleName, Name6 → lastName.
 */
function applyParts(entity: ListedEntity, el: XmlElement): void {
  addValues(entity, 'firstName', childText(el, 'Name1'));
  addValues(entity, 'secondName', childText(el, 'Name2'));
  addValues(
    entity,
    'middleName',
    childText(el, 'Name3'),
    childText(el, 'Name4'),
    childText(el, 'Name5'),
  );
  addValues(entity, 'lastName', childText(el, 'Name6'));
}
