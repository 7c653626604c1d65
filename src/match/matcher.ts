/**
 * @module
 * The Matcher: screening queries against a candidate index with either algorithm, and comparing
 * two names.
 */
import type {
  Algorithm,
  CompareResponse,
  ScoredEntity,
  ScreenOptions,
  ScreeningQuery,
  SchemaName,
  SourceId,
} from '../core/index.ts';
import { tokenizeName, type NameToken } from '../normalize/index.ts';
import { alignNames } from './embargo/align.ts';
import {
  EMBARGO_DEFAULT_THRESHOLD,
  kindFactor,
  NAME_WEIGHT,
  scoreEntity,
  type EntityScore,
} from './embargo/score.ts';
import { CandidateIndex } from './index/build.ts';
import { retrieve } from './index/retrieve.ts';
import { OFAC_DEFAULT_THRESHOLD, ofacNameScore } from './ofac/index.ts';
import { parseQuery } from './query.ts';
import type { IndexedEntity } from './types.ts';

/** Names retrieved per query name before full scoring. */
const CANDIDATES_PER_NAME = 48;
/** The OFAC emulation scores names without a token index of its own, so it looks wider. */
const OFAC_CANDIDATES = 200;

/** Default threshold of each algorithm. */
export const DEFAULT_THRESHOLDS: Readonly<Record<Algorithm, number>> = {
  embargo: EMBARGO_DEFAULT_THRESHOLD,
  ofac: OFAC_DEFAULT_THRESHOLD,
};

/** Result of {@link Matcher.screen}. */
export interface MatcherResult {
  results: ScoredEntity[];
  algorithm: Algorithm;
  threshold: number;
  warnings: string[];
}

/** Screens queries against one index. Not safe to share across threads; build one per worker. */
export class Matcher {
  readonly index: CandidateIndex;
  private readonly entityNames: number[][];
  private readonly byIdentifier = new Map<string, number[]>();

  constructor(index: CandidateIndex) {
    this.index = index;
    this.entityNames = index.entities.map(() => []);
    index.names.forEach((n, i) => this.entityNames[n.entity]!.push(i));
    index.entities.forEach((e, i) => {
      for (const id of e.identifiers) {
        const list = this.byIdentifier.get(id.value) ?? [];
        list.push(i);
        this.byIdentifier.set(id.value, list);
      }
    });
  }

  /** Weight of a token: its rarity in the lists times a factor for its kind. */
  readonly weigh = (t: NameToken): number => {
    const id = this.index.vocab.ids.get(t.text);
    const idf = id === undefined ? this.index.unknownIdf : this.index.idf[id]!;
    return kindFactor(t) * idf;
  };

  /** Screens one query. */
  screen(query: ScreeningQuery, options: ScreenOptions = {}): MatcherResult {
    const algorithm = options.algorithm ?? 'embargo';
    const threshold = options.threshold ?? DEFAULT_THRESHOLDS[algorithm];
    const limit = options.limit ?? 5;
    const parsed = parseQuery(query);
    const sources = options.sources?.length ? new Set<SourceId>(options.sources) : undefined;
    const accept = sources ? (e: number) => sources.has(this.index.entities[e]!.source) : undefined;
    const candidates = new Set<number>();
    for (const qn of parsed.names) {
      const names = retrieve(this.index, qn.tokens, {
        limit: algorithm === 'ofac' ? OFAC_CANDIDATES : CANDIDATES_PER_NAME,
        ...(accept && { accept }),
      });
      for (const n of names) candidates.add(this.index.names[n]!.entity);
    }
    for (const id of parsed.identifiers)
      for (const e of this.byIdentifier.get(id.value) ?? [])
        if (!accept || accept(e)) candidates.add(e);
    const scored: ScoredEntity[] = [];
    for (const e of candidates) {
      const entity = this.index.entities[e]!;
      const names = this.entityNames[e]!.map((n) => this.index.names[n]!);
      const s =
        algorithm === 'ofac'
          ? this.ofacScore(
              parsed.names.map((n) => n.text),
              names.map((n) => n.text),
            )
          : scoreEntity(parsed, entity, names, this.weigh);
      scored.push(toScored(entity, s, threshold));
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return { results: scored.slice(0, limit), algorithm, threshold, warnings: parsed.warnings };
  }

  /** Scores two names against each other, with the explanation. */
  compare(
    name1: string,
    name2: string,
    schema: SchemaName = 'Thing',
    algorithm: Algorithm = 'embargo',
    threshold?: number,
  ): CompareResponse {
    const t = threshold ?? DEFAULT_THRESHOLDS[algorithm];
    let score: number;
    let explanations: CompareResponse['explanations'];
    if (algorithm === 'ofac') {
      const s = ofacNameScore(name1, name2);
      score = round(s.score);
      explanations = { tokens: s.tokens, features: { [`name.${s.technique}`]: score } };
    } else {
      parseQuery({ schema, properties: { name: [name1] } });
      const a = alignNames(tokenizeName(name1), tokenizeName(name2), this.weigh);
      score = round(NAME_WEIGHT * a.score);
      explanations = { tokens: a.tokens, features: { name: score } };
    }
    return { name1, name2, schema, algorithm, score, match: score >= t, explanations };
  }

  private ofacScore(queryNames: string[], listNames: string[]): EntityScore {
    let best = { score: 0, technique: 'none', tokens: [] as EntityScore['explanations']['tokens'] };
    let text = listNames[0] ?? '';
    for (const q of queryNames)
      for (const l of listNames) {
        const s = ofacNameScore(q, l);
        if (s.score > best.score) [best, text] = [s, l];
      }
    return {
      score: round(best.score),
      matchedName: text,
      explanations: {
        tokens: best.tokens,
        features: { [`name.${best.technique}`]: round(best.score) },
      },
    };
  }
}

function toScored(e: IndexedEntity, s: EntityScore, threshold: number): ScoredEntity {
  return {
    id: e.id,
    schema: e.schema,
    caption: e.caption,
    properties: e.properties,
    datasets: [e.source],
    topics: e.topics,
    score: s.score,
    match: s.score >= threshold,
    explanations: s.explanations,
    matched_name: s.matchedName,
    programs: e.programs,
    first_seen: e.firstSeen,
    last_change: e.lastChange,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
