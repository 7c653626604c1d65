/**
 * @module
 * yente's `/entities/{id}/adjacent` (`EntityAdjacentResponse`: the entity, and per property the
 * entities linked to it) from the in-memory entity index: its own entity-valued properties
 * (`addressEntity`) and the entities pointing at it, under FtM's reverse property names
 * (`sanctions`, `identification`, …), as in `/entities/{id}` when nested.
 */
import { EmbargoError, ERROR_CODES, isSchemaName, schemaProperties } from '../../core/index.ts';
import type { FtmRecord } from '../../engine/index.ts';
import type { EntityIndexData } from '../entityIndex.ts';
import { dateTime } from '../yente.ts';

/** FtM's reverse property names of the edges Embargo's lists produce (as in ../nested.ts). */
const REVERSE: Record<string, string> = {
  'Sanction.entity': 'sanctions',
  'Identification.holder': 'identification',
  'Passport.holder': 'identification',
  'UnknownLink.subject': 'unknownLinkTo',
  'UnknownLink.object': 'unknownLinkFrom',
};

/** An entity in yente's EntityResponse shape, properties as stored (ids for links). */
export type AdjacentEntity = {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, (string | AdjacentEntity)[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
};

function entityTypes(schema: string): Record<string, string> {
  return isSchemaName(schema) ? schemaProperties(schema) : {};
}

/** A record as an EntityResponse; links to other entities than `root` resolved, shallow. */
export function recordResponse(
  index: EntityIndexData,
  r: FtmRecord,
  root?: string,
): AdjacentEntity {
  const types = entityTypes(r.schema);
  const properties: AdjacentEntity['properties'] = {};
  for (const [prop, values] of Object.entries(r.properties))
    properties[prop] =
      root !== undefined && types[prop] === 'entity'
        ? values.map((id) => {
            const other = id === root ? undefined : index.byId.get(id);
            return other ? recordResponse(index, other) : id;
          })
        : [...values];
  return {
    id: r.id,
    caption: r.caption,
    schema: r.schema,
    properties,
    datasets: r.datasets,
    referents: index.referents.get(r.id) ?? [],
    target: r.target,
    first_seen: dateTime(r.first_seen),
    last_seen: dateTime(r.last_seen),
    last_change: dateTime(r.last_change),
  };
}

/** Property → the records adjacent to `id` under it. UNKNOWN_ID when no active entity has it. */
export function adjacentRecords(
  index: EntityIndexData,
  id: string,
): { root: FtmRecord; adjacent: Map<string, FtmRecord[]> } {
  const root = index.byId.get(id);
  if (!root)
    throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no entity ${id} in the active snapshots`);
  const adjacent = new Map<string, FtmRecord[]>();
  const add = (prop: string, r: FtmRecord) => {
    const list = adjacent.get(prop) ?? [];
    if (!list.includes(r)) list.push(r);
    adjacent.set(prop, list);
  };
  const types = entityTypes(root.schema);
  for (const [prop, ids] of Object.entries(root.properties)) {
    if (types[prop] !== 'entity') continue;
    for (const other of ids) {
      const r = index.byId.get(other);
      if (r) add(prop, r);
    }
  }
  for (const { record, prop } of index.inbound.get(id) ?? [])
    add(REVERSE[`${record.schema}.${prop}`] ?? `${prop}Of`, record);
  return { root, adjacent };
}
