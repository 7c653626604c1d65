/**
 * @module
 * Scenario impact through the engine (issue 15): a shipped scenario measured against a trade
 * baseline, read in place from a folder (default `$EMBARGO_DATA_DIR/trade`, else the
 * `../shared/data/trade` beside the repository), and two scenarios compared on it.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compareImpacts,
  loadBaseline,
  loadScenario,
  scenarioImpact,
  type Authority,
  type Baseline,
  type ImpactComparison,
  type ScenarioImpact,
} from '../rules/index.ts';
import { regimeFor } from './trade.ts';

/** The repository (or installed package) root: src/engine/ and dist/engine/ are two levels in. */
const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** The trade baseline folder used when none is given: `$EMBARGO_DATA_DIR/trade`, like the lists. */
export function defaultBaselineDir(): string {
  const data = process.env.EMBARGO_DATA_DIR ?? join(root, '..', 'shared', 'data');
  return resolve(data, 'trade');
}

/** Options of {@link impactOfScenario} and {@link compareScenarios}. */
export interface ImpactRunOptions {
  /** Baseline folder; default {@link defaultBaselineDir}. */
  baseline?: string;
  /** Day the regime is read on; default the scenario's first day. */
  asOf?: string;
  /** Authorities whose measures count; default `['un']`. */
  authorities?: Authority[];
}

const baselines = new Map<string, Baseline>();

/** Loads a baseline once per folder and version of its files (it is read in place). */
function baselineAt(dir: string): Baseline {
  const fresh = loadBaseline(dir);
  const known = baselines.get(fresh.dir);
  if (known?.version === fresh.version) return known;
  baselines.set(fresh.dir, fresh);
  return fresh;
}

/** What a shipped scenario re-opens on the baseline (NOT_FOUND for an unknown id or folder). */
export function impactOfScenario(id: string, options: ImpactRunOptions = {}): ScenarioImpact {
  const scenario = loadScenario(id);
  const baseline = baselineAt(options.baseline ?? defaultBaselineDir());
  return scenarioImpact(regimeFor(scenario.regime), scenario, baseline, {
    ...(options.asOf && { asOf: options.asOf }),
    ...(options.authorities && { authorities: options.authorities }),
  });
}

/**
 * Two shipped scenarios side by side on one baseline, date and set of authorities. Without
 * `asOf`, both are read on the later of their first days, so neither is measured before it starts.
 */
export function compareScenarios(
  a: string,
  b: string,
  options: ImpactRunOptions = {},
): ImpactComparison {
  const asOf = options.asOf ?? [loadScenario(a).from, loadScenario(b).from].sort()[1]!;
  const opts = { ...options, asOf };
  return compareImpacts(impactOfScenario(a, opts), impactOfScenario(b, opts));
}

export type {
  ChapterSum,
  DifferingMeasure,
  Figures,
  FuelFigure,
  GapEntry,
  GoodsFlow,
  ImpactComparison,
  LiftedMeasureImpact,
  MeasureSum,
  Range,
  ScenarioImpact,
  StreamFigure,
  Trace,
} from '../rules/index.ts';
