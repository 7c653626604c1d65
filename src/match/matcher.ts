/**
 * @module
 * The Matcher: screening queries against a candidate index with either algorithm, and comparing
 * two names.
 */
import { GenerationalMemo, isA } from '../core/index.ts';
import type {
  Algorithm,
  CompareResponse,
  ScoredEntity,
  ScreenOptions,
  ScreeningQuery,
  SchemaName,
  SourceId,
} from '../core/index.ts';
import { nameReadings, tokenizeName, type NameToken } from '../normalize/index.ts';
import { alignNames, QueryAligner } from './embargo/align.ts';
import { MAX_SUPPORT, schemaCompatible } from './embargo/features.ts';
import {
  bestName,
  EMBARGO_DEFAULT_THRESHOLD,
  entityScore,
  kindFactor,
  NAME_WEIGHT,
  scoreEntity,
  type BestName,
  type EntityScore,
} from './embargo/score.ts';
import { CandidateIndex, drain, type Pause } from './index/build.ts';
import { ReachMarks, restrictPostings, retrieve, type Postings } from './index/retrieve.ts';
import { OFAC_DEFAULT_THRESHOLD, ofacNameScore, type OfacNameScore } from './ofac/index.ts';
import { splitName, splitWords } from './_runTogether.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import type { IndexedEntity } from './types.ts';

/** Names retrieved per query name before full scoring. */
const CANDIDATES_PER_NAME = 12;
/** The OFAC emulation scores names without a token index of its own, so it looks wider. */
const OFAC_CANDIDATES = 200;

/**
 * Names remembered per generation for `memoNames` queries: a name is kept for between one and two
 * generations of other names, and one found again moves to the young generation. An entry is a
 * few hundred bytes (measured).
 */
const NAME_MEMO_GENERATION = 20_000;
/**
 * Long unknown words remembered with their split into the index's words (or none): a batch of
 * distinct names repeats its words, and splitting one tries every way to cut it (a few percent
 * of a query's time).
 */
const SPLIT_MEMO_GENERATION = 20_000;

/** What retrieval found for a query's names: candidates per entity, and their best alignments. */
interface NameWork {
  candidates: Map<number, number[]>;
  aligners: QueryAligner[];
}

/** A candidate entity and its score. */
interface Scored {
  e: number;
  s: EntityScore;
}

/** A candidate entity of a query's names: its candidate names and their best alignment. */
interface Named {
  e: number;
  nameIds: number[];
  best: BestName | undefined;
}

/**
 * A schema whose names are fewer than this share of all gets postings of its own: a person query
 * (54% of the names on the four lists) walked every company and vessel name holding its words,
 * a cache miss each, only to drop them. Each such schema's postings cost at most the index's
 * postings again (0.9 MB on four lists); LegalEntity, which keeps nearly all, shares them.
 */
