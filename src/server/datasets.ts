/**
 * @module
 * Datasets as yente names them: `default` and `sanctions` are collections of every list, and each
 * list (`ofac_sdn`, `un_sc`, …) is a dataset of its own. A name that is none of these is a 404.
 */
import {
  EmbargoError,
  ERROR_CODES,
  SOURCE_IDS,
  type ScreenOptions,
  type ScreeningQuery,
  type SourceId,
} from '../core/index.ts';
import type { Engine } from '../engine/index.ts';

/** The collections, each covering every list. */
export const COLLECTIONS = ['default', 'sanctions'] as const;

/** A dataset: a collection or one list. */
export interface Dataset {
  name: string;
  type: 'collection' | 'source';
  /** The lists it covers. */
  sources: SourceId[];
}

const TITLES: Record<(typeof COLLECTIONS)[number], string> = {
  default: 'Every list Embargo holds',
  sanctions: 'Sanctions lists (every list Embargo holds)',
};

/** Title of a collection. */
export function collectionTitle(name: (typeof COLLECTIONS)[number]): string {
  return TITLES[name];
}

/** Every dataset name, collections first. */
export function datasetNames(): string[] {
  return [...COLLECTIONS, ...SOURCE_IDS];
}

/** The dataset of a name, or UNKNOWN_SOURCE (404) naming the known ones. */
export function resolveDataset(name: string): Dataset {
  if ((COLLECTIONS as readonly string[]).includes(name))
    return { name, type: 'collection', sources: [...SOURCE_IDS] };
  if ((SOURCE_IDS as readonly string[]).includes(name))
    return { name, type: 'source', sources: [name as SourceId] };
  throw new EmbargoError(
    ERROR_CODES.UNKNOWN_SOURCE,
    `no dataset ${JSON.stringify(name)}; known: ${datasetNames().join(', ')}`,
  );
}

/**
 * The lists to screen: those of `dataset`, narrowed to `include` (when given) and without
 * `exclude`. Every name in `include` and `exclude` must be a dataset: an unknown one would
 * otherwise silently screen against nothing, and a screening that finds nothing looks clean.
 */
export function screenedSources(
  dataset: Dataset,
  include: string[] = [],
  exclude: string[] = [],
): SourceId[] {
  const included = include.length
    ? new Set(include.flatMap((n) => resolveDataset(n).sources))
    : undefined;
  const excluded = new Set(exclude.flatMap((n) => resolveDataset(n).sources));
  return dataset.sources.filter((s) => (!included || included.has(s)) && !excluded.has(s));
}

/** Whether a name is a dataset (a collection or a list). */
function isDataset(name: string): boolean {
  return datasetNames().includes(name);
}

/**
 * The lists to screen under yente's filter semantics (`yente/search/queries.py`
 * `filter_query`): `include` and `exclude` narrow the dataset, and a name that is no dataset is
 * a filter that matches nothing, not a failure: it is left out with a warning. Fail closed: when
 * `include` names no dataset at all, nothing would be screened, and an empty answer would read as
 * "no match", so that stays UNKNOWN_SOURCE (404), as in {@link screenedSources}.
 */
export function filteredSources(
  dataset: Dataset,
  include: string[] = [],
  exclude: string[] = [],
): { sources: SourceId[]; warnings: string[] } {
  const warnings: string[] = [];
  const known = (names: string[], param: string) => {
    const unknown = names.filter((n) => !isDataset(n));
    if (unknown.length)
      warnings.push(
        `${param}: ${unknown.map((n) => JSON.stringify(n)).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} no dataset Embargo holds; left out of the filter`,
      );
    return names.filter(isDataset);
  };
  const inc = known(include, 'include_dataset');
  const exc = known(exclude, 'exclude_dataset');
  if (include.length && !inc.length)
    throw new EmbargoError(
      ERROR_CODES.UNKNOWN_SOURCE,
      `include_dataset names no dataset Embargo holds (${include.map((n) => JSON.stringify(n)).join(', ')}), so nothing would be screened; known: ${datasetNames().join(', ')}`,
    );
  return { sources: screenedSources(dataset, inc, exc), warnings };
}

/**
 * Screens against exactly `sources`. The engine reads an empty list as "every list"; here it is
 * what is left when the request excluded every list, so nothing is screened against (the query
 * is still checked, so a bad one is still a 400).
 */
export async function screenIn(
  engine: Engine,
  query: ScreeningQuery,
  options: ScreenOptions & { sources: SourceId[] },
): ReturnType<Engine['screen']> {
  // Every list (a collection, nothing excluded) is the engine's default: lists it lacks are then
  // reported in `coverage.missing`, not warned of as lists the request asked for by name.
  if (options.sources.length === SOURCE_IDS.length) {
    const { sources: _all, ...rest } = options;
    return engine.screen(query, rest);
  }
  if (options.sources.length) return engine.screen(query, options);
  const res = await engine.screen(query, { ...options, limit: 1 });
  return { ...res, results: [], snapshots: [] };
}
