/**
 * @module
 * Caps (2321 OP26's coal, 2375 OP14 and 2397 OP4–5's petroleum): what a goods line adds to a cap
 * in the cap's own unit, and a ledger of what earlier transactions used, by period. The ledger is
 * keyed by transaction id, so judging a transaction again replaces its entry instead of counting
 * it twice. The engine keeps it between runs in its store (a ledger by name, written whole).
 */
import { EmbargoError, ERROR_CODES, refused } from '../../core/index.ts';
import { capPeriod } from '../load.ts';
import type { Cap, Measure } from '../types.ts';
import type { TxGoods, Unit } from './transaction.ts';
import { normalizeUnit } from './transaction.ts';
import type { CapState } from './verdict.ts';

/** What one transaction used of one cap in one period. */
export interface CapUse {
  measure: string;
  /** First day of the period (the period's key). */
  period: string;
  /** In the cap's quantity unit. */
  quantity: number;
  /** In the cap's value currency. */
  value: number;
}

/** An opening balance (--cap-usage): what was used before the first transaction of the run. */
export interface OpeningBalance {
  measure: string;
  /** First day of the period, e.g. `2018-01-01`. */
  period: string;
  quantity?: number;
  unit?: string;
  value?: number;
  currency?: string;
}

/** SI multiples of one unit convert without the act; nothing else does. */
const SCALE: Partial<Record<Unit, { base: string; factor: number }>> = {
  t: { base: 'mass', factor: 1000 },
  kg: { base: 'mass', factor: 1 },
  g: { base: 'mass', factor: 0.001 },
  m3: { base: 'volume', factor: 1000 },
  l: { base: 'volume', factor: 1 },
};

/**
 * `amount` of `from` expressed in `to`, or undefined when no conversion is allowed. Same unit or
 * SI multiples (kg → t) convert; between kinds (barrels ↔ tonnes) only by a factor the act itself
 * gives in `conversions` (2397 OP4: "4 million barrels or 525,000 tons").
 */
export function convert(amount: number, from: string, to: string, cap?: Cap): number | undefined {
  const f = normalizeUnit(from);
  const t = normalizeUnit(to);
  if (!f || !t) return undefined;
  if (f === t) return amount;
  const sf = SCALE[f];
  const st = SCALE[t];
  if (sf && st && sf.base === st.base) return (amount * sf.factor) / st.factor;
  for (const c of cap?.conversions ?? []) {
    const cf = normalizeUnit(c.from);
    const ct = normalizeUnit(c.to);
    if (!cf || !ct) continue;
    // Direct, reversed, or via an SI multiple on the from side (kg of crude → t → bbl).
    const into = (x: number, unit: Unit): number | undefined =>
      unit === cf
        ? x
        : SCALE[unit] && SCALE[cf] && SCALE[unit]!.base === SCALE[cf]!.base
          ? (x * SCALE[unit]!.factor) / SCALE[cf]!.factor
          : undefined;
    if (ct === t) {
      const x = into(amount, f);
      if (x !== undefined) return x * c.factor;
    }
    if (cf === t && ct === f) return amount / c.factor;
  }
  return undefined;
}

/** The ledger of cap usage for one run (or across runs, with a file). */
export class CapLedger {
  private readonly entries = new Map<string, CapUse[]>();
  private readonly opening: CapUse[] = [];

  /**
   * @param kept what transactions of earlier runs used (the ledger as its store kept it);
   *   without it the ledger starts empty.
   * @param opening opening balances (--cap-usage).
   */
  constructor(
    kept: Readonly<Record<string, CapUse[]>> = {},
    opening: OpeningBalance[] = [],
    private readonly measures: Measure[] = [],
  ) {
    for (const [id, uses] of Object.entries(kept)) {
      if (!Array.isArray(uses)) throw refused(`cap ledger: /entries/${id} must be an array`, {});
      this.entries.set(id, uses);
    }
    for (const [i, b] of opening.entries()) this.opening.push(this.openingUse(b, i));
  }

