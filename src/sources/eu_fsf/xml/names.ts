/**
 * @module
 * The `<nameAlias>` elements of one entity → name records like the CSV's, so that both formats
 * choose the same primary name and aliases (see `../map.ts` `mapNames`). Unlike the Latin-1 CSV,
 * the XML holds every script, so no translated name is lost to `?`.
 */
import { addValues, type ListedEntity } from '../../../core/index.ts';
import { xmlChildren, type XmlElement } from '../../_xml.ts';
import { mapNames } from '../map.ts';
import { primaryFirst, type NameRecord } from '../names.ts';
import type { Report } from '../../_report.ts';
import { attr, flag, remarks } from './values.ts';

/**
 * Name records of an entity: `strong` ones, the primary first, and weak ones. When every name is
 * weak, the primary is taken from them and counted as strong.
 */
export interface XmlNames {
  strong: NameRecord[];
  weak: NameRecord[];
  /** `<remark>` texts of the names, each prefixed with the name it qualifies. */
  notes: string[];
}

/**
 * Reads the `<nameAlias>` children. A name without `wholeName` is built from its parts; one with
 * neither is skipped. `strong="false"` marks what the EU calls a low-quality alias.
 */
export function collectXmlNames(entity: XmlElement): XmlNames {
  const out: XmlNames = { strong: [], weak: [], notes: [] };
  const seen = new Set<string>();
  for (const el of xmlChildren(entity, 'nameAlias')) {
    const rec: NameRecord = {
      id: attr(el, 'logicalId') ?? `line ${el.line}`,
      line: el.line,
      whole: attr(el, 'wholeName') ?? '',
      lastName: attr(el, 'lastName') ?? '',
      firstName: attr(el, 'firstName') ?? '',
      middleName: attr(el, 'middleName') ?? '',
      gender: attr(el, 'gender') ?? '',
      title: attr(el, 'title') ?? '',
      position: attr(el, 'function') ?? '',
      language: (attr(el, 'nameLanguage') ?? '').toUpperCase(),
    };
    if (!rec.whole)
      rec.whole = [rec.firstName, rec.middleName, rec.lastName].filter(Boolean).join(' ');
    if (!rec.whole || seen.has(rec.id)) continue;
    seen.add(rec.id);
    // `strong` is required by the schema; a copy that drops it keeps the name as a full alias.
    const weak = el.attrs.strong !== undefined && !flag(el, 'strong');
    (weak ? out.weak : out.strong).push(rec);
    for (const r of remarks(el)) out.notes.push(`${rec.whole}: ${r}`);
  }
  primaryFirst(out.strong);
  if (!out.strong.length && out.weak.length) {
    // Only weak names: the best of them must still serve as the name.
    const pool = primaryFirst(out.weak);
    out.strong = pool.splice(0, 1);
  }
  return out;
}

/**
 * Sets the names of the entity: the strong ones as the CSV path does, then the weak ones as
 * `weakAlias` (too vague to screen on alone, as the UN's "low quality" a.k.a.), and name remarks
 * as `notes`.
 */
export function applyXmlNames(entity: ListedEntity, names: XmlNames, report: Report): void {
  mapNames(entity, names.strong, report, 'nameAlias/@gender');
  const taken = new Set([...(entity.properties.name ?? []), ...(entity.properties.alias ?? [])]);
  for (const rec of names.weak)
    if (!taken.has(rec.whole)) addValues(entity, 'weakAlias', rec.whole);
  addValues(entity, 'notes', ...names.notes);
}
