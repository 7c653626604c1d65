/**
 * @module
 * The JSON shapes the UI reads, taken from the engine's and the server's own types (type-only
 * imports: nothing of src/ reaches the browser bundle), so a change of shape there fails the web
 * type-check here.
 */
export type {
  Coverage,
  Explanation,
  FtmEntity,
  ScoredEntity,
  ScreenResponse,
  SchemaName,
  StoredEntity,
  TokenExplanation,
} from '../../src/core/index.ts';
export type {
  AuthorityVerdict,
  CapState,
  Figures,
  FlipSum,
  ImpactComparison,
  MeasureSum,
  Reason,
  ScenarioRun,
  ScenarioSummary,
  ScenarioTxResult,
  SnapshotDiff,
  SourceStatus,
  TradeVerdict,
  Verdict,
} from '../../src/engine/index.ts';
export type { YenteScored } from '../../src/server/yente.ts';
export type { HistoryStep, NestedEntity } from '../../src/server/nested.ts';
export type { entityResponse } from '../../src/server/nested.ts';
