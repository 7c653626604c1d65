/**
 * @module
 * Two scenarios' impacts side by side, on the same baseline and date: the measures one lifts and
 * the other keeps, and the value at stake in each, so the gap between two accounts of one deal
 * (Hanoi 2019) reads in measures and dollars. Differences are taken low from low and high from
 * high: both impacts read the same baseline rows, so a flow's uncertainty is the same on each side.
 */
import type { MeasureSum, Range, ScenarioImpact } from './impact.ts';

/** Figures of a sum, or of the totals. */
export interface Figures {
  income_goods: Range;
  income_streams: Range;
  income: Range;
  supplies: Range;
  fuel_bbl: { refined: Range; crude: Range };
}

/** One key (a measure, or measures that jointly blocked a flow) on which the two differ. */
export interface GapEntry {
  key: string;
  label: string;
  /** The measures of the key lifted by only one of the two scenarios. */
  differing: string[];
  a: Figures;
  b: Figures;
  /** `b` − `a`. */
  difference: Figures;
  figures: string[];
}

/** A measure one scenario lifts and the other does not. */
export interface DifferingMeasure {
  id: string;
  citation: string;
  title: string;
  /** Which scenario lifts it. */
  lifted_by: 'a' | 'b';
  /** Its status in the impact of the scenario that lifts it. */
  status: string;
  reason: string;
  /** Keys of the gap entries its value is counted in (empty: no baseline figure for it). */
  gap: string[];
}

/** The comparison. */
export interface ImpactComparison {
  a: ScenarioImpact['scenario'];
  b: ScenarioImpact['scenario'];
  as_of: string;
  authorities: string[];
  baseline: ScenarioImpact['baseline'];
  totals: { a: Figures; b: Figures; difference: Figures };
  /** The keys whose figures differ; their differences sum to the difference of the totals. */
  gap: GapEntry[];
  /** Measures lifted by one scenario only. */
  measures: DifferingMeasure[];
  /** Measures both lift. */
  common: string[];
  impacts: { a: ScenarioImpact; b: ScenarioImpact };
}

const ZERO: Range = { low: 0, high: 0 };
const sub = (x: Range, y: Range): Range => ({ low: x.low - y.low, high: x.high - y.high });
const isZero = (r: Range) => r.low === 0 && r.high === 0;

function figures(s: MeasureSum | ScenarioImpact['totals'] | undefined): Figures {
  return {
    income_goods: s?.income_goods ?? ZERO,
    income_streams: s?.income_streams ?? ZERO,
    income: s?.income ?? ZERO,
    supplies: s?.supplies ?? ZERO,
    fuel_bbl: { refined: s?.fuel_bbl.refined ?? ZERO, crude: s?.fuel_bbl.crude ?? ZERO },
  };
}

function minus(b: Figures, a: Figures): Figures {
  return {
    income_goods: sub(b.income_goods, a.income_goods),
    income_streams: sub(b.income_streams, a.income_streams),
    income: sub(b.income, a.income),
    supplies: sub(b.supplies, a.supplies),
    fuel_bbl: {
      refined: sub(b.fuel_bbl.refined, a.fuel_bbl.refined),
      crude: sub(b.fuel_bbl.crude, a.fuel_bbl.crude),
    },
  };
}

const allZero = (f: Figures) =>
  [
    f.income,
    f.supplies,
    f.fuel_bbl.refined,
    f.fuel_bbl.crude,
    f.income_goods,
    f.income_streams,
  ].every(isZero);

/** Compares two impacts computed on the same baseline, date and authorities. */
export function compareImpacts(a: ScenarioImpact, b: ScenarioImpact): ImpactComparison {
  const liftedA = new Set(a.measures.map((m) => m.id));
  const liftedB = new Set(b.measures.map((m) => m.id));
  const onlyOne = (id: string) => liftedA.has(id) !== liftedB.has(id);
  const keys = [...new Set([...a.by_measure, ...b.by_measure].map((s) => s.key))];
  const gap: GapEntry[] = [];
  for (const key of keys) {
    const sa = a.by_measure.find((s) => s.key === key);
    const sb = b.by_measure.find((s) => s.key === key);
    const fa = figures(sa);
    const fb = figures(sb);
    const difference = minus(fb, fa);
    if (allZero(difference)) continue;
    const s = (sb ?? sa)!;
    gap.push({
      key,
      label: s.label,
      differing: s.measures.map((m) => m.id).filter(onlyOne),
      a: fa,
      b: fb,
      difference,
      figures: [...new Set([...(sa?.figures ?? []), ...(sb?.figures ?? [])])],
    });
  }
  gap.sort(
    (x, y) =>
      Math.abs(y.difference.income.high) +
        Math.abs(y.difference.supplies.high) -
        (Math.abs(x.difference.income.high) + Math.abs(x.difference.supplies.high)) ||
      x.key.localeCompare(y.key),
  );
  const measures: DifferingMeasure[] = [
    ...a.measures.filter((m) => !liftedB.has(m.id)).map((m) => ({ m, by: 'a' as const })),
    ...b.measures.filter((m) => !liftedA.has(m.id)).map((m) => ({ m, by: 'b' as const })),
  ].map(({ m, by }) => ({
    id: m.id,
    citation: m.citation,
    title: m.title,
    lifted_by: by,
    status: m.status,
    reason: m.reason,
    gap: gap.filter((g) => g.differing.includes(m.id)).map((g) => g.key),
  }));
  const ta = figures(a.totals);
  const tb = figures(b.totals);
  return {
    a: a.scenario,
    b: b.scenario,
    as_of: a.as_of,
    authorities: a.authorities,
    baseline: a.baseline,
    totals: { a: ta, b: tb, difference: minus(tb, ta) },
    gap,
    measures,
    common: a.measures.filter((m) => liftedB.has(m.id)).map((m) => m.id),
    impacts: { a, b },
  };
}
