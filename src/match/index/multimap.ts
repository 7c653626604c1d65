/**
 * @module
 * A string → list of numbers map that stores single values unboxed: most keys (deletion and
 * phonetic keys) point at one token, and a Map of arrays would cost an array per key.
 */

/** Map from string keys to lists of small integers; a value added twice in a row is kept once. */
export class MultiMap {
  private readonly map = new Map<string, number | number[]>();

  /** Adds `value` under `key` (no-op if present). */
  add(key: string, value: number): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, value);
    else if (typeof cur === 'number') {
      if (cur !== value) this.map.set(key, [cur, value]);
    } else if (cur[cur.length - 1] !== value) cur.push(value);
  }

  /** Calls `fn` for each value under `key`. */
  forEach(key: string, fn: (value: number) => void): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'number') fn(cur);
    else for (const v of cur) fn(v);
  }

  /** Every key with its values (a single value unboxed), in insertion order. */
  entries(): IterableIterator<[string, number | number[]]> {
    return this.map.entries();
  }

  /** Puts `values` under `key` as one entry (for loading a stored index; the key must be new). */
  setAll(key: string, values: ArrayLike<number>): void {
    this.map.set(key, values.length === 1 ? values[0]! : Array.from(values));
  }

  /** Number of keys. */
  get size(): number {
    return this.map.size;
  }
}
