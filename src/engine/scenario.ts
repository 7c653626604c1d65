/**
 * @module
 * Relief scenarios through the engine (issue 4, step 7): the shipped scenarios, what one lifts,
 * and a book judged twice, as the regime stands and as if the scenario had been adopted, with the
 * verdicts that change summed by lifted measure and by HS chapter, in count and value.
 */
import type { EmbargoError } from '../core/index.ts';
import { readBook, type BookRecords } from './book.ts';
import {
  type Reason,
  type Transaction,
  type TradeVerdict,
  type Verdict,
} from '../rules/check/index.ts';
import {
  liftedMeasures,
  listScenarios,
  loadScenario,
  measureById,
  type LiftRule,
  type Scenario,
} from '../rules/index.ts';
import {
  judgeOne,
  judgingOrder,
  openLedger,
  slicer,
  recurringNames,
  regimeFor,
  type Screening,
  type TradeOptions,
} from './trade.ts';

/** A scenario as `embargo scenario list` shows it. */
export interface ScenarioSummary {
  id: string;
  regime: string;
  title: string;
  from: string;
  /** How many measures it lifts. */
  lifts: number;
}

/** One lifted measure as `embargo scenario show` shows it. */
export interface LiftedMeasureView {
  id: string;
  citation: string;
  title: string;
  authority: string;
  tags: string[];
  /** Index of the rule in `rules` that lifted it, and whether by id or by tag. */
  rule: number;
  by: 'id' | 'tag';
  /** True when the rule that lifted it is our reading of the sources, not what they say. */
  inferred: boolean;
}

/** What a scenario lifts, with its rules and their sources. */
export interface ScenarioView {
  id: string;
  regime: string;
  title: string;
  from: string;
  notes?: string;
  rules: LiftRule[];
  keeps?: Scenario['keeps'];
  lifted: LiftedMeasureView[];
}

/** Every shipped scenario. */
export function scenarioSummaries(): ScenarioSummary[] {
  return listScenarios().map((id) => {
    const s = loadScenario(id);
    return {
      id: s.id,
      regime: s.regime,
      title: s.title,
      from: s.from,
      lifts: liftedMeasures(s, regimeFor(s.regime)).length,
    };
  });
}

/** One scenario with the measures it lifts (NOT_FOUND for an unknown id). */
export function showScenario(id: string): ScenarioView {
  const s = loadScenario(id);
  const regime = regimeFor(s.regime);
  return {
    id: s.id,
    regime: s.regime,
    title: s.title,
    from: s.from,
    ...(s.notes && { notes: s.notes }),
    rules: s.lifts,
    ...(s.keeps && { keeps: s.keeps }),
    lifted: liftedMeasures(s, regime).map((l) => {
      const m = measureById(regime, l.id);
      return {
        id: l.id,
        citation: `${m.citation.act} ${m.citation.paragraph}`,
        title: m.title,
        authority: m.authority,
        tags: m.tags,
        rule: l.rule,
        by: l.by,
        inferred: l.inferred,
      };
    }),
  };
}

/** Options of {@link runScenario}. */
export interface ScenarioRunOptions extends Omit<TradeOptions, 'scenario' | 'ledger' | 'regime'> {
  /** Scenario id. */
  scenario: string;
  /** Names the book in the answer and in its errors (a file name); default `request body`. */
  book?: string;
  /** Hears how many judgements are made, of `total` (each transaction is judged twice). */
  onProgress?: (done: number, total: number) => void;
}

/** A lifted measure a transaction's verdict rested on. */
export interface LiftedCited {
  measure: string;
  citation: string;
}

/** One transaction, judged before and after. */
export interface ScenarioTxResult {
  id: string;
  line: number;
  date: string;
  kind: Transaction['kind'];
  goods: { hs: string; description?: string; value?: { amount: number; currency: string } }[];
  before: Verdict;
  after: Verdict;
  /** The verdict differs. */
  changed: boolean;
  /** Lifted measures cited before and not after: what the relief took away. */
  lifted: LiftedCited[];
  /** The reasons of each verdict. */
  reasons: { before: Reason[]; after: Reason[] };
}

