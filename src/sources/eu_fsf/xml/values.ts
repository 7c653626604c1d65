/**
 * @module
 * Single values of the XML export: attributes, remark texts, countries and dates, checked so that
 * only valid values reach an entity. A value that cannot be used is reported and dropped.
 */
import { xmlChildren, type XmlElement } from '../../_xml.ts';
import { countryCode } from '../../../normalize/index.ts';
import type { Report } from '../../_report.ts';
import { euDate } from '../values.ts';

/** Trimmed attribute value; undefined when absent or blank (the export writes `title=""`). */
export function attr(el: XmlElement, name: string): string | undefined {
  const v = el.attrs[name]?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

/** A boolean attribute (`strong="true"`, `circa="false"`); absent means false. */
export function flag(el: XmlElement, name: string): boolean {
  return el.attrs[name]?.trim().toLowerCase() === 'true';
}

/** Texts of the `<remark>` children, trimmed, blanks left out. */
export function remarks(el: XmlElement): string[] {
  return xmlChildren(el, 'remark')
    .map((r) => r.text.trim())
    .filter(Boolean);
}

/** `countryIso2Code` values that mean "no country stated". */
const UNKNOWN_CODES = new Set(['00', '']);

/**
 * The country of an element from `countryIso2Code`, falling back on `countryDescription` for codes
 * ISO no longer has (`CS` Serbia and Montenegro → `csxx`). `00` / `UNKNOWN` mean no country.
 * Returns the code (lower case) and the label to show in an address line.
 */
export function country(
  el: XmlElement,
  report: Report,
): { code: string; label: string } | undefined {
  const iso = attr(el, 'countryIso2Code') ?? '';
  const description = attr(el, 'countryDescription');
  if (UNKNOWN_CODES.has(iso) && (!description || description.toUpperCase() === 'UNKNOWN'))
    return undefined;
  const code = (iso && countryCode(iso)) || countryCode(description);
  if (!code) {
    report(
      `<${el.name}> country "${iso}"${description ? ` (${description})` : ''} is not a known country; dropped`,
      el.line,
      `${el.name}/@countryIso2Code`,
    );
    return undefined;
  }
  // The description reads better in an address line, when it names the same country.
  const label = description && countryCode(description) === code ? description : code.toUpperCase();
  return { code, label };
}

/**
 * An xs:date attribute (`2003-07-08`, possibly with a zone `2003-07-08+02:00`) → a date, or a
 * report and undefined. A zone does not change the calendar day the EU means.
 */
export function dateAttr(el: XmlElement, name: string, report: Report): string | undefined {
  const v = attr(el, name);
  if (!v) return undefined;
  const day = /^(\d{4}-\d{1,2}-\d{1,2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(v)?.[1] ?? v;
  return euDate(day, el.line, `${el.name}/@${name}`, (message, line, field) =>
    report(message.replace(`"${day}"`, `"${v}"`), line, field),
  );
}
