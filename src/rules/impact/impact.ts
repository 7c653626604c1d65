/**
 * @module
 * What a relief scenario is worth against a baseline: for the regime as it stands on a date and as
 * the scenario would leave it, which baseline flows the lifted measures blocked, and so the value
 * re-opened per year (exports: income; imports: supplies), the fuel caps lifted (barrels a year,
 * against the pre-cap supply) and the income streams beyond goods re-opened (estimates).
 *
 * Every figure is a range (low–high): sources that disagree on one flow give its low and high, and
 * a chapter a measure covers only in part re-opens between nothing and all of it, since the
 * baseline does not say how much of the chapter the measure's goods are. Ranges add low to low
 * and high to high, so the sums by measure and by chapter are the totals. A flow with no annual
 * figure is never filled in: its measure says "no baseline figure" and shows the partial-period
 * and estimated rows as such.
 */
import { basename } from 'node:path';
import { measuresInForce } from '../load.ts';
import { applyScenario, liftedMeasures, type Scenario } from '../scenario.ts';
import type { Authority, Measure, Regime } from '../types.ts';
import type { Baseline, FuelRow, IncomeRow, TradeRow } from './baseline.ts';
import {
  coverage,
  directionOf,
  FUELS,
  ILLICIT_STREAM,
  isAnnualRevenue,
  isPreCapSupply,
  rowScope,
  STREAMS,
  type RowScope,
} from './mapping.ts';

/** A value known only within bounds. */
export interface Range {
  low: number;
  high: number;
}

/** A baseline row a figure rests on: where it is and where it comes from. */
export interface Trace {
  /** The baseline file's name and the row's line in it (the header is line 1). */
  file: string;
  line: number;
  year: string;
  /** Description (trade), product and measure (fuel) or metric (income), as the row gives it. */
  what: string;
  value?: number;
  unit: string;
  source_url: string;
  source_note: string;
  /** Who compiled it (`China`, `World (KOTRA)`) or who estimated it. */
  by: string;
  /** `PARTIAL`, `ESTIMATE` or `NOT RECORDED` as the row marks itself; `estimate` for income rows. */
  tag?: string;
}

/** Why a flow re-opens or not. */
export type FlowStatus = 'reopened' | 'partly reopened' | 'still blocked' | 'not blocked';

/** One annual goods flow of the baseline (a chapter, or a heading its description names). */
export interface GoodsFlow {
  kind: 'exports' | 'imports';
  key: string;
  label: string;
  /** The HS codes it concerns. */
  codes: string[];
  /** The flow's annual value: low and high of the sources. */
  value: Range;
  reopened: Range;
  status: FlowStatus;
  /** True when the value re-opened is a range because a measure covers the chapter only in part. */
  partial: boolean;
  /** Measures lifted that blocked it (the key it is summed under). */
  lifted: string[];
  /** Measures that still block it after the scenario. */
  still: string[];
  rows: Trace[];
}

/** A fuel whose supply the caps limit. */
export interface FuelFigure {
  key: 'refined' | 'crude';
  label: string;
  heading: string;
  /** Annual supply before the caps, barrels: low and high of the sources; absent when none. */
  supply?: Range;
  /** Binding cap, barrels a year, before and after (`null`: no cap; `frozen`: at prior supply). */
  cap: { before: number | 'frozen' | null; after: number | 'frozen' | null };
  reopened_bbl: Range;
  /** `cap above supply`: the caps lifted were at or above the pre-cap supply. */
  status: FlowStatus | 'no baseline figure' | 'cap above supply';
  lifted: string[];
  still: string[];
  rows: Trace[];
  note: string;
}

/** An income stream beyond goods (all estimates). */
export interface StreamFigure {
  key: string;
  label: string;
  reopened: Range;
  value?: Range;
  status: FlowStatus | 'no baseline figure';
  estimate: boolean;
  lifted: string[];
  still: string[];
  why: string;
  rows: Trace[];
  /** Rows of the stream that are not an annual revenue (head counts, prices). */
  context: Trace[];
}

/** The sums under one key: one lifted measure, or the measures that jointly blocked a flow. */
export interface MeasureSum {
  key: string;
  measures: { id: string; citation: string; title: string }[];
  label: string;
  /** Exports re-opened (USD a year). */
  income_goods: Range;
  /** Income beyond goods re-opened (USD a year, estimates). */
  income_streams: Range;
  /** `income_goods` + `income_streams`. */
  income: Range;
  /** Imports re-opened (USD a year). */
  supplies: Range;
  /** Fuel caps lifted (barrels a year). */
  fuel_bbl: { refined: Range; crude: Range };
  /** Keys of the flows, fuels and streams summed here. */
  figures: string[];
}

