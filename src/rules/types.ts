/**
 * @module
 * The regime model: a regime is a set of measures; each measure is one legal obligation with its
 * citation, what it covers, when it applies and what it does. Measures live in JSON data files,
 * one per legal act (src/rules/regimes/<regime>/<act>.json).
 *
 * The model is declared once, as TypeBox schemas (issue 18): each type is the schema's `Static<>`,
 * and `validate.ts` checks a file against the schema ({@link ActFileSchema}) before the rules a
 * schema cannot say (a measure cites its own file's act, `ends` after `effective`, what an item
 * matched by its description needs…). Unknown keys are refused everywhere, so a misspelt field
 * cannot silently drop a condition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf } from '../core/index.ts';
import { day, text, texts } from './_schemaParts.ts';

/** A number above 0. */
const positive = (description: string) =>
  Type.Number({ exclusiveMinimum: 0, description, errorMessage: 'must be a positive number' });

/** An ISO 4217 currency code, upper case. */
const currency = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 currency code',
  errorMessage: 'is not an ISO 4217 code',
});

/** An ISO 3166-1 alpha-2 country code, upper case. */
const country = Type.String({
  pattern: '^[A-Z]{2}$',
  errorMessage: 'is not an ISO 3166-1 alpha-2 code',
});

/** Lower-case words joined by hyphens: measure ids, scenario ids, exemption keys. */
export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

/** Closed objects: an unknown key is a fault, not something to ignore. */
const closed = { additionalProperties: false } as const;

/** Who imposes a measure. The model fits EU and UK acts too. */
export const AUTHORITIES = ['un', 'us', 'eu', 'uk'] as const;
export const AuthoritySchema = oneOf(AUTHORITIES, { description: 'who imposes the measure' });
/** Who imposes a measure. */
export type Authority = Static<typeof AuthoritySchema>;

/** The fixed set of tags a measure may carry (used by relief scenarios to lift by tag). */
export const MEASURE_TAGS = [
  'arms',
  'wmd',
  'luxury',
  'designation',
  'sectoral-export',
  'sectoral-import',
  'energy-cap',
  'maritime',
  'financial',
  'labour',
  'joint-venture',
] as const;

/** A tag of {@link MEASURE_TAGS}; a value outside it reads `unknown tag "x" (allowed: …)`. */
export const MeasureTagSchema = oneOf(MEASURE_TAGS, {
  errorMessage: `unknown tag {value} (allowed: ${MEASURE_TAGS.join(', ')})`,
});
/** One of {@link MEASURE_TAGS}. */
export type MeasureTag = Static<typeof MeasureTagSchema>;

/**
 * Which way the restricted thing moves, seen from the target country: `export` = from the target
 * (States shall prohibit procurement), `import` = supplied, sold or transferred into it, or a
 * service (chartering, finance, crew, port entry, ship-to-ship transfer…).
 */
export const DirectionSchema = oneOf([
  'export',
  'import',
  'charter',
  'finance',
  'crew',
  'port-entry',
  'ship-to-ship',
  'labour',
  'joint-venture',
  'insurance',
  'registration',
  'other-service',
] as const);
/** See {@link DirectionSchema}. */
export type Direction = Static<typeof DirectionSchema>;

/** The fields of a citation. */
const citationFields = {
  /** Act: `S/RES/2397 (2017)`, `31 CFR 510`, `EO 13810`, `15 CFR 746.4`. */
  act: text('the act: S/RES/2397 (2017), 31 CFR 510, EO 13810, 15 CFR 746.4'),
  /** Operative paragraph or section: `OP6`, `OP8(a)(iii)`, `§510.201(a)`, `sec. 4(a)`. */
  paragraph: text('operative paragraph or section: OP6, OP8(a)(iii), §510.201(a), sec. 4(a)'),
  /** Words of the paragraph that the rule encodes, verbatim (abridged with … where long). */
  text: Type.Optional(text('words of the paragraph the rule encodes, verbatim')),
  /**
   * `decides` (binding: "Decides that all Member States shall…") or `calls-upon` (hortatory:
   * "Calls upon all States…"). A calls-upon paragraph yields REVIEW, never BLOCK.
   */
  force: oneOf(['decides', 'calls-upon'] as const, {
    description: 'decides (binding) or calls-upon (hortatory: REVIEW, never BLOCK)',
  }),
  /** Link to the official text. */
  url: Type.Optional(text('link to the official text')),
};

/** A citation `what` cannot do without, and the words when it has none. */
const cited = (what: string) =>
  Type.Object(citationFields, {
    ...closed,
    description: 'where the rule comes from, precisely enough to find the words',
    errorMessage: 'citation must be an object',
    missingMessage: `${what} needs a citation (act, paragraph, force)`,
  });

