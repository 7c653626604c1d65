/**
 * @module
 * The matching algorithms the API offers, under yente's parameter: `best` (and yente's default)
 * is `embargo`; `ofac` emulates OFAC's Sanctions List Search. Any other name is refused (400),
 * never silently replaced: yente's own algorithms (`logic-v2`…) score differently.
 */
import { ALGORITHMS, type Algorithm } from '../core/index.ts';
import { badRequest } from './errors.ts';

/** The algorithm `best` and an absent parameter stand for. */
export const BEST: Algorithm = 'embargo';

/** The algorithm a request names, or a 400. */
export function resolveAlgorithm(name: string | undefined): Algorithm {
  if (name === undefined || name === '' || name === 'best') return BEST;
  if ((ALGORITHMS as readonly string[]).includes(name)) return name as Algorithm;
  throw badRequest(
    `unknown algorithm ${JSON.stringify(name)}: use best (= ${BEST}), ${ALGORITHMS.join(' or ')}`,
  );
}

/** yente's FeatureDoc. */
interface FeatureDoc {
  description: string;
  coefficient: number;
  url: string | null;
}

const EMBARGO_FEATURES: Record<string, FeatureDoc> = {
  name: {
    description:
      'Best alignment of the query names with the entity names and aliases, token by token (exact, spelling variant, phonetic, typo, initial, transliteration), tokens weighted by rarity; at most 0.9.',
    coefficient: 0.9,
    url: null,
  },
  birthDate: {
    description:
      'A matching date of birth adds (+0.03 year, +0.05 day); a conflicting one subtracts.',
    coefficient: 0.05,
    url: null,
  },
  country: {
    description: 'A shared country or nationality adds 0.03; a conflicting one subtracts.',
    coefficient: 0.03,
    url: null,
  },
  gender: { description: 'A conflicting gender subtracts.', coefficient: -0.1, url: null },
  identifier: {
    description:
      'An exact identifier (passport, registration, IMO number) is decisive: the score becomes at least 0.99.',
    coefficient: 0.99,
    url: null,
  },
};

const OFAC_FEATURES: Record<string, FeatureDoc> = {
  'name.whole': {
    description: 'Jaro-Winkler similarity of the whole names (OFAC FAQ 249).',
    coefficient: 1,
    url: 'https://ofac.treasury.gov/faqs/249',
  },
  'name.parts': {
    description: 'Mean of the best Jaro-Winkler similarity of each name part (OFAC FAQ 249).',
    coefficient: 1,
    url: 'https://ofac.treasury.gov/faqs/249',
  },
};

/** `/algorithms` in yente's AlgorithmResponse shape, with each algorithm's default threshold. */
export function algorithmsResponse(threshold: (a: Algorithm) => number) {
  const entry = (name: Algorithm, description: string, features: Record<string, FeatureDoc>) => ({
    name,
    description,
    features,
    docs: { name, description, features, config: {} },
    default_threshold: threshold(name),
  });
  return {
    algorithms: [
      entry(
        'embargo',
        "Embargo's matcher: names in any script and spelling, with dates of birth, countries and identifiers as supporting evidence, against the entities the query's schema can describe. Every result explains itself token by token.",
        EMBARGO_FEATURES,
      ),
      entry(
        'ofac',
        "An emulation of OFAC's Sanctions List Search (name only), for comparison with the official tool.",
        OFAC_FEATURES,
      ),
    ],
    default: BEST,
    best: BEST,
  };
}