const FEW_NAMES = 0.9;

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
  /**
   * Entities by identifier value, filled on the first query with an identifier: reading every
   * entity's identifiers at construction parsed every row of a stored index (issue 17).
   */
  private byIdentifierMap: Map<string, number[]> | undefined;

  /** {@link Matcher.weigh} of every list token, by token slot (see `IndexedName.tokenStart`). */
  private readonly listWeights: Float64Array;
  /** What each query token reached, for the current query's aligners. */
  private readonly marks: ReachMarks;

  constructor(index: CandidateIndex, prepared = true) {
    this.index = index;
    this.listWeights = new Float64Array(index.tokenSlots);
    this.marks = new ReachMarks(index.vocab.forms.length);
    this.entityNames = index.entities.map(() => []);
    if (prepared) for (const _ of this.preparing());
  }

  /**
   * A matcher over `index`, its per-name tables filled in steps with `pause` between them (a
   * server preparing a new index while it answers from the old one: filling them took 0.2–0.4 s
   * of CPU in one go on four lists). With `identifiers` the table of entities by identifier is
   * filled too, in steps (an index swapped in while requests are answered: no request pays
   * for it); without, the first query with an identifier fills it (a CLI screening a name
   * never does: filling it parses every entity row of a stored index).
   */
  static async prepare(index: CandidateIndex, pause?: Pause, identifiers = true): Promise<Matcher> {
    const matcher = new Matcher(index, false);
    await drain(matcher.preparing(), pause);
    if (identifiers) await drain(matcher.identifying(), pause);
    return matcher;
  }

  /** Fills the per-name tables; yields every few hundred names or entities. */
  private *preparing(): Generator<void> {
    const index = this.index;
    const STEP = 256;
    // One pass over the token slots (typed arrays in a stored index), in steps.
    yield* index.slotSteps((slot, t, id) => {
      // As `weigh` computes it: a list token's text is in the vocabulary.
      this.listWeights[slot] = kindFactor(t) * (id < 0 ? index.unknownIdf : index.idf[id]!);
    });
    const nameEntity = index.nameEntity;
    for (let n = 0; n < nameEntity.length; n++) {
      this.entityNames[nameEntity[n]!]!.push(n);
      if (n % STEP === STEP - 1) yield;
    }
  }

  /** Fills the identifier table (if not yet); yields every few hundred entities. */
  private *identifying(): Generator<void> {
    if (this.byIdentifierMap) return;
    const map = new Map<string, number[]>();
    const entities = this.index.entities;
    for (let i = 0; i < entities.length; i++) {
      for (const id of entities[i]!.identifiers) {
        const list = map.get(id.value);
        if (list) list.push(i);
        else map.set(id.value, [i]);
      }
      if (i % 256 === 255) yield;
    }
    this.byIdentifierMap = map;
  }

  private get byIdentifier(): Map<string, number[]> {
    if (!this.byIdentifierMap) for (const _ of this.identifying());
    return this.byIdentifierMap!;
  }

  private readonly weights = new Map<NameToken, number>();
  private readonly schemaFilters = new Map<SchemaName, Uint8Array>();
  private readonly schemaPostings = new Map<SchemaName, Postings | undefined>();

  /**
   * Postings of only the names a query of `schema` can match, where those are fewer (see
   * {@link FEW_NAMES}): walking every name holding "Star" or "Ocean" to keep the vessels among
   * them was most of a vessel query's time. Same candidates in the same order, same scores.
   */
  private postingsFor(schema: SchemaName, keep: Uint8Array | undefined): Postings | undefined {
    if (!keep) return undefined;
    if (this.schemaPostings.has(schema)) return this.schemaPostings.get(schema);
    let kept = 0;
    for (const k of keep) kept += k;
    const postings =
      kept < keep.length * FEW_NAMES
        ? restrictPostings(this.index, (n) => keep[n] === 1)
        : undefined;
    this.schemaPostings.set(schema, postings);
    return postings;
  }

  private readonly schemaNameMasks = new Map<SchemaName, Uint8Array>();

  /** Per name, 1 where a query of `schema` can describe its entity; undefined for Thing. */
  private schemaNames(schema: SchemaName): Uint8Array | undefined {
    const fits = this.schemaFilter(schema);
    if (!fits) return undefined;
    let keep = this.schemaNameMasks.get(schema);
    if (!keep) {
      keep = Uint8Array.from(this.index.nameEntity, (e) => fits[e]!);
      this.schemaNameMasks.set(schema, keep);
    }
    return keep;
  }

  /** Per entity, 1 where a query of `schema` can describe it; undefined for Thing (all can). */
  private schemaFilter(schema: SchemaName): Uint8Array | undefined {
    if (schema === 'Thing') return undefined;
    let fits = this.schemaFilters.get(schema);
    if (!fits) {
      fits = Uint8Array.from(this.index.entities, (e) =>
        schemaCompatible(schema, e.schema) ? 1 : 0,
      );
      this.schemaFilters.set(schema, fits);
    }
    return fits;
  }

  private personMask: Uint8Array | undefined;

  /**
   * Whether entity `e` is a person, whose names may be written with short forms of their given
   * names (a query of another schema than Person meets it: Thing, LegalEntity).
   */
  private isPerson(e: number): boolean {
    if (!this.personMask) {
      // A few schemata among tens of thousands of entities: each asked once.
      const person = new Map<string, number>();
      this.personMask = Uint8Array.from(this.index.entities, ({ schema }) => {
        let p = person.get(schema);
        if (p === undefined) person.set(schema, (p = isA(schema, 'Person') ? 1 : 0));
        return p;
      });
    }
    return this.personMask[e] === 1;
  }

  /** Weight of a token: its rarity in the lists times a factor for its kind (memoised per token). */
  readonly weigh = (t: NameToken): number => {
    let w = this.weights.get(t);
    if (w === undefined) {
      const id = this.index.vocab.ids.get(t.text);
      const idf = id === undefined ? this.index.unknownIdf : this.index.idf[id]!;
      w = kindFactor(t) * idf;
      if (this.weights.size < 60_000) this.weights.set(t, w);
    }
    return w;
  };

  /** Whether a form is a token of the index. */
  private readonly known = (form: string): boolean => this.index.vocab.ids.has(form);
  private readonly splits = new GenerationalMemo<string, string[] | null>(SPLIT_MEMO_GENERATION);
  /** {@link splitWords} on the index's tokens, remembered. */
  private readonly splitKnown = (text: string): string[] | undefined => {
    let pieces = this.splits.get(text);
    if (pieces === undefined) {
      pieces = splitWords(text, this.known) ?? null;
      this.splits.set(text, pieces);
    }
    return pieces ?? undefined;
  };

  /** Screens one query. */
  screen(query: ScreeningQuery, options: ScreenOptions = {}): MatcherResult {
    const algorithm = options.algorithm ?? 'embargo';
    const threshold = options.threshold ?? DEFAULT_THRESHOLDS[algorithm];
    const limit = options.limit ?? 5;
    const parsed = this.withSplits(parseQuery(query), this.known, this.splitKnown);
    const sources = options.sources?.length ? new Set<SourceId>(options.sources) : undefined;
    // Only entities the query's schema can describe are candidates, as in yente: a vessel query
    // ranks vessels, so people and companies sharing its words cannot crowd them out of the
    // candidates retrieval keeps (and scoring them would only find a schema conflict).
    const fits = this.schemaFilter(parsed.schema);
    const accept =
      sources || fits
        ? (e: number) =>
            (!fits || fits[e] === 1) && (!sources || sources.has(this.index.entities[e]!.source))
        : undefined;
    // Retrieval tests the schema per name (a byte each), the sources per entity.
    const bySource = sources
      ? (e: number) => sources.has(this.index.entities[e]!.source)
      : undefined;
    const brief = options.detail === 'brief';
    // An identifier match brings its entity in whatever the name, with all its names.
    const byId = new Map<number, number[]>();
    for (const id of parsed.identifiers)
      for (const e of this.byIdentifier.get(id.value) ?? [])
        if (!accept || accept(e)) byId.set(e, this.entityNames[e]!);
    // Remembered names serve brief answers (no token explanation to rebuild) that no identifier
    // widened: their scores depend on the names, and the details are scored afresh below.
    const memoKey =
      options.memoNames && brief && !byId.size && algorithm === 'embargo' && parsed.names.length
        ? `${parsed.schema}\u0000${[...(sources ?? [])].sort().join(',')}\u0000${parsed.names.map((n) => n.text).join('\u0000')}`
        : undefined;
    let named = memoKey === undefined ? undefined : this.recall(memoKey);
    let aligners: QueryAligner[] = [];
    if (!named) {
      const work = this.screenNames(parsed, algorithm, bySource);
      aligners = work.aligners;
      for (const [e, nameIds] of byId) work.candidates.set(e, nameIds);
      named = [...work.candidates].map(([e, nameIds]) => ({
        e,
        nameIds,
        best:
          algorithm === 'ofac'
            ? undefined
            : bestName(
                nameIds.map((n) => this.index.name(n)),
                aligners,
                parsed.schema === 'Person' || this.isPerson(e),
              ),
      }));
      if (memoKey !== undefined) this.remember(memoKey, named);
    }
    const entities = this.index.entities;
    const scored =
      algorithm === 'ofac'
        ? this.scoreAll(named, options.cutoff, limit, (x) =>
            this.ofacScore(
              parsed.names.map((n) => n.text),
              x.nameIds.map((n) => this.index.name(n).text),
            ),
          )
        : this.scoreShown(named, byId, options.cutoff, limit, parsed, aligners);
    const results = scored.map(({ e, s }) => toScored(entities[e]!, s, threshold, brief));
    // Which part of a dressed name matched (see parseQuery): reported beside the matched name.
    if (parsed.names.some((n) => n.from !== undefined))
      results.forEach((r, i) => {
        const best = named.find((x) => x.e === scored[i]!.e)?.best?.aligner;
        const k = best ? aligners.indexOf(best) : -1;
        if (k >= 0 && parsed.names[k]!.from !== undefined) r.matched_query = parsed.names[k]!.text;
      });
    return { results, algorithm, threshold, warnings: parsed.warnings };
  }

  /**
   * The `limit` best candidates reaching `cutoff`, best first (ties by id), scored and explained.
   * Every candidate is ranked by its score alone ({@link entityScore}: its details compared with
   * the query's, no explanation built); only those shown get their features and explanation
   * ({@link scoreEntity}, which gives the same score). A brief batch row shows five of about 11
   * candidates; scoring each with its features object and closures was 10% of a distinct row's
   * CPU, ranking them without those is 8.7% (--cpu-prof, 40,000 distinct rows, loaded machine).
   */
  private scoreShown(
    named: Named[],
    byId: Map<number, number[]>,
    cutoff: number | undefined,
    limit: number,
    parsed: ParsedQuery,
    aligners: QueryAligner[],
  ): Scored[] {
    const entities = this.index.entities;
    const ranked: { x: Named; score: number }[] = [];
    for (const x of named) {
      const nameScore = x.best?.score ?? 0;
      // A candidate whose name cannot lift it to the cutoff, with every supporting detail in its
      // favour, would be cut: it is not scored (no identifier can decide for it: none matched).
      if (
        cutoff !== undefined &&
        x.best &&
        !byId.has(x.e) &&
        NAME_WEIGHT * nameScore + MAX_SUPPORT + 0.001 < cutoff
      )
        continue;
      const score = entityScore(parsed, entities[x.e]!, nameScore);
      if (cutoff === undefined || score >= cutoff) ranked.push({ x, score });
    }
    ranked.sort(
      (a, b) => b.score - a.score || compareIds(entities[a.x.e]!.id, entities[b.x.e]!.id),
    );
    return ranked.slice(0, limit).map(({ x: { e, nameIds, best } }) => ({
      e,
      s: scoreEntity(
        parsed,
        entities[e]!,
        nameIds.map((n) => this.index.name(n)),
        aligners,
        best,
      ),
    }));
  }

  /** The `limit` best candidates reaching `cutoff`, best first (ties by id), each scored by `score`. */
  private scoreAll(
    named: Named[],
    cutoff: number | undefined,
    limit: number,
    score: (x: Named) => EntityScore,
  ): Scored[] {
    const entities = this.index.entities;
    const scored = named.map((x) => ({ e: x.e, s: score(x) }));
    scored.sort(
      (a, b) => b.s.score - a.s.score || compareIds(entities[a.e]!.id, entities[b.e]!.id),
    );
    return (cutoff === undefined ? scored : scored.filter((x) => x.s.score >= cutoff)).slice(
      0,
      limit,
    );
  }

  /**
   * Remembered names, packed: per candidate entity its index, the name that aligned best (or its
   * first candidate name) and that alignment's score; one small array per query instead of a
   * dozen objects, a few hundred bytes.
   */
  private readonly nameMemo = new GenerationalMemo<string, Float64Array>(NAME_MEMO_GENERATION);

  /** The candidates remembered for `key`, unpacked. */
  private recall(key: string): Named[] | undefined {
    const packed = this.nameMemo.get(key);
    if (!packed) return undefined;
    const named: Named[] = [];
    for (let i = 0; i < packed.length; i += 3) {
      const name = this.index.name(packed[i + 1]!);
      const score = packed[i + 2]!;
      named.push({
        e: packed[i]!,
        nameIds: [packed[i + 1]!],
        best: { score, aligner: undefined, name: score > 0 ? name : undefined },
      });
    }
    return named;
  }

  private remember(key: string, named: Named[]): void {
    const packed = new Float64Array(named.length * 3);
    named.forEach(({ e, nameIds, best }, i) => {
      packed[i * 3] = e;
      packed[i * 3 + 1] = best?.name
        ? nameIds.find((n) => this.index.name(n) === best.name)!
        : nameIds[0]!;
      packed[i * 3 + 2] = best?.score ?? 0;
    });
    this.nameMemo.set(key, packed);
  }

  /**
   * Retrieval for each query name: the candidate names per entity, and an aligner per query
   * name. Only those names are aligned: an entity's other aliases cover the query less well, or
   * retrieval would have ranked them in.
   */
  private screenNames(
    parsed: ReturnType<typeof parseQuery>,
    algorithm: Algorithm,
    accept: ((e: number) => boolean) | undefined,
  ): NameWork {
    const keep = this.schemaNames(parsed.schema);
    const postings = this.postingsFor(parsed.schema, keep);
    const candidates = new Map<number, number[]>();
    const aligners: QueryAligner[] = [];
    // The aligners below, and the reach they read, serve this query only.
    this.marks.begin();
    for (const qn of parsed.names) {
      const retrieval = retrieve(this.index, qn.tokens, {
        limit: algorithm === 'ofac' ? OFAC_CANDIDATES : CANDIDATES_PER_NAME,
        ...(accept && { accept }),
        ...(keep && { keep }),
        ...(postings && { postings }),
        marks: this.marks,
      });
      aligners.push(new QueryAligner(qn.tokens, this.weigh, retrieval, this.listWeights));
      for (const n of retrieval.names) {
        const e = this.index.nameEntity[n]!;
        const list = candidates.get(e);
        if (!list) candidates.set(e, [n]);
        else if (!list.includes(n)) list.push(n);
      }
    }
    return { candidates, aligners };
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
    // Invisible characters give a name more readings (normalize/formatChars.ts): the best counts.
    const pairs = nameReadings(name1).flatMap((r1) => nameReadings(name2).map((r2) => [r1, r2]));
    if (algorithm === 'ofac') {
      const s = pairs
        .map(([r1, r2]) => ofacNameScore(r1!, r2!))
        .reduce((a, b) => (b.score > a.score ? b : a));
      score = round(s.score);
      explanations = { tokens: s.tokens, features: { [`name.${s.technique}`]: score } };
    } else {
      // Every reading of the first name (invisible characters, see normalize/formatChars.ts) and
      // the names its dressing stands for (see parseQuery), against every reading of the second:
      // the best pair is the score, its tokens the explanation.
      const listReadings = nameReadings(name2).map((r) => tokenizeName(r));
      const listForms = new Set(listReadings.flatMap((ts) => ts.flatMap((t) => t.forms)));
      const parsed = this.withSplits(
        parseQuery({ schema, properties: { name: [name1] } }),
        (f) => listForms.has(f) || this.index.vocab.ids.has(f),
      );
      let best: ReturnType<typeof alignNames> | undefined;
      for (const n of parsed.names)
        for (const listTokens of listReadings) {
          const a = alignNames(n.tokens, listTokens, this.weigh, schema === 'Person');
          if (!best || a.score > best.score) best = a;
        }
      score = round(NAME_WEIGHT * (best?.score ?? 0));
      explanations = { tokens: best?.tokens ?? [], features: { name: score } };
    }
    return { name1, name2, schema, algorithm, score, match: score >= t, explanations };
  }

  /**
   * The query with, after each name holding words run together ("CARMENMARTINEZ"), the name
   * with those words split where `known` words meet; the warnings say so.
   */
  private withSplits(
    parsed: ParsedQuery,
    known: (form: string) => boolean,
    split?: (text: string) => string[] | undefined,
  ): ParsedQuery {
    const extra: ParsedQuery['names'] = [];
    for (const n of parsed.names) {
      const text = splitName(n.tokens, known, split);
      if (text === undefined || parsed.names.some((m) => m.text === text)) continue;
      extra.push({ text, tokens: tokenizeName(text), from: n.from ?? n.text });
      parsed.warnings.push(`"${n.text}" was also screened as "${text}" (words run together)`);
    }
    if (extra.length) parsed.names.push(...extra);
    return parsed;
  }

  private ofacScore(queryNames: string[], listNames: string[]): EntityScore {
    let best: OfacNameScore | undefined;
    let text = listNames[0] ?? '';
    for (const q of queryNames)
      for (const l of listNames) {
        const s = ofacNameScore(q, l);
        if (!best || s.score > best.score) [best, text] = [s, l];
      }
    const score = round(best?.score ?? 0);
    return {
      score,
      matchedName: text,
      features: { [`name.${best?.technique ?? 'none'}`]: score },
      explainTokens: () => best?.tokens ?? [],
    };
  }
}

