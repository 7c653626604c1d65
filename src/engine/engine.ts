/**
 * @module
 * The library's face: one object that loads lists, reports their status, diffs snapshots and
 * reads or exports entities. The CLI and the HTTP server are thin layers over it.
 */
import { setPriority } from 'node:os';
import {
  EmbargoError,
  ERROR_CODES,
  SOURCE_IDS,
  type Algorithm,
  type CompareResponse,
  type Coverage,
  type SchemaName,
  type ScreenOptions,
  type ScreenResponse,
  type ScreeningQuery,
  type SourceId,
  type StoredEntity,
} from '../core/index.ts';
import type {
  Activation,
  ApiKey,
  LoadTransaction,
  LockHolder,
  NewApiKey,
  Snapshot,
  Store,
} from '../store/index.ts';
import { listCheckSeconds, maxListAgeDays } from './config.ts';
import {
  diffSnapshots,
  listChanges,
  type ChangesOptions,
  type DiffOptions,
  type SnapshotDiff,
} from './diff.ts';
import { refreshLists, type RefreshOptions, type RefreshOutcome } from './fetch/index.ts';
import { toFtmRecords, type FtmRecord } from './export.ts';
import { resolveHome } from './home.ts';
import { openScreening } from './openScreening.ts';
import { loadList, type LoadOptions, type LoadResult } from './load.ts';
import type { ScreeningStatus, WatchOptions } from './screen.ts';
import { ensureStoredIndex } from './indexCache.ts';
import { listFreshness, listStatus, type SourceFreshness, type SourceStatus } from './status.ts';
import {
  checkTradeStream,
  checkTransaction,
  type BookItem,
  type BookStreamOptions,
  type TradeOptions,
} from './trade.ts';
import type { TradeVerdict } from '../rules/check/index.ts';
import {
  runScenario,
  scenarioStream,
  type ScenarioItem,
  type ScenarioRun,
  type ScenarioRunOptions,
} from './scenario.ts';
import type { BookRecords } from './book.ts';
import { screenStream, type ScreenedChunk, type ScreenStreamOptions } from './batch/stream.ts';
import { updateFromMirror, type FolderOutcome, type UpdateOptions } from './update.ts';

/**
 * Screening without a promise per call, over the lists as they were when it was prepared: for
 * tools that screen in tight loops (the eval harness, benchmarks).
 */
export interface PreparedScreening {
  screen(query: ScreeningQuery, options?: ScreenOptions): ScreenResponse & { warnings?: string[] };
  compare(
    name1: string,
    name2: string,
    options?: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number },
  ): CompareResponse;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** State folder; default $EMBARGO_HOME or ~/.embargo. */
  home?: string;
  /** A store to use instead of the one `database` names. */
  store?: Store;
  /**
   * The database: a PostgreSQL URL (`postgres://…`) or a SQLite file path. Default:
   * $EMBARGO_DATABASE_URL, else `embargo.db` in `home`.
   */
  database?: string;
  /**
   * Days after which a list is stale (0: no check). Default: $EMBARGO_MAX_LIST_AGE_DAYS, else
   * the configuration's `lists.maxAgeDays`, else 7.
   */
  maxAgeDays?: number;
  /**
   * Called when a load (list load, mirror update, refresh) waits for another process's load to
   * finish, with who holds the store's write lock and since when.
   */
  onLockWait?: (holder: LockHolder) => void;
  /**
   * Folder of the stored screening indexes (engine/indexCache.ts), or false to build the index
   * in every process as before. Default: `index/` beside a SQLite database, `index/` in `home`
   * for PostgreSQL; none for a `store` given without `database`.
   */
  indexDir?: string | false;
}

