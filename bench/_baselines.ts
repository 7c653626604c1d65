/**
 * @module
 * The two baselines Embargo is compared with, over the same names: Fuse.js (a general-purpose
 * fuzzy search library, as a developer without a screening engine would reach for) and a
 * brute-force token Jaro-Winkler scan (what a compliance team's first script often is). Both
 * answer a name with the best-scoring entities, scores in 0..1 where higher is closer.
 */
import Fuse from 'fuse.js';
import type { Engine } from '../src/index.ts';
import { jaroWinkler } from '../src/match/similarity/index.ts';

/** Name properties the candidate index reads (STRONG_NAME_PROPS and weakAlias). */
export const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'] as const;

/** One name of one entity. */
export interface ListName {
  /** Index into {@link ListNames.ids}. */
  entity: number;
  name: string;
}

/** Every name and alias of every entity of the active snapshots. */
export interface ListNames {
  ids: string[];
  names: ListName[];
}

/**
 * Reads the names the way the engine's matcher does: every entity of every active snapshot,
 * without raw records, each distinct name of its name properties once.
 */
export async function readListNames(engine: Engine): Promise<ListNames> {
  const ids: string[] = [];
  const names: ListName[] = [];
  for (const status of await engine.status()) {
    if (!status.active) continue;
    for await (const e of engine.store.iterateEntities(status.active.id, { raw: false })) {
      const seen = new Set<string>();
      for (const prop of NAME_PROPS)
        for (const n of e.properties[prop] ?? []) {
          if (!n.trim() || seen.has(n)) continue;
          seen.add(n);
          if (seen.size === 1) ids.push(e.id);
          names.push({ entity: ids.length - 1, name: n });
        }
    }
  }
  return { ids, names };
}

/** One entity in a baseline's answer. */
export interface Hit {
  id: string;
  /** 0..1, higher is closer. */
  score: number;
}

/** A baseline: built over the list names, answering one name at a time. */
export interface Searcher {
  /** The best `limit` entities for a name, best first. */
  search(name: string, limit: number): Hit[];
}

/** Fuse.js records searched: one per name. */
interface FuseRecord {
  name: string;
  entity: number;
}

/** Name records Fuse.js returns per query, before they are grouped by entity. */
export const FUSE_RECORD_LIMIT = 100;

/**
 * Fuse.js with its documented defaults (threshold 0.6, location 0, distance 100, case-insensitive)
 * over one record per name, keys ['name'], includeScore. Fuse's score is 0 for a perfect match and
 * 1 for none; it is turned around (1 − score) so that, like the others, higher is closer.
 */
export class FuseSearcher implements Searcher {
  private readonly fuse: Fuse<FuseRecord>;
  private readonly ids: string[];

  constructor(list: ListNames) {
    this.ids = list.ids;
    this.fuse = new Fuse<FuseRecord>(list.names, {
      keys: ['name'],
      includeScore: true,
      threshold: 0.6,
    });
  }

  search(name: string, limit: number): Hit[] {
    const hits: Hit[] = [];
    const seen = new Set<number>();
    for (const r of this.fuse.search(name, { limit: FUSE_RECORD_LIMIT })) {
      if (seen.has(r.item.entity)) continue;
      seen.add(r.item.entity);
      hits.push({ id: this.ids[r.item.entity]!, score: 1 - (r.score ?? 1) });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** Lower-cased words: runs of letters and digits in any script. */
export function words(name: string): string[] {
  return name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Brute force: every query against every list name, no index. A name's score is the mean, over
 * the query's tokens, of each one's best Jaro-Winkler against the name's tokens; an entity's is
 * its best name's.
 */
export class TokenJaroWinklerScan implements Searcher {
  private readonly ids: string[];
  private readonly tokens: string[][];
  private readonly entityOf: Int32Array;
  private readonly best: Float64Array;

  constructor(list: ListNames) {
    this.ids = list.ids;
    this.tokens = list.names.map((n) => words(n.name));
    this.entityOf = Int32Array.from(list.names, (n) => n.entity);
    this.best = new Float64Array(list.ids.length);
  }

  search(name: string, limit: number): Hit[] {
    const query = words(name);
    if (!query.length) return [];
    const best = this.best.fill(0);
    for (let i = 0; i < this.tokens.length; i++) {
      const listed = this.tokens[i]!;
      if (!listed.length) continue;
      let sum = 0;
      for (const q of query) {
        let max = 0;
        for (const t of listed) {
          const s = jaroWinkler(q, t);
          if (s > max) max = s;
        }
        sum += max;
      }
      const score = sum / query.length;
      const e = this.entityOf[i]!;
      if (score > best[e]!) best[e] = score;
    }
    return topEntities(best, this.ids, limit);
  }
}

/** The `limit` highest-scoring entities (ties by id), without sorting all of them. */
function topEntities(best: Float64Array, ids: string[], limit: number): Hit[] {
  const top: Hit[] = [];
  for (let e = 0; e < best.length; e++) {
    const score = best[e]!;
    if (score <= 0) continue;
    if (top.length === limit && score <= top[top.length - 1]!.score) continue;
    const hit = { id: ids[e]!, score };
    let i = top.length;
    while (i > 0 && top[i - 1]!.score < score) i--;
    top.splice(i, 0, hit);
    if (top.length > limit) top.pop();
  }
  return top;
}
