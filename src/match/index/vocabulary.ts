/**
 * @module
 * The token vocabulary of the candidate index: every distinct token form in the list names, the
 * names it occurs in (postings) and the keys that lead to it.
 */
import { cachedPhonetic, cachedSkeleton, deletes } from './keys.ts';
import { MultiMap } from './multimap.ts';

/** Distinct token forms with postings and lookup keys. */
export class Vocabulary {
  /** Form → token id. */
  readonly ids = new Map<string, number>();
  /** Token id → form. */
  readonly forms: string[] = [];
  /** Token id → ids of the names containing it (ascending, no duplicates). */
  postings: Int32Array[] = [];
  private readonly building: number[][] = [];
  readonly byPhonetic = new MultiMap();
  readonly bySkeleton = new MultiMap();
  readonly byDelete = new MultiMap();

  /** Records that name `nameId` contains `form`; `keyed` forms also get typo/sound keys. */
  add(form: string, nameId: number, keyed: boolean): void {
    let id = this.ids.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.ids.set(form, id);
      this.forms.push(form);
      this.building.push([]);
      if (keyed) this.addKeys(form, id);
    }
    const list = this.building[id]!;
    if (list[list.length - 1] !== nameId) list.push(nameId);
  }

  /** Freezes postings into typed arrays. Call once after the last add. */
  seal(): void {
    this.postings = this.building.map((l) => Int32Array.from(l));
    this.building.length = 0;
  }

  /** Number of names containing the token. */
  df(id: number): number {
    return this.postings[id]?.length ?? 0;
  }

  private addKeys(form: string, id: number): void {
    for (const k of cachedPhonetic(form)) this.byPhonetic.add(k, id);
    const s = cachedSkeleton(form);
    if (s) this.bySkeleton.add(s, id);
    for (const d of deletes(form)) this.byDelete.add(d, id);
  }
}
