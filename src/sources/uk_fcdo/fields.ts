/**
 * @module
 * Reading values out of a `<Designation>`: trimmed texts of repeating groups, countries and the
 * FCDO's dd/mm/yyyy dates, with bad values dropped and reported through the record's warning
 * channel (file, line, field and UniqueID).
 */
import { partialDate } from '../../core/index.ts';
import { countryCode, foldCountry } from '../../normalize/index.ts';
import { dropValue, xmlChild, type RecordContext, type XmlElement } from '../_xml.ts';

export { dropValue, type RecordContext } from '../_xml.ts';

/**
 * Text with line wraps and runs of spaces folded to one space, trimmed; undefined when blank. The
 * FCDO writes values with stray spaces ("2173186757 ", "<Name1> ABDUL</Name1>") and opens and
 * closes long texts on a newline.
 */
export function clean(text: string | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** Cleaned text of the first child with this name. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  return el ? clean(xmlChild(el, name)?.text) : undefined;
}

/**
 * Elements reached by a path of child names (`['Names', 'Name']`), every branch followed, in
 * document order.
 */
export function pathElements(el: XmlElement | undefined, path: readonly string[]): XmlElement[] {
  let level = el ? [el] : [];
  for (const name of path) level = level.flatMap((e) => e.children.filter((c) => c.name === name));
  return level;
}

/**
 * Every descendant element with one of these names, in document order, not looking inside a match.
 * Used where third-party readers of the file disagree on a container's name (`PassportDetails/
 * Passport` or `PassportDetails/PassportDetail`, `TypeOfShipDetails` or `TypeOfShips`) but agree
 * on the leaf's.
 */
export function descendants(el: XmlElement | undefined, names: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (names.includes(c.name)) out.push(c);
      else walk(c);
    }
  };
  if (el) walk(el);
  return out;
}

/** One non-blank value with the element that holds it, for warnings at its own line. */
export interface Value {
  text: string;
  el: XmlElement;
}

/** The cleaned, non-blank texts of the leaf elements a path reaches, repeats included. */
export function pathValues(el: XmlElement | undefined, path: readonly string[]): Value[] {
  const out: Value[] = [];
  for (const leaf of pathElements(el, path)) {
    const text = clean(leaf.text);
    if (text) out.push({ text, el: leaf });
  }
  return out;
}

/** The cleaned, non-blank texts of every descendant with this name; see {@link descendants}. */
export function leafValues(el: XmlElement | undefined, name: string): Value[] {
  const out: Value[] = [];
  for (const leaf of descendants(el, [name])) {
    const text = clean(leaf.text);
    if (text) out.push({ text, el: leaf });
  }
  return out;
}

// Placeholders written where the FCDO does not know the country; not a country, not worth a warning.
const NOT_STATED = new Set(['unknown', 'not known', 'n/a', 'na', 'none']);

/**
 * The ISO code for a country as the FCDO writes it ("Russia", "North Korea", "Congo (Democratic
 * Republic)"), or undefined with a warning when the name is not one we know. Blank and "Unknown"
 * give undefined without a warning.
 */
export function country(ctx: RecordContext, v: Value, field: string): string | undefined {
  const key = foldCountry(v.text);
  if (!key || NOT_STATED.has(key)) return undefined;
  const code = countryCode(v.text);
  if (!code) dropValue(ctx, v.el, field, `unknown country "${v.text}" dropped from ${field}`);
  return code;
}

/** True when a country text names something rather than "Unknown". */
export function statesCountry(text: string | undefined): boolean {
  const key = text ? foldCountry(text) : '';
  return !!key && !NOT_STATED.has(key);
}

// dd/mm/yyyy; the FCDO writes an unknown day or month as `dd`, `mm` or `00` (`dd/mm/1962`,
// `dd/07/1978`, `00/00/1975`). A lone year also occurs in other UK files and is accepted.
const DMY = /^(\d{1,2}|dd|00?)\/(\d{1,2}|mm|00?)\/(\d{4})$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A partial date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) from a dd/mm/yyyy text with placeholders, or
 * undefined when the text is not a real date. A day without its month says no more than the year.
 * ISO dates are read too, should the FCDO switch.
 */
export function ukDate(text: string): string | undefined {
  const value = text.trim();
  const m = DMY.exec(value);
  if (m) {
    const day = /^\d+$/.test(m[1]!) ? Number(m[1]) : 0;
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : 0;
    return partialDate(Number(m[3]), month, month ? day : 0);
  }
  const iso = ISO.exec(value);
  if (iso) return partialDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{4}$/.test(value)) return partialDate(Number(value));
  return undefined;
}

/** {@link ukDate} of a value, or undefined with a warning naming its line. */
export function dateValue(ctx: RecordContext, v: Value, field: string): string | undefined {
  const date = ukDate(v.text);
  if (!date) dropValue(ctx, v.el, field, `invalid date "${v.text}" dropped from ${field}`);
  return date;
}

/** {@link dateValue} of a child element, when it is there and not blank. */
export function childDate(
  ctx: RecordContext,
  parent: XmlElement,
  name: string,
): string | undefined {
  const [v] = pathValues(parent, [name]);
  return v ? dateValue(ctx, v, name) : undefined;
}
