/**
 * @module
 * Screening through the engine: a Matcher over the active snapshots, rebuilt when they change.
 */
import {
  SOURCE_IDS,
  type CompareResponse,
  type ScreenOptions,
  type ScreenResponse,
  type ScreeningQuery,
  type Algorithm,
  type SchemaName,
} from '../core/index.ts';
import { CandidateIndex, Matcher } from '../match/index.ts';
import type { Store } from '../store/index.ts';
import { ENGINE_VERSION } from './version.ts';

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

  constructor(store: Store) {
    this.store = store;
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
    const r = matcher.screen(query, options);
    const used = options.sources?.length
      ? snapshots.filter((id) => options.sources!.some((s) => id.startsWith(`${s}@`)))
      : snapshots;
    return {
      input: query,
      results: r.results,
      algorithm: r.algorithm,
      threshold: r.threshold,
      snapshots: used,
      engine_version: ENGINE_VERSION,
      ...(r.warnings.length && { warnings: r.warnings }),
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
