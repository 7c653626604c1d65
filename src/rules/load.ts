/**
 * @module
 * Loading a regime (every act file of its folder, validated) and the questions every later step
 * asks of it: which measures are in force on a date, whether a contract wind-down still runs, which
 * cap period a date falls in, and whether an HS code falls in a measure's goods.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbargoError, ERROR_CODES, refused } from '../core/index.ts';
import type { ActFile, Cap, Exemption, GoodsScope, Measure, Regime } from './types.ts';
import { isIsoDate, validateActFile, validateRegime } from './validate.ts';

/** Folder holding one sub-folder of act files per regime. */
export const REGIMES_DIR = fileURLToPath(new URL('./regimes/', import.meta.url));

const TITLES: Record<string, string> = {
  dprk: 'Democratic People’s Republic of Korea (North Korea)',
};

/** Reads and validates one act file. Throws INPUT_REFUSED naming the file on any fault. */
export function loadActFile(file: string): ActFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `${file}: cannot read the act file`,
      { file },
      err,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw refused(`${file}: not valid JSON (${(err as Error).message})`, { file }, err);
  }
  return validateActFile(data, file);
}

/**
 * Loads a regime: every `*.json` act file of `dir` (a path, or a regime id under
 * {@link REGIMES_DIR}), each validated, then checked together (unique ids, `replaces` targets).
 * Files are read in name order, so the measures' order is stable.
 */
export function loadRegime(dir: string, options: { title?: string } = {}): Regime {
  const folder = dir.includes('/') || dir.includes('\\') ? dir : join(REGIMES_DIR, dir);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${folder}: no such regime folder`, {
      file: folder,
    });
  const names = readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length === 0)
    throw refused(`${folder}: the regime folder holds no act file`, { file: folder });
  const files = names.map((n) => {
    const file = join(folder, n);
    return { file, act: loadActFile(file) };
  });
  validateRegime(files);
  const id = files[0]?.act.regime ?? basename(folder);
  const acts = files.map((f) => f.act).sort((a, b) => a.adopted.localeCompare(b.adopted));
  return {
    id,
    title: options.title ?? TITLES[id] ?? id,
    acts,
    measures: acts.flatMap((a) => a.measures),
  };
}

function checkDate(date: string, what: string): void {
  if (!isIsoDate(date))
    throw new EmbargoError(
      ERROR_CODES.INVALID_QUERY,
      `${what} ${JSON.stringify(date)} is not a date YYYY-MM-DD`,
    );
}

/** True when `date` lies in [effective, ends): `ends` is the first day the measure no longer applies. */
export function isEffective(measure: Measure, date: string): boolean {
  checkDate(date, 'date');
  return measure.effective <= date && (measure.ends === undefined || date < measure.ends);
}

/**
 * The measures in force on `date`: effective ≤ date < ends, less those replaced by a measure that
 * had taken effect by then. A replaced measure stays out even after its replacement ends or is
 * lifted: lifting a measure never revives the one it replaced.
 */
export function measuresInForce(regime: Regime, date: string): Measure[] {
  // A book judges thousands of transactions on a few hundred days: remember each day's answer.
  let byDate = inForceCache.get(regime);
  if (!byDate) inForceCache.set(regime, (byDate = new Map()));
  let hit = byDate.get(date);
  if (!hit) {
    if (byDate.size >= 10_000) byDate.clear();
    byDate.set(date, (hit = computeInForce(regime, date)));
  }
  return hit.slice();
}

const inForceCache = new WeakMap<Regime, Map<string, Measure[]>>();

function computeInForce(regime: Regime, date: string): Measure[] {
  checkDate(date, 'date');
  const replaced = new Set<string>();
  for (const m of regime.measures)
    if (m.effective <= date) for (const r of m.replaces ?? []) replaced.add(r);
  return regime.measures.filter((m) => isEffective(m, date) && !replaced.has(m.id));
}

/** The measure with this id, or an UNKNOWN_ID error. */
export function measureById(regime: Regime, id: string): Measure {
  const m = regime.measures.find((x) => x.id === id);
  if (!m) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no measure ${id} in regime ${regime.id}`);
  return m;
}