/** A chapter's sum (exports or imports). */
export interface ChapterSum {
  kind: 'exports' | 'imports';
  key: string;
  label: string;
  reopened: Range;
  partial: boolean;
  measures: string[];
  rows: Trace[];
}

/** What the scenario does to one lifted measure's flows. */
export interface LiftedMeasureImpact {
  id: string;
  citation: string;
  title: string;
  tags: string[];
  status:
    'reopens' | 'nothing re-opened' | 'no baseline figure' | 'not in the baseline' | 'unmapped';
  /** What the status means for this measure, in words. */
  reason: string;
  /** Keys of the flows, fuels and streams it re-opens. */
  figures: string[];
  /** Rows about its goods that are not annual figures: partial periods, estimates, other years. */
  context: Trace[];
}

/** The impact of one scenario on a baseline. */
export interface ScenarioImpact {
  scenario: { id: string; title: string; from: string; regime: string };
  as_of: string;
  authorities: Authority[];
  baseline: Pick<Baseline, 'dir' | 'year' | 'version' | 'sources' | 'files'>;
  totals: {
    income_goods: Range;
    income_streams: Range;
    income: Range;
    supplies: Range;
    fuel_bbl: { refined: Range; crude: Range };
  };
  by_measure: MeasureSum[];
  by_chapter: ChapterSum[];
  measures: LiftedMeasureImpact[];
  flows: GoodsFlow[];
  fuel: FuelFigure[];
  streams: StreamFigure[];
  /** Rows not summed, each with why: totals of all goods, unmapped categories, illicit income. */
  context: { totals: Trace[]; unmapped: Trace[]; not_relief: Trace[] };
  /**
   * Every row of every baseline file accounted for: read as an annual figure (re-opened or not),
   * shown as context, or neither (another year, a partial period or an estimate that no lifted
   * measure reaches).
   */
  rows: { file: string; rows: number; in_figures: number; in_context: number; not_used: number }[];
  notes: string[];
}

const ZERO: Range = { low: 0, high: 0 };
const add = (a: Range, b: Range): Range => ({ low: a.low + b.low, high: a.high + b.high });
const span = (values: number[]): Range => ({ low: Math.min(...values), high: Math.max(...values) });
const citation = (m: Measure) => `${m.citation.act} ${m.citation.paragraph}`;

function tradeTrace(row: TradeRow): Trace {
  return {
    file: basename(row.file),
    line: row.line,
    year: row.year,
    what: row.description,
    ...(row.value_usd !== undefined
      ? { value: row.value_usd }
      : row.quantity !== undefined && { value: row.quantity }),
    unit: row.value_usd !== undefined ? 'USD' : (row.unit ?? 'none'),
    source_url: row.source_url,
    source_note: row.source_note,
    by: row.partner,
    ...(row.tag && { tag: row.tag }),
  };
}

function fuelTrace(row: FuelRow): Trace {
  return {
    file: basename(row.file),
    line: row.line,
    year: row.year,
    what: `${row.flow}: ${row.product}, ${row.measure}`,
    value: row.value,
    unit: row.unit,
    source_url: row.source_url,
    source_note: row.source_note,
    by: row.status,
    ...(/estimate/.test(row.status) && { tag: 'ESTIMATE' }),
  };
}

function incomeTrace(row: IncomeRow): Trace {
  return {
    file: basename(row.file),
    line: row.line,
    year: row.year,
    what: `${row.stream}: ${row.metric}`,
    value: row.value,
    unit: row.unit,
    source_url: row.source_url,
    source_note: row.source_note,
    by: row.estimator,
    ...(row.is_estimate && { tag: 'ESTIMATE' }),
  };
}

/** Options of {@link scenarioImpact}. */
export interface ImpactOptions {
  /** The day the regime is read on; default the scenario's `from`. */
  asOf?: string;
  /** Authorities whose measures count; default `['un']`. */
  authorities?: Authority[];
}

/** Measures of `dir` among `ms` that reach `codes`, with their coverage. */
function covering(ms: Measure[], dir: Measure['direction'], codes: string[]) {
  return ms
    .filter((m) => m.direction === dir)
    .map((m) => ({ m, c: coverage(codes, m) }))
    .filter((x) => x.c === 'full' || x.c === 'partial');
}

