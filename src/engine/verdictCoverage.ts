/**
 * @module
 * A trade verdict's coverage (issue 11): the judge rules on the measures and the hits it is given;
 * whether the lists behind those hits were there and current is the engine's to say. An authority
 * whose lists are missing or stale, or which has no measures in the regime data, cannot give a
 * CLEAR: its verdict is at least REVIEW, with a reason saying what the analyst must confirm.
 */
import type { CoveredSnapshot, SourceId } from '../core/index.ts';
import {
  worst,
  type AuthorityVerdict,
  type Reason,
  type TradeVerdict,
} from '../rules/check/index.ts';
import type { Authority, Regime } from '../rules/index.ts';
import { authorityGaps, coverageOf, RELIED_LISTS } from './coverage.ts';

/** Full names, for reasons an analyst reads. */
const AUTHORITY_NAMES: Record<Authority, string> = {
  un: 'UN Security Council',
  us: 'United States',
  eu: 'European Union',
  uk: 'United Kingdom',
};

/**
 * Adds `coverage` to a verdict, and to each binding authority a REVIEW reason (kind `coverage`)
 * per list it relies on that is missing or stale, or when the regime holds none of its measures.
 * The overall verdict is recomputed as the worst of the authorities', as the judge computes it.
 */
export function withCoverage(
  verdict: TradeVerdict,
  regime: Regime,
  active: readonly CoveredSnapshot[],
  maxAgeDays: number,
  now: number,
): TradeVerdict {
  const relied = new Set<SourceId>();
  for (const [a, av] of Object.entries(verdict.by_authority) as [Authority, AuthorityVerdict][]) {
    // An authority judged without binding the user (a secondary-sanctions hit) is shown, not
    // relied on: its verdict is already a REVIEW of what was found.
    if (!av.bound) continue;
    for (const g of RELIED_LISTS[a].required) for (const s of g) relied.add(s);
    for (const s of RELIED_LISTS[a].ifLoaded) if (active.some((x) => x.source === s)) relied.add(s);
    const added: Reason[] = [];
    if (!regime.measures.some((m) => m.authority === a))
      added.push({
        kind: 'coverage',
        verdict: 'REVIEW',
        authority: a,
        detail:
          `no measures loaded for this authority: the ${regime.id} regime data holds no ` +
          `${AUTHORITY_NAMES[a]} measures, so Embargo cannot clear this transaction under them; ` +
          `an analyst must judge it against the ${AUTHORITY_NAMES[a]}'s own measures`,
      });
    for (const gap of authorityGaps(a, active, maxAgeDays))
      added.push({ kind: 'coverage', verdict: 'REVIEW', authority: a, detail: gap.detail });
    if (!added.length) continue;
    av.reasons.push(...added);
    av.verdict = worst([av.verdict, 'REVIEW']);
  }
  const all = Object.values(verdict.by_authority);
  return {
    ...verdict,
    verdict: worst(all.map((v) => v.verdict)),
    reasons: all.flatMap((v) => v.reasons),
    coverage: coverageOf(active, undefined, [...relied], maxAgeDays, now),
  };
}