  private openingUse(b: OpeningBalance, i: number): CapUse {
    const m = this.measures.find((x) => x.id === b.measure);
    const where = `cap usage entry ${i}`;
    if (this.measures.length && (!m || !m.cap))
      throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `${where}: no capped measure ${b.measure}`);
    let quantity = b.quantity ?? 0;
    if (m?.cap?.quantity && b.quantity !== undefined) {
      const q = convert(b.quantity, b.unit ?? m.cap.quantity.unit, m.cap.quantity.unit, m.cap);
      if (q === undefined)
        throw new EmbargoError(
          ERROR_CODES.INVALID_QUERY,
          `${where}: ${b.unit} does not convert to ${m.cap.quantity.unit}`,
          { field: `/${i}/unit` },
        );
      quantity = q;
    }
    if (m?.cap?.value && b.currency && b.currency.toUpperCase() !== m.cap.value.currency)
      throw new EmbargoError(
        ERROR_CODES.INVALID_QUERY,
        `${where}: the cap is in ${m.cap.value.currency}, not ${b.currency}`,
        { field: `/${i}/currency` },
      );
    return { measure: b.measure, period: b.period, quantity, value: b.value ?? 0 };
  }

  /** What the opening balance and every transaction but `except` used of a cap in a period. */
  used(measure: string, period: string, except?: string): { quantity: number; value: number } {
    let quantity = 0;
    let value = 0;
    const add = (u: CapUse) => {
      if (u.measure !== measure || u.period !== period) return;
      quantity += u.quantity;
      value += u.value;
    };
    this.opening.forEach(add);
    for (const [id, uses] of this.entries) if (id !== except) uses.forEach(add);
    return { quantity, value };
  }

  /** Records (or replaces) what a transaction used; an empty list removes it. */
  record(id: string, uses: CapUse[]): void {
    if (uses.length) this.entries.set(id, uses);
    else this.entries.delete(id);
  }

  /**
   * What each transaction used, by transaction id in order, for the store to keep between runs
   * (the rules write no files: where a ledger is kept is the engine's business).
   */
  toEntries(): Record<string, CapUse[]> {
    return Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * Checks opening balances (`--cap-usage`, read by the CLI): a JSON array of
 * {@link OpeningBalance}. `source` names where they came from in errors (a file).
 */
export function parseOpeningBalances(data: unknown, source: string): OpeningBalance[] {
  const file = source;
  if (!Array.isArray(data))
    throw refused(`${file}: cap usage must be an array of {measure, period, quantity, unit}`, {
      file,
    });
  data.forEach((b: unknown, i) => {
    const o = b as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o.measure !== 'string')
      throw refused(`${file}: /${i}/measure: a measure id is required`, { file, field: `/${i}` });
    if (typeof o.period !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.period))
      throw refused(`${file}: /${i}/period: the first day of the period, YYYY-MM-DD`, {
        file,
        field: `/${i}/period`,
      });
  });
  return data as OpeningBalance[];
}

/** The outcome of one goods line against one capped measure. */
export interface CapCheck {
  state: CapState;
  /** What to record in the ledger, unless the cap is passed or unknown. */
  use?: CapUse;
}

/**
 * Checks goods lines against a capped measure on `date`, given what others used. The lines'
 * quantities and values add up; "whichever is lower" (`combine: 'lower'`) means passing either
 * limit passes the cap (2321 OP26(b)). A quantity in a unit the act gives no conversion for, a
 * missing quantity, or a value in another currency makes the state `unknown`.
 */
export function checkCap(
  measure: Measure,
  goods: TxGoods[],
  date: string,
  ledger: CapLedger,
  txId: string,
): CapCheck | undefined {
  const cap = measure.cap;
  if (!cap) return undefined;
  const period = capPeriod(cap, date);
  if (!period) return undefined;
  const citation = `${measure.citation.act} ${measure.citation.paragraph}`;
  const before = ledger.used(measure.id, period.from, txId);
  const limit: CapState['limit'] = {
    ...(cap.quantity && { quantity: cap.quantity.amount, unit: cap.quantity.unit }),
    ...(cap.value && { value: cap.value.amount, currency: cap.value.currency }),
  };
  let quantity = 0;
  let value = 0;
  const problems: string[] = [];
  for (const g of goods) {
    if (cap.quantity) {
      if (g.quantity === undefined || g.unit === undefined)
        problems.push(`goods ${g.hs} state no quantity`);
      else {
        const q = convert(g.quantity, g.unit, cap.quantity.unit, cap);
        if (q === undefined)
          problems.push(
            `${g.quantity} ${g.unit} does not convert to ${cap.quantity.unit}: the act gives no conversion`,
          );
        else quantity += q;
      }
    }
    if (cap.value) {
      if (!g.value) {
        if (!cap.quantity) problems.push(`goods ${g.hs} state no value`);
      } else if (g.value.currency !== cap.value.currency)
        problems.push(`value in ${g.value.currency}, the cap is in ${cap.value.currency}`);
      else value += g.value.amount;
    }
  }
  const thisTx = { quantity, value };
  const base = {
    measure: measure.id,
    citation,
    period,
    limit,
    used_before: before,
    this_transaction: thisTx,
  };
  if (problems.length) return { state: { ...base, state: 'unknown', detail: problems.join('; ') } };
  const overQ = cap.quantity !== undefined && before.quantity + quantity > cap.quantity.amount;
  const overV = cap.value !== undefined && before.value + value > cap.value.amount;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const q = cap.quantity
    ? `${fmt(before.quantity + quantity)} of ${fmt(cap.quantity.amount)} ${cap.quantity.unit}`
    : '';
  const v = cap.value
    ? `${fmt(before.value + value)} of ${fmt(cap.value.amount)} ${cap.value.currency}`
    : '';
  const totals = [q, v].filter(Boolean).join(' and ');
  if (overQ || overV)
    return {
      state: {
        ...base,
        state: 'over',
        detail: `would take ${period.from}…${period.to} to ${totals}: over the cap`,
      },
    };
  return {
    state: { ...base, state: 'under', detail: `${totals} used in ${period.from}…${period.to}` },
    use: { measure: measure.id, period: period.from, quantity, value },
  };
}