/**
 * A result as shown. Its `properties` are parsed from the entity's JSON when first read: parsing
 * every shown result's was about a quarter of a single query's CPU time (limit 10,
 * `bench/screen-micro.ts`), paid also by callers that read only ids and scores. They are an own
 * enumerable accessor in their usual place, so JSON.stringify, spreads, IPC and structured clones
 * see the same object as before, and assigning them replaces them. The JSON is the entity's own,
 * fixed when the index was built, so a late read gives what an early one would; each result
 * parses its own copy.
 */
function toScored(
  e: IndexedEntity,
  s: EntityScore,
  threshold: number,
  brief: boolean,
): ScoredEntity {
  // A brief result has no properties: a plain object, without the accessor's closures, and the
  // entity's JSON is not decoded from the index's bytes (decoding it was half of this function's
  // time and 2% of a distinct brief row's CPU, by --cpu-prof over 40,000 distinct rows).
  if (brief)
    return {
      id: e.id,
      schema: e.schema,
      caption: e.caption,
      properties: {},
      datasets: [e.source],
      topics: e.topics,
      score: s.score,
      match: s.score >= threshold,
      explanations: { tokens: [], features: s.features },
      matched_name: s.matchedName,
      programs: e.programs,
      first_seen: e.firstSeen,
      last_change: e.lastChange,
    };
  const json = e.propertiesJson;
  let properties: ScoredEntity['properties'] | undefined;
  return {
    id: e.id,
    schema: e.schema,
    caption: e.caption,
    get properties() {
      return (properties ??= JSON.parse(json) as ScoredEntity['properties']);
    },
    set properties(value) {
      properties = value;
    },
    datasets: [e.source],
    topics: e.topics,
    score: s.score,
    match: s.score >= threshold,
    explanations: { tokens: s.explainTokens(), features: s.features },
    matched_name: s.matchedName,
    programs: e.programs,
    first_seen: e.firstSeen,
    last_change: e.lastChange,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

let collator: Intl.Collator | undefined;
/**
 * Orders entity ids as `localeCompare` does (ties between equal scores), through one collator:
 * `localeCompare` looks its collator up on every call, and sorting a common name's candidates
 * by it was ~10 ms of a cold `embargo screen "Kim Jong Un"` (--cpu-prof), against ~3 ms.
 */
function compareIds(a: string, b: string): number {
  return (collator ??= new Intl.Collator()).compare(a, b);
}
