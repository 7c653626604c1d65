/**
 * @module
 * The regime model: a regime is a set of measures; each measure is one legal obligation with its
 * citation, what it covers, when it applies and what it does. Measures live in JSON data files,
 * one per legal act (src/rules/regimes/<regime>/<act>.json), validated against this model.
 */

/** Who imposes a measure. The model fits EU and UK acts too. */
export type Authority = 'un' | 'us' | 'eu' | 'uk';

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

/** One of {@link MEASURE_TAGS}. */
export type MeasureTag = (typeof MEASURE_TAGS)[number];

/**
 * Which way the restricted thing moves, seen from the target country: `export` = from the target
 * (States shall prohibit procurement), `import` = supplied, sold or transferred into it, or a
 * service (chartering, finance, crew, port entry, ship-to-ship transfer…).
 */
export type Direction =
  | 'export'
  | 'import'
  | 'charter'
  | 'finance'
  | 'crew'
  | 'port-entry'
  | 'ship-to-ship'
  | 'labour'
  | 'joint-venture'
  | 'insurance'
  | 'registration'
  | 'other-service';

/** Where a rule comes from, precisely enough to find the words. */
export interface Citation {
  /** Act: `S/RES/2397 (2017)`, `31 CFR 510`, `EO 13810`, `15 CFR 746.4`. */
  act: string;
  /** Operative paragraph or section: `OP6`, `OP8(a)(iii)`, `§510.201(a)`, `sec. 4(a)`. */
  paragraph: string;
  /** Words of the paragraph that the rule encodes, verbatim (abridged with … where long). */
  text?: string;
  /**
   * `decides` (binding: "Decides that all Member States shall…") or `calls-upon` (hortatory:
   * "Calls upon all States…"). A calls-upon paragraph yields REVIEW, never BLOCK.
   */
  force: 'decides' | 'calls-upon';
  /** Link to the official text. */
  url?: string;
}

/** Goods a measure covers. */
export interface GoodsScope {
  /** HS codes of 2, 4, 6, 8 or 10 digits; matched on at most 6. */
  hs?: string[];
  /** HS codes excluded from the scope (e.g. 2711.11 LNG is not a natural gas liquid). */
  exclude?: string[];
  /** HS edition the codes follow, e.g. `HS2017`. Required with `hs`. */
  hsEdition?: string;
  /**
   * Where the HS mapping comes from when the act itself names no code: the act (only 2397 does),
   * or an implementer's instrument such as an EU implementing regulation. `inferred: true` marks
   * a mapping of our own.
   */
  hsSource?: { citation: string; inferred: boolean };
  /** Goods the act defines by description, not code (arms, luxury goods): a match is REVIEW. */
  description?: string;
  /**
   * Words naming the goods, taken from the act and, as synonyms, from the HS 2017 heading texts of
   * `hs`: where a line's HS code is broader than the scope, a description holding one of them
   * decides that the line is covered.
   */
  terms?: string[];
  /**
   * The goods item by item, as the act or its annex names them (2270 OP31's four fuels, each
   * luxury annex's items). When present, a line is covered when it matches an item.
   */
  items?: GoodsItem[];
}

/**
 * One item a measure names, with how a goods line is recognised as it: by HS code, by the words of
 * its description, or by both where the HS code alone cannot tell (HS 2710.12 holds motor and
 * aviation gasoline; HS 2709 crude oil and condensates; HS 8901 new and used vessels).
 */
export interface GoodsItem {
  /** The item in the act's words: `aviation gasoline`, `snowmobiles (valued greater than $2,000)`. */
  name: string;
  /** Where the act names it: `S/RES/2270 (2016) Annex IV (b)(2)`. */
  citation: string;
  /** HS codes (2 to 6 digits) the item falls under. */
  hs?: string[];
  /** HS codes taken out (8703.10 snow vehicles from luxury automobiles). */
  exclude?: string[];
  /** Words naming the item: the act's own, and synonyms from the HS 2017 texts cited in `hsText`. */
  terms?: string[];
  /**
   * `hs`: the HS code decides. `hs+terms`: the HS code narrows and the description decides; a line
   * under the code whose description neither names the item nor rules it out is REVIEW with
   * `question`. `terms`: the description decides whatever the code (items of lead crystal); a line
   * under `hs` is covered too.
   */
  match: 'hs' | 'hs+terms' | 'terms';
  /** Words that take a line out of the item (`used` for 2321 OP30's new vessels). */
  unless?: string[];
  /** What the analyst must find out when the description cannot decide, as a question. */
  question?: string;
  /** Only items valued above this each (line value ÷ quantity): 2321 Annex IV's rugs over $500. */
  valueOver?: { amount: number; currency: string };
  /** The HS 2017 heading or subheading texts the codes and synonyms come from, quoted. */
  hsText?: string;
  /** A scope call of ours, not the act's words: the reasoning. */
  inferred?: string;
}

