/**
 * @module
 * The candidate index: every name and alias of the loaded entities, tokenised, with a token
 * vocabulary that finds list tokens by exact form, sound, consonant skeleton or one typo.
 */
import type { StoredEntity } from '../../core/index.ts';
import { tokenizeName, type NameToken } from '../../normalize/index.ts';
import type { IndexedEntity, IndexedName } from '../types.ts';
import { STRONG_NAME_PROPS, toIndexedEntity } from './entity.ts';
import { Vocabulary } from './vocabulary.ts';

/** Tokens that carry a name (not titles, legal forms or particles) and are worth looking up. */
export function isContentToken(t: NameToken): boolean {
  return t.kind === 'word' || t.kind === 'number';
}

/** In-memory index over the names of a set of entities. */
export class CandidateIndex {
  readonly entities: IndexedEntity[] = [];
  /**
   * The names by id. A loaded index (see stored.ts) fills it on first use of each name: a
   * screening reads a few dozen candidates' names, and decoding all hundred thousand was most
   * of a stored index's load.
   */
  private readonly nameList: (IndexedName | undefined)[] = [];
  /** Decodes a name of a loaded index; unset for a built one (all its names are there). */
  private decodeName: ((n: number) => IndexedName) | undefined;
  /** Calls `fn` for token slots `from..to` of a loaded index, without decoding its names. */
  private eachSlot:
    | ((fn: (slot: number, token: NameToken, id: number) => void, from: number, to: number) => void)
    | undefined;
  readonly vocab = new Vocabulary();
  /** log-scaled inverse document frequency per vocabulary token. */
  idf: Float32Array = new Float32Array(0);
  /** idf given to a query token that no list name contains. */
  unknownIdf = 0;
  /** Sum of the idf of each name's content tokens: what a query must cover to match it whole. */
  nameWeight: Float32Array = new Float32Array(0);
  /**
   * The entity of each name (`names[n].entity`), packed: retrieval and the matcher read it for
   * every candidate, and reaching each name's object for it missed the cache once a name.
   */
  nameEntity: Int32Array = new Int32Array(0);
  /**
   * Number of tokens of all names; name `n`'s tokens are slots `names[n].tokenStart ..` of
   * arrays this long (the matcher keeps each list token's weight there).
   */
  tokenSlots = 0;

  /** Number of names. */
  get nameCount(): number {
    return this.nameList.length;
  }

  /** Name `n` (0 ≤ n < {@link nameCount}). */
  name(n: number): IndexedName {
    let name = this.nameList[n];
    if (name === undefined) {
      if (!this.decodeName || n < 0 || n >= this.nameList.length)
        throw new RangeError(`no name ${n} in the index`);
      name = this.nameList[n] = this.decodeName(n);
    }
    return name;
  }

  /**
   * Calls `fn` with every token slot (see {@link tokenSlots}), its token and that token's
   * vocabulary id, name by name: what the matcher precomputes per list token.
   */
  forEachSlot(fn: (slot: number, token: NameToken, id: number) => void): void {
    for (const _ of this.slotSteps(fn));
  }

