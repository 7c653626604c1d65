/**
 * @module
 * The candidate index as bytes, and back: what a process stores once and every other process
 * loads instead of tokenising every list name again (issue 17). Numbers travel as typed arrays
 * read in place over the loaded buffer (postings, idf, the deletion-key table, each name's token
 * slots); the many short strings (forms, tokens, keys) as string tables: one UTF-8 text and each
 * string's UTF-16 offsets, decoded in one call and sliced (JSON.parse of the same strings, and
 * building every token at load, was ~40 ms of a cold `embargo screen`: issue 17); tokens are
 * built when first read; other strings as JSON; each entity's row (id, caption, topics…) and its
 * properties, the bulk of the bytes, stay UTF-8 in the buffer and are decoded only for the
 * entities a query reaches: parsing all 17k rows at load was 150 ms and much of the cold CLI's
 * garbage collection (issue 17). Only the schema, which every non-Thing query reads for every
 * entity, is a column.
 *
 * The layout is native-endian and has no integrity check of its own: the engine's index cache
 * (engine/indexCache.ts) wraps it with a header (magic, format version, byte order, lengths,
 * checksum) and rebuilds rather than load anything that fails it. Bump {@link INDEX_FORMAT}
 * whenever what is written here, or what the builder puts in an index, changes.
 */
import type { NameToken } from '../../normalize/index.ts';
import type { IndexedEntity, IndexedIdentifier, IndexedName } from '../types.ts';
import { CandidateIndex, drain, type Pause } from './build.ts';
import { adoptClipBuckets, clipBuckets } from './clips.ts';
import type { MultiMap } from './multimap.ts';
import { formOrder, SortedFormIds } from './vocabulary.ts';

/** Version of the stored layout (and of what the builder indexes). */
export const INDEX_FORMAT = 5;

/**
 * Elements per JSON chunk of the entity facts (the trade check's): each chunk is parsed on its
 * own, so a server decoding a new index between requests holds the event loop for one chunk.
 */
const CHUNK = 2048;
/** Entities or keys handled between two steps of {@link decodingIndex}. */
const STEP = 1024;

type Typed = Int32Array | Uint32Array | Float32Array | Uint8Array;
type TypedName = 'i32' | 'u32' | 'f32' | 'u8';
const CTORS = {
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  u8: Uint8Array,
} as const;

/** Where each section lies in the body: byte offset, byte length, element type. */
interface Meta {
  entities: number;
  names: number;
  tokenSlots: number;
  unknownIdf: number;
  sections: Record<string, [number, number, TypedName]>;
}

/** An entity as stored, less its schema (a column) and properties (kept as UTF-8 apart). */
type StoredEntityRow = [
  string,
  string,
  IndexedEntity['source'],
  IndexedEntity['topics'],
  string[],
  string[],
  string[],
  string | null,
  [string, string][],
  string,
  string,
  ...unknown[],
];

const ALIGN = 8;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The index as bytes. `extra` is stored beside it, as JSON, one value per entity (the engine
 * keeps there what the trade check reads of an entity), and given back by {@link decodeIndex}.
 */
