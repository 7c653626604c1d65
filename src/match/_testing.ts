/**
 * @module
 * Test support shared by the matcher's tests (never used by the matcher): stored entities built
 * from a schema and properties, numbered in the order they are made.
 */
import type { StoredEntity } from '../core/index.ts';

let seq = 0;

/** A stored SDN entity (programme DPRK3) with these properties and the next id, ofac_sdn-N. */
export function storedEntity(
  schema: StoredEntity['schema'],
  properties: Record<string, string[]>,
): StoredEntity {
  const n = ++seq;
  return {
    id: `ofac_sdn-${n}`,
    schema,
    properties,
    source: 'ofac_sdn',
    sourceRecordId: String(n),
    programs: ['DPRK3'],
    topics: ['sanction'],
    remarks: [],
    related: [],
    raw: null,
    hash: 'h',
    snapshot: 'ofac_sdn@2024-05-03',
    firstSeen: '2024-05-03',
    lastChange: '2024-05-03',
    lastSeen: '2024-05-03',
  };
}