/** Where a rule comes from, precisely enough to find the words. */
export const CitationSchema = cited('a rule');
/** See {@link CitationSchema}. */
export type Citation = Static<typeof CitationSchema>;

/** An HS code of 2, 4, 6, 8 or 10 digits, digits only. */
export const HS_PATTERN = '^(?:\\d{2}|\\d{4}|\\d{6}|\\d{8}|\\d{10})$';
const hsCodes = (description: string) =>
  Type.Array(
    Type.String({
      pattern: HS_PATTERN,
      errorMessage: 'is not an HS code of 2, 4, 6, 8 or 10 digits',
    }),
    { minItems: 1, description },
  );
/** Items are named down to the subheading: 2, 4 or 6 digits. */
const itemHsCodes = (description: string) =>
  Type.Array(
    Type.String({
      pattern: '^(?:\\d{2}|\\d{4}|\\d{6})$',
      errorMessage: 'is not an HS code of 2, 4 or 6 digits',
    }),
    { minItems: 1, description },
  );

/**
 * One item a measure names, with how a goods line is recognised as it: by HS code, by the words of
 * its description, or by both where the HS code alone cannot tell (HS 2710.12 holds motor and
 * aviation gasoline; HS 2709 crude oil and condensates; HS 8901 new and used vessels).
 */
export const GoodsItemSchema = Type.Object(
  {
    /** The item in the act's words: `aviation gasoline`, `snowmobiles (valued greater than $2,000)`. */
    name: text("the item in the act's words"),
    /** Where the act names it: `S/RES/2270 (2016) Annex IV (b)(2)`. */
    citation: text('where the act names it: S/RES/2270 (2016) Annex IV (b)(2)'),
    /** HS codes (2 to 6 digits) the item falls under. */
    hs: Type.Optional(itemHsCodes('HS codes (2 to 6 digits) the item falls under')),
    /** HS codes taken out (8703.10 snow vehicles from luxury automobiles). */
    exclude: Type.Optional(itemHsCodes('HS codes taken out')),
    /** Words naming the item: the act's own, and synonyms from the HS 2017 texts cited in `hsText`. */
    terms: Type.Optional(texts('words naming the item')),
    /**
     * `hs`: the HS code decides. `hs+terms`: the HS code narrows and the description decides; a line
     * under the code whose description neither names the item nor rules it out is REVIEW with
     * `question`. `terms`: the description decides whatever the code (items of lead crystal); a line
     * under `hs` is covered too.
     */
    match: oneOf(['hs', 'hs+terms', 'terms'] as const, {
      description: 'what decides that a goods line is the item',
    }),
    /** Words that take a line out of the item (`used` for 2321 OP30's new vessels). */
    unless: Type.Optional(texts('words that take a line out of the item')),
    /** What the analyst must find out when the description cannot decide, as a question. */
    question: Type.Optional(text('what the analyst must find out, as a question')),
    /** Only items valued above this each (line value ÷ quantity): 2321 Annex IV's rugs over $500. */
    valueOver: Type.Optional(
      Type.Object(
        { amount: positive('value each'), currency },
        { ...closed, description: 'only items valued above this each' },
      ),
    ),
    /** The HS 2017 heading or subheading texts the codes and synonyms come from, quoted. */
    hsText: Type.Optional(text('the HS 2017 texts the codes and synonyms come from')),
    /** A scope call of ours, not the act's words: the reasoning. */
    inferred: Type.Optional(text("a scope call of ours, not the act's words: the reasoning")),
  },
  closed,
);
/** See {@link GoodsItemSchema}. */
export type GoodsItem = Static<typeof GoodsItemSchema>;