  /**
   * {@link forEachSlot} in steps, yielding every {@link SLOT_STEP} slots (a loaded index) or
   * {@link STEP} names (a built one): a server preparing a new matcher between requests walked
   * all ~150k slots in one go.
   */
  *slotSteps(fn: (slot: number, token: NameToken, id: number) => void): Generator<void> {
    const each = this.eachSlot;
    if (each) {
      for (let from = 0; from < this.tokenSlots; from += SLOT_STEP) {
        each(fn, from, Math.min(from + SLOT_STEP, this.tokenSlots));
        yield;
      }
      return;
    }
    const names = this.nameList;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      name.tokens.forEach((t, j) => fn(name.tokenStart + j, t, name.tokenIds[j]!));
      if (i % STEP === STEP - 1) yield;
    }
  }

  /**
   * An index whose names are decoded on demand (for stored.ts, which sets every other field):
   * `count` names, `decode` giving name `n`, `eachSlot` walking token slots `from..to`.
   */
  static lazy(
    count: number,
    decode: (n: number) => IndexedName,
    eachSlot: (
      fn: (slot: number, token: NameToken, id: number) => void,
      from: number,
      to: number,
    ) => void,
  ): CandidateIndex {
    const index = new CandidateIndex();
    // Filled with undefined, not left holey: a sparse array would turn into a dictionary.
    for (let i = 0; i < count; i++) index.nameList.push(undefined);
    index.decodeName = decode;
    index.eachSlot = eachSlot;
    return index;
  }

  /** Builds the index over `entities` (e.g. every entity of the active snapshots). */
  static build(entities: Iterable<StoredEntity>): CandidateIndex {
    const index = new CandidateIndex();
    for (const e of entities) index.addEntity(e);
    index.seal();
    return index;
  }

  /**
   * {@link build} from an asynchronous iteration (a store's): each entity is indexed as it
   * arrives, so the entities are never all held at once. With `pause`, the final pass over the
   * names gives the event loop a turn whenever `pause` returns a promise (a server building a
   * new index while it answers from the old one: that pass alone took 0.3 s of CPU).
   */
  static async buildFrom(
    entities: AsyncIterable<StoredEntity>,
    pause?: Pause,
  ): Promise<CandidateIndex> {
    const index = new CandidateIndex();
    for await (const e of entities) index.addEntity(e);
    await drain(index.sealing(), pause);
    return index;
  }

  private addEntity(e: StoredEntity): void {
    const entityIdx = this.entities.length;
    this.entities.push(toIndexedEntity(e));
    const seen = new Set<string>();
    const addName = (text: string, weak: boolean) => {
      const tokens = tokenizeName(text);
      // "KIM, Jong Un" and "Kim Jong-Un" are one name to the matcher.
      const key = tokens.map((t) => t.text).join(' ');
      if (!tokens.length || seen.has(key)) return;
      seen.add(key);
      const nameId = this.nameList.length;
      // Joined texts are flattened (V8 keeps "a" + "b" as a two-part string otherwise).
      const joined = tokens.slice(0, -1).map((t, i) => flat(t.text + tokens[i + 1]!.text));
      this.nameList.push({
        entity: entityIdx,
        text,
        tokens,
        joined,
        weak,
        tokenIds: [],
        joinedIds: [],
        tokenStart: this.tokenSlots,
      });
      this.tokenSlots += tokens.length;
      this.indexTokens(tokens, nameId);
    };
    for (const prop of STRONG_NAME_PROPS)
      for (const n of e.properties[prop] ?? []) addName(n, false);
    for (const n of e.properties.weakAlias ?? []) addName(n, true);
  }

  private indexTokens(tokens: NameToken[], nameId: number): void {
    let prev: NameToken | undefined;
    for (const t of tokens) {
      const content = isContentToken(t);
      for (const f of t.forms) this.vocab.add(f, nameId, content && f.length > 1);
      // "Jong Un" in the list must be found by a query "Jongun": index adjacent pairs joined.
      if (content && prev) this.vocab.add(prev.text + t.text, nameId, false);
      prev = content ? t : undefined;
    }
  }

  private seal(): void {
    for (const _ of this.sealing());
  }

  /** {@link seal} in steps: it yields every {@link STEP} names. */
  private *sealing(): Generator<void> {
    this.vocab.seal();
    yield;
    const id = (form: string) => this.vocab.ids.get(form) ?? -1;
    const names = this.nameList as IndexedName[];
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      // Plain arrays of small integers: ninety thousand typed arrays cost more in headers than data.
      name.tokenIds = name.tokens.map((t) => id(t.text));
      name.joinedIds = name.joined.map(id);
      if (i % STEP === STEP - 1) yield;
    }
    const n = names.length + 1;
    this.idf = Float32Array.from(this.vocab.forms, (_f, id) =>
      Math.log(n / (this.vocab.df(id) + 0.5)),
    );
    this.unknownIdf = Math.log(n / 0.5);
    this.nameEntity = Int32Array.from(names, (name) => name.entity);
    yield;
    const weight = new Float32Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      let w = 0;
      // tokenIds[j] is the id of tokens[j].text, looked up above.
      name.tokens.forEach((t, j) => {
        if (isContentToken(t)) w += this.idf[name.tokenIds[j]!]!;
      });
      weight[i] = w;
      if (i % STEP === STEP - 1) yield;
    }
    this.nameWeight = weight;
  }
}

/**
 * Gives the event loop a turn when it returns a promise (see the engine's TimeSlicer); undefined
 * means carry on.
 */
export type Pause = () => Promise<void> | undefined;

/** Names handled between two looks at the clock in a sliced pass. */
const STEP = 256;
/** Token slots of a loaded index handled between two looks at the clock. */
const SLOT_STEP = 8192;

/** Runs `steps` to the end, awaiting `pause` between steps when it asks to; gives its result. */
export async function drain<T>(steps: Generator<void, T>, pause?: Pause): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const p = pause?.();
    if (p) await p;
  }
}

/** A flat copy of a concatenated string. */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
