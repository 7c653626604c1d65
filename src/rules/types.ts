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
  };
  /** Date the measure takes effect (YYYY-MM-DD). */
  effective: string;
  /** Date it ends, if any (inclusive last day is `ends` minus one day). */
  ends?: string;
  cap?: Cap;
  exemptions?: Exemption[];
  /** Ids of measures this one amends or replaces; lifting this one never revives them. */
  replaces?: string[];
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