export function encodeIndex(index: CandidateIndex, extra: unknown[] = []): Uint8Array {
  const parts: { name: string; bytes: Uint8Array; type: TypedName }[] = [];
  const typed = (name: string, a: Typed) => {
    const type: TypedName =
      a instanceof Int32Array
        ? 'i32'
        : a instanceof Uint32Array
          ? 'u32'
          : a instanceof Float32Array
            ? 'f32'
            : 'u8';
    parts.push({ name, type, bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength) });
  };
  const json = (name: string, value: unknown) =>
    parts.push({ name, type: 'u8', bytes: encoder.encode(JSON.stringify(value)) });
  // A long array as JSON arrays of CHUNK elements each, with their byte offsets beside.
  const chunked = (name: string, values: readonly unknown[]) => {
    const texts: Uint8Array[] = [];
    const starts = new Uint32Array(Math.ceil(values.length / CHUNK) + 1);
    let at = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const text = encoder.encode(JSON.stringify(values.slice(i, i + CHUNK)));
      texts.push(text);
      starts[i / CHUNK] = at;
      at += text.length;
    }
    starts[starts.length - 1] = at;
    typed(`${name}Chunks`, starts);
    parts.push({ name, type: 'u8', bytes: concat(texts, at) });
  };
  // A string table: the strings' UTF-8 in one section, their UTF-16 offsets in another. UTF-8
  // cannot hold a lone surrogate (TextEncoder writes U+FFFD): such a table is stored as JSON.
  const strings = (name: string, list: readonly string[]) => {
    const all = list.join('');
    if (/\p{Cs}/u.test(all)) return json(`${name}Json`, list);
    const at = new Uint32Array(list.length + 1);
    for (let i = 0, o = 0; i < list.length; i++) at[i + 1] = o += list[i]!.length;
    parts.push({ name, type: 'u8', bytes: encoder.encode(all) });
    typed(`${name}At`, at);
  };

  const v = index.vocab;
  strings('forms', v.forms);
  typed('formOrder', formOrder(v.forms));
  typed('postingStart', v.postingStart);
  const clips = clipBuckets(index);
  typed('clipStart', clips.start);
  typed('clipIds', clips.ids);
  typed('postingData', v.postingData);
  typed('idf', index.idf);
  typed('nameWeight', index.nameWeight);
  typed('nameEntity', index.nameEntity);
  const del = v.byDelete.sorted();
  typed('delHashes', del.hashes);
  typed('delValues', del.values);
  for (const [name, map] of [
    ['phon', v.byPhonetic],
    ['skel', v.bySkeleton],
  ] as const) {
    const { keys, start, values } = packMultiMap(map);
    strings(`${name}Keys`, keys);
    typed(`${name}Start`, start);
    typed(`${name}Values`, values);
  }

  // Tokens are shared between names (the tokenizer caches them per word): stored once each.
  const tokenIds = new Map<NameToken, number>();
  const tokens: NameToken[] = [];
  const slotToken = new Int32Array(index.tokenSlots);
  const slotTokenId = new Int32Array(index.tokenSlots);
  // Joined pair j of a name sits at its slot j; the last slot of each name holds none.
  const slotJoinedId = new Int32Array(index.tokenSlots).fill(-2);
  const count = index.nameCount;
  const nameTokenStart = new Int32Array(count + 1);
  const weak = new Uint8Array(count);
  // Each name's text, as UTF-8 decoded when the name is first read.
  const texts: Uint8Array[] = [];
  const textStart = new Uint32Array(count + 1);
  let textAt = 0;
  // Joined pairs that are no vocabulary token (a title beside a word): stored as text; those of
  // name n start at joinedExtraStart[n].
  const joinedExtra: string[] = [];
  const joinedExtraStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const n = index.name(i);
    nameTokenStart[i] = n.tokenStart;
    weak[i] = n.weak ? 1 : 0;
    const text = encoder.encode(n.text);
    texts.push(text);
    textStart[i] = textAt;
    textAt += text.length;
    joinedExtraStart[i] = joinedExtra.length;
    n.tokens.forEach((t, j) => {
      let id = tokenIds.get(t);
      if (id === undefined) {
        id = tokens.length;
        tokenIds.set(t, id);
        tokens.push(t);
      }
      slotToken[n.tokenStart + j] = id;
      slotTokenId[n.tokenStart + j] = n.tokenIds[j]!;
    });
    n.joined.forEach((text, j) => {
      const id = n.joinedIds[j]!;
      slotJoinedId[n.tokenStart + j] = id;
      if (id < 0) joinedExtra.push(text);
    });
  }
  nameTokenStart[count] = index.tokenSlots;
  textStart[count] = textAt;
  joinedExtraStart[count] = joinedExtra.length;
  // Tokens in columns: text, other forms (flat, from tokenFormStart), kind and script (as
  // indexes into their lists of distinct values).
  strings(
    'tokenText',
    tokens.map((t) => t.text),
  );
  strings(
    'tokenForms',
    tokens.flatMap((t) => t.forms.slice(1)),
  );
  const tokenFormStart = new Int32Array(tokens.length + 1);
  tokens.forEach((t, i) => (tokenFormStart[i + 1] = tokenFormStart[i]! + t.forms.length - 1));
  typed('tokenFormStart', tokenFormStart);
  for (const [name, field] of [
    ['tokenKind', 'kind'],
    ['tokenScript', 'script'],
  ] as const) {
    const values: string[] = [];
    const column = new Uint8Array(tokens.length);
    tokens.forEach((t, i) => {
      let k = values.indexOf(t[field]);
      if (k < 0) k = values.push(t[field]) - 1;
      if (k > 255) throw new Error(`stored index: more than 256 values of ${field}`);
      column[i] = k;
    });
    json(`${name}s`, values);
    typed(name, column);
  }
  typed('slotToken', slotToken);
  typed('slotTokenId', slotTokenId);
  typed('slotJoinedId', slotJoinedId);
  typed('nameTokenStart', nameTokenStart);
  typed('weak', weak);
  typed('textStart', textStart);
  typed('texts', concat(texts, textAt));
  strings('joinedExtra', joinedExtra);
  typed('joinedExtraStart', joinedExtraStart);

  const rows: Uint8Array[] = [];
  const rowStart = new Uint32Array(index.entities.length + 1);
  let rowAt = 0;
  const schemaNames: IndexedEntity['schema'][] = [];
  const entitySchema = new Uint8Array(index.entities.length);
  const props: Uint8Array[] = [];
  const propsStart = new Uint32Array(index.entities.length + 1);
  let at = 0;
  index.entities.forEach((e, i) => {
    let schema = schemaNames.indexOf(e.schema);
    if (schema < 0) schema = schemaNames.push(e.schema) - 1;
    if (schema > 255) throw new Error('stored index: more than 256 schemata');
    entitySchema[i] = schema;
    const row: StoredEntityRow = [
      e.id,
      e.caption,
      e.source,
      e.topics,
      e.programs,
      e.birthDates,
      e.countries,
      e.gender ?? null,
      e.identifiers.map((x) => [x.prop, x.value]),
      e.firstSeen,
      e.lastChange,
    ];
    const rowBytes = encoder.encode(JSON.stringify(row));
    rows.push(rowBytes);
    rowStart[i] = rowAt;
    rowAt += rowBytes.length;
    const bytes = encoder.encode(e.propertiesJson);
    props.push(bytes);
    propsStart[i] = at;
    at += bytes.length;
  });
  propsStart[index.entities.length] = at;
  rowStart[index.entities.length] = rowAt;
  json('schemaNames', schemaNames);
  typed('entitySchema', entitySchema);
  typed('rowStart', rowStart);
  typed('rows', concat(rows, rowAt));
  typed('propsStart', propsStart);
  typed('props', concat(props, at));
  chunked('extra', extra);

  // Sections aligned to 8 bytes, so typed arrays view them in place.
  const sections: Meta['sections'] = {};
  let offset = 0;
  for (const part of parts) {
    sections[part.name] = [offset, part.bytes.length, part.type];
    offset = pad(offset + part.bytes.length);
  }
  const meta: Meta = {
    entities: index.entities.length,
    names: count,
    tokenSlots: index.tokenSlots,
    unknownIdf: index.unknownIdf,
    sections,
  };
  const metaBytes = encoder.encode(JSON.stringify(meta));
  const head = pad(4 + metaBytes.length);
  const out = new Uint8Array(head + offset);
  new DataView(out.buffer).setUint32(0, metaBytes.length, true);
  out.set(metaBytes, 4);
  for (const part of parts) out.set(part.bytes, head + sections[part.name]![0]);
  return out;
}

