/**
 * @module
 * The token vocabulary of the candidate index: every distinct token form in the list names, the
 * names it occurs in (postings) and the keys that lead to it.
 */
import { cachedPhonetic, cachedSkeleton, deletes } from './keys.ts';
import { HashedKeys } from './hashedKeys.ts';
import { MultiMap } from './multimap.ts';

/** Distinct token forms with postings and lookup keys. */
export class Vocabulary {
  /** Form → token id. */
  readonly ids = new Map<string, number>();
  /** Token id → form. */
  readonly forms: string[] = [];
  /**
   * Postings of every token, packed: the names containing token `id` are
   * `postingData[postingStart[id] .. postingStart[id + 1])`, ascending. One array instead of
   * seventy thousand small ones saves their per-object overhead.
   */
  postingData: Int32Array = new Int32Array(0);
  postingStart: Int32Array = new Int32Array(1);
  private building: number[][] = [];
  private readonly keyed = new Set<number>();
  readonly byPhonetic = new MultiMap();
  readonly bySkeleton = new MultiMap();
  readonly byDelete = new HashedKeys();

  /** Records that name `nameId` contains `form`; `keyed` forms also get typo/sound keys. */
  add(form: string, nameId: number, keyed: boolean): void {
    let id = this.ids.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.ids.set(form, id);
      this.forms.push(form);
      this.building.push([]);
    }
    if (keyed && !this.keyed.has(id)) {
      this.keyed.add(id);
      this.addKeys(form, id);
    }
    const list = this.building[id]!;
    if (list[list.length - 1] !== nameId) list.push(nameId);
  }

  /** Packs the postings. Call once after the last add. */
  seal(): void {
    const start = new Int32Array(this.building.length + 1);
    let total = 0;
    this.building.forEach((l, i) => {
      start[i] = total;
      total += l.length;
    });
    start[this.building.length] = total;
    const data = new Int32Array(total);
    this.building.forEach((l, i) => data.set(l, start[i]!));
    this.postingData = data;
    this.postingStart = start;
    this.building = [];
    this.keyed.clear();
    this.byDelete.seal();
  }

  /** Number of names containing the token. */
  df(id: number): number {
    return this.postingStart[id + 1]! - this.postingStart[id]!;
  }

  private addKeys(form: string, id: number): void {
    for (const k of cachedPhonetic(form)) this.byPhonetic.add(k, id);
    const s = cachedSkeleton(form);
    if (s) this.bySkeleton.add(s, id);
    for (const d of deletes(form)) this.byDelete.add(d, id);
  }
}