/** The Embargo engine. */
export interface Engine {
  readonly home: string;
  /**
   * The database's address (a PostgreSQL URL or a SQLite path), which batch workers open; empty
   * when the engine was given a store.
   */
  readonly database: string;
  /** The store itself, for tools (eval, benchmarks); the server and CLI use the methods below. */
  readonly store: Store;
  loadList(options: LoadOptions): Promise<LoadResult>;
  updateFromMirror(options: UpdateOptions): Promise<FolderOutcome[]>;
  /** Downloads sources from their addresses and loads what changed (see {@link RefreshOptions}). */
  refreshLists(options?: RefreshOptions): Promise<RefreshOutcome[]>;
  status(): Promise<SourceStatus[]>;
  /** Snapshots of one source (or all), oldest date first. */
  snapshots(source?: SourceId): Promise<Snapshot[]>;
  /**
   * What an answer using `sources` (default: every active list) would cover: snapshots and their
   * ages, lists missing, stale lists. Throws E_NOT_READY when no snapshot would be used.
   */
  coverage(sources?: SourceId[]): Promise<Coverage>;
  /** Days after which a list is stale (0: the check is off). */
  maxAgeDays(): number;
  /** When each source was last refreshed, and how stale it is. */
  freshness(): Promise<SourceFreshness[]>;
  /** What each snapshot activated since a day changed, as recorded at activation. */
  listChanges(options: ChangesOptions): Promise<Activation[]>;
  diff(options: DiffOptions): Promise<SnapshotDiff>;
  /** An entity from the active snapshot of its source (or from `snapshot`); E_UNKNOWN_ID if none. */
  entity(id: string, snapshot?: string): Promise<StoredEntity>;
  /** Like {@link entity}, undefined when there is none. */
  findEntity(id: string, snapshot?: string): Promise<StoredEntity | undefined>;
  /**
   * FtM records of every active entity, source by source; `onWarning` hears of each value moved
   * to stay valid FtM (a phone not in E.164, a vessel's identification…).
   */
  exportFtm(onWarning?: (message: string) => void): AsyncGenerator<FtmRecord>;
  /** The server's API keys (kept as hashes). */
  readonly apiKeys: {
    create(key: NewApiKey): Promise<ApiKey>;
    list(): Promise<ApiKey[]>;
    findByHash(hash: string): Promise<ApiKey | undefined>;
    revoke(id: string): Promise<ApiKey | undefined>;
    touch(id: string, at: string): Promise<void>;
  };
  /**
   * Screens one query against the active snapshots (or `options.sources`), with the answer's
   * `coverage` and a warning per stale list. Throws E_NOT_READY when no list (or none of those
   * asked for) is loaded.
   */
  screen(
    query: ScreeningQuery,
    options?: ScreenOptions,
  ): Promise<ScreenResponse & { warnings?: string[] }>;
  /**
   * For a long-running process (the server): follows the store in the background instead of on
   * use. Every `intervalMs` (default: $EMBARGO_LIST_CHECK_SECONDS, else the configuration's
   * `lists.checkSeconds`, else 10 s), and at once after a load through this engine, the store is
   * checked; a new set of active snapshots gets its index built in short time slices and swapped
   * in whole, while screenings go on being answered from the old index with its own snapshots
   * and coverage. A failed build keeps the old index serving, says so in each answer's
   * warnings and in {@link screeningStatus}, and is retried at the next check. The first index is
   * still built on first use. Returns a function that stops watching.
   */
  watchLists(options?: Partial<WatchOptions>): () => void;
  /** The snapshots the screening index answers from, and what is being or failed to be built. */
  screeningStatus(): ScreeningStatus;
  /** A synchronous screener over the lists as they are now (the matcher built if need be). */
  prepareScreening(): Promise<PreparedScreening>;
  /**
   * Stores the screening index of the lists active now, unless it is stored already (or being
   * stored by another process, which it waits for): what a process that activated a list does,
   * so that servers following the store, and the next CLI, load it instead of building it.
   * Does nothing without a folder for stored indexes (an engine given a store) or any list.
   */
  storeScreeningIndex(): Promise<void>;
  /** Scores two names against each other. */
  compare(
    name1: string,
    name2: string,
    options?: { schema?: SchemaName; algorithm?: Algorithm; threshold?: number },
  ): Promise<CompareResponse>;
  /**
   * Judges one transaction (JSON text or object) against the regime's measures and the lists,
   * with the verdict's `coverage`; an authority whose lists are missing or stale, or without
   * measures, is at least REVIEW. Throws E_NOT_READY when no list is loaded.
   */
  checkTrade(tx: unknown, options?: TradeOptions): Promise<TradeVerdict>;
  /**
   * Judges a stream of transactions as a book: records are transactions, JSON lines (from a
   * file or a request body; see `jsonLines`), or EmbargoErrors for lines that could not be read.
   * In date order on one cap ledger, so the whole stream is read (each record parsed as it
   * arrives) before the first verdict is given. Gives one item per record (blank lines aside), in
   * the records' order: its verdict, or `{line, error}` (never dropped). Judges in slices that let
   * the event loop in. Throws E_NOT_READY when no list is loaded.
   */
  checkTradeStream(
    records: BookRecords,
    options?: TradeOptions,
    stream?: BookStreamOptions,
  ): AsyncIterable<BookItem>;
  /**
   * Judges a book (records as for {@link Engine.checkTradeStream}) before and after a relief
   * scenario, each in date order on its own ledger; gives one item per record, in order: the
   * transaction's verdicts before and after and the lifted measures it no longer cites, or
   * `{line, error}`.
   */
  scenarioStream(records: BookRecords, options: ScenarioRunOptions): AsyncIterable<ScenarioItem>;
  /** {@link Engine.scenarioStream}, with what changes summed by lifted measure and HS chapter. */
  runScenario(records: BookRecords, options: ScenarioRunOptions): Promise<ScenarioRun>;
  /**
   * Batch screening over a stream: the bytes of a CSV (header row first) or JSON-lines input,
   * read as they arrive, screened in chunks (on worker processes for a large input, fed by the
   * stream, which is read only while few chunks are in flight) and given back in input order,
   * each chunk its rows' output lines (JSON lines or CSV) as UTF-8 bytes. A row that cannot be
   * screened gives its line with its error; none is dropped. Throws E_NOT_READY before reading
   * when no list (or none asked for) is loaded; a CSV without the name column is refused before
   * any row is screened.
   */
  screenStream(
    bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    options: ScreenStreamOptions,
  ): AsyncIterable<ScreenedChunk>;
  /** Closes the store's connections. */
  close(): Promise<void>;
}

