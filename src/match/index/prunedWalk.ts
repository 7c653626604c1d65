/**
 * @module
 * The posting walk of retrieval with MaxScore-style pruning: the same top names, in the same
 * order, as walking every looked-up token's postings, without walking the long postings of
 * common tokens (Kim, Mohammed, Trading) once nothing they alone could bring in would rank among
 * the names kept.
 *
 * Retrieval ranks a name by what the query covers of it (per query token, the best gain among
 * the list tokens it reached in that name, summed over tokens), less part of what is left
 * uncovered. That rank only grows with coverage, so a name's coverage by the postings walked so
 * far gives a lower bound of its rank, and the best gains of the tokens not yet walked bound
 * what a name none of the walked tokens touched can reach. Once that bound is below the
 * `limit`-th best lower bound, the remaining postings are not walked; the names already touched
 * then get their exact coverage from their own tokens (the inverse postings) instead.
 *
 * Exactly the same answers: the coverage of each candidate is replayed in the exhaustive walk's
 * order with its float32 roundings, and ties are broken as its insertion order did (by the first
 * lookup that touched the name, then by name id, the postings' order).
 */
import type { CandidateIndex } from './build.ts';

/** The postings walked: the names holding token `id` are `data[start[id] .. start[id + 1])`. */
interface Walked {
  start: Int32Array;
  data: Int32Array;
}

/**
 * The lookups of one query as events, in the exhaustive walk's order: event `e` adds `gain[e]`
 * for query slot `slot[e]` to every name holding vocabulary token `id[e]`.
 */
export class Events {
  count = 0;
  slot = new Int32Array(256);
  id = new Int32Array(256);
  gain = new Float64Array(256);