function goodsFlows(
  baseline: Baseline,
  before: Measure[],
  after: Measure[],
  ctx: ScenarioImpact['context'],
) {
  const flows: GoodsFlow[] = [];
  for (const kind of ['exports', 'imports'] as const) {
    const groups = new Map<string, { scope: RowScope; rows: TradeRow[] }>();
    for (const row of baseline[kind]) {
      if (row.year !== String(baseline.year) || row.tag || row.value_usd === undefined) continue;
      const scope = rowScope(row);
      if (scope.unmapped) {
        (scope.key === 'TOTAL' ? ctx.totals : ctx.unmapped).push(tradeTrace(row));
        continue;
      }
      const g = groups.get(scope.key) ?? { scope, rows: [] };
      g.rows.push(row);
      groups.set(scope.key, g);
    }
    for (const { scope, rows } of groups.values()) {
      const dir = directionOf(kind);
      const b = covering(before, dir, scope.codes);
      const a = covering(after, dir, scope.codes);
      const value = span(rows.map((r) => r.value_usd!));
      const stillIds = a.map((x) => x.m.id);
      const lifted = b.filter((x) => !stillIds.includes(x.m.id)).map((x) => x.m.id);
      let status: FlowStatus;
      let reopened = ZERO;
      let partial = false;
      if (b.length === 0) status = 'not blocked';
      else if (lifted.length === 0 || a.some((x) => x.c === 'full')) status = 'still blocked';
      else if (a.length === 0 && b.some((x) => x.c === 'full')) {
        status = 'reopened';
        reopened = value;
      } else {
        // Part of the chapter re-opens and the baseline does not say how much: nothing to all.
        status = 'partly reopened';
        partial = true;
        reopened = { low: 0, high: value.high };
      }
      flows.push({
        kind,
        key: `${kind}:${scope.key}`,
        label: `HS ${scope.label}`,
        codes: scope.codes,
        value,
        reopened,
        status,
        partial,
        lifted: status === 'still blocked' ? [] : lifted,
        still: stillIds,
        rows: rows.map(tradeTrace),
      });
    }
  }
  return flows;
}

/** The cap a measure sets on a fuel, in barrels; `frozen` when it names no figure. */
function capBbl(m: Measure): number | 'frozen' {
  const q = m.cap?.quantity;
  if (!q) return 'frozen';
  if (q.unit === 'bbl') return q.amount;
  const conv = m.cap?.conversions?.find((c) => c.from === q.unit && c.to === 'bbl');
  return conv ? q.amount * conv.factor : 'frozen';
}

/** The binding cap of `ms` (the lowest), `frozen` when only a no-figure cap binds, null when none. */
function binding(ms: Measure[]): number | 'frozen' | null {
  if (ms.length === 0) return null;
  const caps = ms.map(capBbl);
  const figures = caps.filter((c): c is number => c !== 'frozen');
  return figures.length ? Math.min(...figures) : 'frozen';
}

