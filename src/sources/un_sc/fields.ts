/**
 * @module
 * Reading single values out of a UN record element: text, `<VALUE>` lists, countries and dates,
 * with bad values dropped and reported through the record's warning channel.
 */
import { isPartialDate } from '../../core/index.ts';
import { countryCode } from '../../normalize/index.ts';
import { dropValue, xmlChild, type RecordContext, type XmlElement } from '../_xml.ts';

export { dropValue, type RecordContext } from '../_xml.ts';

/**
 * The `<VALUE>` texts of a list-valued child (`<NATIONALITY><VALUE>…</VALUE></NATIONALITY>`),
 * trimmed, blanks left out, each with its element for warnings.
 */
export function valueElements(el: XmlElement, name: string): { text: string; el: XmlElement }[] {
  const holder = xmlChild(el, name);
  if (!holder) return [];
  const out: { text: string; el: XmlElement }[] = [];
  for (const v of holder.children) {
    const text = v.text.trim();
    if (v.name === 'VALUE' && text) out.push({ text, el: v });
  }
  return out;
}

/** Texts of a list-valued child; see {@link valueElements}. */
export function values(el: XmlElement, name: string): string[] {
  return valueElements(el, name).map((v) => v.text);
}

// The UN writes "na" (not available) in a few country fields; `countryCode` would read it as
// Namibia's code, so such values count as blank.
const NOT_STATED = new Set(['na', 'n/a', 'n.a.', 'unknown', 'none']);

/**
 * The ISO code for a country name the UN writes ("Iran (Islamic Republic of)"), or undefined with a
 * warning when the name is not one we know. Blank and "na" give undefined without a warning.
 */
export function country(
  ctx: RecordContext,
  el: XmlElement,
  field: string,
  name: string | undefined,
): string | undefined {
  const text = name?.trim();
  if (!text || NOT_STATED.has(text.toLowerCase())) return undefined;
  const code = countryCode(text);
  if (!code) dropValue(ctx, el, field, `unknown country "${text}" dropped from ${field}`);
  return code;
}

/** True when a country field holds a real value rather than blank or "na". */
export function statesCountry(name: string | undefined): boolean {
  const text = name?.trim();
  return !!text && !NOT_STATED.has(text.toLowerCase());
}

// xsd:date may carry a time zone (`2015-04-07-04:00`); the calendar date is the first ten
// characters. A full timestamp (`2026-02-27T00:00:09Z`) likewise. A few dates of birth are only a
// year or a year and month (`<DATE_OF_BIRTH>1955</DATE_OF_BIRTH>`): partial dates are kept.
const XSD_DATE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * A partial date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) from an xsd:date or dateTime, or undefined with
 * a warning when the text is not a real calendar date (day 00, year 2922…).
 */
export function isoDate(
  ctx: RecordContext,
  el: XmlElement,
  field: string,
  text: string | undefined,
): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const day = XSD_DATE.exec(value)?.[1];
  if (day && isPartialDate(day)) return day;
  dropValue(ctx, el, field, `invalid date "${value}" dropped from ${field}`);
  return undefined;
}

/** {@link isoDate} of a child element's text; a warning names the child's own line. */
export function childDate(
  ctx: RecordContext,
  parent: XmlElement,
  name: string,
): string | undefined {
  const child = xmlChild(parent, name);
  return child ? isoDate(ctx, child, name, child.text) : undefined;
}
