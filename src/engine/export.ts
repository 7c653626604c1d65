/**
 * @module
 * Export in FollowTheMoney's line-based JSON: one entity per line, listed parties first-class
 * (`target: true`) with their Sanction, Address, Identification and link entities after them.
 */
import { addValues, caption, type FtmEntity, type StoredEntity } from '../core/index.ts';
import { applyFtmRules } from './_ftmRules.ts';

/** An FtM entity as FtM tools (nomenklatura, yente) read it from a `.ftm.json` file. */
export interface FtmRecord {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string;
  last_seen: string;
  last_change: string;
}

/**
 * The FtM records of one stored entity: the party itself (with `topics`, `program` and the remarks
 * as `notes`, since FtM has no separate fields for them), then its related entities; values FtM
 * would refuse are moved where it takes them (see _ftmRules.ts), each change told to `warn`.
 */
export function toFtmRecords(
  entity: StoredEntity,
  warn: (message: string) => void = () => {},
): FtmRecord[] {
  const main: FtmEntity = {
    id: entity.id,
    schema: entity.schema,
    properties: structuredClone(entity.properties),
  };
  addValues(main, 'topics', ...entity.topics);
  addValues(main, 'program', ...entity.programs);
  addValues(main, 'notes', ...entity.remarks);
  const meta = {
    datasets: [entity.source],
    referents: [],
    first_seen: entity.firstSeen,
    last_seen: entity.lastSeen,
    last_change: entity.lastChange,
  };
  const records: FtmRecord[] = [
    {
      id: main.id,
      schema: main.schema,
      caption: caption(main),
      properties: main.properties,
      target: true,
      ...meta,
    },
  ];
  for (const rel of entity.related) {
    records.push({
      id: rel.id,
      schema: rel.schema,
      caption: caption(rel),
      properties: rel.properties,
      target: false,
      ...meta,
    });
  }
  return applyFtmRules(records, warn);
}
