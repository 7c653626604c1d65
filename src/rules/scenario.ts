/**
 * @module
 * Relief scenarios: a scenario lifts measures of a regime, by id or by tag, from a date. Scenarios
 * are data (`scenarios/<id>.json`), each rule with the sources it rests on and an `inferred` flag
 * where the rule reads more into a source than it says. A scenario may also name tags it keeps:
 * a measure carrying one of them is never lifted, whatever rule would reach it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbargoError, ERROR_CODES, refused } from '../core/index.ts';
import { measureById, measuresInForce } from './load.ts';
import type { Authority, Measure, MeasureTag, Regime } from './types.ts';
import { MEASURE_TAGS } from './types.ts';
import { isIsoDate } from './validate.ts';

/** Folder holding the scenario files. */
export const SCENARIOS_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** Where a scenario's claim comes from. */
export interface ScenarioSource {
  /** Who said it, where and when: `DPRK FM Ri Yong Ho, press conference, Hanoi, 1 Mar 2019`. */
  citation: string;
  url?: string;
  /** Words of the source, verbatim as reported. */
  quote?: string;
}

/**
 * One lifting rule. A measure matches when it has one of `ids`, or carries one of `tags`; `acts`,
 * `authority` and `adoptedFrom` (the act's adoption date) narrow what the rule can reach.
 */
export interface LiftRule {
  ids?: string[];
  tags?: MeasureTag[];
  acts?: string[];
  authority?: Authority;
  adoptedFrom?: string;
  /** True when the rule is our reading of the sources, not what they say. */
  inferred: boolean;
  /** Why the rule reads the sources this way. */
  reason: string;
  sources: ScenarioSource[];
}

/** A relief scenario. */
export interface Scenario {
  id: string;
  regime: string;
  title: string;
  /** First day on which the lifted measures no longer apply. */
  from: string;
  lifts: LiftRule[];
  /** Tags that are never lifted, with why. */
  keeps?: { tags: MeasureTag[]; inferred: boolean; reason: string; sources?: ScenarioSource[] };
  notes?: string;
}

/** One lifted measure and the rule that lifted it. */
export interface LiftedMeasure {
  id: string;
  /** Index of the rule in `scenario.lifts`. */
  rule: number;
  /** Whether the rule reached it by id or by tag. */
  by: 'id' | 'tag';
  /** The rule's `inferred` flag. */
  inferred: boolean;
}

type Json = Record<string, unknown>;

function fail(file: string, pointer: string, problem: string): never {
  throw refused(`${file}: ${pointer || '/'}: ${problem}`, { file, field: pointer || '/' });
}

function obj(file: string, v: unknown, p: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(file, p, 'must be an object');
  return v as Json;
}

function keys(file: string, o: Json, p: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) fail(file, `${p}/${k}`, `unknown field ${JSON.stringify(k)}`);
}

function str(file: string, o: Json, k: string, p: string, required = true): void {
  const v = o[k];
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || v.trim() === '')
    fail(file, `${p}/${k}`, `${k} must be a non-empty string`);
}

function list(file: string, o: Json, k: string, p: string, required: boolean): unknown[] {
  const v = o[k];
  if (v === undefined) {
    if (required) fail(file, `${p}/${k}`, `${k} is required`);
    return [];
  }
  if (!Array.isArray(v) || v.length === 0) fail(file, `${p}/${k}`, `${k} must be a non-empty list`);
  return v;
}

function strings(file: string, o: Json, k: string, p: string, required = false): void {
  list(file, o, k, p, required).forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '')
      fail(file, `${p}/${k}/${i}`, 'must be a non-empty string');
  });
}

function tags(file: string, o: Json, k: string, p: string, required: boolean): void {
  list(file, o, k, p, required).forEach((t, i) => {
    if (!(MEASURE_TAGS as readonly unknown[]).includes(t))
      fail(file, `${p}/${k}/${i}`, `unknown tag ${JSON.stringify(t)}`);
  });
}

function flag(file: string, o: Json, p: string): void {
  if (typeof o.inferred !== 'boolean')
    fail(file, `${p}/inferred`, 'inferred must be true or false');
}

function sources(file: string, o: Json, p: string, required: boolean): void {
  list(file, o, 'sources', p, required).forEach((s, i) => {
    const sp = `${p}/sources/${i}`;
    const src = obj(file, s, sp);
    keys(file, src, sp, ['citation', 'url', 'quote']);
    str(file, src, 'citation', sp);
    str(file, src, 'url', sp, false);
    str(file, src, 'quote', sp, false);
  });
}

/**
 * Validates parsed JSON as a scenario and returns it typed; INPUT_REFUSED naming `file` and the
 * JSON pointer of the first fault. Every rule needs sources, a reason and an `inferred` flag, and
 * must select by id or tag.
 */
