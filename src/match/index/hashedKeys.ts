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

/** Hash → ids, appended while building, sorted by {@link HashedKeys.seal}. */
export class HashedKeys {
  private hashes: number[] = [];
  private values: number[] = [];
  private sortedHashes = new Uint32Array(0);
  private sortedValues = new Int32Array(0);

  /** Adds `value` under `key`. */
  add(key: string, value: number): void {
    this.hashes.push(fnv1a(key));
    this.values.push(value);
  }

  /** Sorts the pairs for lookup; call once after the last add. */
  seal(): void {
    const order = Array.from(this.hashes.keys()).sort(
      (a, b) => this.hashes[a]! - this.hashes[b]! || this.values[a]! - this.values[b]!,
    );
    this.sortedHashes = Uint32Array.from(order, (i) => this.hashes[i]!);
    this.sortedValues = Int32Array.from(order, (i) => this.values[i]!);
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
