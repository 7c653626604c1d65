/**
 * @module
 * Reading a date as people write it (`1971-3-5`, `05/03/1971`, `5 Mar 1971`, `March 5, 1971`,
 * `5. März 1971`, `5 de marzo de 1971`) into FtM's partial-date form. Screening input is typed by
 * hand or exported from other systems, and a date of birth that cannot be read must cost the row
 * its date, never its screening: whatever cannot be known for sure is dropped (the day and month
 * of `05/03/1971`, the day of `1980-02-30`) and said so in a warning, keeping what is certain.
 * Dropping a part only widens the search (a birth year matches more listed dates than a full
 * date), so a lost part can hide no match.
 */
import { MAX_YEAR, MIN_YEAR, partialDate } from './dates.ts';

/** What {@link parseLooseDate} made of a value: the date kept (if any) and what was lost. */
export interface LooseDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when not even a year could be read. */
  date: string | undefined;
  /** Set when part or all of the value was dropped, saying what and why. */
  warning?: string;
}

/**
 * Month names in English, French, German and Spanish, with their usual abbreviations, written
 * without accents (the input is folded the same way). Three-letter English abbreviations that are
 * also the start of another language's month ("mar", "mai") mean the same month in all of them.
 */
const MONTH_NAMES: Readonly<Record<string, number>> = (() => {
  const names: [number, string[]][] = [
    [1, ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'enero', 'ene']],
    [2, ['february', 'feb', 'fevrier', 'fev', 'fevr', 'februar', 'febrero']],
    [3, ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo']],
    [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr']],
    [5, ['may', 'mai', 'mayo']],
    [6, ['june', 'jun', 'juin', 'juni', 'junio']],
    [7, ['july', 'jul', 'juillet', 'juil', 'juli', 'julio']],
    [8, ['august', 'aug', 'aout', 'agosto', 'ago']],
    [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set']],
    [10, ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre']],
    [11, ['november', 'nov', 'novembre', 'noviembre']],
    [12, ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic']],
  ];
  return Object.fromEntries(names.flatMap(([n, words]) => words.map((w) => [w, n])));
})();

/** Words that may stand around the parts of a written date and mean nothing for it. */
const FILLER = new Set(['de', 'del', 'of', 'the', 'le', 'am', 'den', 'der', 'el']);
/** Ordinal endings after a day number: 5th, 1st, 2nd, 3rd, 1er (French), 1o/1º (Spanish). */
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|re|e|o|º|ª)$/;
/** Numeric dates: three groups of digits separated by `-`, `/`, `.` or blanks, in any order. */
const NUMERIC = /^(\d{1,4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})$/;
/** A year and a month only: `1971-3`, `1971/03`, `3/1971`, `03.1971`. */
const YEAR_MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$|^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
/** An ISO timestamp: the date part is taken, the time is not about a birth date. */
const TIMESTAMP = /^(\d{4}-\d{1,2}-\d{1,2})[T\s]\d{1,2}:\d{2}/;

const quoted = (s: string) => JSON.stringify(s);

function plausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * A date from its parts, keeping what is sure: an impossible day (`1980-02-30`) is dropped with
 * the month kept; an impossible month drops month and day. Zero parts mean "unknown" (`00/00/1980`
 * in OFSI files) and shorten the date without a warning, since nothing given was lost.
 */
function fromParts(given: string, year: number, month?: number, day?: number): LooseDate {
  if (!plausibleYear(year))
    return { date: undefined, warning: `${quoted(given)} has no plausible year: dropped` };
  if (month === undefined || month === 0) return { date: String(year) };
  if (month > 12)
    return {
      date: String(year),
      warning: `${quoted(given)}: ${month} is not a month; kept the year ${year}`,
    };
  const ym = partialDate(year, month)!;
  if (day === undefined || day === 0) return { date: ym };
  const full = partialDate(year, month, day);
  if (full) return { date: full };
  return { date: ym, warning: `${quoted(given)} is not a calendar date; kept ${ym}` };
}

/** Day-month-year or month-day-year, decided only where one reading is impossible. */
function dayMonthYear(given: string, a: number, b: number, year: number): LooseDate {
  if (a === 0 || b === 0) {
    // 00/03/1971 or 03/00/1971: the zero is the unknown part, the other one is the month.
    return fromParts(given, year, a || b || undefined);
  }
  if (a > 12 && b > 12)
    return { date: String(year), warning: `${quoted(given)} has no month; kept the year ${year}` };
  if (a > 12) return fromParts(given, year, b, a); // 25/03/1971: day first
  if (b > 12) return fromParts(given, year, a, b); // 03/25/1971: month first
  if (a === b) return fromParts(given, year, a, b);
  // 05/03/1971 is 5 March in Europe and May 3 in the United States: nothing in the value says
  // which, and guessing wrong would filter out the true match on its date.
  const dm = partialDate(year, b, a);
  const md = partialDate(year, a, b);
  const readings = [dm, md].filter(Boolean);
  return {
    date: String(year),
    warning: `${quoted(given)}: day and month are ambiguous (${readings.join(' or ')}); kept the year ${year}`,
  };
}

/** Dates written with a month name: `5 Mar 1971`, `March 5, 1971`, `1971 Mar 5`, `März 1971`. */
function withMonthName(given: string, words: string[]): LooseDate | undefined {
  let month: number | undefined;
  const numbers: string[] = [];
  for (const w of words) {
    const name = MONTH_NAMES[w];
    if (name !== undefined) {
      if (month !== undefined) return undefined; // two month names: not a date we can read
      month = name;
      continue;
    }
    const ordinal = ORDINAL.exec(w);
    if (ordinal) numbers.push(ordinal[1]!);
    else if (/^\d+$/.test(w)) numbers.push(w);
    else if (!FILLER.has(w)) return undefined;
  }
  if (month === undefined) return undefined;
  const years = numbers.filter((n) => n.length === 4);
  const days = numbers.filter((n) => n.length <= 2);
  if (years.length !== 1 || days.length > 1 || years.length + days.length !== numbers.length)
    return {
      date: undefined,
      warning: `${quoted(given)} is not a date that can be read (it needs a four-digit year); dropped`,
    };
  const day = days.length ? Number(days[0]) : undefined;
  return fromParts(given, Number(years[0]), month, day);
}

/** Lower case without accents, split into words and numbers at blanks and punctuation. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)(?=[a-z])|([a-z])(?=\d)/g, '$1$2 ') // 5mar1971 → 5 mar 1971 (ordinals rejoined)
    .replace(/(\d) (st|nd|rd|th|er|re|e|o)\b/g, '$1$2')
    .split(/[\s,/\-.]+/)
    .filter(Boolean);
}

/**
 * Reads a date the way people write it. Returns the partial date kept and, when anything given
 * was dropped (an ambiguous day and month, an impossible day, an unreadable value), a warning
 * saying what. Numbers are read year-first (`1971-3-5`, `1971/03/05`) or year-last (`05/03/1971`,
 * `5.3.1971`, `03-05-1971`); two-digit years are never guessed.
 */
export function parseLooseDate(value: string): LooseDate {
  const given = value.trim();
  const unreadable = (): LooseDate => ({
    date: undefined,
    warning: `${quoted(given)} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY); dropped`,
  });
  if (!given) return { date: undefined, warning: 'empty date: dropped' };
  const text = TIMESTAMP.exec(given)?.[1] ?? given;
  if (/^\d{4}$/.test(text)) return fromParts(given, Number(text));
  if (/^\d{8}$/.test(text))
    // 19710305: compact ISO, the only order an eight-digit date is written in.
    return fromParts(
      given,
      Number(text.slice(0, 4)),
      Number(text.slice(4, 6)),
      Number(text.slice(6)),
    );
  const ym = YEAR_MONTH.exec(text);
  if (ym) {
    const [year, month] = ym[1] !== undefined ? [ym[1], ym[2]!] : [ym[4]!, ym[3]!];
    return fromParts(given, Number(year), Number(month));
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const [a, b, c] = [num[1]!, num[2]!, num[3]!];
    if (a.length === 4 && c.length <= 2) return fromParts(given, Number(a), Number(b), Number(c));
    if (c.length === 4 && a.length <= 2)
      return dayMonthYear(given, Number(a), Number(b), Number(c));
    return {
      date: undefined,
      warning: `${quoted(given)} has no four-digit year (the century cannot be guessed); dropped`,
    };
  }
  return withMonthName(given, words(text)) ?? unreadable();
}
