/**
 * @module
 * String metrics for short name tokens: Jaro, Jaro-Winkler, Levenshtein, a graded typing-error
 * distance (transpositions and doubled letters cheap) and American Soundex. Hand-written (apart
 * from the Levenshtein distance) because they sit in the hot scoring loop, where a
 * general-purpose package's per-call allocations and option handling cost more than the metric.
 */
export { jaro, jaroWinkler, type JaroWinklerOptions } from './jaro.ts';
export { levenshtein, levenshteinSimilarity } from './levenshtein.ts';
export { soundex } from './soundex.ts';
export { typoDistance, TYPO_COSTS } from './typo.ts';
export {
  romanisationDistance,
  ABJAD_PROFILE,
  ABUGIDA_PROFILE,
  BURMESE_PROFILE,
  ARMENIAN_PROFILE,
  KANA_PROFILE,
  KANA_LOAN_PROFILE,
  THAI_PROFILE,
  GEORGIAN_PROFILE,
  type RomanisationDistance,
  type RomanisationProfile,
} from './romanisation.ts';
