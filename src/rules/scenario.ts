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
import { Type, type Static } from '@sinclair/typebox';
import {
  compileSchema,
  EmbargoError,
  ERROR_CODES,
  pointerWords,
  refused,
  schemaFault,
  type SchemaCheck,
} from '../core/index.ts';
import { measureById, measuresInForce } from './load.ts';
import type { Measure, Regime } from './types.ts';
import { day, text, texts } from './_schemaParts.ts';
import { AuthoritySchema, ID_PATTERN, MeasureTagSchema } from './types.ts';

/** Folder holding the scenario files. */
export const SCENARIOS_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** Where a scenario's claim comes from. */
export const ScenarioSourceSchema = Type.Object(
  {
    /** Who said it, where and when: `DPRK FM Ri Yong Ho, press conference, Hanoi, 1 Mar 2019`. */
    citation: text('who said it, where and when'),
    url: Type.Optional(text()),
    /** Words of the source, verbatim as reported. */
    quote: Type.Optional(text('words of the source, verbatim as reported')),
  },
  { additionalProperties: false },
);
/** See {@link ScenarioSourceSchema}. */
export type ScenarioSource = Static<typeof ScenarioSourceSchema>;

/**
 * One lifting rule. A measure matches when it has one of `ids`, or carries one of `tags`; `acts`,
 * `authority` and `adoptedFrom` (the act's adoption date) narrow what the rule can reach.
 */
export const LiftRuleSchema = Type.Object(
  {
    ids: Type.Optional(texts('ids of measures lifted')),
    tags: Type.Optional(Type.Array(MeasureTagSchema, { minItems: 1 })),
    acts: Type.Optional(texts('only measures of these acts')),
    authority: Type.Optional(AuthoritySchema),
    adoptedFrom: Type.Optional(day('only measures of acts adopted from this day')),
    /** True when the rule is our reading of the sources, not what they say. */
    inferred: Type.Boolean({ description: 'our reading of the sources, not what they say' }),
    /** Why the rule reads the sources this way. */
    reason: text('why the rule reads the sources this way'),
    sources: Type.Array(ScenarioSourceSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
/** See {@link LiftRuleSchema}. */
export type LiftRule = Static<typeof LiftRuleSchema>;

/** A relief scenario. */
export const ScenarioSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERN, errorMessage: 'is not a lowercase-hyphenated id' }),
    regime: text('the regime it relieves'),
    title: text(),
    /** First day on which the lifted measures no longer apply. */
    from: day('first day on which the lifted measures no longer apply'),
    lifts: Type.Array(LiftRuleSchema, { minItems: 1 }),
    /** Tags that are never lifted, with why. */
    keeps: Type.Optional(
      Type.Object(
        {
          tags: Type.Array(MeasureTagSchema, { minItems: 1 }),
          inferred: Type.Boolean(),
          reason: text(),
          sources: Type.Optional(Type.Array(ScenarioSourceSchema, { minItems: 1 })),
        },
        { additionalProperties: false, description: 'tags that are never lifted, with why' },
      ),
    ),
    notes: Type.Optional(text()),
  },
  { additionalProperties: false, title: 'Scenario', errorMessage: 'must be an object' },
);
/** See {@link ScenarioSchema}. */
export type Scenario = Static<typeof ScenarioSchema>;

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

/** The scenario schema, compiled on first use. */
let compiled: SchemaCheck<typeof ScenarioSchema> | undefined;

function fail(file: string, pointer: string, problem: string): never {
  // The field as a JSON pointer, then in words: `/lifts/0/sources (lifts[0].sources)`.
  const words = pointer ? ` (${pointerWords(pointer)})` : '';
  throw refused(`${file}: ${pointer || '/'}${words}: ${problem}`, { file, field: pointer || '/' });
}

/**
 * Validates parsed JSON as a scenario and returns it typed; INPUT_REFUSED naming `file` and the
 * JSON pointer of the first fault. The schema ({@link ScenarioSchema}) requires every rule's
 * sources, reason and `inferred` flag; that a rule selects by id or tag is checked here.
 */
export function validateScenario(data: unknown, file: string): Scenario {
  compiled ??= compileSchema(ScenarioSchema);
  const fault = schemaFault(compiled, data);
  if (fault) fail(file, fault.pointer, fault.problem);
  const scenario = data as Scenario;
  scenario.lifts.forEach((rule, i) => {
    if (rule.ids === undefined && rule.tags === undefined)
      fail(file, `/lifts/${i}`, 'a rule lifts by ids or by tags');
  });
  return scenario;
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