/** Flips summed under one key (a measure, an HS chapter). */
export interface FlipSum {
  key: string;
  /** The measure's citation, or the chapter's `HS 27`. */
  label: string;
  /** Transactions whose verdict changed. */
  count: number;
  /** Value of the goods lines concerned, by currency. */
  value: Record<string, number>;
  /** Transactions, by their verdict change (`BLOCK→CLEAR`). */
  flips: Record<string, number>;
}

/** The answer of {@link runScenario}. */
export interface ScenarioRun {
  scenario: { id: string; title: string; from: string; regime: string };
  authorities: string[];
  book: string;
  transactions: ScenarioTxResult[];
  by_measure: FlipSum[];
  by_chapter: FlipSum[];
  totals: {
    transactions: number;
    changed: number;
    before: Record<Verdict, number>;
    after: Record<Verdict, number>;
    /** Value of the goods of the changed transactions, by currency. */
    value: Record<string, number>;
  };
  /** Bad lines of the book (not judged). */
  errors: EmbargoError[];
}

/** Goods line indexes a reason's subject names (`/goods/0, /goods/2`, `/goods/1/hs`). */
function goodsLines(subject: string | undefined): number[] {
  return [...(subject ?? '').matchAll(/\/goods\/(\d+)/g)].map((m) => Number(m[1]));
}

function addValue(to: Record<string, number>, v?: { amount: number; currency: string }): void {
  if (v) to[v.currency] = (to[v.currency] ?? 0) + v.amount;
}

/** One item of a scenario run's stream: a transaction judged before and after, or a bad record. */
export type ScenarioItem = ScenarioTxResult | { line: number; error: EmbargoError };

/**
 * Judges every transaction of a book twice, each run in date order on its own cap ledger: as the
 * regime stands, then with the scenario applied. The records (objects, JSON lines or errors, see
 * `BookReader`) are parsed as they arrive; the whole book is read before the first item, as
 * a cap fills in date order. Yields one item per record (blank lines aside), in the records'
 * order. {@link runScenario} sums them.
 */
export async function* scenarioStream(
  engine: Screening,
  records: BookRecords,
  options: ScenarioRunOptions,
): AsyncGenerator<ScenarioItem> {
  const scenario = loadScenario(options.scenario);
  const regime = regimeFor(scenario.regime);
  const lifted = new Set(liftedMeasures(scenario, regime).map((l) => l.id));
  const book = await readBook(records, options.book ?? 'request body');
  const order = judgingOrder(book, options);
  // The book is judged twice, before and after: every name it asks, it asks again.
  const again = recurringNames(order.flatMap((p) => [p.tx, p.tx]));
  const { onProgress, book: _book, ...rest } = options;
  const base: TradeOptions = { ...rest, regime: scenario.regime };
  delete base.scenario;
  // Judged in slices that let the event loop in: a server's other requests wait at most a slice.
  const pause = slicer();
  let done = 0;
  const judgeAll = async (opts: TradeOptions): Promise<Map<number, TradeVerdict>> => {
    const ledger = openLedger(opts);
    const out = new Map<number, TradeVerdict>();
    for (const p of order) {
      out.set(p.line, judgeOne(engine, p.tx, opts, ledger, undefined, again));
      onProgress?.(++done, order.length * 2);
      await pause();
    }
    return out;
  };
  await engine.screening.refresh();
  const before = await judgeAll(base);
  const after = await judgeAll({ ...base, scenario: scenario.id });
  const bad = new Map(book.bad.map((b) => [b.line, b.error]));
  const txs = new Map(book.parsed.map((p) => [p.line, p.tx]));
  const lines = [...bad.keys(), ...txs.keys()].sort((x, y) => x - y);
  for (const line of lines) {
    const error = bad.get(line);
    if (error) yield { line, error };
    else yield compared(line, txs.get(line)!, before.get(line)!, after.get(line)!, lifted);
  }
}

