/**
 * @module
 * The screening index as a stored artifact (issue 17): built once for a set of active snapshots,
 * written beside the data, and loaded by every later process (CLI, batch workers, server workers)
 * instead of tokenising every list name again. The one place that decides "load or build".
 *
 * Where: `<dir>/<key>.idx`, `dir` being `index/` beside `embargo.db` for SQLite and `index/` in
 * the home folder when the store is PostgreSQL (a local cache, keyed by the database's address as
 * well). The key covers the active snapshots (id, load time, entity count), ENGINE_VERSION, the
 * stored layout's version and a fingerprint of the code that builds it (codeFingerprint.ts), so an index built by other code or
 * for other lists is never taken for this one.
 *
 * A file is used only if its header (magic, format, byte order, key, lengths) matches and the
 * CRC-32 of its body is right; anything else (torn write, truncation, a flipped byte, another
 * version) is rebuilt and written again. Files are written to a temporary name and renamed, so a
 * reader sees a whole file or none.
 */
import { randomBytes, createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { SOURCE_IDS, type StoredEntity } from '../core/index.ts';
import {
  CandidateIndex,
  decodeIndex,
  decodeIndexSliced,
  drain,
  encodeIndex,
  INDEX_FORMAT,
  type DecodedIndex,
  type Pause,
} from '../match/index.ts';
import type { Snapshot, Store } from '../store/index.ts';
import { codeFingerprint } from './codeFingerprint.ts';
import { ENGINE_VERSION } from './version.ts';

/**
 * What an index is built from: the store, or a load's own transaction (whose reads see the
 * snapshot it is about to activate).
 */
export type IndexSource = Pick<Store, 'activeSnapshot' | 'iterateEntities'>;

/** What the trade check reads of a listed entity besides the matcher's answer. */
export interface EntityFacts {
  listingDate?: string;
  firstSeen: string;
  imoNumber?: string[];
}

/** The facts of an entity by id: a Map when built, filled on first use when loaded. */
export interface FactsLookup {
  get(id: string): EntityFacts | undefined;
}

/** Where stored indexes live, and the database they index (part of their key). */
export interface IndexCacheConfig {
  dir: string;
  database: string;
}

/** What {@link loadOrBuildIndex} did. */
export interface IndexOutcome {
  index: CandidateIndex;
  facts: FactsLookup;
  /** `loaded` from a stored file, or `built` from the store (and stored, if `stored`). */
  from: 'loaded' | 'built';
  stored: boolean;
  /** Why a stored file for this key was not used (absent when there was none or it was used). */
  rejected?: string;
  /** The file for this key. */
  path?: string;
}

/** Stored indexes kept per folder (the newest); older ones are removed after a write. */
const KEEP_FILES = 4;
const MAGIC = 'EMBIDX\r\n';
const HEADER = 32;
/** Written as a native-endian u32: a file from a machine of the other byte order reads 0x04030201. */
const BYTE_ORDER = 0x01020304;

/** The folder of stored indexes for a database address: beside a SQLite file, else in `home`. */
export function indexDirFor(database: string, home: string): string | undefined {
  if (!database || database === ':memory:' || database.startsWith('file:')) return undefined;
  return /^postgres(ql)?:\/\//.test(database)
    ? join(home, 'index')
    : join(dirname(database), 'index');
}

/** The key of the index over `active` in `database`. */
export function indexKey(active: readonly Snapshot[], database: string): string {
  return JSON.stringify({
    format: INDEX_FORMAT,
    engine: ENGINE_VERSION,
    code: codeFingerprint(),
    // Hashed: a PostgreSQL URL may hold a password, and the key is written in the file.
    database: createHash('sha256').update(database).digest('hex').slice(0, 32),
    snapshots: active.map((s) => [s.id, s.loadedAt, s.entityCount]),
  });
}

/**
 * The index (and entity facts) over the `active` snapshots: loaded from `cache` when a whole,
 * matching file is there, else built from the store and written there for the next process.
 * Without `cache`, built only.
 */
export async function loadOrBuildIndex(
  store: Store,
  active: readonly Snapshot[],
  cache: IndexCacheConfig | undefined,
  pause?: Pause,
): Promise<IndexOutcome> {
  if (!cache) return { ...(await buildIndex(store, active, pause)), from: 'built', stored: false };
  const key = indexKey(active, cache.database);
  const path = pathFor(cache.dir, key);
  const read = readStored(path, key);
  if (read.ok) return { ...read.value, from: 'loaded', stored: true, path };
  const built = await buildIndex(store, active, pause);
  const { stored } = writeStored(cache.dir, path, key, built);
  return {
    ...built,
    from: 'built',
    stored,
    path,
    ...(!read.ok && read.reason !== 'absent' && { rejected: read.reason }),
  };
}

/** What {@link storedIndexBytes} did: the stored index's body, loaded or built (and stored). */
export interface IndexBytes {
  body: Uint8Array;
  from: 'loaded' | 'built';
  stored: boolean;
  rejected?: string;
}

/**
 * The stored index over `active` as bytes (the body {@link indexFromBytes} decodes): read from
 * `cache` when a whole, matching file is there, else built from the store, encoded and written
 * there (`beforeBuild` called first). What a background build does on a thread of its own
 * (indexThread.ts), so that the thread answering requests only decodes.
 */
export async function storedIndexBytes(
  store: Store,
  active: readonly Snapshot[],
  cache: IndexCacheConfig,
  beforeBuild?: () => void,
): Promise<IndexBytes> {
  const key = indexKey(active, cache.database);
  const path = pathFor(cache.dir, key);
  const read = readBody(path, key);
  if (read.ok) return { body: read.body, from: 'loaded', stored: true };
  // No claim here (see claimBuild): in bench:http's swap, server threads that waited on
  // another's claim went with 7-16 requests unanswered for 10 s per run, and none without
  // (cause not found yet); a server builds what it does not find.
  beforeBuild?.();
  const built = await buildIndex(store, active);
  const { body, stored } = writeStored(cache.dir, path, key, built);
  return {
    body,
    from: 'built',
    stored,
    ...(read.reason !== 'absent' && { rejected: read.reason }),
  };
}

/** How long a claim to build an index is waited on before this process builds it too. */
const CLAIM_WAIT_MS = 5 * 60_000;
/** How often a process waiting on another's build looks for its file. */
const CLAIM_POLL_MS = 200;

/**
 * The right to build the index stored at `path`, or the index another process built meanwhile.
 * A claim is a file beside it (`.building`, created exclusively, naming the process): processes
 * storing the index ahead of use (`lists load`, a batch) would otherwise build the same index
 * at once. A server's background build does not wait on claims (see storedIndexBytes). A claim whose
 * process is gone (same host), or older than {@link CLAIM_WAIT_MS}, is taken over; a folder
 * where no claim can be written builds without one.
 */
async function claimBuild(
  dir: string,
  path: string,
  key: string,
): Promise<{ release: () => void } | { body: Uint8Array }> {
  const marker = `${path}.building`;
  const unclaimed = { release: () => undefined };
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir, { recursive: true });
      const me = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
      writeFileSync(marker, JSON.stringify(me), { flag: 'wx' });
      return { release: () => rmSync(marker, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return unclaimed;
    }
    const read = readBody(path, key);
    if (read.ok) return { body: read.body };
    if (claimIsStale(marker)) rmSync(marker, { force: true });
    else if (Date.now() - started > CLAIM_WAIT_MS) return unclaimed;
    else await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
  }
}

