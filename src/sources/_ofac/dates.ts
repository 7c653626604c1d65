/**
 * @module
 * Dates as OFAC writes them in remarks: `10 Dec 1948`, `Dec 1948`, `1948`, `circa 1948`,
 * `1951 to 1953`, `01 Jan 1961 to 31 Dec 1962`, `circa 1979-1982`. Output is FtM partial dates.
 */
import { monthNumber, partialDate } from '../../core/index.ts';

/** What a date text gave: the dates kept, and a sentence when something was dropped or cut. */
export interface DateResult {
  dates: string[];
  problem?: string;
}

const SINGLE = /^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3,9})\.?\s+)?(\d{4})$/;
const RANGE = /^(.+?)\s+to\s+(.+)$/i;
const YEAR_RANGE = /^(\d{4})\s*-\s*(\d{4})$/;
/** Longest year range expanded to single years ("1951 to 1953" → 1951, 1952, 1953). */
const MAX_YEARS = 20;

interface Parsed {
  date?: string;
  problem?: string;
}

/** Parses one date (no range). A zero day keeps month and year, with a note. */
function parseOne(text: string): Parsed {
  const m = SINGLE.exec(text.trim());
  if (!m) return { problem: `unreadable date "${text}" (dropped)` };
  const year = Number(m[3]);
  const month = m[2] === undefined ? undefined : monthNumber(m[2]);
  if (m[2] !== undefined && month === undefined)
    return { problem: `unknown month in "${text}" (dropped)` };
  const day = m[1] === undefined ? undefined : Number(m[1]);
  if (day === 0) {
    const date = partialDate(year, month);
    return date
      ? { date, problem: `day 00 in "${text}": kept ${date}` }
      : { problem: `impossible date "${text}" (dropped)` };
  }
  const date = partialDate(year, month, day);
  return date ? { date } : { problem: `impossible date "${text}" (dropped)` };
}

/** The whole years from `a` to `b`, or the two ends when the span is implausibly long. */
function years(a: string, b: string): string[] {
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  if (yb < ya || yb - ya > MAX_YEARS) return [a, b];
  if (ya === yb)
    return [a.length >= 7 && a.slice(0, 7) === b.slice(0, 7) ? a.slice(0, 7) : a.slice(0, 4)];
  const out: string[] = [];
  for (let y = ya; y <= yb; y++) out.push(String(y));
  return out;
}

/**
 * Parses a date text from the remarks. "circa" is dropped (the date stands as stated); a range
 * becomes every year it covers, as FtM has no range type. Returns the kept dates and, when a part
 * was dropped or shortened, a problem sentence for a warning.
 */
export function parseOfacDate(input: string): DateResult {
  let text = input.trim().replace(/\.$/, '');
  text = text.replace(/^(circa|approximately|approx\.?|about)\s+/i, '');
  const yr = YEAR_RANGE.exec(text);
  const range = yr ? [yr[1]!, yr[2]!] : RANGE.exec(text)?.slice(1, 3);
  if (range && range.length === 2) {
    const a = parseOne(range[0]!.replace(/^circa\s+/i, ''));
    const b = parseOne(range[1]!.replace(/^circa\s+/i, ''));
    const problem = [a.problem, b.problem].filter(Boolean).join('; ') || undefined;
    if (a.date && b.date) return { dates: years(a.date, b.date), ...(problem && { problem }) };
    const dates = [a.date, b.date].filter((d): d is string => !!d);
    return { dates, ...(problem && { problem }) };
  }
  const one = parseOne(text);
  return { dates: one.date ? [one.date] : [], ...(one.problem && { problem: one.problem }) };
}
