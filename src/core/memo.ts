/**
 * @module
 * A bounded memo for hot paths (tokens of a word, lookups of a form, names of a book).
 */

/**
 * A map that forgets what has not been used lately, in two generations: new entries go to the
 * young one; when it is full it becomes the old one and the previous old one is dropped; an entry
 * found in the old generation moves back to the young one. So an entry in use is never dropped
 * however many one-off entries pass through (a plain map cleared when full loses everything at
 * once, the common tokens with the rare), and at most twice `generation` entries are held.
 *
 * Written here rather than taken from an LRU library: it sits in the matcher's innermost loops,
 * where a lookup must cost one `Map.get`, with no recency bookkeeping on a hit.
 */
export class GenerationalMemo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly generation: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held, in both generations (an entry may be in both). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
