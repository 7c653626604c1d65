/**
 * @module
 * What only an `<ENTITY>` needs: its schema and the IMO company numbers stated in its comments.
 *
 * The consolidated list has no vessel records. The DPRK shipping companies (KPe.020, KPe.022,
 * KPe.055–075) carry "IMO number: 5571322" or "Company Number IMO 5434358" in COMMENTS1: these are
 * the IMO's unique company and registered-owner numbers, not ship numbers, so they go to the
 * organisation's `imoNumber` and make it a Company.
 */
import { looksLikeCompany } from '../../normalize/index.ts';

// "IMO number: 5571322", "IMO Number: 5342883", "(IMO) Number: 1790183", "Company Number IMO
// 5434358". IMO numbers have seven digits.
const IMO = /\bIMO\b\)?(?:\s*(?:number|no\.?))?\s*:?\s*(\d{7})\b/gi;

/** The IMO numbers a comment states, in order, without repeats. */
export function imoNumbers(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.matchAll(IMO)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/**
 * Company when the name has a legal form (LTD, CORPORATION, CO…; `looksLikeCompany` also counts
 * BANK, TRADING, SHIPPING) or the record has a company identifier (an IMO company number);
 * Organization otherwise (ministries, armed groups, academies, "OFFICE 39").
 */
export function entitySchema(name: string, imo: readonly string[]): 'Company' | 'Organization' {
  return imo.length || looksLikeCompany(name) ? 'Company' : 'Organization';
}