/** Goods a measure covers. */
export const GoodsScopeSchema = Type.Object(
  {
    /** HS codes of 2, 4, 6, 8 or 10 digits; matched on at most 6. */
    hs: Type.Optional(hsCodes('HS codes of 2, 4, 6, 8 or 10 digits; matched on at most 6')),
    /** HS codes excluded from the scope (e.g. 2711.11 LNG is not a natural gas liquid). */
    exclude: Type.Optional(hsCodes('HS codes excluded from the scope')),
    /** HS edition the codes follow, e.g. `HS2017`. Required with `hs`. */
    hsEdition: Type.Optional(text('HS edition the codes follow, e.g. HS2017')),
    /**
     * Where the HS mapping comes from when the act itself names no code: the act (only 2397 does),
     * or an implementer's instrument such as an EU implementing regulation. `inferred: true` marks
     * a mapping of our own.
     */
    hsSource: Type.Optional(
      Type.Object(
        { citation: text('where the HS mapping comes from'), inferred: Type.Boolean() },
        closed,
      ),
    ),
    /** Goods the act defines by description, not code (arms, luxury goods): a match is REVIEW. */
    description: Type.Optional(text('goods the act defines by description, not code')),
    /**
     * Words naming the goods, taken from the act and, as synonyms, from the HS 2017 heading texts of
     * `hs`: where a line's HS code is broader than the scope, a description holding one of them
     * decides that the line is covered.
     */
    terms: Type.Optional(texts('words naming the goods')),
    /**
     * The goods item by item, as the act or its annex names them (2270 OP31's four fuels, each
     * luxury annex's items). When present, a line is covered when it matches an item.
     */
    items: Type.Optional(Type.Array(GoodsItemSchema, { minItems: 1 })),
  },
  { ...closed, errorMessage: 'goods must be an object' },
);
/** See {@link GoodsScopeSchema}. */
export type GoodsScope = Static<typeof GoodsScopeSchema>;

/** A quantity and/or value cap over a period. */
export const CapSchema = Type.Object(
  {
    /** Quantity limit, in `unit` (UN/CEFACT Rec. 20 code or common word: bbl, t, kg). */
    quantity: Type.Optional(
      Type.Object({ amount: positive('quantity'), unit: text('bbl, t, kg…') }, closed),
    ),
    /** Value limit. */
    value: Type.Optional(Type.Object({ amount: positive('value'), currency }, closed)),
    /** `lower`: both limits apply and whichever is reached first binds (2321 OP26's coal cap). */
    combine: Type.Optional(oneOf(['lower'] as const)),
    /** The period over which usage adds up. */
    period: Type.Object(
      {
        from: day('first day'),
        to: Type.Optional(day('last day')),
        recurrence: Type.Optional(oneOf(['annual'] as const)),
        yearStart: Type.Optional(
          Type.String({
            pattern: '^\\d{2}-\\d{2}$',
            description: 'month and day the cap year starts, MM-DD',
            errorMessage: 'is not a month and day MM-DD',
          }),
        ),
      },
      { ...closed, missingMessage: 'a cap needs a period' },
    ),
    /** Unit conversions the act itself gives (2397 OP4: 4,000,000 bbl or 525,000 t). */
    conversions: Type.Optional(
      Type.Array(
        Type.Object(
          { from: text(), to: text(), factor: positive('factor'), citation: text() },
          closed,
        ),
        { minItems: 1 },
      ),
    ),
  },
  closed,
);
/** See {@link CapSchema}. */
export type Cap = Static<typeof CapSchema>;

/** The kinds of exemption. */
export const EXEMPTION_KINDS = [
  'livelihood',
  'humanitarian',
  'committee-approval',
  'rajin-transit',
  'notification',
  'contract-before',
  'other',
] as const;

/** A way out of a prohibition. */
export const ExemptionSchema = Type.Object(
  {
    kind: oneOf(EXEMPTION_KINDS),
    /** What the exemption requires, in words. */
    condition: text('what the exemption requires, in words'),
    citation: cited('an exemption'),
    /**
     * The key a transaction claims it by in `declarations.exemption` (`civil-aircraft-spares`);
     * without one, the kind is the key for livelihood, humanitarian, committee-approval,
     * rajin-transit and notification, and an `other` exemption cannot be claimed.
     */
    key: Type.Optional(
      Type.String({
        pattern: ID_PATTERN,
        description: 'the key a transaction claims it by in declarations.exemption',
        errorMessage: 'is not a lowercase-hyphenated key',
      }),
    ),
    /**
     * Words that, in `declarations.purpose` or a goods line's description, state the condition (the
     * aircraft models 2397 OP7 names): the judge recognises the exemption without a claim.
     */
    recognise: Type.Optional(texts('words that state the condition')),
    /** First day the exemption exists, where later than the measure (2321 OP46: 30 Nov 2016). */
    effective: Type.Optional(day('first day the exemption exists')),
    /** For `contract-before`: contracts signed before this date… */
    contractBefore: Type.Optional(day('contracts signed before this date…')),
    /** …may be performed until this date (the wind-down). */
    until: Type.Optional(day('…may be performed until this date')),
  },
  { ...closed, errorMessage: 'exemption must be an object' },
);
/** See {@link ExemptionSchema}. */
export type Exemption = Static<typeof ExemptionSchema>;

