/**
 * @module
 * Every active entity in memory, in FtM's flat form, for the yente routes that are not a name
 * screening: browsing `/search` without `q` (yente's `match_all`), `schema: Address` queries,
 * `/entities/{id}/adjacent`, and `referents`. Built from `engine.exportFtm()` on first use and
 * rebuilt when the active snapshots change (the key is their ids). Once there is an index, a
 * new one is built in the background (in time slices) while the old one goes on answering, as
 * the screening index does: a request never waits seconds for a rebuild after a list changes.
 *
 * `referents` (yente: the other ids an entity is known under) come only from what the lists
 * state or what is exact, never from a fuzzy score: two records of different lists are the same
 * party when both cite the same UN Security Council reference (`Sanction.unscId`; the UK and EU
 * lists cite the UN's for the parties they list under a UN resolution), or when they are both
 * people with an identical name (case and spacing aside) and an identical date of birth.
 */
import { TimeSlicer, type FtmRecord, type Engine } from '../engine/index.ts';
import { isSchemaName, schemaProperties } from '../core/index.ts';

/** The index of one set of active snapshots. */
export interface EntityIndexData {
  /** Ids of the active snapshots it was built from. */
  key: string;
  byId: Map<string, FtmRecord>;
  /** The listed parties (`target: true`), in export order. */
  targets: FtmRecord[];
  /** The Address entities. */
  addresses: FtmRecord[];
  /** id → the records whose entity-valued properties point at it, with the property. */
  inbound: Map<string, { record: FtmRecord; prop: string }[]>;
  /** id → the other ids the same party has in other lists. */
  referents: Map<string, string[]>;
}

/** Text compared "exactly": case, spacing and Unicode form aside. */
function exact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Adds `a`↔`b` to the referents (different lists only: a list does not restate itself). */
function link(referents: Map<string, Set<string>>, group: FtmRecord[]): void {
  for (const a of group)
    for (const b of group) {
      if (a.id === b.id || a.datasets[0] === b.datasets[0]) continue;
      let set = referents.get(a.id);
      if (!set) referents.set(a.id, (set = new Set()));
      set.add(b.id);
    }
}

/** Builds the index from every active entity. */
export async function buildEntityIndex(engine: Engine, key: string): Promise<EntityIndexData> {
  const byId = new Map<string, FtmRecord>();
  const targets: FtmRecord[] = [];
  const addresses: FtmRecord[] = [];
  const inbound = new Map<string, { record: FtmRecord; prop: string }[]>();
  const byUnRef = new Map<string, FtmRecord[]>();
  const byNameDob = new Map<string, FtmRecord[]>();
  const sanctions: FtmRecord[] = [];
  const slicer = new TimeSlicer();
  for await (const r of engine.exportFtm()) {
    const pause = slicer.pause();
    if (pause) await pause;
    byId.set(r.id, r);
    if (r.target) targets.push(r);
    if (r.schema === 'Address') addresses.push(r);
    if (r.schema === 'Sanction') sanctions.push(r);
    const types: Record<string, string> = isSchemaName(r.schema) ? schemaProperties(r.schema) : {};
    for (const [prop, values] of Object.entries(r.properties)) {
      if (types[prop] !== 'entity') continue;
      for (const id of values) {
        let list = inbound.get(id);
        if (!list) inbound.set(id, (list = []));
        list.push({ record: r, prop });
      }
    }
    if (r.target && r.schema === 'Person')
      for (const dob of r.properties.birthDate ?? [])
        for (const name of r.properties.name ?? []) {
          const k = `${exact(name)}|${dob}`;
          let list = byNameDob.get(k);
          if (!list) byNameDob.set(k, (list = []));
          list.push(r);
        }
  }
  for (const s of sanctions)
    for (const ref of s.properties.unscId ?? [])
      for (const id of s.properties.entity ?? []) {
        const party = byId.get(id);
        if (!party) continue;
        const k = ref.replace(/\s+/g, '').toUpperCase();
        let list = byUnRef.get(k);
        if (!list) byUnRef.set(k, (list = []));
        if (!list.includes(party)) list.push(party);
      }
  const sets = new Map<string, Set<string>>();
  for (const group of byUnRef.values()) if (group.length > 1) link(sets, group);
  for (const group of byNameDob.values()) if (group.length > 1) link(sets, group);
  const referents = new Map([...sets].map(([id, set]) => [id, [...set].sort()]));
  return { key, byId, targets, addresses, inbound, referents };
}

/** How long after a failed build of the entity index a request tries again. */
const RETRY_MS = 10_000;

/** The index of the engine's active snapshots, rebuilt when they change. */
export class EntityIndex {
  #engine: Engine;
  /** The last index built. */
  #ready: EntityIndexData | undefined;
  #building: { key: string; data: Promise<EntityIndexData> } | undefined;
  /** The key whose build failed last, and when: not tried again on every request. */
  #failed: { key: string; at: number } | undefined;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  /** Ids of the active snapshots, as the cache key. */
  async key(): Promise<string> {
    return (await this.#engine.status()).map((s) => s.active?.id ?? '').join(',');
  }

  /**
   * The index of the snapshots active now, or, in a server that follows the store in the
   * background, the previous one while that one is being built (the first request waits for
   * the first build). Concurrent callers share one build; a failed
   * build is tried again by a request after {@link RETRY_MS}, or at once when there is no index.
   */
  async get(): Promise<EntityIndexData> {
    const key = await this.key();
    const ready = this.#ready;
    if (ready?.key === key) return ready;
    const f = this.#failed;
    const retry = !ready || !f || f.key !== key || Date.now() - f.at >= RETRY_MS;
    if (this.#building?.key !== key && retry) {
      const b = { key, data: buildEntityIndex(this.#engine, key) };
      this.#building = b;
      b.data.then(
        (d) => {
          if (this.#building !== b) return;
          this.#ready = d;
          this.#building = undefined;
          this.#failed = undefined;
        },
        () => {
          if (this.#building === b)
            [this.#building, this.#failed] = [undefined, { key, at: Date.now() }];
        },
      );
    }
    // A server following the store in the background answers from the index it has; otherwise
    // (no watcher: tests, a server started without it) the request waits for the new one.
    if (ready && this.#engine.screeningStatus().watching) return ready;
    return this.#building?.data ?? buildEntityIndex(this.#engine, key);
  }

  /** The other ids of a party in the lists active now. */
  async referents(id: string): Promise<string[]> {
    return (await this.get()).referents.get(id) ?? [];
  }
}
