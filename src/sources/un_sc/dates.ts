/**
 * @module
 * Dates of birth as the UN writes them in `<INDIVIDUAL_DATE_OF_BIRTH>`: TYPE_OF_DATE EXACT or
 * APPROXIMATELY with a DATE or a YEAR, BETWEEN with FROM_YEAR/TO_YEAR, and a free NOTE that
 * sometimes is the only date given ("Nov. 1973", "Between Aug. and Sep. 1977").
 */
import { monthNumber, partialDate } from '../../core/index.ts';
import { xmlChild, xmlText, type XmlElement } from '../_xml.ts';
import { childDate, dropValue, type RecordContext } from './fields.ts';

/** What one date-of-birth element yields. */
export interface BirthDates {
  /** Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
  dates: string[];
  /** Statements that are not dates we can write (Hijri dates, "30-35 years old"), for `notes`. */
  notes: string[];
}

const TYPES = new Set(['EXACT', 'APPROXIMATELY', 'BETWEEN']);
/** A BETWEEN range wider than this is more likely a typo than a statement; only its ends are kept. */
const MAX_SPAN = 20;
/** "Nov. 1973", "August 1961", "Between Aug. and Sep. 1977". */
const MONTH_YEAR = /^(?:between\s+)?([a-z]+)\.?(?:\s+and\s+([a-z]+)\.?)?\s+(\d{4})$/i;
/** A note that is only a month ("Sep.") refines the YEAR beside it. */
const MONTH_ONLY = /^([a-z]+)\.?$/i;
/** Notes that only qualify the date the element already gives. */
const QUALIFIER = /^approx(?:imately|\.)?$/i;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month number of an English month name or its abbreviation ("Sep", "Sept"); not of "Marvel". */
function month(name: string): number | undefined {
  const n = monthNumber(name);
  const lower = name.toLowerCase();
  return n !== undefined && lower.length >= 3 && MONTHS[n - 1]!.startsWith(lower) ? n : undefined;
}

/** Reads one `<INDIVIDUAL_DATE_OF_BIRTH>`, dropping impossible dates with a warning. */
export function birthDates(ctx: RecordContext, el: XmlElement): BirthDates {
  const out: BirthDates = { dates: [], notes: [] };
  const type = xmlText(el, 'TYPE_OF_DATE')?.toUpperCase();
  if (type && !TYPES.has(type))
    dropValue(ctx, el, 'TYPE_OF_DATE', `unknown TYPE_OF_DATE "${type}"; dates read as stated`);
  const note = xmlText(el, 'NOTE');
  let noteUsed = false;

  const date = childDate(ctx, el, 'DATE');
  if (date) out.dates.push(date);

  const yearText = xmlText(el, 'YEAR');
  if (yearText) {
    const only = note ? MONTH_ONLY.exec(note) : null;
    const m = only ? month(only[1]!) : undefined;
    const y = year(ctx, el, 'YEAR', yearText);
    if (y !== undefined) {
      out.dates.push(partialDate(y, m) ?? String(y));
      noteUsed = m !== undefined;
    }
  }

  const fromText = xmlText(el, 'FROM_YEAR');
  const toText = xmlText(el, 'TO_YEAR');
  if (fromText || toText) {
    const from = fromText ? year(ctx, el, 'FROM_YEAR', fromText) : undefined;
    const to = toText ? year(ctx, el, 'TO_YEAR', toText) : undefined;
    if (from !== undefined && to !== undefined && to >= from && to - from <= MAX_SPAN) {
      for (let y = from; y <= to; y++) out.dates.push(String(y));
    } else {
      if (from !== undefined && to !== undefined)
        dropValue(ctx, el, 'TO_YEAR', `range ${from}–${to} not expanded; only its ends are kept`);
      if (from !== undefined) out.dates.push(String(from));
      if (to !== undefined && to !== from) out.dates.push(String(to));
    }
  }

  if (note && !noteUsed) {
    const fromNote = out.dates.length ? [] : datesInNote(note);
    if (fromNote.length) out.dates.push(...fromNote);
    else if (!QUALIFIER.test(note))
      out.notes.push(
        out.dates.length
          ? `Date of birth ${out.dates.join(', ')}: ${note}`
          : `Date of birth: ${note}`,
      );
  }
  return out;
}

/** The dates a free-text note states, when it is a month and year (or two months of one year). */
function datesInNote(note: string): string[] {
  if (/^\d{4}$/.test(note)) {
    const d = partialDate(Number(note));
    return d ? [d] : [];
  }
  const m = MONTH_YEAR.exec(note);
  if (!m) return [];
  const y = Number(m[3]);
  const out: string[] = [];
  for (const name of [m[1], m[2]]) {
    if (!name) continue;
    const n = month(name);
    if (n === undefined) return [];
    const d = partialDate(y, n);
    if (d) out.push(d);
  }
  return out;
}

/** A four-digit year within the plausible range, or undefined with a warning at the child's line. */
function year(ctx: RecordContext, el: XmlElement, field: string, text: string): number | undefined {
  if (/^\d{4}$/.test(text) && partialDate(Number(text))) return Number(text);
  dropValue(ctx, xmlChild(el, field) ?? el, field, `invalid year "${text}" dropped from ${field}`);
  return undefined;
}