/** Whether the claim in `marker` is dead: its process gone (on this host), or too old. */
function claimIsStale(marker: string): boolean {
  let text: string;
  let age: number;
  try {
    text = readFileSync(marker, 'utf8');
    age = Date.now() - statSync(marker).mtimeMs;
  } catch {
    // Gone meanwhile: nothing to take over, the next claim will tell.
    return false;
  }
  if (age > CLAIM_WAIT_MS) return true;
  let claim: { pid?: unknown; host?: unknown };
  try {
    claim = JSON.parse(text) as typeof claim;
  } catch {
    // Being written (created, not yet filled), unless it stayed so.
    return age > 10_000;
  }
  if (claim.host !== hostname() || typeof claim.pid !== 'number') return false;
  try {
    process.kill(claim.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The index and entity facts in a body {@link storedIndexBytes} gave, decoded in steps with
 * `pause` between them, and the facts filled the same way (a server between its requests: the
 * first trade check after a swap would otherwise parse every entity's row at once).
 */
export async function indexFromBytes(
  body: Uint8Array,
  pause?: Pause,
): Promise<{ index: CandidateIndex; facts: FactsLookup }> {
  const decoded = await decodeIndexSliced(body, pause);
  const map = await drain(fillingFacts(decoded), pause);
  return { index: decoded.index, facts: map };
}

/** Options of {@link ensureStoredIndex}. */
export interface EnsureOptions {
  /** Called before a build (not when the index is stored already). */
  beforeBuild?: () => void;
  /** How much of a stored file is read to accept it: all of it (default), or its header. */
  check?: 'whole' | 'header';
}

/**
 * Makes sure the index over the store's active snapshots is stored, building it if it is not:
 * a batch calls it before starting its workers, which then each load it rather than all build
 * it at once. Does nothing without a folder for stored indexes or without an active snapshot.
 * `store` may be a load's own transaction, which sees the lists it is about to activate.
 * `beforeBuild` is called before a build (not when the index is stored already).
 * With `check` 'header', a file whose header names this key and whose length is the one it
 * says counts as stored without its body being read and checksummed: for a caller whose every
 * reader checks the whole file anyway (a batch's workers, which rebuild a bad one), that saves
 * reading ~20 MB once more before they start (issue 17).
 */
export async function ensureStoredIndex(
  store: IndexSource,
  database: string,
  home: string,
  dir = indexDirFor(database, home),
  { beforeBuild, check = 'whole' }: EnsureOptions = {},
): Promise<void> {
  if (!dir) return;
  const active: Snapshot[] = [];
  for (const s of SOURCE_IDS) {
    const a = await store.activeSnapshot(s);
    if (a) active.push(a);
  }
  if (!active.length) return;
  const key = indexKey(active, database);
  const path = pathFor(dir, key);
  if (check === 'header' ? headerMatches(path, key) : readBody(path, key).ok) return;
  const claim = await claimBuild(dir, path, key);
  if ('body' in claim) return;
  try {
    beforeBuild?.();
    writeStored(dir, path, key, await buildIndex(store, active));
  } finally {
    claim.release();
  }
}

function pathFor(dir: string, key: string): string {
  return join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.idx`);
}

/**
 * Builds the index from the store, keeping on the side what the trade check reads; with `pause`,
 * giving the event loop a turn whenever it asks (a server building while it answers).
 */
async function buildIndex(
  store: IndexSource,
  active: readonly Snapshot[],
  pause?: Pause,
): Promise<{ index: CandidateIndex; facts: Map<string, EntityFacts> }> {
  // Indexed as the store yields them (without raw records or related entities).
  const facts = new Map<string, EntityFacts>();
  const entities = async function* (): AsyncGenerator<StoredEntity> {
    for (const s of active)
      for await (const e of store.iterateEntities(s.id, { raw: false, related: false })) {
        facts.set(e.id, {
          firstSeen: e.firstSeen,
          ...(e.listingDate && { listingDate: e.listingDate }),
          ...(e.properties.imoNumber && { imoNumber: e.properties.imoNumber }),
        });
        yield e;
        const wait = pause?.();
        if (wait) await wait;
      }
  };
  const index = await CandidateIndex.buildFrom(entities(), pause);
  return { index, facts };
}

/** Facts stored per entity of the index, in its order: listing date and IMO numbers, or 0. */
type StoredFacts = [string | 0, string[] | 0];

/** Whether the file at `path` has the header {@link readBody} checks, for `key`, and its length. */
function headerMatches(path: string, key: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const keyBytes = Buffer.from(key, 'utf8');
    const head = Buffer.alloc(HEADER + keyBytes.length);
    if (readSync(fd, head, 0, head.length, 0) !== head.length) return false;
    const size = fstatSync(fd).size;
    return (
      head.toString('latin1', 0, 8) === MAGIC &&
      head.readUInt32LE(8) === INDEX_FORMAT &&
      new Uint32Array(head.buffer.slice(head.byteOffset + 12, head.byteOffset + 16))[0] ===
        BYTE_ORDER &&
      head.readUInt32LE(16) === keyBytes.length &&
      pad8(HEADER + keyBytes.length) + head.readDoubleLE(24) === size &&
      head.subarray(HEADER).equals(keyBytes)
    );
  } finally {
    closeSync(fd);
  }
}

/** The body of the stored index at `path` if it is whole and for `key`; else why not. */
function readBody(
  path: string,
  key: string,
): { ok: true; body: Uint8Array } | { ok: false; reason: string } {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return { ok: false, reason: 'absent' };
  }
  const bad = (reason: string) => ({ ok: false as const, reason });
  if (file.length < HEADER) return bad('truncated header');
  if (file.toString('latin1', 0, 8) !== MAGIC) return bad('not an index file');
  if (file.readUInt32LE(8) !== INDEX_FORMAT) return bad(`format ${file.readUInt32LE(8)}`);
  const order = new Uint32Array(file.buffer.slice(file.byteOffset + 12, file.byteOffset + 16));
  if (order[0] !== BYTE_ORDER) return bad('other byte order');
  const keyLength = file.readUInt32LE(16);
  const checksum = file.readUInt32LE(20);
  const bodyLength = file.readDoubleLE(24);
  const bodyStart = pad8(HEADER + keyLength);
  if (bodyStart + bodyLength !== file.length)
    return bad(`length ${file.length}, header says ${bodyStart + bodyLength}`);
  if (file.toString('utf8', HEADER, HEADER + keyLength) !== key) return bad('other key');
  const body = file.subarray(bodyStart);
  if (crc32(body) !== checksum) return bad('checksum');
  return { ok: true, body };
}

/** The stored index at `path` if it is whole and for `key`, decoded; else why not. */
function readStored(
  path: string,
  key: string,
):
  | { ok: true; value: { index: CandidateIndex; facts: FactsLookup } }
  | { ok: false; reason: string } {
  const read = readBody(path, key);
  if (!read.ok) return read;
  try {
    const decoded = decodeIndex(read.body);
    // Filled when the trade check first asks: a screening reads no facts, and filling them
    // parsed every entity's row (issue 17).
    let facts: Map<string, EntityFacts> | undefined;
    const fill = () => {
      const steps = fillingFacts(decoded);
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    };
    return {
      ok: true,
      value: { index: decoded.index, facts: { get: (id) => (facts ??= fill()).get(id) } },
    };
  } catch (err) {
    return { ok: false, reason: `unreadable: ${(err as Error).message}` };
  }
}

/** The facts stored with a decoded index, by entity id; yields every few hundred entities. */
function* fillingFacts(decoded: DecodedIndex): Generator<void, Map<string, EntityFacts>> {
  const map = new Map<string, EntityFacts>();
  const stored = yield* decoded.extraSteps();
  const entities = decoded.index.entities;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const [listingDate, imoNumber] = stored[i] as StoredFacts;
    map.set(e.id, {
      firstSeen: e.firstSeen,
      ...(listingDate && { listingDate }),
      ...(imoNumber && { imoNumber }),
    });
    if (i % 256 === 255) yield;
  }
  return map;
}

/**
 * Writes the index under a temporary name and renames it into place; `stored` false if it could
 * not be written (a read-only home screens from the index in memory, as before). Gives the body
 * written.
 */
function writeStored(
  dir: string,
  path: string,
  key: string,
  built: { index: CandidateIndex; facts: Map<string, EntityFacts> },
): { body: Uint8Array; stored: boolean } {
  const extra: StoredFacts[] = built.index.entities.map((e) => {
    const f = built.facts.get(e.id);
    return [f?.listingDate ?? 0, f?.imoNumber ?? 0];
  });
  const body = encodeIndex(built.index, extra);
  const keyBytes = Buffer.from(key, 'utf8');
  const head = Buffer.alloc(pad8(HEADER + keyBytes.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(INDEX_FORMAT, 8);
  head.set(new Uint8Array(Uint32Array.of(BYTE_ORDER).buffer), 12);
  head.writeUInt32LE(keyBytes.length, 16);
  head.writeUInt32LE(crc32(body), 20);
  head.writeDoubleLE(body.length, 24);
  head.set(keyBytes, HEADER);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    // Two writes rather than one concatenated copy of a ~20 MB body.
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, head);
      writeAll(fd, body);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
    return { body, stored: false };
  }
  prune(dir, path);
  return { body, stored: true };
}

/**
 * Removes all but the newest stored indexes, temporary files a crash left an hour ago, and
 * claims older than any build.
 */
function prune(dir: string, keep: string): void {
  try {
    const now = Date.now();
    const files = readdirSync(dir)
      .map((f) => join(dir, f))
      .flatMap((p) => {
        try {
          return [{ p, mtime: statSync(p).mtimeMs }];
        } catch {
          return [];
        }
      });
    for (const f of files)
      if (
        (f.p.endsWith('.tmp') && now - f.mtime > 3_600_000) ||
        (f.p.endsWith('.building') && now - f.mtime > CLAIM_WAIT_MS)
      )
        rmSync(f.p, { force: true });
    const indexes = files
      .filter((f) => f.p.endsWith('.idx') && f.p !== keep)
      .sort((a, b) => b.mtime - a.mtime);
    // Another process may still be reading an older one: it holds the bytes once read.
    for (const f of indexes.slice(KEEP_FILES - 1)) rmSync(f.p, { force: true });
  } catch {
    // Pruning is housekeeping; a failure leaves a few files more.
  }
}

/** Writes all of `bytes` (a write may take only part). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}

function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
