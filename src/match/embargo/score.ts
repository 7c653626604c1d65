/**
 * @module
 * The `embargo` algorithm: the best name alignment over the entity's names, then supporting
 * evidence. The name sets the score (at most 0.9 on its own); dates of birth and countries add a
 * little or take away; an exact identifier is decisive. So an exact name with a matching date of
 * birth outranks an exact name alone, and nothing piles up at 1.0 without an identifier.
 */
import type { Explanation } from '../../core/index.ts';
import type { NameToken } from '../../normalize/index.ts';
import type { ParsedQuery } from '../query.ts';
import type { IndexedEntity, IndexedName } from '../types.ts';
import type { QueryAligner } from './align.ts';
import { birthDateFeature, countryFeature, genderFeature, identifierFeature } from './features.ts';

/** Default threshold of the `embargo` algorithm (chosen on the even rows of the negatives set; see README). */
export const EMBARGO_DEFAULT_THRESHOLD = 0.75;
/** Share of the score the name alone can reach. */
export const NAME_WEIGHT = 0.9;
/** A weak alias ("low quality" in UN terms) counts for less than a strong name. */
export const WEAK_ALIAS_FACTOR = 0.9;

/** Scored entity before it is dressed for output. */
export interface EntityScore {
  score: number;
  matchedName: string;
  features: Record<string, number>;
  /**
   * Builds the token-level explanation. Deferred: only the results shown need it, and building
   * it for every candidate would cost more than scoring them.
   */
  explainTokens(): Explanation['tokens'];
}

/** The best alignment of a query's names with an entity's candidate names. */
export interface BestName {
  score: number;
  aligner: QueryAligner | undefined;
  name: IndexedName | undefined;
  /** Whether it was aligned as names of persons (short forms credited; see QueryAligner.align). */
  shortForms?: boolean;
}

/**
 * Aligns every query name with every candidate name of one entity and keeps the best pair;
 * `shortForms` when both are persons (see QueryAligner.align).
 */
export function bestName(
  names: IndexedName[],
  aligners: QueryAligner[],
  shortForms = false,
): BestName {
  let best: BestName = { score: 0, aligner: undefined, name: undefined, shortForms };
  for (const aligner of aligners) {
    for (const n of names) {
      const a = aligner.align(n.tokens, false, n, shortForms).score;
      const s = n.weak ? a * WEAK_ALIAS_FACTOR : a;
      if (s > best.score) {
        best = { score: s, aligner, name: n, shortForms };
        // No later name can score more than 1 (a name that only ties never replaces the first),
        // so a listed name matched whole ends the search: an entity has up to hundreds of aliases.
        if (s >= 1) return best;
      }
    }
  }
  return best;
}

/** The parts of an entity's score, each rounded as its explanation shows it. */
interface ScoreParts {
  /** The identifier that matched exactly, if any: it decides the score. */
  idMatch: boolean;
  name: number;
  birthDate: number;
  country: number;
  gender: number;
  identifier: number;
}

function scoreParts(query: ParsedQuery, entity: IndexedEntity, nameScore: number): ScoreParts {
  const ids = identifierFeature(query.identifiers, entity.identifiers);
  return {
    idMatch: ids.match !== undefined,
    name: round(NAME_WEIGHT * nameScore),
    birthDate: round(birthDateFeature(query.birthDates, entity.birthDates)),
    country: round(countryFeature(query.countries, entity.countries)),
    gender: round(genderFeature(query.gender, entity.gender)),
    identifier: round(ids.contribution),
  };
}

/** The score the parts make: the details added to the name, or an identifier's decision. */
function total(p: ScoreParts, nameScore: number): number {
  // An exact identifier is decisive, whatever the name: ships are renamed to evade sanctions.
  const raw = p.idMatch
    ? 0.99 + 0.01 * nameScore
    : p.name + p.birthDate + p.country + p.gender + p.identifier;
  return round(Math.max(0, Math.min(1, raw)));
}

/**
 * The score {@link scoreEntity} gives an entity whose best name alignment scores `nameScore`,
 * without building its explanation: the matcher ranks every candidate by it and explains only
 * those it shows.
 */
export function entityScore(query: ParsedQuery, entity: IndexedEntity, nameScore: number): number {
  if (query.identifiers.length) return total(scoreParts(query, entity, nameScore), nameScore);
  // Without identifiers none matches and none conflicts: the parts are added as `total` adds
  // them (left to right; the identifier's 0 changes no sum), with no parts object per candidate,
  // and the entity's details are read only where the query has the same kind to compare.
  let raw = round(NAME_WEIGHT * nameScore);
  if (query.birthDates.length) raw += round(birthDateFeature(query.birthDates, entity.birthDates));
  if (query.countries.length) raw += round(countryFeature(query.countries, entity.countries));
  if (query.gender) raw += round(genderFeature(query.gender, entity.gender));
  return round(Math.max(0, Math.min(1, raw)));
}

/**
 * Scores one entity against a query, given the entity's candidate names (and their best
 * alignment, when already known: it depends on the names only, not on the query's other details).
 */
export function scoreEntity(
  query: ParsedQuery,
  entity: IndexedEntity,
  names: IndexedName[],
  aligners: QueryAligner[],
  best: BestName = bestName(names, aligners),
): EntityScore {
  const { score: nameScore, aligner: bestAligner, name: bestIndexed, shortForms } = best;
  const p = scoreParts(query, entity, nameScore);
  const features: Record<string, number> = { name: p.name };
  // A detail that says nothing is left out of the explanation.
  if (p.birthDate !== 0) features.birthDate = p.birthDate;
  if (p.country !== 0) features.country = p.country;
  if (p.gender !== 0) features.gender = p.gender;
  if (p.idMatch) features.identifier = round(0.99 + 0.01 * nameScore - NAME_WEIGHT * nameScore);
  else if (p.identifier !== 0) features.identifier = p.identifier;
  return {
    score: total(p, nameScore),
    matchedName: bestIndexed?.text ?? names[0]?.text ?? entity.caption,
    features,
    explainTokens: () =>
      bestAligner && bestIndexed
        ? bestAligner.align(bestIndexed.tokens, true, bestIndexed, shortForms).tokens
        : [],
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Token weights for a query against an index: rarity (idf) times a factor for the token's kind. */
export function kindFactor(t: NameToken): number {
  switch (t.kind) {
    case 'word':
    case 'number':
      return 1;
    case 'initial':
      return 0.3;
    case 'legal':
      return 0.15;
    default:
      return 0.05;
  }
}