/** What {@link decodeIndex} gives back. */
export interface DecodedIndex {
  index: CandidateIndex;
  /** The `extra` stored with the index, parsed on first call. */
  extra: () => unknown[];
  /** {@link extra} parsed in steps (a server filling what the trade check reads, between requests). */
  extraSteps: () => Generator<void, unknown[]>;
}

/**
 * The index {@link encodeIndex} wrote, and the `extra` stored with it (parsed when first asked
 * for: a screening that reads none of it does not pay for it). `bytes` must start at a
 * multiple of 8 in its buffer (a file read whole does); its typed arrays are used in place, so
 * it must not be changed afterwards. Throws on bytes that do not hold a whole index.
 */
export function decodeIndex(bytes: Uint8Array): DecodedIndex {
  const steps = decodingIndex(bytes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link decodeIndex} in steps of about a millisecond, with `pause` between them when it asks: a
 * server decoding a new index while it answers from the old one (decoding in one go held its
 * event loop for 100–200 ms on a loaded machine).
 */
export function decodeIndexSliced(bytes: Uint8Array, pause?: Pause): Promise<DecodedIndex> {
  return drain(decodingIndex(bytes), pause);
}

/** {@link decodeIndex} as a generator that yields between steps. */
function* decodingIndex(bytes: Uint8Array): Generator<void, DecodedIndex> {
  if (bytes.byteOffset % ALIGN !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const metaLength = view.getUint32(0, true);
  const meta = JSON.parse(decoder.decode(bytes.subarray(4, 4 + metaLength))) as Meta;
  const head = pad(4 + metaLength);
  const raw = (name: string): [number, number, TypedName] => {
    const s = meta.sections[name];
    if (!s || head + s[0] + s[1] > bytes.byteLength)
      throw new Error(`stored index: section ${name} missing or out of bounds`);
    return s;
  };
  const typed = <T extends TypedName>(name: string, type: T): InstanceType<(typeof CTORS)[T]> => {
    const [offset, length, t] = raw(name);
    if (t !== type) throw new Error(`stored index: section ${name} is ${t}, not ${type}`);
    const Ctor = CTORS[type];
    return new Ctor(
      bytes.buffer as ArrayBuffer,
      bytes.byteOffset + head + offset,
      length / Ctor.BYTES_PER_ELEMENT,
    ) as InstanceType<(typeof CTORS)[T]>;
  };
  const json = <T>(name: string): T => {
    const [offset, length] = raw(name);
    return JSON.parse(decoder.decode(bytes.subarray(head + offset, head + offset + length))) as T;
  };
  /** A chunked array section, parsed chunk by chunk into `out`, yielding between. */
  function* chunks<T>(name: string, out: T[]): Generator<void, T[]> {
    const starts = typed(`${name}Chunks`, 'u32');
    const [offset, length] = raw(name);
    const base = head + offset;
    if (starts.length < 1 || starts[starts.length - 1] !== length)
      throw new Error(`stored index: section ${name} does not match its chunks`);
    for (let c = 0; c + 1 < starts.length; c++) {
      const text = decoder.decode(bytes.subarray(base + starts[c]!, base + starts[c + 1]!));
      for (const v of JSON.parse(text) as T[]) out.push(v);
      yield;
    }
    return out;
  }
  /** A string table {@link encodeIndex} wrote: its size, and string `i`. */
  const strings = (name: string): { size: number; at: (i: number) => string } => {
    if (meta.sections[`${name}Json`]) {
      const list = json<string[]>(`${name}Json`);
      return { size: list.length, at: (i) => list[i]! };
    }
    const [offset, length] = raw(name);
    const all = decoder.decode(bytes.subarray(head + offset, head + offset + length));
    const at = typed(`${name}At`, 'u32');
    if (at.length === 0 || at[at.length - 1] !== all.length)
      throw new Error(`stored index: string table ${name} does not match its offsets`);
    return { size: at.length - 1, at: (i) => all.slice(at[i]!, at[i + 1]!) };
  };

  // Tokens are built when first read (the matcher reads them all once, to weigh every slot).
  const tokenText = strings('tokenText');
  const tokenForms = strings('tokenForms');
  const tokenFormStart = typed('tokenFormStart', 'i32');
  const tokenKinds = json<NameToken['kind'][]>('tokenKinds');
  const tokenKind = typed('tokenKind', 'u8');
  const tokenScripts = json<NameToken['script'][]>('tokenScripts');
  const tokenScript = typed('tokenScript', 'u8');
  const tokenCount = tokenText.size;
  if (
    tokenFormStart.length !== tokenCount + 1 ||
    tokenKind.length !== tokenCount ||
    tokenScript.length !== tokenCount ||
    tokenFormStart[tokenCount] !== tokenForms.size
  )
    throw new Error('stored index: token sections do not match its counts');
  const tokens: (NameToken | undefined)[] = new Array<NameToken | undefined>(tokenCount);
  const token = (i: number): NameToken => {
    let t = tokens[i];
    if (t === undefined) {
      const kind = tokenKinds[tokenKind[i]!];
      const script = tokenScripts[tokenScript[i]!];
      if (i < 0 || i >= tokenCount || kind === undefined || script === undefined)
        throw new Error(`stored index: token ${i} out of range`);
      const text = tokenText.at(i);
      const forms = [text];
      for (let f = tokenFormStart[i]!; f < tokenFormStart[i + 1]!; f++)
        forms.push(tokenForms.at(f));
      t = tokens[i] = Object.freeze({
        text,
        forms: Object.freeze(forms) as string[],
        kind,
        script,
      });
    }
    return t;
  };
  const slotToken = typed('slotToken', 'i32');
  const slotTokenId = typed('slotTokenId', 'i32');
  const slotJoinedId = typed('slotJoinedId', 'i32');
  const nameTokenStart = typed('nameTokenStart', 'i32');
  const weak = typed('weak', 'u8');
  const textStart = typed('textStart', 'u32');
  const texts = typed('texts', 'u8');
  const joinedExtra = strings('joinedExtra');
  const joinedExtraStart = typed('joinedExtraStart', 'i32');
  if (
    nameTokenStart.length !== meta.names + 1 ||
    textStart.length !== meta.names + 1 ||
    slotToken.length !== meta.tokenSlots
  )
    throw new Error('stored index: name sections do not match its counts');
  const forms = strings('forms');
  const decodeName = (i: number): IndexedName => {
    const start = nameTokenStart[i]!;
    const end = nameTokenStart[i + 1]!;
    const nameTokens: NameToken[] = [];
    const tokenIds: number[] = [];
    const joined: string[] = [];
    const joinedIds: number[] = [];
    let extraAt = joinedExtraStart[i]!;
    for (let s = start; s < end; s++) {
      nameTokens.push(token(slotToken[s]!));
      tokenIds.push(slotTokenId[s]!);
      if (s + 1 < end) {
        const id = slotJoinedId[s]!;
        joinedIds.push(id);
        // A joined pair in the vocabulary is that token's form (the same, flat, string).
        joined.push(id >= 0 ? v.forms[id]! : joinedExtra.at(extraAt++));
      }
    }
    return {
      entity: index.nameEntity[i]!,
      text: decoder.decode(texts.subarray(textStart[i]!, textStart[i + 1]!)),
      tokens: nameTokens,
      joined,
      weak: weak[i] === 1,
      tokenIds,
      joinedIds,
      tokenStart: start,
    };
  };
  const index = CandidateIndex.lazy(meta.names, decodeName, (fn, from, to) => {
    for (let s = from; s < to; s++) fn(s, token(slotToken[s]!), slotTokenId[s]!);
  });
  yield;
  const v = index.vocab;
  const order = typed('formOrder', 'i32');
  if (order.length !== forms.size)
    throw new Error('stored index: form order does not match its forms');
  for (let id = 0; id < forms.size; id++) {
    v.forms.push(forms.at(id));
    if (id % (16 * STEP) === 16 * STEP - 1) yield;
  }
  v.ids = new SortedFormIds(v.forms, order);
  v.postingStart = typed('postingStart', 'i32');
  adoptClipBuckets(index, { start: typed('clipStart', 'i32'), ids: typed('clipIds', 'i32') });
  v.postingData = typed('postingData', 'i32');
  index.idf = typed('idf', 'f32');
  index.nameWeight = typed('nameWeight', 'f32');
  index.nameEntity = typed('nameEntity', 'i32');
  index.unknownIdf = meta.unknownIdf;
  index.tokenSlots = meta.tokenSlots;
  v.byDelete.loadSorted(typed('delHashes', 'u32'), typed('delValues', 'i32'));
  for (const [name, map] of [
    ['phon', v.byPhonetic],
    ['skel', v.bySkeleton],
  ] as const) {
    const keys = strings(`${name}Keys`);
    const start = typed(`${name}Start`, 'i32');
    const values = typed(`${name}Values`, 'i32');
    if (start.length !== keys.size + 1)
      throw new Error(`stored index: ${name} keys do not match their values`);
    for (let i = 0; i < keys.size; i++) {
      const from = start[i]!;
      const to = start[i + 1]!;
      // Most keys hold one value: added as it is, with no view made over the values.
      if (to - from === 1) map.add(keys.at(i), values[from]!);
      else map.setAll(keys.at(i), values.subarray(from, to));
      if (i % STEP === STEP - 1) yield;
    }
  }

  const propsStart = typed('propsStart', 'u32');
  const props = typed('props', 'u8');
  const schemaNames = json<IndexedEntity['schema'][]>('schemaNames');
  const entitySchema = typed('entitySchema', 'u8');
  const rowStart = typed('rowStart', 'u32');
  const rows = typed('rows', 'u8');
  if (
    entitySchema.length !== meta.entities ||
    rowStart.length !== meta.entities + 1 ||
    propsStart.length !== meta.entities + 1
  )
    throw new Error('stored index: entity sections do not match its counts');
  for (let i = 0; i < meta.entities; i++) {
    const schema = schemaNames[entitySchema[i]!];
    if (schema === undefined) throw new Error('stored index: entity schema out of range');
    index.entities.push(
      new LoadedEntity(
        schema,
        rows.subarray(rowStart[i]!, rowStart[i + 1]!),
        props.subarray(propsStart[i]!, propsStart[i + 1]!),
      ),
    );
    if (i % STEP === STEP - 1) yield;
  }
  if (index.entities.length !== meta.entities || index.nameCount !== meta.names)
    throw new Error('stored index: counts do not match its sections');
  raw('extra');
  let extra: unknown[] | undefined;
  function* extraSteps(): Generator<void, unknown[]> {
    if (!extra) {
      const parsed = yield* chunks<unknown>('extra', []);
      extra ??= parsed;
    }
    return extra;
  }
  return {
    index,
    extra: () => {
      if (extra) return extra;
      const steps = extraSteps();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    },
    extraSteps,
  };
}

/**
 * An entity of a loaded index: its row is parsed when one of its fields is first read (a
 * candidate a query reached), its properties when they are (a result shown).
 */
class LoadedEntity implements IndexedEntity {
  readonly schema: IndexedEntity['schema'];
  private readonly rowBytes: Uint8Array;
  private readonly props: Uint8Array;
  private parsed: StoredEntityRow | undefined;
  private ids: IndexedIdentifier[] | undefined;

  constructor(schema: IndexedEntity['schema'], row: Uint8Array, props: Uint8Array) {
    this.schema = schema;
    this.rowBytes = row;
    this.props = props;
  }

  private get row(): StoredEntityRow {
    return (this.parsed ??= JSON.parse(decoder.decode(this.rowBytes)) as StoredEntityRow);
  }
  get id(): string {
    return this.row[0];
  }
  get caption(): string {
    return this.row[1];
  }
  get source(): IndexedEntity['source'] {
    return this.row[2];
  }
  get topics(): IndexedEntity['topics'] {
    return this.row[3];
  }
  get programs(): string[] {
    return this.row[4];
  }
  get birthDates(): string[] {
    return this.row[5];
  }
  get countries(): string[] {
    return this.row[6];
  }
  get gender(): string | undefined {
    return this.row[7] ?? undefined;
  }
  get identifiers(): IndexedIdentifier[] {
    return (this.ids ??= this.row[8].map(([prop, value]) => ({ prop, value })));
  }
  get firstSeen(): string {
    return this.row[9];
  }
  get lastChange(): string {
    return this.row[10];
  }
  get propertiesJson(): string {
    return decoder.decode(this.props);
  }
}

function packMultiMap(map: MultiMap): { keys: string[]; start: Int32Array; values: Int32Array } {
  const keys: string[] = [];
  const values: number[] = [];
  const start: number[] = [];
  for (const [key, v] of map.entries()) {
    keys.push(key);
    start.push(values.length);
    if (typeof v === 'number') values.push(v);
    else values.push(...v);
  }
  start.push(values.length);
  return { keys, start: Int32Array.from(start), values: Int32Array.from(values) };
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const b of parts) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function pad(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
