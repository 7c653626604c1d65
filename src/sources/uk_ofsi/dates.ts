/**
 * @module
 * OFSI dates: `dd/mm/yyyy`, where `00` stands for an unknown day or month (`00/00/1980` is "born
 * in 1980", `00/05/1980` "born in May 1980").
 */
import { partialDate } from '../../core/index.ts';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YEAR = /^(\d{4})$/;

/** Outcome of reading one date cell. */
export type DateResult = { date: string } | { error: string } | undefined;

/**
 * Reads an OFSI date cell. Returns undefined for an empty cell, `{date}` for a valid (possibly
 * partial) date, and `{error}` (what is wrong, for a message that quotes the value) for text that is not
 * a date or an impossible one (31/02/1970).
 */
export function parseOfsiDate(text: string): DateResult {
  const value = text.trim();
  if (!value) return undefined;
  const m = DMY.exec(value);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    // A day without its month ("15/00/1980") says no more than the year.
    const date = partialDate(Number(m[3]), month, month ? day : 0);
    if (date) return { date };
    return { error: 'is not a real date' };
  }
  const y = YEAR.exec(value);
  if (y) {
    const date = partialDate(Number(y[1]));
    if (date) return { date };
  }
  return { error: 'is not a dd/mm/yyyy date' };
}