  /** Appends an event. */
  push(slot: number, id: number, gain: number): void {
    if (this.count === this.slot.length) {
      const n = this.count * 2;
      this.slot = grow(this.slot, new Int32Array(n));
      this.id = grow(this.id, new Int32Array(n));
      this.gain = grow(this.gain, new Float64Array(n));
    }
    this.slot[this.count] = slot;
    this.id[this.count] = id;
    this.gain[this.count++] = gain;
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Share of a name's uncovered weight that lowers its rank (as retrieve.ts). */
const UNCOVERED_PENALTY = 0.35;
/**
 * Postings this short are walked without asking whether they can be skipped: asking costs a pass
 * over the names touched so far.
 */
const SHORT_POSTINGS = 64;
/**
 * Relative margin between the bound of the names not walked and the `limit`-th rank: the bounds
 * are summed in float64 in another order than the float32 coverage they bound (a few ulps).
 */
const MARGIN = 1e-5;

/** Per-index state of the pruned walk (one index, one thread). */
export class PrunedWalk {
  /** Name → its tokens, the postings inverted: `ids[start[n] .. start[n + 1])`. */
  private readonly nameStart: Int32Array;
  private readonly nameIds: Int32Array;
  /** Per name: the query slots that touched it (bits), and what they gave (a lower bound). */
  private readonly mask: Int32Array;
  private readonly lower: Float64Array;
  /** Per name: 0 unknown, 1 kept, 2 not kept by the query's filters. */
  private readonly kept: Uint8Array;
  /** Per name: the first event that touches it in the exhaustive order. */
  private readonly first: Int32Array;
  /** Per vocabulary token: its first event of this query, if `stamp` says this query. */
  private readonly head: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;
  private next = new Int32Array(256);
  private readonly buffer: number[] = [];

  constructor(private readonly index: CandidateIndex) {
    const { postingStart, postingData } = index.vocab;
    const n = index.nameCount;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < postingData.length; k++) start[postingData[k]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const ids = new Int32Array(postingData.length);
    for (let id = 0; id + 1 < postingStart.length; id++)
      for (let k = postingStart[id]!; k < postingStart[id + 1]!; k++)
        ids[fill[postingData[k]!]!++] = id;
    this.nameStart = start;
    this.nameIds = ids;
    this.mask = new Int32Array(n);
    this.lower = new Float64Array(n);
    this.kept = new Uint8Array(n);
    this.first = new Int32Array(n);
    this.head = new Int32Array(postingStart.length);
    this.stamp = new Int32Array(postingStart.length);
  }

  /**
   * The `limit` best kept names (best first), their ranks left in `acc` at `STRIDE * name + 1`
   * as the exhaustive walk leaves them; `touched` receives every name touched (its length is
   * returned in `out.count`) so the caller can reset `acc`. Events must use slots below 32.
   */
  walk(
    events: Events,
    postings: Walked,
    limit: number,
    keepName: (n: number) => boolean,
    acc: Float32Array,
    touched: Int32Array,
    stride: number,
  ): { names: number[]; count: number } {
    const { mask, lower, kept } = this;
    const { start, data } = postings;
    const E = events.count;
    const evSlot = events.slot;
    const evId = events.id;
    const evGain = events.gain;
    let count = 0;
    const walkEvent = (e: number) => {
      const bit = 1 << evSlot[e]!;
      const g = evGain[e]!;
      const id = evId[e]!;
      const end = start[id + 1]!;
      for (let k = start[id]!; k < end; k++) {
        const n = data[k]!;
        const m = mask[n]!;
        if ((m & bit) === 0) {
          if (m === 0) touched[count++] = n;
          mask[n] = m | bit;
          lower[n]! += g;
        }
      }
    };
    // Short postings first, all of them; the long ones best gain first, while they can matter.
    const long: number[] = [];
    for (let e = 0; e < E; e++) {
      const id = evId[e]!;
      if (start[id + 1]! - start[id]! <= SHORT_POSTINGS) walkEvent(e);
      else long.push(e);
    }
    long.sort((a, b) => evGain[b]! - evGain[a]! || a - b);
    // The best gain per slot among the long events not yet walked, and their sum.
    const slotBest = new Float64Array(32);
    for (const e of long) slotBest[evSlot[e]!] = Math.max(slotBest[evSlot[e]!]!, evGain[e]!);
    let checked = 0;
    for (let i = 0; i < long.length; i++) {
      const e = long[i]!;
      const id = evId[e]!;
      if (start[id + 1]! - start[id]! > count) {
        let bound = 0;
        for (let s = 0; s < 32; s++) bound += slotBest[s]!;
        for (; checked < count; checked++) {
          const n = touched[checked]!;
          kept[n] = keepName(n) ? 1 : 2;
        }
        const floor = this.kthLower(touched, count, limit, acc, stride);
        if (bound * (1 + MARGIN) + MARGIN < floor * (1 - MARGIN)) break;
      }
      walkEvent(e);
      // Long events are in descending gain: the slot's best left is its next one's.
      let nextBest = 0;
      for (let j = i + 1; j < long.length; j++)
        if (evSlot[long[j]!] === evSlot[e]) {
          nextBest = evGain[long[j]!]!;
          break;
        }
      slotBest[evSlot[e]!] = nextBest;
    }
    for (; checked < count; checked++) {
      const n = touched[checked]!;
      kept[n] = keepName(n) ? 1 : 2;
    }
    // Every event chained under its token, in order, for the replay.
    if (++this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
    if (this.next.length < E) this.next = new Int32Array(Math.max(E, this.next.length * 2));
    const { head, stamp, next } = this;
    for (let e = E - 1; e >= 0; e--) {
      const id = evId[e]!;
      next[e] = stamp[id] === gen ? head[id]! : -1;
      stamp[id] = gen;
      head[id] = e;
    }
    const best: number[] = [];
    const first = this.first;
    const buffer = this.buffer;
    for (let i = 0; i < count; i++) {
      const n = touched[i]!;
      if (kept[n] !== 1) continue;
      buffer.length = 0;
      for (let p = this.nameStart[n]!; p < this.nameStart[n + 1]!; p++) {
        const id = this.nameIds[p]!;
        if (stamp[id] !== gen) continue;
        for (let e = head[id]!; e >= 0; e = next[e]!) buffer.push(e);
      }
      // Few events per name: insertion sort into the exhaustive walk's order.
      for (let a = 1; a < buffer.length; a++) {
        const v = buffer[a]!;
        let b = a;
        while (b > 0 && buffer[b - 1]! > v) buffer[b] = buffer[--b]!;
        buffer[b] = v;
      }
      // The exhaustive walk's arithmetic (retrieve.ts), its float32 stores included.
      let slot = -1;
      let gave = 0;
      let covered = 0;
      for (let x = 0; x < buffer.length; x++) {
        const e = buffer[x]!;
        const g = evGain[e]!;
        if (evSlot[e] !== slot) {
          slot = evSlot[e]!;
          gave = Math.fround(g);
          covered = Math.fround(covered + g);
        } else if (g > gave) {
          covered = Math.fround(covered + (g - gave));
          gave = Math.fround(g);
        }
      }
      const at = n * stride;
      acc[at + 1] = covered - UNCOVERED_PENALTY * Math.max(0, acc[at + 3]! - covered);
      first[n] = buffer[0]!;
      insertBest(best, n, limit, acc, stride, first);
    }
    for (let i = 0; i < count; i++) {
      const n = touched[i]!;
      mask[n] = 0;
      lower[n] = 0;
      kept[n] = 0;
    }
    return { names: best, count };
  }

  /** The `limit`-th best lower bound of a kept touched name's rank (-Infinity if fewer). */
  private kthLower(
    touched: Int32Array,
    count: number,
    limit: number,
    acc: Float32Array,
    stride: number,
  ): number {
    const floor: number[] = [];
    for (let i = 0; i < count; i++) {
      const n = touched[i]!;
      if (this.kept[n] !== 1) continue;
      const c = this.lower[n]!;
      const r = c - UNCOVERED_PENALTY * Math.max(0, acc[n * stride + 3]! - c);
      if (floor.length >= limit && r <= floor[floor.length - 1]!) continue;
      let j = floor.length;
      while (j > 0 && floor[j - 1]! < r) j--;
      floor.splice(j, 0, r);
      if (floor.length > limit) floor.pop();
    }
    return floor.length >= limit ? floor[limit - 1]! : -Infinity;
  }
}

/**
 * Inserts `n` into `best` (at most `limit` names, best rank first; ties by first event, then
 * name id: the exhaustive walk's insertion order).
 */
function insertBest(
  best: number[],
  n: number,
  limit: number,
  acc: Float32Array,
  stride: number,
  first: Int32Array,
): void {
  const r = acc[n * stride + 1]!;
  const before = (m: number) => {
    const q = acc[m * stride + 1]!;
    return q > r || (q === r && (first[m]! < first[n]! || (first[m] === first[n] && m < n)));
  };
  if (best.length >= limit && before(best[best.length - 1]!)) return;
  let j = best.length;
  while (j > 0 && !before(best[j - 1]!)) j--;
  best.splice(j, 0, n);
  if (best.length > limit) best.pop();
}
