/**
 * @module
 * The regime model and its data: measures of each legal act, loaded from
 * `regimes/<regime>/<act>.json` and validated; which measures apply on a date; HS matching.
 */
export * from './types.ts';
export { isHsCode, isIsoDate, validateActFile, validateRegime } from './validate.ts';
export {
  REGIMES_DIR,
  addDays,
  capPeriod,
  hsMatches,
  hsRelation,
  isEffective,
  loadActFile,
  loadRegime,
  measureById,
  measuresInForce,
  normalizeHs,
  windDownFor,
  windDowns,
} from './load.ts';
export * from './scenario.ts';
export * from './impact/index.ts';
