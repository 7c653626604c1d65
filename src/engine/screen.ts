/**
 * @module
 * Screening through the engine: a Matcher over the active snapshots, rebuilt when they change.
 *
 * Two ways to follow the store. A one-shot process (the CLI, the library) checks on use: a
 * screening after a load by this process sees the new lists at once, one after another
 * process's load within {@link VERSION_CHECK_MS}, and the screening that notices waits for the
 * build. A long-running process (the server) calls {@link ScreeningService.watch}: the store is
 * checked every few seconds off the request path, a new index is built in the background in
 * time slices, and swapped in whole; requests meanwhile are answered from the old index, with
 * the old index's snapshots and coverage (issue 17).
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
import { drain, Matcher, type CandidateIndex } from '../match/index.ts';
import type { Snapshot, Store } from '../store/index.ts';
import {
  activeSnapshots,
  coverageOf,
  coverageWarnings,
  coveredSnapshot,
  notReady,
} from './coverage.ts';
import { performance } from 'node:perf_hooks';
import { TimeSlicer, youngCollector } from './slice.ts';
import { ENGINE_VERSION } from './version.ts';
import { storedIndexInWorker } from './indexThread.ts';
import {
  indexFromBytes,
  loadOrBuildIndex,
  type EntityFacts,
  type FactsLookup,
  type IndexCacheConfig,
} from './indexCache.ts';

/** How long the ages of the active snapshots are reused before being read again. */
const COVERAGE_TTL_MS = 1000;

/** A UTC day, in ms: list ages are whole days. */
const DAY_MS = 86_400_000;

/**
 * Marks a phase of a background swap on the performance timeline (`embargo:swap:<phase>`), for
 * a PerformanceObserver to line up with event-loop delay and GC pauses (bench/swap-trace.mjs);
 * cleared at once, so that a server running for months keeps none of them.
 */
function mark(phase: string): void {
  const name = `embargo:swap:${phase}`;
  performance.mark(name);
  performance.clearMarks(name);
}

/** How long a screening trusts that no other process has loaded a list. */
const VERSION_CHECK_MS = 250;

export type { EntityFacts } from './indexCache.ts';

/**
 * One matcher with everything read along with it. Replaced whole (one assignment), so an answer
 * takes its matcher, snapshots, facts and coverage from the same build, never half of each.
 */
interface Generation {
  matcher: Matcher;
  /** The snapshot ids, comma-joined. */
  key: string;
  snapshots: string[];
  facts: FactsLookup;
  /**
   * The snapshots indexed, with the last download that found each still current: what a watching
   * service's coverage is computed from, so that it names what the matcher used.
   */
  sources: { snapshot: Snapshot; confirmedAt: string | undefined }[];
}

/** Options of {@link ScreeningService.watch}. */
export interface WatchOptions {
  /** How often the store is checked for a new set of active snapshots, in ms. */
  intervalMs: number;
  /** Told when a new index is swapped in (with the snapshots it serves and those it replaced). */
  onSwap?: (snapshots: string[], previous: string[]) => void;
  /**
   * Told when checking the store or building the new index fails; the old index goes on
   * serving, and the next check tries again.
   */
  onError?: (err: unknown, snapshots: string[] | undefined) => void;
}

/** What a watching service serves, builds, and last failed to build. */
export interface ScreeningStatus {
  /** Whether the service follows the store in the background ({@link ScreeningService.watch}). */
  watching: boolean;
  /** The snapshots of the index answering now (empty before the first build, or with no list). */
  snapshots: string[];
  /** The snapshots of an index being built in the background. */
  building?: string[];
  /** The last background check or build that failed, until one succeeds. */
  failed?: { snapshots?: string[]; message: string; at: string };
}

/**
 * Keeps one Matcher per set of active snapshots. {@link refresh} (asynchronous: it reads the
 * store) brings it up to date; the `…Now` methods then answer synchronously from what it read,
 * for the trade check's rules, which screen inside synchronous callbacks.
 */
