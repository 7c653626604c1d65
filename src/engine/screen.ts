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
import { Matcher } from '../match/index.ts';
import type { Snapshot, Store } from '../store/index.ts';
import { activeSnapshots, coverageOf, coverageWarnings, notReady } from './coverage.ts';
import { ENGINE_VERSION } from './version.ts';
import { loadOrBuildIndex, type EntityFacts, type IndexCacheConfig } from './indexCache.ts';

/** How long the ages of the active snapshots are reused before being read again. */
const COVERAGE_TTL_MS = 1000;

/** How long a screening trusts that no other process has loaded a list. */
const VERSION_CHECK_MS = 250;

export type { EntityFacts } from './indexCache.ts';

/**
 * Keeps one Matcher per set of active snapshots. {@link refresh} (asynchronous: it reads the
 * store) brings it up to date; the `…Now` methods then answer synchronously from what it read,
 * for the trade check's rules, which screen inside synchronous callbacks.
 */
export class ScreeningService {
  private matcher: Matcher | undefined;
  private entityFacts = new Map<string, EntityFacts>();
  private key = '';
  private version = '';
  private checkedAt = 0;
  private localWrites = -1;
  /** Where the index is stored and loaded from (see indexCache.ts); built only when unset. */
  indexCache: IndexCacheConfig | undefined;
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
  async activeSnapshots(now = Date.now(), expect?: string): Promise<CoveredSnapshot[]> {
    const a = this.ages;
    if (
      a &&
      now - a.at < COVERAGE_TTL_MS &&
      a.writes === this.writes() &&
      (expect === undefined || a.key === expect)
    )
      return a.active;
    const active = await activeSnapshots(this.store, this.maxAgeDays(), now);
    this.ages = { key: active.map((x) => x.id).join(','), at: now, writes: this.writes(), active };
    return active;
  }

  /**
   * The coverage of an answer using `sources` (all active lists when none are given) and relying
   * on `relied` (default: the sources asked for, else every known list). Throws E_NOT_READY when
   * it would use no snapshot at all: nothing could be checked.
   */
  async coverage(
    sources?: readonly SourceId[],
    relied?: readonly SourceId[],
    now = Date.now(),
    expect?: string,
  ): Promise<Coverage> {
    await this.activeSnapshots(now, expect);
    return this.coverageNow(sources, relied, now);
  }

  /** The active snapshots as last read (by {@link refresh} or {@link activeSnapshots}). */
  activeSnapshotsNow(): CoveredSnapshot[] {
    return this.ages?.active ?? [];
  }

  /** {@link coverage} from the active snapshots as last read. */
  coverageNow(
    sources?: readonly SourceId[],
    relied?: readonly SourceId[],
    now = Date.now(),
  ): Coverage {
    const asked = sources?.length ? sources : undefined;
    const active = this.activeSnapshotsNow();
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

  /** What {@link refresh} read of an entity of the active snapshots (undefined if not listed). */
  facts(id: string): EntityFacts | undefined {
    return this.entityFacts.get(id);
  }

  /**
   * Brings the matcher and the active snapshots' ages up to date with the store; the `…Now`
   * methods answer from what it read.
   */
  async refresh(now = Date.now()): Promise<{ matcher: Matcher; snapshots: string[] }> {
    const current = await this.current();
    await this.activeSnapshots(now, current.snapshots.join(','));
    return current;
  }

  /** A check of the store under way, which concurrent callers share. */
  private checking: Promise<{ matcher: Matcher; snapshots: string[] }> | undefined;

  /** The matcher over the active snapshots, built on first use and after a list changes. */
  private current(): Promise<{ matcher: Matcher; snapshots: string[] }> {
    if (
      this.matcher &&
      Date.now() - this.checkedAt < VERSION_CHECK_MS &&
      this.localWrites === this.writes()
    )
      return Promise.resolve({ matcher: this.matcher, snapshots: this.snapshots });
    // One check (and one build) at a time: requests arriving meanwhile wait for it rather than
    // each building a matcher of their own.
    return (this.checking ??= this.check().finally(() => (this.checking = undefined)));
  }

  private async check(): Promise<{ matcher: Matcher; snapshots: string[] }> {
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
    const version = await this.store.version();
    if (this.matcher && version === this.version)
      return { matcher: this.matcher, snapshots: this.snapshots };
    const active: Snapshot[] = [];
    for (const s of SOURCE_IDS) {
      const a = await this.store.activeSnapshot(s);
      if (a) active.push(a);
    }
    const key = active.map((s) => s.id).join(',');
    if (!this.matcher || key !== this.key) {
      // Loaded when another process (or an earlier run) stored it for these snapshots.
      const { index, facts } = await loadOrBuildIndex(this.store, active, this.indexCache);
      this.matcher = new Matcher(index);
      this.entityFacts = facts;
      this.key = key;
      this.snapshots = active.map((s) => s.id);
    }
    // Only once built: a failed build is tried again by the next check.
    this.version = version;
    return { matcher: this.matcher, snapshots: this.snapshots };
  }

  /** Screens one query (against the store as it is now). */
  async screen(
    query: ScreeningQuery,
    options: ScreenOptions = {},
  ): Promise<ScreenResponse & { warnings?: string[] }> {
    await this.refresh();
    return this.screenNow(query, options);
  }

  /** Screens one query with the matcher {@link refresh} last built (which must have run). */
  screenNow(
    query: ScreeningQuery,
    options: ScreenOptions = {},
  ): ScreenResponse & { warnings?: string[] } {
    const matcher = this.matcher;
    const snapshots = this.snapshots;
    if (!matcher) throw new Error('ScreeningService.screenNow before refresh');
    // Refuse before screening: a "no candidates" from no list would read as a clean result.
    const coverage = this.coverageNow(options.sources, undefined, Date.now());
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

  /** {@link compare} with the matcher {@link refresh} last built (which must have run). */
  compareNow(
    name1: string,
    name2: string,
    options: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number } = {},
  ): CompareResponse {
    if (!this.matcher) throw new Error('ScreeningService.compareNow before refresh');
    return this.matcher.compare(name1, name2, options.schema, options.algorithm, options.threshold);
  }

  /** Compares two names (token rarity taken from the loaded lists, if any). */
  async compare(
    name1: string,
    name2: string,
    options: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number } = {},
  ): Promise<CompareResponse> {
    return (await this.refresh()).matcher.compare(
      name1,
      name2,
      options.schema,
      options.algorithm,
      options.threshold,
    );
  }
}
