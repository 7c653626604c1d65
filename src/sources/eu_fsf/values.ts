/**
 * @module
 * Single values of the EU file (dates, countries, identity documents), checked so that only valid
 * values reach an entity. A value that cannot be used is reported through a {@link Report} and
 * dropped; the caller decides nothing else.
 */
import { partialDate } from '../../core/index.ts';
import type { Report } from '../_report.ts';
import { countryCode } from '../../normalize/index.ts';

/** Values that mean "not known" rather than a bad value. */
const UNKNOWN = new Set(['', '-', 'n/a', 'na', 'unknown', '00/00/0000', '0000-00-00']);

/**
 * `YYYY-MM-DD` (zero month or day = unknown part), `DD/MM/YYYY` or `YYYY` → a partial date.
 * Returns undefined for "unknown" markers silently and for anything else with a report.
 */
export function euDate(
  value: string,
  line: number,
  field: string,
  report: Report,
): string | undefined {
  const v = value.trim();
  if (UNKNOWN.has(v.toLowerCase())) return undefined;
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
  let date: string | undefined;
  if (m) date = partialDate(Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0));
  else if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v)))
    date = partialDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (!date) report(`${field} "${v}" is not a real date; dropped`, line, field);
  return date;
}

/** An ISO code (the file writes alpha-3: `IRQ`, `PAK`) → lower-case alpha-2, or a report. */
export function euCountry(
  value: string,
  line: number,
  field: string,
  report: Report,
): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const code = countryCode(v);
  if (!code) report(`${field} "${v}" is not a known country; dropped`, line, field);
  return code;
}

/** The file escapes line breaks inside a value as the two characters `\n`. */
export function unescapeText(value: string): string {
  return value.includes('\\n') ? value.replaceAll('\\n', '\n').trim() : value.trim();
}

/** What a document is, as `attachIdentification` takes it. */
export type IdentityKind = 'passport' | 'national-id' | 'registration' | 'tax' | 'other';

/** The EU's document type codes that say more than `other` (`passport`, `id`, `regnumber`…). */
const KINDS: Record<string, IdentityKind> = {
  passport: 'passport',
  id: 'national-id',
  regnumber: 'registration',
  fiscalcode: 'tax',
};

/**
 * The kind of a document from the EU's type code, the same in both formats (the CSV writes it in
 * `Iden_number`, the XML in `identificationTypeCode`); codes not listed are `other`.
 */
export function identityKind(code: string): IdentityKind {
  return KINDS[code.trim().toLowerCase()] ?? 'other';
}

/** An identity document as the v1.0 `Iden_number` column writes it. */
export interface IdentityText {
  number: string;
  kind: IdentityKind;
  /** The label in the file, e.g. "National passport". */
  type: string | undefined;
  /** Whatever follows the type: issue/expiry notes. */
  remark: string | undefined;
}

// "AD001095 (passport-National passport) ((passport))", "34409/129 (other-Other identification
// number) (july 1997)": number, then (code-label), then optional remarks in parentheses.
const IDENTITY = /^(.*?)\s*\(([a-z]+)-([^()]*)\)\s*(.*)$/s;

/** Splits `Iden_number` into number, kind, type label and remark. */
export function parseIdentity(value: string): IdentityText | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const m = IDENTITY.exec(v);
  if (!m || !m[1]) return { number: v, kind: 'other', type: undefined, remark: undefined };
  const code = m[2]!;
  const kind = identityKind(code);
  let remark = m[4]!.trim();
  // The trailing part often only repeats the code, "((passport))"; it says nothing new then.
  if (remark === `((${code}))` || remark === `(${code})`) remark = '';
  if (remark.startsWith('(') && remark.endsWith(')')) remark = remark.slice(1, -1).trim();
  return {
    number: m[1].trim(),
    kind,
    type: m[3]!.trim() || undefined,
    remark: remark || undefined,
  };
}