export class ScreeningService {
  private gen: Generation | undefined;
  private version = '';
  private checkedAt = 0;
  private localWrites = -1;
  /** Where the index is stored and loaded from (see indexCache.ts); built only when unset. */
  indexCache: IndexCacheConfig | undefined;
  /** Snapshots written through this service's store by this process (see Engine). */
  writes: () => number = () => 0;
  private readonly store: Store;
  /** The active snapshots with their ages, when they were read, and the local writes then. */
  private ages: { key: string; at: number; writes: number; active: CoveredSnapshot[] } | undefined;
  /** Set by {@link watch}: the store is then followed in the background. */
  private watching: (WatchOptions & { timer: NodeJS.Timeout }) | undefined;
  /** A background check under way. */
  private polling: Promise<void> | undefined;
  private building: string[] | undefined;
  private failed: ScreeningStatus['failed'];
  /**
   * Days beyond which a list is stale (0: no check); read on first use, so a bad setting fails
   * the first answer that needs it, naming the variable or field.
   */
  maxAgeDays: () => number = () => 0;

  constructor(store: Store) {
    this.store = store;
  }

  /**
   * Follows the store in the background: every `intervalMs` (and at once after a load by this
   * process) its version is read; when the set of active snapshots changed, the new index is
   * built in time slices and swapped in, while the old one goes on answering. The first index
   * is still built on first use (the server warms it). Returns a function that stops watching.
   */
  watch(options: WatchOptions): () => void {
    this.unwatch();
    const timer = setInterval(() => void this.poll(), options.intervalMs);
    // A watcher alone does not keep a process alive.
    timer.unref();
    this.watching = { ...options, timer };
    return () => this.unwatch();
  }

  private unwatch(): void {
    if (this.watching) clearInterval(this.watching.timer);
    this.watching = undefined;
  }

  /** What the service serves now, and what it is building or failed to build. */
  status(): ScreeningStatus {
    return {
      watching: this.watching !== undefined,
      snapshots: this.gen?.snapshots ?? [],
      ...(this.building && { building: this.building }),
      ...(this.failed && { failed: this.failed }),
    };
  }