function fuelFigures(
  baseline: Baseline,
  regime: Regime,
  before: Measure[],
  after: Measure[],
): FuelFigure[] {
  return FUELS.map((f) => {
    const capped = (ms: Measure[]) =>
      ms.filter(
        (m) =>
          m.direction === 'import' &&
          m.tags.includes('energy-cap') &&
          coverage([f.heading], m) === 'full',
      );
    const b = capped(before);
    const a = capped(after);
    const firstCapYear = Math.min(
      ...capped(regime.measures).map((m) => Number(m.effective.slice(0, 4))),
    );
    const rows = baseline.fuel.filter(
      (r) => f.product.test(r.product) && isPreCapSupply(r, firstCapYear),
    );
    const stillIds = a.map((m) => m.id);
    const lifted = b.filter((m) => !stillIds.includes(m.id)).map((m) => m.id);
    const cap = { before: binding(b), after: binding(a) };
    const base = {
      key: f.key,
      label: f.label,
      heading: f.heading,
      cap,
      still: stillIds,
      rows: rows.map(fuelTrace),
    };
    if (rows.length === 0)
      return {
        ...base,
        reopened_bbl: ZERO,
        status: 'no baseline figure' as const,
        lifted,
        note: `no annual supply in barrels before ${firstCapYear} in the baseline`,
      };
    const supply = span(rows.map((r) => r.value));
    // A cap with no figure (2375 OP15: no more than the prior twelve months) holds supply where it was.
    const held = (s: number, c: number | 'frozen' | null) =>
      c === null ? s : c === 'frozen' ? s : Math.min(s, c);
    const opened = (s: number) => held(s, cap.after) - held(s, cap.before);
    const ends = [opened(supply.low), opened(supply.high)];
    // A ban on the fuel that stays (EO 13722's on every US export) holds it whatever the caps.
    const banned = after.filter(
      (m) =>
        m.direction === 'import' &&
        !m.tags.includes('energy-cap') &&
        coverage([f.heading], m) === 'full',
    );
    const reopened_bbl = banned.length ? ZERO : span(ends);
    const status: FuelFigure['status'] =
      banned.length > 0
        ? 'still blocked'
        : b.length === 0
          ? 'not blocked'
          : lifted.length === 0
            ? 'still blocked'
            : reopened_bbl.high > 0
              ? 'reopened'
              : 'cap above supply';
    const capText = (c: number | 'frozen' | null) =>
      c === null
        ? 'no cap'
        : c === 'frozen'
          ? 'supply held at its prior level'
          : `a cap of ${c.toLocaleString('en-US')} bbl a year`;
    const note = banned.length
      ? `still banned by ${banned.map(citation).join(', ')}`
      : lifted.length === 0
        ? `${capText(cap.before)}, unchanged by the scenario`
        : `from ${capText(cap.before)} to ${capText(cap.after)}, against a pre-cap supply of ${supply.low.toLocaleString('en-US')}–${supply.high.toLocaleString('en-US')} bbl a year` +
          (reopened_bbl.high === 0
            ? ': the cap was at or above that supply, so lifting it re-opens nothing at the baseline'
            : '');
    return {
      ...base,
      supply,
      reopened_bbl,
      status,
      lifted: reopened_bbl.high > 0 ? lifted : [],
      still: [...stillIds, ...banned.map((m) => m.id)],
      note,
    };
  });
}

function streamFigures(
  baseline: Baseline,
  before: Measure[],
  after: Measure[],
  ctx: ScenarioImpact['context'],
) {
  const out: StreamFigure[] = STREAMS.map((s) => ({
    key: `stream:${s.label}`,
    label: s.label,
    reopened: ZERO,
    status: 'no baseline figure' as StreamFigure['status'],
    estimate: false,
    lifted: [],
    still: [],
    why: s.why,
    rows: [],
    context: [],
  }));
  const revenue = new Map<StreamFigure, IncomeRow[]>();
  for (const row of baseline.income) {
    const i = STREAMS.findIndex((s) => s.stream.test(row.stream));
    if (i < 0) {
      ctx.not_relief.push({
        ...incomeTrace(row),
        what: `${row.stream}: ${row.metric} (${ILLICIT_STREAM})`,
      });
      continue;
    }
    const fig = out[i]!;
    if (isAnnualRevenue(row)) revenue.set(fig, [...(revenue.get(fig) ?? []), row]);
    else fig.context.push(incomeTrace(row));
  }
  STREAMS.forEach((s, i) => {
    const fig = out[i]!;
    const rows = revenue.get(fig) ?? [];
    const b = before.filter(s.reaches);
    const a = after.filter(s.reaches);
    fig.still = a.map((m) => m.id);
    fig.rows = rows.map(incomeTrace);
    if (rows.length === 0) return;
    fig.value = span(rows.map((r) => r.value));
    fig.estimate = rows.some((r) => r.is_estimate);
    const lifted = b.filter((m) => !fig.still.includes(m.id)).map((m) => m.id);
    if (b.length === 0) fig.status = 'not blocked';
    else if (a.length > 0) fig.status = 'still blocked';
    else {
      fig.status = 'reopened';
      fig.reopened = fig.value;
      fig.lifted = lifted;
    }
  });
  return out;
}

/**
 * The impact of `scenario` on `baseline` under `regime`: see the module comment. Only measures of
 * the given authorities count; a flow any of them still blocks after the scenario is not re-opened.
 */
