/**
 * @module
 * The matching algorithms the API offers, under yente's parameter: `best` (and yente's default)
 * is `embargo`; `ofac` emulates OFAC's Sanctions List Search. yente's own algorithm names are
 * accepted as aliases, so a client configured for yente works on its first request: its
 * screening algorithms (`logic-v2`…) are answered by `embargo`, its OFAC emulations by `ofac`.
 * Which algorithm answered is said in the response (`algorithm`) and the header
 * {@link ALGORITHM_HEADER}, since the scores are not yente's. Any other name is refused (422, as
 * yente refuses a value outside its enumeration), never silently replaced.
 */
import { ALGORITHMS, type Algorithm } from '../core/index.ts';
import { HttpError, HTTP_CODES } from './errors.ts';

/** The algorithm `best` and an absent parameter stand for. */
export const BEST: Algorithm = 'embargo';

/** Header naming the algorithm that answered a request. */
export const ALGORITHM_HEADER = 'x-embargo-algorithm';

/**
 * yente's (nomenklatura's) algorithm names and the Embargo algorithm that answers for each:
 * screening algorithms → `embargo`; OFAC emulations → `ofac` (nomenklatura
 * `docs/reference/matching.md`). `er-unstable` (deduplication only) is not screening: refused.
 */
export const ALGORITHM_ALIASES: Readonly<Record<string, Algorithm>> = {
  'logic-v2': 'embargo',
  'logic-v1': 'embargo',
  'name-based': 'embargo',
  'name-qualified': 'embargo',
  'regression-v1': 'embargo',
  'ofac-249': 'ofac',
  'ofac-249-qualified': 'ofac',
};

/** The algorithm a request names (an alias resolved), or a 422. */
export function resolveAlgorithm(name: string | undefined): Algorithm {
  if (name === undefined || name === '' || name === 'best') return BEST;
  if ((ALGORITHMS as readonly string[]).includes(name)) return name as Algorithm;
  const alias = Object.hasOwn(ALGORITHM_ALIASES, name) ? ALGORITHM_ALIASES[name] : undefined;
  if (alias) return alias;
  throw new HttpError(
    422,
    HTTP_CODES.VALIDATION,
    `unknown algorithm ${JSON.stringify(name)}: use best (= ${BEST}), ${ALGORITHMS.join(', ')} or one of yente's names (${Object.keys(ALGORITHM_ALIASES).join(', ')})`,
  );
}

/** yente's FeatureDoc. */
interface FeatureDoc {
  description: string;
  coefficient: number;
  url: string;
}

/** Where Embargo's features are described (nomenklatura's FeatureDoc requires a URL). */
const EMBARGO_DOCS = '/docs#/Matching';

const EMBARGO_FEATURES: Record<string, FeatureDoc> = {
  name: {
    description:
      'Best alignment of the query names with the entity names and aliases, token by token (exact, spelling variant, phonetic, typo, initial, transliteration), tokens weighted by rarity; at most 0.9.',
    coefficient: 0.9,
    url: EMBARGO_DOCS,
  },
  birthDate: {
    description:
      'A matching date of birth adds (+0.03 year, +0.05 day); a conflicting one subtracts.',
    coefficient: 0.05,
    url: EMBARGO_DOCS,
  },
  country: {
    description: 'A shared country or nationality adds 0.03; a conflicting one subtracts.',
    coefficient: 0.03,
    url: EMBARGO_DOCS,
  },
  gender: { description: 'A conflicting gender subtracts.', coefficient: -0.1, url: EMBARGO_DOCS },
  identifier: {
    description:
      'An exact identifier (passport, registration, IMO number) is decisive: the score becomes at least 0.99.',
    coefficient: 0.99,
    url: EMBARGO_DOCS,
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
    // Embargo's addition: the yente names this algorithm answers for.
    aliases: Object.keys(ALGORITHM_ALIASES).filter((a) => ALGORITHM_ALIASES[a] === name),
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
