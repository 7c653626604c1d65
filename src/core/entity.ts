/**
 * @module
 * Entities: FollowTheMoney's shape (`id`, `schema`, multi-valued `properties`), plus what a
 * sanctions engine must know about where each listed entity came from.
 */
import type { SchemaName } from './schema.ts';
import type { Topic } from './topics.ts';

/** Every property is multi-valued, as in FtM: a person may have several dates of birth. */
export type Properties = Record<string, string[]>;

/** A plain FtM entity (Sanction, Address, Identification… or a listed party). */
export interface FtmEntity {
  id: string;
  schema: SchemaName;
  properties: Properties;
}

/** Ids of the list sources Embargo reads; also the folder names of a list mirror. */
export const SOURCE_IDS = [
  'ofac_sdn',
  'ofac_consolidated',
  'un_sc',
  'uk_ofsi',
  'eu_fsf',
  'us_bis_dpl',
  'uk_fcdo',
] as const;

/** One of {@link SOURCE_IDS}. */
export type SourceId = (typeof SOURCE_IDS)[number];

/** True for a known source id. */
export function isSourceId(value: string): value is SourceId {
  return (SOURCE_IDS as readonly string[]).includes(value);
}

/**
 * A party named by a list (person, organisation, vessel, aircraft), as one source states it.
 * The Sanction, Address and Identification entities that hang off it travel with it in `related`,
 * so one list record stays one unit for hashing, diffs and history.
 */
export interface ListedEntity extends FtmEntity {
  /** Source list id, e.g. `ofac_sdn`. */
  source: SourceId;
  /** The record's id in the source (OFAC ent_num, UN reference number, OFSI Group ID…). */
  sourceRecordId: string;
  /** Programme tags as the source writes them (`DPRK3`, `KPi`, `DPRK`…), deduplicated. */
  programs: string[];
  /** FtM topics: `sanction` for a blocking listing, `export.risk`, `export.control`… */
  topics: Topic[];
  /** Date the source says the entry was listed, when it says so. */
  listingDate?: string;
  /** Free-text remarks from the source, kept verbatim. */
  remarks: string[];
  /** Sanction, Address, Identification/Passport and UnknownLink entities about this one. */
  related: FtmEntity[];
  /** The source record as read (CSV rows by column, XML elements), for audit and re-mapping. */
  raw: unknown;
}

/** A listed entity as the store returns it, with the history the snapshots give it. */
export interface StoredEntity extends ListedEntity {
  /** sha256 of the entity's content (everything but `raw` and the history fields). */
  hash: string;
  /** Snapshot id this copy comes from. */
  snapshot: string;
  /** Date of the earliest snapshot of the source that names this entity. */
  firstSeen: string;
  /** Date of the snapshot in which the entity last took its present content. */
  lastChange: string;
  /** Date of the latest snapshot that names it. */
  lastSeen: string;
}

const WS = /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/;

/** Adds values to a property, skipping blanks and duplicates. Returns the entity for chaining. */
export function addValues<T extends FtmEntity>(
  entity: T,
  prop: string,
  ...values: (string | undefined | null)[]
): T {
  for (const raw of values) {
    if (raw === undefined || raw === null) continue;
    // Most values are clean already; only rewrite those with runs of or odd whitespace.
    const value = WS.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
    if (!value) continue;
    const list = (entity.properties[prop] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return entity;
}

/** First value of a property, or undefined. */
export function first(entity: FtmEntity, prop: string): string | undefined {
  return entity.properties[prop]?.[0];
}

/** The label FtM would show for an entity: its first name-like property. */
export function caption(entity: FtmEntity): string {
  for (const prop of ['name', 'full', 'program', 'number', 'alias', 'role']) {
    const v = entity.properties[prop]?.[0];
    if (v) return v;
  }
  return entity.id;
}
