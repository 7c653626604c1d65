/**
 * @module
 * The library facade.
 */
export { createEngine, type Engine, type EngineOptions, type PreparedScreening } from './engine.ts';
export type { LoadOptions, LoadResult, LoadDelta, LoadSummary } from './load.ts';
export type { FolderOutcome, UpdateOptions } from './update.ts';
export type { SnapshotDiff, DiffOptions, FieldChange, DiffEntity, ChangesOptions } from './diff.ts';
export type { RefreshOptions, RefreshOutcome } from './fetch/index.ts';
export { parseDuration, runSchedule, type ScheduleOptions } from './fetch/index.ts';
export {
  loadConfig,
  parseConfig,
  configPath,
  DOWNLOAD_DEFAULTS,
  DEFAULT_MAX_LIST_AGE_DAYS,
  DEFAULT_LIST_CHECK_SECONDS,
  maxListAgeDays,
  listCheckSeconds,
  type ListsConfig,
  type EmbargoConfig,
  type SourceConfig,
  type TradeConfig,
} from './config.ts';
export { compareEntities } from './diff.ts';
export type { ScreeningStatus, WatchOptions } from './screen.ts';
export { TimeSlicer } from './slice.ts';
export { BUILD_NICE } from './indexThread.ts';
export { lowerPriority } from './priority.ts';
export { RELIED_LISTS, type AuthorityGap } from './coverage.ts';
/** The default match threshold of each algorithm (what a screening applies when given none). */
export { DEFAULT_THRESHOLDS } from '../match/index.ts';
export type { FtmRecord } from './export.ts';
export { toFtmRecords } from './export.ts';
export type { SourceStatus, SourceFreshness } from './status.ts';
/** A recorded activation and its changes, as `listChanges` returns them. */
export type {
  Activation as ListChange,
  ChangedEntity,
  RefreshFile,
  RefreshOutcomeKind,
} from '../store/index.ts';
export { resolveHome, databasePath } from './home.ts';
export { ENGINE_VERSION } from './version.ts';
export {
  indexDirFor,
  loadOrBuildIndex,
  type IndexCacheConfig,
  type IndexOutcome,
} from './indexCache.ts';
export * from './batch/index.ts';
export * from './trade.ts';
export * from './scenario.ts';
/** The transaction schema (TypeBox), for the HTTP layer's validation and OpenAPI document. */
export { TransactionInput } from '../rules/check/index.ts';
/** The rules' declarations (TypeBox) of what the trade routes answer, for `/openapi.json`. */
export { TradeVerdictSchema } from '../rules/check/index.ts';
export { MeasureSchema, ScenarioSchema } from '../rules/index.ts';
/** A list by id, or E_UNKNOWN_SOURCE: the HTTP layer checks names before it starts a job. */
export { getSource } from '../sources/index.ts';
export { lenientQuery, type LenientQuery } from './lenient.ts';
/** Country names and codes → ISO codes, for the HTTP layer's echo of a query (yente shows codes). */
export { countryCode } from '../normalize/index.ts';
export * from './impact.ts';
export { jsonLines, BookReader, readBook, type BookRecords, type ReadBook } from './book.ts';
/** Opening cap balances, checked: the CLI reads them from `--cap-usage FILE`. */
export { parseOpeningBalances, type OpeningBalance } from '../rules/check/index.ts';