/** A quantity and/or value cap over a period. */
export interface Cap {
  /** Quantity limit, in `unit` (UN/CEFACT Rec. 20 code or common word: bbl, t, kg). */
  quantity?: { amount: number; unit: string };
  /** Value limit. */
  value?: { amount: number; currency: string };
  /** `lower`: both limits apply and whichever is reached first binds (2321 OP26's coal cap). */
  combine?: 'lower';
  /** The period over which usage adds up. */
  period: { from: string; to?: string; recurrence?: 'annual'; yearStart?: string };
  /** Unit conversions the act itself gives (2397 OP4: 4,000,000 bbl or 525,000 t). */
  conversions?: { from: string; to: string; factor: number; citation: string }[];
}

/** A way out of a prohibition. */
export interface Exemption {
  kind:
    | 'livelihood'
    | 'humanitarian'
    | 'committee-approval'
    | 'rajin-transit'
    | 'notification'
    | 'contract-before'
    | 'other';
  /** What the exemption requires, in words. */
  condition: string;
  citation: Citation;
  /**
   * The key a transaction claims it by in `declarations.exemption` (`civil-aircraft-spares`);
   * without one, the kind is the key for livelihood, humanitarian, committee-approval,
   * rajin-transit and notification, and an `other` exemption cannot be claimed.
   */
  key?: string;
  /**
   * Words that, in `declarations.purpose` or a goods line's description, state the condition (the
   * aircraft models 2397 OP7 names): the judge recognises the exemption without a claim.
   */
  recognise?: string[];
  /** First day the exemption exists, where later than the measure (2321 OP46: 30 Nov 2016). */
  effective?: string;
  /** For `contract-before`: contracts signed before this date… */
  contractBefore?: string;
  /** …may be performed until this date (the wind-down). */
  until?: string;
}

/** One measure. */
export interface Measure {
  /** Stable id, e.g. `un-2397-op6-food-agri-export`. */
  id: string;
  title: string;
  authority: Authority;
  citation: Citation;
  tags: MeasureTag[];
  direction: Direction;
  goods?: GoodsScope;
  /** Parties, vessels or countries the measure concerns: `designated` = listed parties/vessels. */
  concerns?: {
    countries?: string[];
    parties?: 'designated' | 'government' | 'any';
    vessels?: 'designated' | 'flagged' | 'any';
    /**
     * A look-back on a vessel's voyage history: the measure concerns vessels that called at a port
     * of one of `countries` within the `lookbackDays` days before the act (EO 13810 sec. 2's
     * 180-day rule); with `shipToShip`, also vessels that made a ship-to-ship transfer with such a
     * vessel within the same window.
     */
    priorCall?: { countries: string[]; lookbackDays: number; shipToShip?: boolean };
    /**
     * Whose conduct a US measure reaches: `us-persons` (exports from the United States or by a US
     * person wherever located, EO 13722 sec. 3; EO 13466 sec. 2), `into-us` (importation into the
     * United States, EO 13570 sec. 1), `us-items` (items subject to the EAR, 15 CFR 746.4),
     * `us-facilitation` (a US person's approval, financing, facilitation or guarantee of a foreign
     * person's transaction, EO 13722 sec. 3(a)(iii)), `non-us-persons` (secondary sanctions, EO
     * 13810 sec. 1(a)(iii) and sec. 4).
     */
    reach?: 'us-persons' | 'into-us' | 'us-items' | 'us-facilitation' | 'non-us-persons';
  };
  /** Date the measure takes effect (YYYY-MM-DD). */
  effective: string;
  /** Date it ends, if any (inclusive last day is `ends` minus one day). */
  ends?: string;
  cap?: Cap;
  exemptions?: Exemption[];
  /** Ids of measures this one amends or replaces; lifting this one never revives them. */
  replaces?: string[];
  /**
   * Ids of measures this one applies to more goods or persons ("shall also apply"): both stay in
   * force, and lifting this one leaves them standing (2270 OP6 extends 1874 OP10).
   */
  extends?: string[];
  /** `prohibited`, or permitted only under conditions the tool cannot confirm. */
  effect: 'prohibited' | 'conditional';
  /** For `conditional`: what the conditions are (notification, authorisation, purpose). */
  conditions?: string[];
  notes?: string;
}

/** One legal act's file: its metadata and its measures. */
export interface ActFile {
  regime: string;
  act: string;
  authority: Authority;
  adopted: string;
  title: string;
  url?: string;
  measures: Measure[];
}

/** A loaded regime. */
export interface Regime {
  id: string;
  title: string;
  acts: ActFile[];
  measures: Measure[];
}
