/**
 * @module
 * Dates, countries and the encoding of dpl.txt. Bad values are reported and dropped, never kept.
 */
import { partialDate } from '../../core/index.ts';
import { countryCode } from '../../normalize/index.ts';
import type { Report } from '../_report.ts';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * `MM/DD/YYYY` (Effective_Date, Expiration_Date) or `YYYY-MM-DD` (Last_Update) → `YYYY-MM-DD`.
 * The file has impossible dates (Last_Update 2922-09-01, 3017-08-22, 0222-05-18): reported, dropped.
 */
export function dplDate(
  value: string,
  line: number,
  field: string,
  report: Report,
): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  let date: string | undefined;
  let m = US_DATE.exec(v);
  if (m) date = partialDate(Number(m[3]), Number(m[1]), Number(m[2]));
  else if ((m = ISO_DATE.exec(v))) date = partialDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // partialDate shortens a zero day or month; a DPL date is always whole, so such a value is bad.
  if (!date || date.length !== 10) {
    report(`${field} "${v}" is not a real date; dropped`, line, field);
    return undefined;
  }
  return date;
}

/** The Country column holds ISO alpha-2 codes (often blank) → lower-case code, or a report. */
export function dplCountry(value: string, line: number, report: Report): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const code = countryCode(v);
  if (!code) report(`Country "${v}" is not a known country code; dropped`, line, 'Country');
  return code;
}
