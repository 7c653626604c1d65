/**
 * @module
 * What the trade, regime and scenario routes answer, for Fastify's serialiser and
 * `/openapi.json`: built from the rules' own TypeBox declarations (the verdict, the measure, the
 * scenario) through {@link answerOf}, so the document says what the engine's types say.
 */
import { Type } from '@sinclair/typebox';
import { MeasureSchema, ScenarioSchema, TradeVerdictSchema } from '../../engine/index.ts';
import { answerOf, COVERAGE, ERROR_ITEM } from '../schemas.ts';

/** Counts by verdict. */
const BY_VERDICT = Type.Object({
  CLEAR: Type.Integer(),
  REVIEW: Type.Integer(),
  BLOCK: Type.Integer(),
});

/** One transaction's verdict (`POST /trade/check` with one transaction). */
const VERDICT_ANSWER = answerOf(
  Type.Composite([
    Type.Omit(TradeVerdictSchema, ['coverage']),
    Type.Object({ coverage: Type.Optional(Type.Unsafe(COVERAGE)) }),
  ]),
);

/** A book's answer: each transaction's verdict (or error) in book order, and the counts. */
const BOOK_ANSWER = answerOf(
  Type.Object(
    {
      results: Type.Array(
        Type.Union([
          Type.Unsafe(VERDICT_ANSWER),
          Type.Object({ error: Type.Unsafe(ERROR_ITEM) }, { description: 'a bad transaction' }),
        ]),
        { description: 'in the order of the book' },
      ),
      summary: Type.Object({
        checked: Type.Integer(),
        failed: Type.Integer(),
        verdicts: BY_VERDICT,
      }),
    },
    { description: 'a book: `{"results", "summary"}`' },
  ),
);

/** `POST /trade/check`'s answer: a verdict, or a book's results. */
export const TRADE_CHECK_ANSWER = {
  description: 'one transaction: its verdict; a book: `{"results", "summary"}`',
  anyOf: [VERDICT_ANSWER, BOOK_ANSWER],
} as const;

/** `GET /regimes`. */
export const REGIMES_ANSWER = answerOf(
  Type.Array(
    Type.Object({
      id: Type.String({ examples: ['dprk'] }),
      title: Type.String(),
      acts: Type.Array(
        Type.Object({
          act: Type.String(),
          authority: Type.String(),
          adopted: Type.String(),
          measures: Type.Integer(),
        }),
      ),
      measures: Type.Integer(),
    }),
  ),
);

/** `GET /regimes/{id}`: the measures in force, as the regime's act files declare them. */
export const REGIME_ANSWER = answerOf(
  Type.Object({
    regime: Type.String(),
    title: Type.String(),
    as_of: Type.String(),
    measures: Type.Array(MeasureSchema),
  }),
);

/** Path parameter `id` of a regime or scenario. */
export const ID_PARAMS = Type.Object({ id: Type.String({ examples: ['dprk'] }) });

/** `GET /scenarios`. */
export const SCENARIOS_ANSWER = answerOf(
  Type.Array(
    Type.Object({
      id: Type.String({ examples: ['hanoi-2019-us-account'] }),
      regime: Type.String(),
      title: Type.String(),
      from: Type.String(),
      lifts: Type.Integer({ description: 'how many measures it lifts' }),
    }),
  ),
);

/** `GET /scenarios/{id}`: the scenario file's rules, and the measures they lift. */
export const SCENARIO_ANSWER = answerOf(
  Type.Composite([
    Type.Pick(ScenarioSchema, ['id', 'regime', 'title', 'from', 'notes', 'keeps']),
    Type.Object({
      rules: ScenarioSchema.properties.lifts,
      lifted: Type.Array(
        Type.Object({
          id: Type.String(),
          citation: Type.String(),
          title: Type.String(),
          authority: Type.String(),
          tags: Type.Array(Type.String()),
          rule: Type.Integer({ description: 'index of the rule in `rules` that lifted it' }),
          by: Type.Union([Type.Literal('id'), Type.Literal('tag')]),
          inferred: Type.Boolean(),
        }),
      ),
    }),
  ]),
);

/** Verdicts summed under a key (a measure, an HS chapter). */
const FLIP_SUM = Type.Object({
  key: Type.String(),
  label: Type.String({ description: "the measure's citation, or the chapter's `HS 27`" }),
  count: Type.Integer({ description: 'transactions whose verdict changed' }),
  value: Type.Record(Type.String(), Type.Number(), { description: 'by currency' }),
  flips: Type.Record(Type.String(), Type.Integer(), { description: 'by change, `BLOCK→CLEAR`' }),
});

/** `POST /scenarios/{id}/run`'s answer. */
export const SCENARIO_RUN_ANSWER = answerOf(
  Type.Object({
    scenario: Type.Object({
      id: Type.String(),
      title: Type.String(),
      from: Type.String(),
      regime: Type.String(),
    }),
    authorities: Type.Array(Type.String()),
    book: Type.String(),
    transactions: Type.Array(
      Type.Object({
        id: Type.String(),
        line: Type.Integer(),
        date: Type.String(),
        kind: Type.String(),
        goods: Type.Array(Type.Object({ hs: Type.String() })),
        before: TradeVerdictSchema.properties.verdict,
        after: TradeVerdictSchema.properties.verdict,
        changed: Type.Boolean(),
        lifted: Type.Array(Type.Object({}), {
          description: 'lifted measures cited before and not after',
        }),
        reasons: Type.Object({
          before: TradeVerdictSchema.properties.reasons,
          after: TradeVerdictSchema.properties.reasons,
        }),
      }),
    ),
    by_measure: Type.Array(FLIP_SUM),
    by_chapter: Type.Array(FLIP_SUM),
    totals: Type.Object({
      transactions: Type.Integer(),
      changed: Type.Integer(),
      before: BY_VERDICT,
      after: BY_VERDICT,
      value: Type.Record(Type.String(), Type.Number(), {
        description: 'value of the goods of the changed transactions, by currency',
      }),
    }),
    errors: Type.Array(Type.Unsafe(ERROR_ITEM), { description: 'bad lines of the book' }),
  }),
);