export function scenarioImpact(
  regime: Regime,
  scenario: Scenario,
  baseline: Baseline,
  options: ImpactOptions = {},
): ScenarioImpact {
  const asOf = options.asOf ?? scenario.from;
  const authorities = options.authorities ?? ['un'];
  const ours = (ms: Measure[]) => ms.filter((m) => authorities.includes(m.authority));
  const before = ours(measuresInForce(regime, asOf));
  const after = ours(applyScenario(regime, scenario, asOf));
  const afterIds = new Set(after.map((m) => m.id));
  const liftedIds = new Set(liftedMeasures(scenario, regime).map((l) => l.id));
  const lifted = before.filter((m) => !afterIds.has(m.id) && liftedIds.has(m.id));
  const context: ScenarioImpact['context'] = { totals: [], unmapped: [], not_relief: [] };
  const flows = goodsFlows(baseline, before, after, context);
  const fuel = fuelFigures(baseline, regime, before, after);
  const streams = streamFigures(baseline, before, after, context);

  const byId = new Map(regime.measures.map((m) => [m.id, m]));
  const sums = new Map<string, MeasureSum>();
  const sumFor = (ids: string[]): MeasureSum => {
    const key = [...ids].sort().join('+');
    let s = sums.get(key);
    if (!s) {
      const ms = ids.map((id) => byId.get(id)!);
      sums.set(
        key,
        (s = {
          key,
          measures: ms.map((m) => ({ id: m.id, citation: citation(m), title: m.title })),
          label: ms.map(citation).join(' + '),
          income_goods: ZERO,
          income_streams: ZERO,
          income: ZERO,
          supplies: ZERO,
          fuel_bbl: { refined: ZERO, crude: ZERO },
          figures: [],
        }),
      );
    }
    return s;
  };
  const totals: ScenarioImpact['totals'] = {
    income_goods: ZERO,
    income_streams: ZERO,
    income: ZERO,
    supplies: ZERO,
    fuel_bbl: { refined: ZERO, crude: ZERO },
  };
  const chapters: ChapterSum[] = [];
  for (const f of flows) {
    if (f.lifted.length === 0) continue;
    const s = sumFor(f.lifted);
    s.figures.push(f.key);
    if (f.kind === 'exports') {
      s.income_goods = add(s.income_goods, f.reopened);
      s.income = add(s.income, f.reopened);
      totals.income_goods = add(totals.income_goods, f.reopened);
      totals.income = add(totals.income, f.reopened);
    } else {
      s.supplies = add(s.supplies, f.reopened);
      totals.supplies = add(totals.supplies, f.reopened);
    }
    chapters.push({
      kind: f.kind,
      key: f.key,
      label: f.label,
      reopened: f.reopened,
      partial: f.partial,
      measures: f.lifted,
      rows: f.rows,
    });
  }
  for (const f of fuel) {
    if (f.lifted.length === 0) continue;
    const s = sumFor(f.lifted);
    s.figures.push(`fuel:${f.key}`);
    s.fuel_bbl[f.key] = add(s.fuel_bbl[f.key], f.reopened_bbl);
    totals.fuel_bbl[f.key] = add(totals.fuel_bbl[f.key], f.reopened_bbl);
  }
  for (const st of streams) {
    if (st.lifted.length === 0) continue;
    const s = sumFor(st.lifted);
    s.figures.push(st.key);
    s.income_streams = add(s.income_streams, st.reopened);
    s.income = add(s.income, st.reopened);
    totals.income_streams = add(totals.income_streams, st.reopened);
    totals.income = add(totals.income, st.reopened);
  }

  const measures = lifted.map((m): LiftedMeasureImpact => {
    const figures = [
      ...flows.filter((f) => f.lifted.includes(m.id)).map((f) => f.key),
      ...fuel.filter((f) => f.lifted.includes(m.id)).map((f) => `fuel:${f.key}`),
      ...streams.filter((s) => s.lifted.includes(m.id)).map((s) => s.key),
    ];
    const base = { id: m.id, citation: citation(m), title: m.title, tags: m.tags, figures };
    const kind =
      m.direction === 'export' ? 'exports' : m.direction === 'import' ? 'imports' : undefined;
    const contextRows = kind
      ? baseline[kind]
          .filter((r) => (r.tag || r.year !== String(baseline.year)) && !rowScope(r).unmapped)
          .filter((r) => ['full', 'partial'].includes(coverage(rowScope(r).codes, m)))
          .map(tradeTrace)
      : [];
    const fuelNote = fuel.find(
      (f) =>
        f.lifted.length === 0 &&
        coverage([f.heading], m) === 'full' &&
        m.tags.includes('energy-cap'),
    );
    if (figures.length > 0) {
      // A ban that re-opens only an income stream (seafood: fishing rights) may still have no
      // annual figure for its goods: say so, with the rows there are.
      const goodsUnmeasured =
        m.goods !== undefined && !figures.some((f) => f.startsWith(`${kind}:`));
      return {
        ...base,
        status: 'reopens',
        reason: goodsUnmeasured
          ? `re-opens ${figures.join(', ')}; its goods have no annual ${baseline.year} figure (no baseline figure)` +
            (contextRows.length ? ': the rows below are shown as such, not summed' : '')
          : 'the baseline has an annual figure for what it blocked',
        context: goodsUnmeasured ? contextRows : [],
      };
    }
    if (fuelNote && fuelNote.status !== 'no baseline figure')
      return {
        ...base,
        status: 'nothing re-opened',
        reason: `${fuelNote.label}: ${fuelNote.note}`,
        context: [],
      };
    const blockedStill = flows.filter(
      (f) => f.status === 'still blocked' && covering([m], m.direction, f.codes).length > 0,
    );
    if (m.goods && !m.goods.hs?.length && coverage([], m) === 'unmapped')
      return {
        ...base,
        status: 'unmapped',
        reason: `its goods are defined by description ("${m.goods.description ?? ''}"), not by HS code, so the baseline's chapters cannot be read against it`,
        context: [],
      };
    if (blockedStill.length > 0)
      return {
        ...base,
        status: 'nothing re-opened',
        reason: `what it blocked stays blocked by measures the scenario keeps (${blockedStill.map((f) => `${f.label}: ${f.still.join(', ')}`).join('; ')})`,
        context: [],
      };
    if (m.goods || STREAMS.some((s) => s.reaches(m)))
      return {
        ...base,
        status: 'no baseline figure',
        reason:
          `the baseline has no annual ${baseline.year} figure for the flows it blocks` +
          (contextRows.length
            ? '; the partial-period, estimated and other-year rows below are shown as such, not summed'
            : ''),
        context: contextRows,
      };
    return {
      ...base,
      status: 'not in the baseline',
      reason:
        'it restricts services, finance, vessels or ventures, for which the baseline holds no figure',
      context: [],
    };
  });

  const at = (t: Trace) => `${t.file}:${t.line}`;
  // Rows read as annual figures, whether the scenario re-opens them or not.
  const inFigures = new Set([...flows, ...fuel, ...streams].flatMap((f) => f.rows.map(at)));
  const inContext = new Set(
    [
      ...context.totals,
      ...context.unmapped,
      ...context.not_relief,
      ...measures.flatMap((m) => m.context),
      ...streams.flatMap((s) => s.context),
    ]
      .map(at)
      .filter((k) => !inFigures.has(k)),
  );
  const rowsAccount = baseline.files
    .filter((f) => f.name.endsWith('.csv'))
    .map((f) => {
      const count = (set: Set<string>) => [...set].filter((k) => k.startsWith(`${f.name}:`)).length;
      const figs = count(inFigures);
      const ctx = count(inContext);
      return {
        file: f.name,
        rows: f.rows,
        in_figures: figs,
        in_context: ctx,
        not_used: f.rows - figs - ctx,
      };
    });

  const notes = [
    `Annual figures are ${baseline.year} values in current US dollars as the sources give them (mirror statistics, mostly China's customs): a legal-trade reference, not North Korea's total income (see ${basename(baseline.sources)}).`,
    'A range low–high is either sources that disagree on one flow, or a chapter a measure covers only in part (low 0: the baseline does not say how much of the chapter the measure covers).',
    'Income beyond goods (workers, fishing rights) rests on published estimates, labelled as such.',
  ];
  if (asOf < scenario.from)
    notes.push(
      `On ${asOf} the scenario has not started (it lifts from ${scenario.from}): nothing re-opens.`,
    );
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      from: scenario.from,
      regime: scenario.regime,
    },
    as_of: asOf,
    authorities,
    baseline: {
      dir: baseline.dir,
      year: baseline.year,
      version: baseline.version,
      sources: baseline.sources,
      files: baseline.files,
    },
    totals,
    by_measure: [...sums.values()].sort(
      (x, y) =>
        y.income.high + y.supplies.high - (x.income.high + x.supplies.high) ||
        x.key.localeCompare(y.key),
    ),
    by_chapter: chapters.sort(
      (x, y) => y.reopened.high - x.reopened.high || x.key.localeCompare(y.key),
    ),
    measures,
    flows,
    fuel,
    streams,
    context,
    rows: rowsAccount,
    notes,
  };
}
