/**
 * @module
 * The shapes of a trade check's answer (issue 4): a verdict per authority, each with its reasons,
 * and the worst of them overall; and the list hits the judge is given by its caller.
 */
import type { Coverage } from '../../core/index.ts';
import type { Authority, Measure } from '../types.ts';
import type { CapState } from './caps.ts';

/** BLOCK: prohibited. REVIEW: permitted only under conditions the tool cannot confirm, goods the
 * HS code alone cannot classify, or a name hit an analyst must judge. CLEAR: nothing found. */
export type Verdict = 'CLEAR' | 'REVIEW' | 'BLOCK';

const RANK: Record<Verdict, number> = { CLEAR: 0, REVIEW: 1, BLOCK: 2 };

/** The worse of verdicts (CLEAR for none). */
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let w: Verdict = 'CLEAR';
  for (const v of verdicts) if (RANK[v] > RANK[w]) w = v;
  return w;
}

/** What kind of finding a reason is. */
export type ReasonKind =
  | 'measure'
  | 'wind-down'
  | 'exemption'
  | 'conditional'
  | 'calls-upon'
  | 'hs-unclassified'
  | 'description'
  | 'cap'
  | 'service'
  | 'route'
  | 'designation'
  | 'vessel'
  | 'secondary-sanctions'
  /**
   * What the verdict could not check: a list it relies on that is missing or stale, or an
   * authority with no measures in the regime data (added by the engine, never by the judge).
   */
  | 'coverage';

/**
 * An entity of a list that screening or an identifier lookup found. `decisive`: an identifier
 * (an IMO number) matched exactly; `match`: the name scored at or above the threshold;
 * `possible`: near the threshold, for an analyst to judge.
 */
export interface ListHit {
  id: string;
  caption: string;
  /** Source list ids (`un_sc`, `ofac_sdn`…). */
  sources: string[];
  score: number;
  strength: 'decisive' | 'match' | 'possible';
  matched_name?: string;
  programs?: string[];
  /** The date the list gives for the listing (UN: the resolution or Committee decision's date). */
  listed_on?: string;
}

/** One reason for a verdict. */
export interface Reason {
  kind: ReasonKind;
  verdict: Exclude<Verdict, 'CLEAR'>;
  authority: Authority;
  /** The measure's id, where a measure is the reason. */
  measure?: string;
  /** `S/RES/2371 (2017) OP8`. */
  citation?: string;
  detail: string;
  /** The party, vessel or goods line concerned, as a JSON pointer into the transaction. */
  subject?: string;
  /** The list entities that were hit. */
  hits?: ListHit[];
}

/** One authority's verdict. `bound`: the authority binds the user (chosen, or by US nexus). */
export interface AuthorityVerdict {
  verdict: Verdict;
  bound: boolean;
  reasons: Reason[];
}

/** The answer for one transaction. */
export interface TradeVerdict {
  id: string;
  /** The date the measures were judged on (the transaction's, or --as-of). */
  date: string;
  verdict: Verdict;
  by_authority: Partial<Record<Authority, AuthorityVerdict>>;
  reasons: Reason[];
  caps: CapState[];
  /** The snapshots the parties were screened against, lists missing, stale lists. */
  coverage?: Coverage;
}

/** `S/RES/2371 (2017) OP8`: the short citation of a measure. */
export function cite(m: Measure): string {
  return `${m.citation.act} ${m.citation.paragraph}`;
}