export function validateScenario(data: unknown, file: string): Scenario {
  const o = obj(file, data, '');
  keys(file, o, '', ['id', 'regime', 'title', 'from', 'lifts', 'keeps', 'notes']);
  str(file, o, 'id', '');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(o.id as string))
    fail(file, '/id', `${JSON.stringify(o.id)} is not a lowercase-hyphenated id`);
  str(file, o, 'regime', '');
  str(file, o, 'title', '');
  if (!isIsoDate(o.from))
    fail(file, '/from', `${JSON.stringify(o.from ?? null)} is not a date YYYY-MM-DD`);
  str(file, o, 'notes', '', false);
  list(file, o, 'lifts', '', true).forEach((r, i) => {
    const p = `/lifts/${i}`;
    const rule = obj(file, r, p);
    keys(file, rule, p, [
      'ids',
      'tags',
      'acts',
      'authority',
      'adoptedFrom',
      'inferred',
      'reason',
      'sources',
    ]);
    if (rule.ids === undefined && rule.tags === undefined)
      fail(file, p, 'a rule lifts by ids or by tags');
    strings(file, rule, 'ids', p);
    tags(file, rule, 'tags', p, false);
    strings(file, rule, 'acts', p);
    if (
      rule.authority !== undefined &&
      !['un', 'us', 'eu', 'uk'].includes(rule.authority as string)
    )
      fail(file, `${p}/authority`, `${JSON.stringify(rule.authority)} is not un, us, eu or uk`);
    if (rule.adoptedFrom !== undefined && !isIsoDate(rule.adoptedFrom))
      fail(
        file,
        `${p}/adoptedFrom`,
        `${JSON.stringify(rule.adoptedFrom)} is not a date YYYY-MM-DD`,
      );
    flag(file, rule, p);
    str(file, rule, 'reason', p);
    sources(file, rule, p, true);
  });
  if (o.keeps !== undefined) {
    const k = obj(file, o.keeps, '/keeps');
    keys(file, k, '/keeps', ['tags', 'inferred', 'reason', 'sources']);
    tags(file, k, 'tags', '/keeps', true);
    flag(file, k, '/keeps');
    str(file, k, 'reason', '/keeps');
    sources(file, k, '/keeps', false);
  }
  return o as unknown as Scenario;
}

/** The ids of the scenarios shipped in {@link SCENARIOS_DIR}, sorted. */
export function listScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort();
}

/** Reads and validates a shipped scenario by id; NOT_FOUND when there is none. */
export function loadScenario(id: string): Scenario {
  if (!listScenarios().includes(id))
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `no scenario ${JSON.stringify(id)} in ${SCENARIOS_DIR}`,
    );
  const file = join(SCENARIOS_DIR, `${id}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw refused(`${file}: not valid JSON (${(err as Error).message})`, { file }, err);
  }
  const scenario = validateScenario(data, file);
  if (scenario.id !== id) fail(file, '/id', `the file ${id}.json holds scenario ${scenario.id}`);
  return scenario;
}

/**
 * The measures of `regime` that `scenario` lifts, in the regime's order, each with the first rule
 * that reached it. Measures carrying a kept tag are never lifted. INVALID_QUERY when the scenario
 * is for another regime; UNKNOWN_ID when a rule names a measure the regime lacks.
 */
export function liftedMeasures(scenario: Scenario, regime: Regime): LiftedMeasure[] {
  if (scenario.regime !== regime.id)
    throw new EmbargoError(
      ERROR_CODES.INVALID_QUERY,
      `scenario ${scenario.id} is for regime ${scenario.regime}, not ${regime.id}`,
    );
  for (const rule of scenario.lifts) for (const id of rule.ids ?? []) measureById(regime, id);
  const actOf = new Map<Measure, { act: string; adopted: string }>();
  for (const a of regime.acts) for (const m of a.measures) actOf.set(m, a);
  const kept = new Set<string>(scenario.keeps?.tags ?? []);
  const out: LiftedMeasure[] = [];
  for (const m of regime.measures) {
    if (m.tags.some((t) => kept.has(t))) continue;
    const i = scenario.lifts.findIndex((r) => {
      if (r.authority !== undefined && m.authority !== r.authority) return false;
      const act = actOf.get(m);
      if (r.acts !== undefined && !r.acts.includes(act?.act ?? '')) return false;
      if (r.adoptedFrom !== undefined && (act?.adopted ?? '') < r.adoptedFrom) return false;
      return (r.ids ?? []).includes(m.id) || m.tags.some((t) => (r.tags ?? []).includes(t));
    });
    const rule = scenario.lifts[i];
    if (rule === undefined) continue;
    out.push({
      id: m.id,
      rule: i,
      by: (rule.ids ?? []).includes(m.id) ? 'id' : 'tag',
      inferred: rule.inferred,
    });
  }
  return out;
}

/**
 * The measures in force on `date` had the scenario been adopted: {@link measuresInForce}, less the
 * lifted measures from `scenario.from` on. Lifting never revives what a lifted measure replaced:
 * replacement is decided on the unlifted regime.
 */
export function applyScenario(regime: Regime, scenario: Scenario, date: string): Measure[] {
  const inForce = measuresInForce(regime, date);
  if (date < scenario.from) return inForce;
  const lifted = new Set(liftedMeasures(scenario, regime).map((l) => l.id));
  return inForce.filter((m) => !lifted.has(m.id));
}
