/**
 * @module
 * Formatting shared by the pages: scores, money, countries, dates, ages.
 */

const numbers = new Intl.NumberFormat('en-GB');
let regionNames: Intl.DisplayNames | undefined;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
} catch {
  regionNames = undefined; // an old browser: show the bare codes
}

/** A score as two decimals (the engine rounds to three; two read faster). */
export function score(n: number): string {
  return n.toFixed(2);
}

/** A count with thousands separators. */
export function count(n: number): string {
  return numbers.format(n);
}

/** Amounts by currency: `USD 640,000 · EUR 90,000`, or an em dash when empty. */
export function money(byCurrency: Record<string, number> | undefined): string {
  const parts = Object.entries(byCurrency ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cur, amount]) => `${cur} ${numbers.format(amount)}`);
  return parts.length ? parts.join(' · ') : '—';
}

/** `KP (North Korea)` for an ISO code the browser knows, else the code upper-cased. */
export function country(code: string): string {
  const up = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(up)) return code;
  let name: string | undefined;
  try {
    name = regionNames?.of(up);
  } catch {
    name = undefined;
  }
  return name && name !== up ? `${up} (${name})` : up;
}

/** Whole days from an ISO date (or timestamp) to now. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.floor((now - Date.parse(iso)) / 86_400_000);
}

/** `3 days`, `1 day`, `14 months`… for an age in days. */
export function age(days: number): string {
  if (days < 0) return 'in the future';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 730) return `${Math.round(days / 30.4)} months`;
  return `${(days / 365.25).toFixed(1)} years`;
}

/** The date part of an ISO timestamp. */
export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}
