/**
 * @module
 * The coverage contract (issue 11): which snapshots an answer used, how old their lists are, and
 * which lists it relied on are not loaded. Embargo refuses to answer when no list is loaded at
 * all (E_NOT_READY) and otherwise answers with its coverage, so that a "no match" or a CLEAR is
 * never read as more than what was checked.
 */
import {
  EmbargoError,
  ERROR_CODES,
  SOURCE_IDS,
  type Coverage,
  type CoveredSnapshot,
  type SourceId,
} from '../core/index.ts';
import type { Authority } from '../rules/index.ts';
import type { Snapshot, Store } from '../store/index.ts';

const DAY_MS = 86_400_000;

/**
 * The lists each authority's verdict relies on. `required`: groups of which one loaded list each
 * is needed (the UK's consolidated list moved from OFSI to the FCDO in 2026: either will do);
 * `ifLoaded`: lists the verdict uses where they are loaded, so their staleness counts too.
 */
export const RELIED_LISTS: Record<Authority, { required: SourceId[][]; ifLoaded: SourceId[] }> = {
  un: { required: [['un_sc']], ifLoaded: [] },
  us: { required: [['ofac_sdn']], ifLoaded: ['ofac_consolidated', 'us_bis_dpl'] },
  uk: { required: [['uk_fcdo', 'uk_ofsi']], ifLoaded: [] },
  eu: { required: [['eu_fsf']], ifLoaded: [] },
};

/** The UTC day of a time, `YYYY-MM-DD`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from one UTC day to another (0 when `from` is later). */
function daysBetween(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS),
  );
}

/**
 * An active snapshot with its age: from its list date, or from the day a download last found it
 * still the current list (`confirmedAt`), whichever is later. A list loaded from files
 * (`lists load`, `lists update --from`) has only its list date: nothing says it is still current.
 */
export function coveredSnapshot(
  snapshot: Pick<Snapshot, 'id' | 'source' | 'date'>,
  confirmedAt: string | undefined,
  maxAgeDays: number,
  now: number,
): CoveredSnapshot {
  const today = utcDay(now);
  const confirmed = confirmedAt?.slice(0, 10);
  const since = confirmed && confirmed > snapshot.date ? confirmed : snapshot.date;
  const age = daysBetween(since, today);
  return {
    id: snapshot.id,
    source: snapshot.source,
    list_date: snapshot.date,
    age_days: age,
    stale: maxAgeDays > 0 && age > maxAgeDays,
  };
}

/** Every active snapshot of the store, with its age, in source order. */
export async function activeSnapshots(
  store: Store,
  maxAgeDays: number,
  now: number,
): Promise<CoveredSnapshot[]> {
  const out: CoveredSnapshot[] = [];
  for (const source of SOURCE_IDS) {
    const active = await store.activeSnapshot(source);
    if (!active) continue;
    const { success } = await store.lastRefreshes(source);
    const confirmedAt = success?.snapshot === active.id ? success.finishedAt : undefined;
    out.push(coveredSnapshot(active, confirmedAt, maxAgeDays, now));
  }
  return out;
}

/**
 * The coverage of an answer that used the snapshots of `used` (all active ones when undefined)
 * and relied on the lists of `relied` (reported missing when not loaded).
 */
export function coverageOf(
  active: readonly CoveredSnapshot[],
  used: readonly SourceId[] | undefined,
  relied: readonly SourceId[],
  maxAgeDays: number,
  now: number,
): Coverage {
  const snapshots = used ? active.filter((s) => used.includes(s.source)) : [...active];
  const loaded = new Set(active.map((s) => s.source));
  return {
    snapshots,
    missing: SOURCE_IDS.filter((s) => relied.includes(s) && !loaded.has(s)),
    stale: snapshots
      .filter((s) => s.stale)
      .map((s) => ({ source: s.source, id: s.id, age_days: s.age_days })),
    max_age_days: maxAgeDays > 0 ? maxAgeDays : null,
    checked_at: utcDay(now),
  };
}

/** What a screening warns of its coverage: each stale list, and each list asked for but missing. */
export function coverageWarnings(coverage: Coverage): string[] {
  const out: string[] = [];
  for (const s of coverage.stale)
    out.push(
      `${s.id} is ${s.age_days} days old (more than ${coverage.max_age_days}): a name it does not ` +
        `hold may have been listed since; confirm against the current ${s.source} list or update it`,
    );
  for (const m of coverage.missing)
    out.push(`${m} was asked for but is not loaded: nothing was screened against it`);
  return out;
}

/**
 * The refusal when nothing can be checked: no list loaded at all, or none of those asked for.
 * Exit 3 in the CLI, 503 over HTTP.
 */
export function notReady(asked?: readonly SourceId[]): EmbargoError {
  if (asked?.length)
    return new EmbargoError(
      ERROR_CODES.NOT_READY,
      `${asked.join(', ')} ${asked.length === 1 ? 'is' : 'are'} not loaded: nothing to screen against ` +
        `(load ${asked.length === 1 ? 'it' : 'them'} with \`embargo lists update\` or \`embargo lists load\`)`,
      { field: 'sources' },
    );
  return new EmbargoError(
    ERROR_CODES.NOT_READY,
    'no lists are loaded: Embargo cannot screen or judge anything; load them first ' +
      '(`embargo lists update`, or `embargo lists update --from <mirror>`)',
  );
}

/** A gap in the lists an authority's verdict relies on. */
export interface AuthorityGap {
  kind: 'missing' | 'stale';
  /** The lists concerned (a group of alternatives when missing). */
  lists: SourceId[];
  detail: string;
}

/** What is missing or stale among the lists an authority's verdict relies on. */
export function authorityGaps(
  authority: Authority,
  active: readonly CoveredSnapshot[],
  maxAgeDays: number,
): AuthorityGap[] {
  const { required, ifLoaded } = RELIED_LISTS[authority];
  const bySource = new Map(active.map((s) => [s.source, s]));
  const gaps: AuthorityGap[] = [];
  const staleGap = (s: CoveredSnapshot): AuthorityGap => ({
    kind: 'stale',
    lists: [s.source],
    detail:
      `${s.id} is ${s.age_days} days old (more than ${maxAgeDays}): the parties were screened ` +
      `against a list that may have changed since; confirm them against the current ${s.source} ` +
      `list (or update it) before relying on this verdict`,
  });
  for (const group of required) {
    const loaded = group.map((s) => bySource.get(s)).filter((s) => s !== undefined);
    if (!loaded.length)
      gaps.push({
        kind: 'missing',
        lists: group,
        detail:
          `${group.length > 1 ? `neither ${group.join(' nor ')} is` : `${group[0]} is not`} loaded: the parties were ` +
          `not screened against the ${authority.toUpperCase()} list; confirm them against ` +
          `${group.join(' or ')} (or load it) before relying on this verdict`,
      });
    // One current list of the group is enough; if every loaded one is stale, each is named.
    else if (loaded.every((s) => s.stale)) gaps.push(...loaded.map(staleGap));
  }
  for (const id of ifLoaded) {
    const s = bySource.get(id);
    if (s?.stale) gaps.push(staleGap(s));
  }
  return gaps;
}
