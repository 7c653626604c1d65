/**
 * @module
 * The shapes of name screening: a query (an FtM-style example entity), scored results in yente's
 * style, and the explanation every score carries.
 */
import type { Properties, SourceId } from './entity.ts';
import type { SchemaName } from './schema.ts';
import type { Topic } from './topics.ts';

/** Matching algorithms. `embargo` is the default; `ofac` emulates OFAC's Sanctions List Search. */
export const ALGORITHMS = ['embargo', 'ofac'] as const;

/** One of {@link ALGORITHMS}. */
export type Algorithm = (typeof ALGORITHMS)[number];

/**
 * A screening query: who or what to look for, as an FtM example entity. `schema` narrows the
 * kind of party (Person, Company, Organization, LegalEntity, Vessel, Airplane); `properties`
 * holds `name` and whatever else is known (birthDate, nationality, country, gender,
 * passportNumber, idNumber, registrationNumber, imoNumber, mmsi…).
 */
export interface ScreeningQuery {
  schema: SchemaName;
  properties: Properties;
}

/** Per-call options of a screening. */
export interface ScreenOptions {
  algorithm?: Algorithm;
  /** Score at or above which a result is a match; default: the algorithm's own. */
  threshold?: number;
  /** Results to return (default 5). */
  limit?: number;
  /** Screen only against these sources (default: all loaded). */
  sources?: SourceId[];
  /**
   * `brief` leaves out each result's `properties` (empty) and token explanation (empty; the
   * feature contributions stay): for outputs that show only ids, names and scores, such as a batch
   * written as CSV, where building both for every result was a tenth of the work. Default `full`.
   */
  detail?: 'full' | 'brief';
  /** Leave out results scoring below this (yente's `cutoff`); default: none. */
  cutoff?: number;
  /**
   * These names will be asked again with other details (a trade book meets its counterparties
   * many times, with other countries or identifiers): remember their candidates and name
   * alignments, so a later query with the same names scores only its details. For `brief`
   * answers; results are the same either way. Ask it only of names that recur: each costs a few
   * hundred bytes, and one-off names would push the recurring ones out.
   */
  memoNames?: boolean;
}

/** How one query token was paired with one list token. */
export interface TokenExplanation {
  query: string;
  list: string;
  /** `exact`, `variant`, `phonetic`, `fuzzy`, `initial`, `skeleton`, `joined`, `translit`, `none`… */
  method: string;
  score: number;
}

/** Why a result scored what it did. `features` maps each feature to its contribution. */
export interface Explanation {
  tokens: TokenExplanation[];
  features: Record<string, number>;
}

/** One scored entity, in yente's result shape plus `matched_name` and `programs`. */
export interface ScoredEntity {
  id: string;
  schema: SchemaName;
  caption: string;
  properties: Properties;
  datasets: SourceId[];
  topics: Topic[];
  score: number;
  match: boolean;
  explanations: Explanation;
  /** The name or alias of the entity that scored best. */
  matched_name: string;
  /**
   * The part of the query that scored best, where it is not a name as written: a name taken out
   * of its document dressing ("YU JONG 2" from "NEW REGENT (ex YU JONG 2)").
   */
  matched_query?: string;
  programs: string[];
  first_seen: string;
  last_change: string;
}

/** One list snapshot an answer relied on, with how old its list is. */
export interface CoveredSnapshot {
  /** `<source>@<date>`, as `lists status` shows it. */
  id: string;
  source: SourceId;
  /** The list's own date (`YYYY-MM-DD`), as the files state it or as it was given at load. */
  list_date: string;
  /**
   * Whole days from the list date (or, for a downloaded list, from the last download that found
   * it still current, if later) to `checked_at`.
   */
  age_days: number;
  /** Older than `max_age_days`: what was screened may no longer be what the authority lists. */
  stale: boolean;
}

/**
 * What an answer (a screening or a trade verdict) was judged on: the snapshots used, the lists it
 * relied on that are not loaded, and the stale ones. An answer is only as good as its coverage:
 * a "no match" against a missing or stale list proves nothing about that list.
 */
export interface Coverage {
  /** The active snapshots the answer used. */
  snapshots: CoveredSnapshot[];
  /** Lists the answer relied on (asked for, or an authority's lists) that are not loaded. */
  missing: SourceId[];
  /** The snapshots of `snapshots` that are stale, with their age. */
  stale: { source: SourceId; id: string; age_days: number }[];
  /** The age beyond which a list is stale; null when the check is off (`0`). */
  max_age_days: number | null;
  /** The day (UTC) ages were counted to. */
  checked_at: string;
}

/** The answer to one screening query. */
export interface ScreenResponse {
  input: unknown;
  results: ScoredEntity[];
  algorithm: Algorithm;
  threshold: number;
  /** Ids of the snapshots screened against. */
  snapshots: string[];
  engine_version: string;
  /** What the screening covered: snapshots and their age, lists missing, stale lists. */
  coverage?: Coverage;
}

/** The answer to `compare`: two names scored against each other. */
export interface CompareResponse {
  name1: string;
  name2: string;
  schema: SchemaName;
  algorithm: Algorithm;
  score: number;
  match: boolean;
  explanations: Explanation;
}
