/**
 * @module
 * The shapes of a trade check's answer (issue 4): a verdict per authority, each with its reasons,
 * and the worst of them overall; and the list hits the judge is given by its caller. Declared as
 * TypeBox schemas (issue 18): the types are their `Static<>`, and the server's responses and
 * `/openapi.json` use the same declarations.
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf, type Coverage } from '../../core/index.ts';
import { AuthoritySchema, type Measure } from '../types.ts';

/** BLOCK: prohibited. REVIEW: permitted only under conditions the tool cannot confirm, goods the
 * HS code alone cannot classify, or a name hit an analyst must judge. CLEAR: nothing found. */
export const VerdictSchema = oneOf(['CLEAR', 'REVIEW', 'BLOCK'] as const, {
  description:
    'BLOCK: prohibited; REVIEW: conditions the tool cannot confirm, goods the HS code cannot classify, or a name hit to judge; CLEAR: nothing found',
});
/** See {@link VerdictSchema}. */
export type Verdict = Static<typeof VerdictSchema>;

const RANK: Record<Verdict, number> = { CLEAR: 0, REVIEW: 1, BLOCK: 2 };

/** The worse of verdicts (CLEAR for none). */
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let w: Verdict = 'CLEAR';
  for (const v of verdicts) if (RANK[v] > RANK[w]) w = v;
  return w;
}

/**
 * What kind of finding a reason is. `coverage`: what the verdict could not check (a list it
 * relies on that is missing or stale, or an authority with no measures in the regime data), added
 * by the engine, never by the judge.
 */
export const ReasonKindSchema = oneOf([
  'measure',
  'wind-down',
  'exemption',
  'conditional',
  'calls-upon',
  'hs-unclassified',
  'description',
  'cap',
  'service',
  'route',
  'designation',
  'vessel',
  'secondary-sanctions',
  'coverage',
] as const);
/** See {@link ReasonKindSchema}. */
export type ReasonKind = Static<typeof ReasonKindSchema>;

/**
 * An entity of a list that screening or an identifier lookup found. `decisive`: an identifier
 * (an IMO number) matched exactly; `match`: the name scored at or above the threshold;
 * `possible`: near the threshold, for an analyst to judge.
 */
export const ListHitSchema = Type.Object({
  id: Type.String(),
  caption: Type.String(),
  /** Source list ids (`un_sc`, `ofac_sdn`…). */
  sources: Type.Array(Type.String(), { description: 'source list ids' }),
  score: Type.Number(),
  strength: oneOf(['decisive', 'match', 'possible'] as const, {
    description:
      'decisive: an identifier matched exactly; match: the name scored at or above the threshold; possible: near it',
  }),
  matched_name: Type.Optional(Type.String()),
  programs: Type.Optional(Type.Array(Type.String())),
  /** The date the list gives for the listing (UN: the resolution or Committee decision's date). */
  listed_on: Type.Optional(Type.String({ description: 'the date the list gives for the listing' })),
});
/** See {@link ListHitSchema}. */
export type ListHit = Static<typeof ListHitSchema>;

/** One reason for a verdict. */
export const ReasonSchema = Type.Object({
  kind: ReasonKindSchema,
  verdict: oneOf(['REVIEW', 'BLOCK'] as const),
  authority: AuthoritySchema,
  /** The measure's id, where a measure is the reason. */
  measure: Type.Optional(Type.String({ description: "the measure's id" })),
  /** `S/RES/2371 (2017) OP8`. */
  citation: Type.Optional(Type.String({ examples: ['S/RES/2371 (2017) OP8'] })),
  detail: Type.String(),
  /** The party, vessel or goods line concerned, as a JSON pointer into the transaction. */
  subject: Type.Optional(
    Type.String({ description: 'the party, vessel or goods line concerned, as a JSON pointer' }),
  ),
  /** The list entities that were hit. */
  hits: Type.Optional(Type.Array(ListHitSchema)),
});
/** See {@link ReasonSchema}. */
export type Reason = Static<typeof ReasonSchema>;

/** One authority's verdict. `bound`: the authority binds the user (chosen, or by US nexus). */
export const AuthorityVerdictSchema = Type.Object({
  verdict: VerdictSchema,
  bound: Type.Boolean({ description: 'the authority binds the user (chosen, or by US nexus)' }),
  reasons: Type.Array(ReasonSchema),
});
/** See {@link AuthorityVerdictSchema}. */
export type AuthorityVerdict = Static<typeof AuthorityVerdictSchema>;

/** A cap's state after a transaction. */
export const CapStateSchema = Type.Object({
  measure: Type.String(),
  citation: Type.String(),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  /** `under`: still within every limit; `over`: this transaction would pass one; `unknown`: the
   * quantity or value cannot be expressed in the cap's terms. */
  state: oneOf(['under', 'over', 'unknown'] as const),
  limit: Type.Object({
    quantity: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String()),
    value: Type.Optional(Type.Number()),
    currency: Type.Optional(Type.String()),
  }),
  /** Used before this transaction (opening balance plus earlier transactions of the period). */
  used_before: Type.Object({ quantity: Type.Number(), value: Type.Number() }),
  /** This transaction's share. */
  this_transaction: Type.Object({ quantity: Type.Number(), value: Type.Number() }),
  detail: Type.String(),
});
/** See {@link CapStateSchema}. */
export type CapState = Static<typeof CapStateSchema>;

/** The answer for one transaction. */
export const TradeVerdictSchema = Type.Object(
  {
    id: Type.String(),
    /** The date the measures were judged on (the transaction's, or --as-of). */
    date: Type.String({
      description: "the day the measures were judged on (the transaction's, or as_of)",
    }),
    verdict: VerdictSchema,
    by_authority: Type.Partial(
      Type.Object({
        un: AuthorityVerdictSchema,
        us: AuthorityVerdictSchema,
        eu: AuthorityVerdictSchema,
        uk: AuthorityVerdictSchema,
      }),
    ),
    reasons: Type.Array(ReasonSchema),
    caps: Type.Array(CapStateSchema),
    /** The snapshots the parties were screened against, lists missing, stale lists. */
    coverage: Type.Optional(
      Type.Unsafe<Coverage>({
        type: 'object',
        additionalProperties: true,
        description: 'the snapshots the parties were screened against, lists missing, stale lists',
      }),
    ),
  },
  { title: 'TradeVerdict' },
);
/** See {@link TradeVerdictSchema}. */
export type TradeVerdict = Static<typeof TradeVerdictSchema>;

/** `S/RES/2371 (2017) OP8`: the short citation of a measure. */
export function cite(m: Measure): string {
  return `${m.citation.act} ${m.citation.paragraph}`;
}
