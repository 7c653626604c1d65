/**
 * @module
 * Stable ids for a list without ids. A party is known by its name and by the order that denied it:
 * the first Federal Register citation of a row is the original order, and BIS appends later notices
 * (renewals, corrections) after it, so it does not change when the row is updated.
 */
import { sha256 } from '../../core/index.ts';

const MARKS = /\p{M}/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
// "68 F.R. 38290", and the variants the file also has: "80 F.R 57572", "81.F.R. 22576",
// "83F.R. 65340", "87 F.R.38704", "84 F.R.  53405".
const CITATION = /(\d+)\s*\.?\s*F\s*\.?\s*R\s*\.?\s*(\d+)/i;

/** Upper case, accents stripped, punctuation to spaces, spaces collapsed: "AL-NASER  AIRLINES" → "AL NASER AIRLINES". */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toUpperCase().replace(NOT_ALNUM, ' ').trim();
}

/** The first citation of an FR_Citation value in canonical form (`68 F.R. 38290`), or ''. */
export function firstCitation(frCitation: string): string {
  const m = CITATION.exec(frCitation);
  return m ? `${Number(m[1])} F.R. ${Number(m[2])}` : '';
}

/**
 * The record id of a row: the first 16 hex digits of sha256(normalised name + '|' + first
 * citation). Rows of the same party under the same order (one per address) share it. A row with
 * no citation hashes its name alone.
 */
export function recordId(name: string, frCitation: string): string {
  return sha256(`${normalizeName(name)}|${firstCitation(frCitation)}`).slice(0, 16);
}