/** One transaction's verdicts before and after, with the lifted measures it no longer cites. */
function compared(
  line: number,
  tx: Transaction,
  b: TradeVerdict,
  a: TradeVerdict,
  lifted: ReadonlySet<string>,
): ScenarioTxResult {
  const afterMeasures = new Set(a.reasons.map((r) => r.measure));
  const liftedCited: LiftedCited[] = [];
  for (const r of b.reasons)
    if (
      r.measure !== undefined &&
      lifted.has(r.measure) &&
      !afterMeasures.has(r.measure) &&
      !liftedCited.some((c) => c.measure === r.measure)
    )
      liftedCited.push({ measure: r.measure, citation: r.citation ?? r.measure });
  return {
    id: tx.id,
    line,
    date: b.date,
    kind: tx.kind,
    goods: tx.goods.map((g) => ({
      hs: g.hs,
      ...(g.description && { description: g.description }),
      ...(g.value && { value: g.value }),
    })),
    before: b.verdict,
    after: a.verdict,
    changed: b.verdict !== a.verdict,
    lifted: liftedCited,
    reasons: { before: b.reasons, after: a.reasons },
  };
}

/**
 * Judges a book before and after a scenario ({@link scenarioStream}) and sums the changed verdicts
 * by the lifted measures they rested on and by the HS chapter of the goods those measures reached
 * (`services` for a transaction without goods), in count and value by currency.
 */
export async function runScenario(
  engine: Screening,
  records: BookRecords,
  options: ScenarioRunOptions,
): Promise<ScenarioRun> {
  const scenario = loadScenario(options.scenario);
  const byMeasure = new Map<string, FlipSum>();
  const byChapter = new Map<string, FlipSum>();
  const sum = (map: Map<string, FlipSum>, key: string, label: string): FlipSum => {
    let s = map.get(key);
    if (!s) map.set(key, (s = { key, label, count: 0, value: {}, flips: {} }));
    return s;
  };
  const count = { CLEAR: 0, REVIEW: 0, BLOCK: 0 };
  const totals: ScenarioRun['totals'] = {
    transactions: 0,
    changed: 0,
    before: { ...count },
    after: { ...count },
    value: {},
  };
  const transactions: ScenarioTxResult[] = [];
  const errors: EmbargoError[] = [];
  for await (const item of scenarioStream(engine, records, options)) {
    if ('error' in item) {
      errors.push(item.error);
      continue;
    }
    transactions.push(item);
    totals.transactions++;
    totals.before[item.before]++;
    totals.after[item.after]++;
    if (!item.changed) continue;
    totals.changed++;
    for (const g of item.goods) addValue(totals.value, g.value);
    const flip = `${item.before}→${item.after}`;
    const measures = new Set(item.lifted.map((c) => c.measure));
    const cited = item.reasons.before.filter((r) => r.measure && measures.has(r.measure));
    for (const c of item.lifted) {
      const s = sum(byMeasure, c.measure, c.citation);
      s.count++;
      s.flips[flip] = (s.flips[flip] ?? 0) + 1;
      const lines = new Set(
        cited.filter((r) => r.measure === c.measure).flatMap((r) => goodsLines(r.subject)),
      );
      for (const i of lines) addValue(s.value, item.goods[i]?.value);
    }
    // Chapters of the goods lines the lifted measures reached; services when none.
    const lines = new Set(cited.flatMap((r) => goodsLines(r.subject)));
    const chapters = new Map<string, number[]>();
    for (const i of lines) {
      const ch = item.goods[i]?.hs.slice(0, 2);
      if (ch) chapters.set(ch, [...(chapters.get(ch) ?? []), i]);
    }
    if (chapters.size === 0) chapters.set('services', []);
    for (const [ch, idx] of chapters) {
      const s = sum(byChapter, ch, ch === 'services' ? 'services (no goods)' : `HS ${ch}`);
      s.count++;
      s.flips[flip] = (s.flips[flip] ?? 0) + 1;
      for (const i of idx) addValue(s.value, item.goods[i]?.value);
    }
  }
  const sorted = (m: Map<string, FlipSum>) =>
    [...m.values()].sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      from: scenario.from,
      regime: scenario.regime,
    },
    authorities: options.authorities ?? ['un'],
    book: options.book ?? 'request body',
    transactions,
    by_measure: sorted(byMeasure),
    by_chapter: sorted(byChapter),
    totals,
    errors,
  };
}