/** One measure. */
export const MeasureSchema = Type.Object(
  {
    /** Stable id, e.g. `un-2397-op6-food-agri-export`. */
    id: Type.String({
      pattern: ID_PATTERN,
      description: 'stable id, e.g. un-2397-op6-food-agri-export',
      errorMessage: 'is not a lowercase-hyphenated id',
    }),
    title: text(),
    authority: AuthoritySchema,
    citation: cited('a measure'),
    tags: Type.Array(MeasureTagSchema, { minItems: 1, uniqueItems: true }),
    direction: DirectionSchema,
    goods: Type.Optional(GoodsScopeSchema),
    /** Parties, vessels or countries the measure concerns: `designated` = listed parties/vessels. */
    concerns: Type.Optional(
      Type.Object(
        {
          countries: Type.Optional(Type.Array(country, { minItems: 1 })),
          parties: Type.Optional(oneOf(['designated', 'government', 'any'] as const)),
          vessels: Type.Optional(oneOf(['designated', 'flagged', 'any'] as const)),
          /**
           * A look-back on a vessel's voyage history: the measure concerns vessels that called at
           * a port of one of `countries` within the `lookbackDays` days before the act (EO 13810
           * sec. 2's 180-day rule); with `shipToShip`, also vessels that made a ship-to-ship
           * transfer with such a vessel within the same window.
           */
          priorCall: Type.Optional(
            Type.Object(
              {
                countries: Type.Array(country, { minItems: 1 }),
                lookbackDays: Type.Integer({
                  minimum: 1,
                  errorMessage: 'must be a whole number of days above 0',
                }),
                shipToShip: Type.Optional(Type.Boolean()),
              },
              closed,
            ),
          ),
          /**
           * Whose conduct a US measure reaches: `us-persons` (exports from the United States or by
           * a US person wherever located, EO 13722 sec. 3; EO 13466 sec. 2), `into-us`
           * (importation into the United States, EO 13570 sec. 1), `us-items` (items subject to
           * the EAR, 15 CFR 746.4), `us-facilitation` (a US person's approval, financing,
           * facilitation or guarantee of a foreign person's transaction, EO 13722 sec.
           * 3(a)(iii)), `non-us-persons` (secondary sanctions, EO 13810 sec. 1(a)(iii) and sec. 4).
           */
          reach: Type.Optional(
            oneOf([
              'us-persons',
              'into-us',
              'us-items',
              'us-facilitation',
              'non-us-persons',
            ] as const),
          ),
        },
        { ...closed, errorMessage: 'concerns must be an object' },
      ),
    ),
    /** Date the measure takes effect (YYYY-MM-DD). */
    effective: day('date the measure takes effect'),
    /** Date it ends, if any (inclusive last day is `ends` minus one day). */
    ends: Type.Optional(day('first day it no longer applies')),
    cap: Type.Optional(CapSchema),
    exemptions: Type.Optional(Type.Array(ExemptionSchema, { minItems: 1 })),
    /** Ids of measures this one amends or replaces; lifting this one never revives them. */
    replaces: Type.Optional(texts('ids of measures this one amends or replaces')),
    /**
     * Ids of measures this one applies to more goods or persons ("shall also apply"): both stay in
     * force, and lifting this one leaves them standing (2270 OP6 extends 1874 OP10).
     */
    extends: Type.Optional(texts('ids of measures this one applies to more goods or persons')),
    /** `prohibited`, or permitted only under conditions the tool cannot confirm. */
    effect: oneOf(['prohibited', 'conditional'] as const),
    /** For `conditional`: what the conditions are (notification, authorisation, purpose). */
    conditions: Type.Optional(texts('what the conditions are')),
    notes: Type.Optional(text()),
  },
  { ...closed, errorMessage: 'a measure must be an object' },
);
/** See {@link MeasureSchema}. */
export type Measure = Static<typeof MeasureSchema>;

/** One legal act's file: its metadata and its measures. */
export const ActFileSchema = Type.Object(
  {
    regime: text('regime id, e.g. dprk'),
    act: text('the act, as measures cite it'),
    authority: AuthoritySchema,
    adopted: day('date the act was adopted'),
    title: text(),
    url: Type.Optional(text()),
    measures: Type.Array(MeasureSchema, { minItems: 1 }),
  },
  {
    ...closed,
    title: 'ActFile',
    description: 'One legal act of a regime and its measures.',
    errorMessage: 'an act file must be an object',
  },
);
/** See {@link ActFileSchema}. */
export type ActFile = Static<typeof ActFileSchema>;

/** A loaded regime. */
export interface Regime {
  id: string;
  title: string;
  acts: ActFile[];
  measures: Measure[];
}