  /**
   * Every active snapshot with its age, read from the store (without building the matcher: a
   * batch on workers asks it in a process that screens nothing). Read again after a second, at
   * once after a load by this process, or when `expect` (the matcher's snapshot ids) differs.
   * A watching service answers with the snapshots of the index it serves.
   */
  async activeSnapshots(now = Date.now(), expect?: string): Promise<CoveredSnapshot[]> {
    if (this.watching && this.gen) return this.activeSnapshotsNow(now);
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

  /**
   * The active snapshots as last read (by {@link refresh} or {@link activeSnapshots}); for a
   * watching service, those of the index it serves (a newer set is not used until swapped in).
   */
  activeSnapshotsNow(now = Date.now()): CoveredSnapshot[] {
    const gen = this.gen;
    if (this.watching && gen)
      return gen.sources.map((s) =>
        coveredSnapshot(s.snapshot, s.confirmedAt, this.maxAgeDays(), now),
      );
    return this.ages?.active ?? [];
  }

  /** {@link coverage} from the active snapshots as last read. */
  coverageNow(
    sources?: readonly SourceId[],
    relied?: readonly SourceId[],
    now = Date.now(),
  ): Coverage {
    const asked = sources?.length ? sources : undefined;
    const active = this.activeSnapshotsNow(now);
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
    return this.gen?.facts.get(id);
  }

  /**
   * Brings the matcher and the active snapshots' ages up to date with the store; the `…Now`
   * methods answer from what it read. A watching service answers from the index it serves (the
   * first one is built here).
   */
  async refresh(now = Date.now()): Promise<{ matcher: Matcher; snapshots: string[] }> {
    const current = await this.current();
    await this.activeSnapshots(now, current.key);
    return current;
  }

  /** A check of the store under way, which concurrent callers share. */
  private checking: Promise<Generation> | undefined;

  /** The matcher over the active snapshots, built on first use and after a list changes. */
  private current(): Promise<Generation> {
    const gen = this.gen;
    if (gen && this.watching) {
      // A load by this process: look now rather than at the next tick, still off this request.
      if (this.localWrites !== this.writes()) void this.poll();
      return Promise.resolve(gen);
    }
    if (gen && Date.now() - this.checkedAt < VERSION_CHECK_MS && this.localWrites === this.writes())
      return Promise.resolve(gen);
    // One check (and one build) at a time: requests arriving meanwhile wait for it rather than
    // each building a matcher of their own.
    return (this.checking ??= this.check().finally(() => (this.checking = undefined)));
  }

  private async check(): Promise<Generation> {
    // Checking the store's version costs one pragma, listing the active snapshots a dozen
    // queries: too many to run on every screening. Another process's load is noticed within
    // VERSION_CHECK_MS; this process's own loads at once (the version counts them).
    const now = Date.now();
    if (this.gen && now - this.checkedAt < VERSION_CHECK_MS && this.localWrites === this.writes())
      return this.gen;
    this.checkedAt = now;
    this.localWrites = this.writes();
    const version = await this.store.version();
    if (this.gen && version === this.version) return this.gen;
    const active = await this.activeInStore();
    if (!this.gen || active.map((s) => s.id).join(',') !== this.gen.key)
      // A one-shot process's first index leaves the identifier table to the first query with an
      // identifier; a server (watching) and a replacement fill it before they serve, so no
      // request pays for it.
      this.gen = await this.build(active, this.gen !== undefined || this.watching !== undefined);
    // Only once built: a failed build is tried again by the next check.
    this.version = version;
    return this.gen;
  }

  /**
   * A background check (see {@link watch}); concurrent calls share one. Never throws: a failure
   * is kept for {@link status} and told to `onError`, and the old index goes on serving.
   */
  private poll(): Promise<void> {
    return (this.polling ??= this.pollOnce().finally(() => (this.polling = undefined)));
  }

  private async pollOnce(): Promise<void> {
    // Before the first index there is nothing to serve meanwhile: the first use builds it.
    if (!this.gen) return;
    const local = this.localWrites !== this.writes();
    this.localWrites = this.writes();
    let active: Snapshot[] | undefined;
    try {
      // SQLite's data_version moves only with other connections' writes: this process's own
      // loads are counted by `writes`.
      const version = await this.store.version();
      if (version === this.version && !local) return;
      active = await this.activeInStore();
      const key = active.map((s) => s.id).join(',');
      if (key === this.gen.key) {
        // The same lists; a download may have confirmed them current since (their age).
        const sources = await this.confirmations(active);
        this.gen = { ...this.gen, sources };
      } else {
        const previous = this.gen.snapshots;
        this.building = active.map((s) => s.id);
        const gen = await this.build(active, true);
        this.gen = gen;
        mark('swapped');
        this.watching?.onSwap?.(gen.snapshots, previous);
      }
      this.version = version;
      this.failed = undefined;
    } catch (err) {
      // The version is left as it was, so the next check tries again.
      this.failed = {
        ...(active && { snapshots: active.map((s) => s.id) }),
        message: err instanceof Error ? err.message : String(err),
        at: new Date().toISOString(),
      };
      this.watching?.onError?.(
        err,
        active?.map((s) => s.id),
      );
    } finally {
      this.building = undefined;
    }
  }

  /** The active snapshot of every source, in source order. */
  private async activeInStore(): Promise<Snapshot[]> {
    const active: Snapshot[] = [];
    for (const s of SOURCE_IDS) {
      const a = await this.store.activeSnapshot(s);
      if (a) active.push(a);
    }
    return active;
  }

  /** Each snapshot with the end of the last download that found it still current. */
  private async confirmations(active: Snapshot[]): Promise<Generation['sources']> {
    const out: Generation['sources'] = [];
    for (const snapshot of active) {
      const { success } = await this.store.lastRefreshes(snapshot.source);
      out.push({
        snapshot,
        confirmedAt: success?.snapshot === snapshot.id ? success.finishedAt : undefined,
      });
    }
    return out;
  }

  /**
   * Builds the matcher over `active`, in slices of a few milliseconds: a server goes on
   * answering from its old index meanwhile (a CLI pays a few hundred yields, well under 1%).
   */
  private async build(active: Snapshot[], identifiers: boolean): Promise<Generation> {
    const sources = await this.confirmations(active);
    // A watching server collects the young generation after each slice (see youngCollector).
    const slicer = new TimeSlicer(undefined, this.watching ? youngCollector() : undefined);
    const pause = () => slicer.pause();
    const cache = this.indexCache;
    let made: { index: CandidateIndex; facts: FactsLookup };
    if (this.watching && cache) {
      // A server: the index is loaded, or built and stored, on a thread of its own; this thread
      // only decodes the body it hands over, in slices between requests.
      mark('thread');
      const bytes = await storedIndexInWorker({ database: cache.database, cache, active });
      mark('bytes');
      made = await indexFromBytes(bytes.body, pause);
      mark('decoded');
    } else {
      // The one call that makes the index: loaded when another process (or an earlier run)
      // stored it for these snapshots, else built (in slices) and stored for the next process.
      made = await loadOrBuildIndex(this.store, active, cache, pause);
    }
    const { index, facts } = made;
    const matcher = await Matcher.prepare(index, pause, identifiers);
    mark('prepared');
    // A server looks forms up for as long as it runs: their Map is made now, in slices, not by
    // the request that makes the 20,000th lookup.
    if (this.watching) await drain(index.vocab.mappingIds(), pause);
    mark('built');
    const snapshots = active.map((s) => s.id);
    return { matcher, key: snapshots.join(','), snapshots, facts, sources };
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
    const gen = this.gen;
    if (!gen) throw new Error('ScreeningService.screenNow before refresh');
    const { matcher, snapshots } = gen;
    // Refuse before screening: a "no candidates" from no list would read as a clean result.
    const { coverage, warnings: coverageSays } = this.answerCoverage(options.sources, Date.now());
    const r = matcher.screen(query, options);
    const warnings = [...r.warnings, ...coverageSays, ...this.swapWarnings()];
    return {
      input: query,
      results: r.results,
      algorithm: r.algorithm,
      threshold: r.threshold,
      // What the matcher used. `coverage` names the same snapshots: for a watching service it
      // comes from the same build; otherwise it is read from the store and agrees with it, but
      // for a list another process loaded in the last few hundred milliseconds.
      snapshots: options.sources?.length
        ? snapshots.filter((id) => options.sources!.some((s) => id.startsWith(`${s}@`)))
        : snapshots,
      engine_version: ENGINE_VERSION,
      coverage,
      ...(warnings.length && { warnings }),
    };
  }

  /**
   * The coverage of a screening answer and what it warns of: only stale lists and lists asked for
   * by name warn; a list nobody asked for that is not loaded is reported in `coverage.missing`,
   * not warned of on every answer. Without `sources` (nearly every query) both are the same for
   * every answer until the active snapshots, the UTC day or the age limit change, so they are
   * computed once for those: per answer they were ~3 KB of garbage, 3.7% of what a single query
   * allocates (sampling heap profile of bench/screen-tail.ts's first pass), and one young
   * collection in a hundred queries is what bench:screen's p99 is made of. Answers share the
   * coverage object, as they already shared its snapshots' objects.
   */
  private answerCoverage(
    sources: readonly SourceId[] | undefined,
    now: number,
  ): { coverage: Coverage; warnings: string[] } {
    if (sources?.length) {
      const coverage = this.coverageNow(sources, undefined, now);
      return { coverage, warnings: coverageWarnings(coverage) };
    }
    // What the active snapshots are read from: the index served (watching), else the last read.
    const from = this.watching && this.gen ? this.gen : this.ages?.active;
    const maxAge = this.maxAgeDays();
    const m = this.coverageMemo;
    if (m && m.from === from && m.maxAge === maxAge && now >= m.dayStart && now < m.dayEnd)
      return m.answer;
    const coverage = this.coverageNow(undefined, undefined, now);
    const answer = { coverage, warnings: coverageWarnings({ ...coverage, missing: [] }) };
    if (from) {
      // Ages are whole UTC days: the answer holds until the day ends.
      const dayStart = now - (((now % DAY_MS) + DAY_MS) % DAY_MS);
      this.coverageMemo = { from, maxAge, dayStart, dayEnd: dayStart + DAY_MS, answer };
    }
    return answer;
  }

  /** The last {@link answerCoverage} without sources, and what it holds for. */
  private coverageMemo:
    | {
        from: Generation | readonly CoveredSnapshot[];
        maxAge: number;
        dayStart: number;
        dayEnd: number;
        answer: { coverage: Coverage; warnings: string[] };
      }
    | undefined;

  /**
   * The warning of an answer while the index of newer lists could not be built: the answer is
   * right for the lists it names, but those are no longer the active ones.
   */
  private swapWarnings(): string[] {
    const f = this.failed;
    if (!f || !this.watching) return [];
    const used = this.gen?.snapshots.join(', ') || 'no list';
    return [
      f.snapshots
        ? `the active lists changed (to ${f.snapshots.join(', ')}) but their index could not be built (${f.message}); this answer used ${used}; the build is retried`
        : `checking the store for changed lists failed (${f.message}); this answer used ${used}, which may no longer be the active lists; the check is retried`,
    ];
  }

  /** {@link compare} with the matcher {@link refresh} last built (which must have run). */
  compareNow(
    name1: string,
    name2: string,
    options: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number } = {},
  ): CompareResponse {
    if (!this.gen) throw new Error('ScreeningService.compareNow before refresh');
    return this.gen.matcher.compare(
      name1,
      name2,
      options.schema,
      options.algorithm,
      options.threshold,
    );
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
