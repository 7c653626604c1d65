/**
 * @module
 * Names: the primary name from FIRST_NAME … FOURTH_NAME, the name in original script, and the
 * aliases of INDIVIDUAL_ALIAS / ENTITY_ALIAS by their QUALITY.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { xmlChild, xmlChildren, xmlText, type XmlElement } from '../_xml.ts';
import { dropValue, type RecordContext } from './fields.ts';

/** The UN's name fields, in the order it writes a name. */
export const NAME_FIELDS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

/**
 * The name parts a record states, by field. The UN does not say which part is the family name
 * (Korean records start with it: FIRST_NAME "RI", SECOND_NAME "WON HO"), so the parts are kept
 * in order and never called first or last name beyond what the field names say. A lower-case
 * "na" (TAi.153's FOURTH_NAME) is the UN's "not available", not a name; names are upper case.
 */
export function nameParts(el: XmlElement): Partial<Record<(typeof NAME_FIELDS)[number], string>> {
  const parts: Partial<Record<(typeof NAME_FIELDS)[number], string>> = {};
  for (const field of NAME_FIELDS) {
    const text = xmlText(el, field);
    if (text && text !== 'na') parts[field] = text.replace(/\s+/g, ' ');
  }
  return parts;
}

/** The primary name: the parts joined in the UN's order ("RI WON HO"). */
export function fullName(parts: ReturnType<typeof nameParts>): string {
  return NAME_FIELDS.map((f) => parts[f])
    .filter((p): p is string => !!p)
    .join(' ');
}

/**
 * Which property an alias goes to, by QUALITY. Individuals carry Good/Low, entities
 * a.k.a./f.k.a.: "Low" quality aliases are too vague to screen on alone, hence weakAlias.
 */
const ALIAS_PROPERTY: Record<string, string> = {
  good: 'alias',
  'a.k.a.': 'alias',
  'n.k.a.': 'alias',
  low: 'weakAlias',
  'f.k.a.': 'previousName',
};

/**
 * Adds the record's aliases (`INDIVIDUAL_ALIAS` or `ENTITY_ALIAS`) and its NAME_ORIGINAL_SCRIPT.
 * Empty alias elements (`<QUALITY/><ALIAS_NAME/>`, the UN's "none") are skipped; an alias of an
 * unknown quality is kept as an alias with a warning.
 * @returns the alias elements that hold a name, for fields besides the name (an alias's own DOB).
 */
export function addAliases(
  entity: ListedEntity,
  el: XmlElement,
  aliasElement: string,
  ctx: RecordContext,
): XmlElement[] {
  const used: XmlElement[] = [];
  for (const a of xmlChildren(el, aliasElement)) {
    const name = xmlText(a, 'ALIAS_NAME');
    if (!name) continue;
    const quality = xmlText(a, 'QUALITY');
    let prop = ALIAS_PROPERTY[(quality ?? '').toLowerCase()];
    if (!prop) {
      prop = 'alias';
      if (quality)
        dropValue(
          ctx,
          xmlChild(a, 'QUALITY')!,
          'QUALITY',
          `unknown alias QUALITY "${quality}"; kept as alias`,
        );
    }
    addValues(entity, prop, name);
    used.push(a);
  }
  addValues(entity, 'alias', xmlText(el, 'NAME_ORIGINAL_SCRIPT'));
  return used;
}