/**
 * EMBARGO_LOCK_WAIT_SECONDS: how long a load waits for another process's load before giving up
 * with E_BUSY (default: the store's, 10 minutes).
 */
function lockWait(): { lockWaitMs?: number } {
  const raw = process.env.EMBARGO_LOCK_WAIT_SECONDS;
  if (raw === undefined || raw.trim() === '') return {};
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `EMBARGO_LOCK_WAIT_SECONDS=${raw}: expected a number of seconds (0 or more)`,
    );
  return { lockWaitMs: seconds * 1000 };
}

/**
 * Opens the engine on a home folder and the configured database (created, or migrated, on first
 * use).
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const home = resolveHome(options.home);
  let maxAge = options.maxAgeDays;
  const maxAgeDays = (): number => (maxAge ??= maxListAgeDays(home));
  const { store, database, indexDir, screening } = openScreening({
    home,
    ...(options.store && { store: options.store }),
    ...(options.database && { database: options.database }),
    ...(options.indexDir !== undefined && { indexDir: options.indexDir }),
    // Read only when this engine opens its own store, as before.
    ...(!options.store && lockWait()),
    maxAgeDays,
  });
  // Loads are serialised: the store holds one transaction at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  // Loads through this engine invalidate the matcher at once; other processes' within 250 ms.
  let writes = 0;
  screening.writes = () => writes;
  const counted = <T>(p: Promise<T>): Promise<T> => p.finally(() => void writes++);
  const onWait = options.onLockWait;
  const waiting = <O extends { onWait?: (h: LockHolder) => void }>(o: O): O =>
    o.onWait || !onWait ? o : { ...o, onWait };
  const findEntity = (id: string, snapshot?: string) => store.getEntity(id, snapshot);
  /**
   * Stores the index of the lists a load is about to activate, read through its transaction. A
   * failure does not roll the load back: the index is then built after it (`lists load` tries
   * again and says so) or by whoever screens first. Built without time slices: SQLite's load
   * transaction must span microtasks only (no request of this process may write into it).
   */
  const storeIndexBefore = async (tx: LoadTransaction, nice?: number): Promise<void> => {
    const lower = () => {
      try {
        if (nice !== undefined) setPriority(nice);
      } catch {
        // Not allowed: the build runs at the process's priority.
      }
    };
    try {
      await ensureStoredIndex(tx, database, home, indexDir, { beforeBuild: lower });
    } catch {
      // See above: the load goes on without its index stored.
    }
  };
  const engine: Engine = {
    home,
    database,
    store,
    screen: (q, o) => screening.screen(q, o),
    compare: (a, b, o) => screening.compare(a, b, o),
    watchLists: (o = {}) =>
      screening.watch({ ...o, intervalMs: o.intervalMs ?? listCheckSeconds(home) * 1000 }),
    screeningStatus: () => screening.status(),
    async prepareScreening() {
      await screening.refresh();
      return {
        screen: (q, o) => screening.screenNow(q, o),
        compare: (a, b, o) => screening.compareNow(a, b, o),
      };
    },
    storeScreeningIndex: () =>
      indexDir ? ensureStoredIndex(store, database, home, indexDir) : Promise.resolve(),
    loadList: (o) =>
      counted(
        serial(() =>
          loadList(
            store,
            waiting(o),
            o.storeIndex && indexDir
              ? { beforeActivation: (tx) => storeIndexBefore(tx, o.indexBuildNice) }
              : {},
          ),
        ),
      ),
    updateFromMirror: (o) => counted(serial(() => updateFromMirror(store, waiting(o)))),
    refreshLists: (o) =>
      refreshLists(
        { store, home, load: (lo) => counted(serial(() => loadList(store, waiting(lo)))) },
        o,
      ),
    status: () => listStatus(store, Date.now(), maxAgeDays()),
    snapshots: (source) => store.listSnapshots(source),
    coverage: (sources) => screening.coverage(sources),
    maxAgeDays,
    freshness: () => listFreshness(store),
    listChanges: (o) => listChanges(store, o),
    diff: (o) => diffSnapshots(store, o),
    findEntity,
    async entity(id, snapshot) {
      const e = await findEntity(id, snapshot);
      if (!e)
        throw new EmbargoError(
          ERROR_CODES.UNKNOWN_ID,
          `no entity ${id}${snapshot ? ` in ${snapshot}` : ' in the active snapshots'}`,
        );
      return e;
    },
    async *exportFtm(onWarning) {
      for (const source of SOURCE_IDS) {
        const active = await store.activeSnapshot(source);
        if (!active) continue;
        for await (const e of store.iterateEntities(active.id)) yield* toFtmRecords(e, onWarning);
      }
    },
    apiKeys: {
      create: (key) => store.createApiKey(key),
      list: () => store.listApiKeys(),
      findByHash: (hash) => store.findApiKeyByHash(hash),
      revoke: (id) => store.revokeApiKey(id),
      touch: (id, at) => store.touchApiKey(id, at),
    },
    checkTrade: (tx, o) => checkTransaction({ screening, store }, tx, o),
    checkTradeStream: (r, o, st) => checkTradeStream({ screening, store }, r, o, st),
    scenarioStream: (r, o) => scenarioStream({ screening, store }, r, o),
    runScenario: (r, o) => runScenario({ screening, store }, r, o),
    screenStream: (bytes, o) => screenStream({ engine, store, database, home }, bytes, o),
    close: () => store.close(),
  };
  return engine;
}
