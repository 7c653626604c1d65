/**
 * @module
 * Screening through the engine: a Matcher over the active snapshots, rebuilt when they change.
 */
import {
  SOURCE_IDS,
  type Coverage,
  type CoveredSnapshot,
  type CompareResponse,
  type ScreenOptions,
  type ScreenResponse,
  type ScreeningQuery,
  type Algorithm,
  type SchemaName,
  type SourceId,
} from '../core/index.ts';
import { CandidateIndex, Matcher } from '../match/index.ts';
import type { Store } from '../store/index.ts';
import { activeSnapshots, coverageOf, coverageWarnings, notReady } from './coverage.ts';
import { ENGINE_VERSION } from './version.ts';

/** How long the ages of the active snapshots are reused before being read again. */
const COVERAGE_TTL_MS = 1000;

/** How long a screening trusts that no other process has loaded a list. */
const VERSION_CHECK_MS = 250;

/** Keeps one Matcher per set of active snapshots. */
export class ScreeningService {
  private matcher: Matcher | undefined;
  private key = '';
  private version = '';
  private checkedAt = 0;
  private localWrites = -1;
  /** Snapshots written through this service's store by this process (see Engine). */
  writes: () => number = () => 0;
  private snapshots: string[] = [];
  private readonly store: Store;
  /** The active snapshots with their ages, when they were read, and the local writes then. */
  private ages: { key: string; at: number; writes: number; active: CoveredSnapshot[] } | undefined;
  /**
   * Days beyond which a list is stale (0: no check); read on first use, so a bad setting fails
   * the first answer that needs it, naming the variable or field.
   */
  maxAgeDays: () => number = () => 0;

  constructor(store: Store) {
    this.store = store;
  }

  /**
   * Every active snapshot with its age, read from the store (without building the matcher: a
   * batch on workers asks it in a process that screens nothing). Read again after a second, at
   * once after a load by this process, or when `expect` (the matcher's snapshot ids) differs.
   */
  activeSnapshots(now = Date.now(), expect?: string): CoveredSnapshot[] {
    const a = this.ages;
    if (
      a &&
      now - a.at < COVERAGE_TTL_MS &&
      a.writes === this.writes() &&
      (expect === undefined || a.key === expect)
    )
      return a.active;
    const active = activeSnapshots(this.store, this.maxAgeDays(), now);
    this.ages = { key: active.map((x) => x.id).join(','), at: now, writes: this.writes(), active };
    return active;
  }

  /**
   * The coverage of an answer using `sources` (all active lists when none are given) and relying
   * on `relied` (default: the sources asked for, else every known list). Throws E_NOT_READY when
   * it would use no snapshot at all: nothing could be checked.
   */
  coverage(
    sources?: readonly SourceId[],
    relied?: readonly SourceId[],
    now = Date.now(),
    expect?: string,
  ): Coverage {
    const asked = sources?.length ? sources : undefined;
    const active = this.activeSnapshots(now, expect);
    const coverage = coverageOf(
      active,
      asked,
      relied ?? asked ?? SOURCE_IDS,
      this.maxAgeDays(),
      now,
    );
    if (!coverage.snapshots.length) throw notReady(active.length ? asked : undefined);
    return coverage;
  }

  /** The matcher over the active snapshots, built on first use and after a list changes. */
  current(): { matcher: Matcher; snapshots: string[] } {
    // Checking the store's version costs one pragma, listing the active snapshots a dozen
    // queries: too many to run on every screening. Another process's load is noticed within
    // VERSION_CHECK_MS; this process's own loads at once (the version counts them).
    const now = Date.now();
    if (
      this.matcher &&
      now - this.checkedAt < VERSION_CHECK_MS &&
      this.localWrites === this.writes()
    )
      return { matcher: this.matcher, snapshots: this.snapshots };
    this.checkedAt = now;
    this.localWrites = this.writes();
    const version = this.store.version();
    if (this.matcher && version === this.version)
      return { matcher: this.matcher, snapshots: this.snapshots };
    this.version = version;
    const active = SOURCE_IDS.map((s) => this.store.activeSnapshot(s)).filter(
      (s) => s !== undefined,
    );
    const key = active.map((s) => s.id).join(',');
    if (!this.matcher || key !== this.key) {
      const store = this.store;
      const entities = (function* () {
        for (const s of active) yield* store.iterateEntities(s.id, { raw: false, related: false });
      })();
      this.matcher = new Matcher(CandidateIndex.build(entities));
      this.key = key;
      this.snapshots = active.map((s) => s.id);
    }
    return { matcher: this.matcher, snapshots: this.snapshots };
  }

  /** Screens one query. */
  screen(
    query: ScreeningQuery,
    options: ScreenOptions = {},
  ): ScreenResponse & { warnings?: string[] } {
    const { matcher, snapshots } = this.current();
    // Refuse before screening: a "no candidates" from no list would read as a clean result.
    const coverage = this.coverage(options.sources, undefined, Date.now(), snapshots.join(','));
    const r = matcher.screen(query, options);
    // Only stale lists and lists asked for by name warn; a list nobody asked for that is not
    // loaded is reported in `coverage.missing`, not warned of on every answer.
    const warnings = [
      ...r.warnings,
      ...coverageWarnings(options.sources?.length ? coverage : { ...coverage, missing: [] }),
    ];
    return {
      input: query,
      results: r.results,
      algorithm: r.algorithm,
      threshold: r.threshold,
      // What the matcher used; `coverage` is read from the store and agrees with it, but for a
      // list another process loaded in the last few hundred milliseconds.
      snapshots: options.sources?.length
        ? snapshots.filter((id) => options.sources!.some((s) => id.startsWith(`${s}@`)))
        : snapshots,
      engine_version: ENGINE_VERSION,
      coverage,
      ...(warnings.length && { warnings }),
    };
  }

  /** Compares two names (token rarity taken from the loaded lists, if any). */
  compare(
    name1: string,
    name2: string,
    options: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number } = {},
  ): CompareResponse {
    return this.current().matcher.compare(
      name1,
      name2,
      options.schema,
      options.algorithm,
      options.threshold,
    );
  }
}
