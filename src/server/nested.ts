/**
 * @module
 * One entity as yente's `/entities/{id}` returns it: nested. The Sanction, Identification,
 * Passport and UnknownLink entities that point at it appear under the reverse property
 * (`sanctions`, `identification`, `unknownLinkTo`), and its own entity-valued properties
 * (`addressEntity`, a link's `object`) hold the entities themselves instead of their ids, as
 * yente's `yente/search/nested.py` does. A link to another listed entity nests that entity,
 * shallow. Embargo adds the listing: programmes, remarks, the source's record id and the
 * entity's history across the source's snapshots.
 */
import {
  caption,
  schemaProperties,
  type FtmEntity,
  type Properties,
  type StoredEntity,
} from '../core/index.ts';
import type { Engine } from '../engine/index.ts';
import { dateTime, withTopics, type YenteEntity } from './yente.ts';

/** A (possibly nested) entity in yente's EntityResponse shape. */
export type NestedEntity = YenteEntity<Record<string, (string | NestedEntity)[]>>;

/** FtM's reverse property names for the edges Embargo's lists produce. */
const REVERSE: Record<string, string> = {
  'Sanction.entity': 'sanctions',
  'Identification.holder': 'identification',
  'Passport.holder': 'identification',
  'UnknownLink.subject': 'unknownLinkTo',
  'UnknownLink.object': 'unknownLinkFrom',
};

/** One step of the entity's listing history. */
export interface HistoryStep {
  snapshot: string;
  date: string;
  /** `added` (first seen, or back after a removal), `changed`, `unchanged`, `removed`. */
  status: 'added' | 'changed' | 'unchanged' | 'removed';
  hash?: string;
}

/** Ids an entity-valued property of `e` points at. */
function entityProps(e: FtmEntity): [string, string[]][] {
  const types = schemaProperties(e.schema);
  return Object.entries(e.properties).filter(([p]) => types[p] === 'entity');
}

/** The listed entity with its related entities nested. */
export async function nestEntity(engine: Engine, root: StoredEntity): Promise<NestedEntity> {
  const dates = {
    first_seen: dateTime(root.firstSeen),
    last_seen: dateTime(root.lastSeen),
    last_change: dateTime(root.lastChange),
  };
  const related = new Map(root.related.map((r) => [r.id, r]));
  // Other listed entities the related ones point at, read ahead (the store is asynchronous).
  const others = new Map<string, StoredEntity>();
  for (const r of root.related)
    for (const [, ids] of entityProps(r))
      for (const id of ids)
        if (id !== root.id && !related.has(id) && !others.has(id)) {
          const other = await engine.findEntity(id);
          if (other) others.set(id, other);
        }
  const shell = (e: FtmEntity, target: boolean): NestedEntity => ({
    id: e.id,
    caption: caption(e),
    schema: e.schema,
    properties: { ...e.properties },
    datasets: [root.source],
    referents: [],
    target,
    ...dates,
  });
  // A related entity: its pointers back at the root dropped (yente skips the path it came by),
  // its pointers elsewhere resolved to related entities or, shallow, to other listed entities.
  const nestRelated = (r: FtmEntity): NestedEntity => {
    const out = shell(r, false);
    for (const [prop, ids] of entityProps(r)) {
      const values = ids.filter((id) => id !== root.id).map((id) => resolve(id));
      if (values.length) out.properties[prop] = values;
      else delete out.properties[prop];
    }
    return out;
  };
  const resolve = (id: string): string | NestedEntity => {
    const r = related.get(id);
    if (r) return shell(r, false);
    const other = others.get(id);
    if (!other) return id;
    return {
      ...shell(other, true),
      properties: withTopics(other.properties, other.topics),
      first_seen: dateTime(other.firstSeen),
      last_seen: dateTime(other.lastSeen),
      last_change: dateTime(other.lastChange),
    };
  };
  const out = shell(root, true);
  out.properties = withTopics(root.properties, root.topics);
  for (const [prop, ids] of entityProps(root))
    out.properties[prop] = ids.map((id) => (related.has(id) ? nestRelated(related.get(id)!) : id));
  for (const r of root.related) {
    for (const [prop, ids] of entityProps(r)) {
      if (!ids.includes(root.id)) continue;
      const reverse = REVERSE[`${r.schema}.${prop}`] ?? `${prop}Of`;
      (out.properties[reverse] ??= []).push(nestRelated(r));
    }
  }
  return out;
}

/**
 * The entity's history across every snapshot of its source, oldest first: when it was added,
 * changed, left unchanged, removed (and re-added). Snapshots before its first appearance, and
 * after a removal until it comes back, are left out.
 */
export async function listingHistory(engine: Engine, root: StoredEntity): Promise<HistoryStep[]> {
  const steps: HistoryStep[] = [];
  let previous: string | undefined;
  for (const s of await engine.snapshots(root.source)) {
    const e = await engine.findEntity(root.id, s.id);
    if (e) {
      const status =
        previous === undefined ? 'added' : previous === e.hash ? 'unchanged' : 'changed';
      steps.push({ snapshot: s.id, date: s.date, status, hash: e.hash });
      previous = e.hash;
    } else if (previous !== undefined) {
      steps.push({ snapshot: s.id, date: s.date, status: 'removed' });
      previous = undefined;
    }
  }
  return steps;
}

/** The full `/entities/{id}` answer: nested entity, listing fields and history. */
export async function entityResponse(
  engine: Engine,
  root: StoredEntity,
  options: { nested: boolean },
): Promise<
  NestedEntity & {
    programs: string[];
    topics: string[];
    listing_date: string | null;
    remarks: string[];
    source_record_id: string;
    snapshot: string;
    history: HistoryStep[];
  }
> {
  const base: NestedEntity = options.nested
    ? await nestEntity(engine, root)
    : {
        id: root.id,
        caption: caption(root),
        schema: root.schema,
        properties: withTopics(root.properties, root.topics) as Properties,
        datasets: [root.source],
        referents: [],
        target: true,
        first_seen: dateTime(root.firstSeen),
        last_seen: dateTime(root.lastSeen),
        last_change: dateTime(root.lastChange),
      };
  return {
    ...base,
    programs: root.programs,
    topics: root.topics,
    listing_date: root.listingDate ?? null,
    remarks: root.remarks,
    source_record_id: root.sourceRecordId,
    snapshot: root.snapshot,
    history: await listingHistory(engine, root),
  };
}
