/**
 * @module
 * Name matching: the candidate index, the `embargo` and `ofac` algorithms, and the Matcher.
 */
export { CandidateIndex, drain, type Pause } from './index/build.ts';
export {
  decodeIndex,
  decodeIndexSliced,
  encodeIndex,
  INDEX_FORMAT,
  type DecodedIndex,
} from './index/stored.ts';
export { Matcher, DEFAULT_THRESHOLDS, type MatcherResult } from './matcher.ts';
export { parseQuery, MAX_NAME_LENGTH, type ParsedQuery } from './query.ts';
export { IDENTIFIER_PROPS, normalizeIdentifier } from './index/entity.ts';
export type { IndexedEntity, IndexedName } from './types.ts';