/** The measure's wind-downs: its `contract-before` exemptions with a last day (`until`). */
export function windDowns(measure: Measure): Exemption[] {
  return (measure.exemptions ?? []).filter((e) => e.kind === 'contract-before');
}

/**
 * The wind-down that lets a shipment on `date` under a contract signed on `contractDate` go ahead,
 * or undefined. A wind-down applies when the contract was signed before `contractBefore` (the
 * adoption date: "finalized prior to the adoption") and `date` is on or before `until`, the last
 * day of the window (inclusive: 2375 OP16's "up to 90 days" runs to 10 Dec 2017). Without a
 * contract date no wind-down applies. A wind-down without `until` has no end in the text.
 */
export function windDownFor(
  measure: Measure,
  date: string,
  contractDate?: string,
): Exemption | undefined {
  checkDate(date, 'date');
  if (contractDate === undefined) return undefined;
  checkDate(contractDate, 'contract date');
  return windDowns(measure).find(
    (e) =>
      e.contractBefore !== undefined &&
      contractDate < e.contractBefore &&
      (e.until === undefined || date <= e.until),
  );
}

/** Adds `days` (may be negative) to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  checkDate(date, 'date');
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The cap period `date` falls in, as `[from, to]` (both inclusive), or undefined when the date
 * lies outside every period of the cap. Annual caps repeat from `yearStart` (MM-DD): 2397 OP4's
 * crude year runs 22 Dec → 21 Dec, 2397 OP5's refined year is the calendar year.
 */
export function capPeriod(cap: Cap, date: string): { from: string; to: string } | undefined {
  checkDate(date, 'date');
  const { from, to, recurrence, yearStart } = cap.period;
  if (date < from) return undefined;
  if (recurrence !== 'annual' || yearStart === undefined) {
    if (to !== undefined && date > to) return undefined;
    return { from, to: to ?? '9999-12-31' };
  }
  const year = Number(date.slice(0, 4));
  let start = `${year}-${yearStart}`;
  if (start > date) start = `${year - 1}-${yearStart}`;
  if (start < from) start = from;
  const next = `${Number(start.slice(0, 4)) + 1}-${yearStart}`;
  const end = addDays(next, -1);
  if (to !== undefined && date > to) return undefined;
  return { from: start, to: to !== undefined && to < end ? to : end };
}

/** Digits of an HS code as typed (`2711.11`, `6109 10`, `8429`); INVALID_QUERY unless 2–10 digits in pairs. */
export function normalizeHs(hs: string): string {
  const digits = hs.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < 2 || digits.length > 10 || digits.length % 2 !== 0)
    throw new EmbargoError(
      ERROR_CODES.INVALID_QUERY,
      `${JSON.stringify(hs)} is not an HS code of 2, 4, 6, 8 or 10 digits`,
    );
  return digits;
}

/** Codes compare on at most six digits: beyond the subheading, national tariffs differ. */
const six = (code: string): string => code.slice(0, 6);

/**
 * How an HS code relates to a measure's goods, prefix-wise on at most six digits:
 * `in` when a scope code is a prefix of the code and no exclusion is;
 * `partial` when the code is broader than a scope code or contains an excluded code (some goods
 * under it are covered, some not: a heading-level declaration needs a closer look);
 * `out` otherwise, or when the goods name no HS code.
 */
export function hsRelation(goods: GoodsScope | undefined, hs: string): 'in' | 'partial' | 'out' {
  const code = six(normalizeHs(hs));
  const scope = (goods?.hs ?? []).map(six);
  const exclude = (goods?.exclude ?? []).map(six);
  if (exclude.some((x) => code.startsWith(x))) return 'out';
  if (scope.some((s) => code.startsWith(s)))
    return exclude.some((x) => x.startsWith(code)) ? 'partial' : 'in';
  return scope.some((s) => s.startsWith(code)) ? 'partial' : 'out';
}

/** True when the HS code falls wholly within the goods (see {@link hsRelation}). */
export function hsMatches(goods: GoodsScope | undefined, hs: string): boolean {
  return hsRelation(goods, hs) === 'in';
}
