/**
 * @module
 * A compact key → ids table for the deletion neighbourhood: 165,000 keys on four lists. The keys
 * themselves are not kept, only a 32-bit hash of each, in one sorted array beside the ids. Two
 * keys that share a hash only bring an extra candidate, which the caller scores and drops, so
 * nothing is missed; and the strings and Map entries that would hold them cost 30 MB.
 */

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Values below this pack with their hash into one exact double (2²¹: hash × 2²¹ < 2⁵³). */
const PACK = 2 ** 21;

/** Hash → ids, appended while building, sorted by {@link HashedKeys.seal}. */
export class HashedKeys {
  private hashes: number[] = [];
  private values: number[] = [];
  private sortedHashes: Uint32Array = new Uint32Array(0);
  private sortedValues: Int32Array = new Int32Array(0);

  /** Adds `value` (an integer from 0 to 2³¹ − 1) under `key`. */
  add(key: string, value: number): void {
    this.hashes.push(fnv1a(key));
    this.values.push(value);
  }

  /**
   * Sorts the pairs for lookup (by hash, then value); call once after the last add. Each pair is
   * packed into one double, hash × 2²¹ + value, exact while values stay below 2²¹ (they are token
   * ids: 71,000 on four lists), so a typed array's native numeric sort does the work; a
   * comparator over an index array took about a tenth of the index build.
   */
  seal(): void {
    const n = this.hashes.length;
    const packed = new Float64Array(n);
    let small = true;
    for (let i = 0; i < n; i++) {
      if (this.values[i]! >= PACK) small = false;
      packed[i] = this.hashes[i]! * PACK + this.values[i]!;
    }
    this.sortedHashes = new Uint32Array(n);
    this.sortedValues = new Int32Array(n);
    if (small) {
      packed.sort();
      for (let i = 0; i < n; i++) {
        const hash = Math.floor(packed[i]! / PACK);
        this.sortedHashes[i] = hash;
        this.sortedValues[i] = packed[i]! - hash * PACK;
      }
    } else {
      const order = Array.from(this.hashes.keys()).sort(
        (a, b) => this.hashes[a]! - this.hashes[b]! || this.values[a]! - this.values[b]!,
      );
      order.forEach((k, i) => {
        this.sortedHashes[i] = this.hashes[k]!;
        this.sortedValues[i] = this.values[k]!;
      });
    }
    this.hashes = [];
    this.values = [];
  }

  /** The sealed pairs, sorted (for storing the index). */
  sorted(): { hashes: Uint32Array; values: Int32Array } {
    return { hashes: this.sortedHashes, values: this.sortedValues };
  }

  /** Takes pairs as {@link sorted} gave them, instead of adding and sealing (a stored index). */
  loadSorted(hashes: Uint32Array, values: Int32Array): void {
    this.sortedHashes = hashes;
    this.sortedValues = values;
    this.hashes = [];
    this.values = [];
  }

  /** Calls `fn` for each value under a key with the same hash as `key`. */
  forEach(key: string, fn: (value: number) => void): void {
    const h = fnv1a(key);
    const hs = this.sortedHashes;
    let lo = 0;
    let hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hs[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hs.length && hs[i] === h; i++) fn(this.sortedValues[i]!);
  }

  /** Number of pairs. */
  get size(): number {
    return this.sortedHashes.length || this.hashes.length;
  }
}
