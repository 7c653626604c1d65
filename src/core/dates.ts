/**
 * @module
 * Partial dates as FollowTheMoney writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Years outside this window are data errors (the DPL has a Last_Update in 2922). */
export const MIN_YEAR = 1800;
/** Latest plausible year for any date a list states (expiry dates run decades ahead). */
export const MAX_YEAR = 2150;

/** True when `value` is a real calendar date in FtM's partial-date form. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * Builds a partial date from parts, or returns undefined when the parts do not make one.
 * A zero month or day (`00/00/1980` in OFSI files) means "unknown" and shortens the date.
 */
export function partialDate(year: number, month?: number, day?: number): string | undefined {
  const y = String(year).padStart(4, '0');
  let out = y;
  if (month) {
    out += '-' + String(month).padStart(2, '0');
    if (day) out += '-' + String(day).padStart(2, '0');
  }
  return isPartialDate(out) ? out : undefined;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Month number for an English month name or abbreviation, or undefined. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)];
}
