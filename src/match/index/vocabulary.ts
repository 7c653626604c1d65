/**
 * @module
 * The token vocabulary of the candidate index: every distinct token form in the list names, the
 * names it occurs in (postings) and the keys that lead to it.
 */
import { cachedPhonetic, cachedSkeleton, deletes } from './keys.ts';
import { HashedKeys } from './hashedKeys.ts';
import { MultiMap } from './multimap.ts';

/** Form → token id, as the matcher reads it. */
export interface FormIds {
  get(form: string): number | undefined;
  has(form: string): boolean;
}

/**
 * Form → token id over a loaded index's forms and their order, by binary search: building a Map
 * of ~71k forms took 50–80 ms of CPU (and its garbage) at every load, while a cold `embargo
 * screen` looks up a few hundred forms. A process that goes on looking up ({@link MAP_AFTER}
 * lookups) builds the Map once, so servers and batch workers pay no search per lookup.
 */
export class SortedFormIds implements FormIds {
  private lookups = 0;
  private map: Map<string, number> | undefined;

  /** `order`: the ids of `forms` sorted by form, in JavaScript's string order (`<`). */
  constructor(
    private readonly forms: readonly string[],
    private readonly order: Int32Array,
  ) {}

  get(form: string): number | undefined {
    if (this.map) return this.map.get(form);
    if (++this.lookups > MAP_AFTER) {
      this.map = new Map(this.forms.map((f, id) => [f, id]));
      return this.map.get(form);
    }
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const id = this.order[mid]!;
      const f = this.forms[id]!;
      if (f === form) return id;
      if (f < form) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(form: string): boolean {
    return this.get(form) !== undefined;
  }

  /**
   * Builds the Map now, in steps (a server that will screen on, between its requests): built on
   * the {@link MAP_AFTER}th lookup instead, it held that request for 50–80 ms.
   */
  *mapping(): Generator<void> {
    if (this.map) return;
    const map = new Map<string, number>();
    for (let id = 0; id < this.forms.length; id++) {
      map.set(this.forms[id]!, id);
      if (id % 4096 === 4095) yield;
    }
    this.map ??= map;
  }
}

/** Lookups after which {@link SortedFormIds} builds a Map. */
const MAP_AFTER = 20_000;

/** The ids of `forms` sorted by form in JavaScript's string order (what {@link SortedFormIds} reads). */
export function formOrder(forms: readonly string[]): Int32Array {
  return Int32Array.from(forms.keys()).sort((a, b) =>
    forms[a]! < forms[b]! ? -1 : forms[a]! > forms[b]! ? 1 : 0,
  );
}

/** Distinct token forms with postings and lookup keys. */
export class Vocabulary {
  private readonly built = new Map<string, number>();
  /** Form → token id. */
  ids: FormIds = this.built;
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
    let id = this.built.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.built.set(form, id);
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

  /**
   * Readies the form lookups of a loaded index for a long-running process, in steps (see
   * {@link SortedFormIds.mapping}); a built index has its Map already.
   */
  *mappingIds(): Generator<void> {
    if (this.ids instanceof SortedFormIds) yield* this.ids.mapping();
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
