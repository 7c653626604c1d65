/**
 * @module
 * Embargo as a library: the package's one entry (`import { createEngine } from 'embargo'`).
 *
 * Every name here is chosen: the engine, the shapes its methods take and give, the list and
 * schema identifiers, and the error class with its stable codes. Nothing is re-exported with
 * `export *`, so an internal (a worker pool, a judge, a parser) cannot leak into the package by
 * being exported from its own folder's door; the server and the CLI import those doors directly.
 */

// The engine.
export {
  createEngine,
  type Engine,
  type EngineOptions,
  type PreparedScreening,
} from './engine/index.ts';
export { ENGINE_VERSION } from './engine/index.ts';

// Errors: one class, stable codes (callers branch on `code`, never on the message).
export { EmbargoError, ERROR_CODES, type ErrorCode, type ErrorLocation } from './core/index.ts';

// Identifiers and the shapes of entities and screening answers.
export {
  SOURCE_IDS,
  SCHEMA_NAMES,
  ALGORITHMS,
  type SourceId,
  type SchemaName,
  type Algorithm,
  type Properties,
  type FtmEntity,
  type ListedEntity,
  type StoredEntity,
  type ScreeningQuery,
  type ScreenOptions,
  type ScreenResponse,
  type CompareResponse,
  type ScoredEntity,
  type Explanation,
  type TokenExplanation,
  type Coverage,
  type CoveredSnapshot,
} from './core/index.ts';

// Lists: loading, mirrors, downloads, status, history.
export type {
  LoadOptions,
  LoadResult,
  LoadDelta,
  LoadSummary,
  FolderOutcome,
  UpdateOptions,
  RefreshOptions,
  RefreshOutcome,
  SourceStatus,
  SourceFreshness,
  SnapshotDiff,
  DiffOptions,
  FieldChange,
  DiffEntity,
  ChangesOptions,
  ListChange,
  ChangedEntity,
  FtmRecord,
} from './engine/index.ts';

// The store the engine opens (or is given), as far as the Engine's signatures show it.
export type {
  Store,
  Snapshot,
  Activation,
  ApiKey,
  ApiKeyRole,
  NewApiKey,
  LockHolder,
} from './store/index.ts';

// Trade checks and relief scenarios, one transaction or a book as a stream of records.
export { jsonLines, BookReader, BookTally } from './engine/index.ts';
export type {
  TradeOptions,
  BookItem,
  BookRecords,
  BookStreamOptions,
  BookSummary,
  ScenarioItem,
  ScenarioRun,
  ScenarioRunOptions,
  ScenarioTxResult,
  ScenarioSummary,
  FlipSum,
} from './engine/index.ts';
export type {
  Transaction,
  TransactionKind,
  TxParty,
  TxVessel,
  TxRoute,
  TxPortCall,
  TxSts,
  TxGoods,
  TxNexus,
  TxDeclarations,
  Unit,
  TradeVerdict,
  AuthorityVerdict,
  Verdict,
  Reason,
  ReasonKind,
  ListHit,
  CapState,
  OpeningBalance,
} from './rules/check/index.ts';
export { parseOpeningBalances } from './rules/check/index.ts';
export type { Authority } from './rules/index.ts';

// Batch screening over a stream of CSV or JSON-lines bytes, on worker processes.
export type {
  ScreenStreamOptions,
  ScreenedChunk,
  ChunkResult,
  RowResult,
  RowError,
  InputFormat,
  OutputFormat,
  Columns,
  BatchProgress,
  BatchSummary,
} from './engine/index.ts';
