/**
 * @module
 * The shapes passed between the OFAC reading and mapping steps, for every format.
 */
import type { SourceId } from '../../core/index.ts';
import type { Located } from './files.ts';
import type { AddRecord, AltRecord, PrimaryRecord } from './layout.ts';
import type { NameIndex } from './names.ts';
import type { RemarkFacts } from './remarks.ts';

/** What one load shares across entries. */
export interface LoadContext {
  source: SourceId;
  /** SDN (blocking) or a non-SDN list (export.risk with programme provisions). */
  blocking: boolean;
  names: NameIndex;
  /** "Linked To" names that matched no entry, or several: counted for one summary warning. */
  linkStats: { missing: number; ambiguous: number };
  /** Entity id of another entry of this load, from its ent_num. */
  idOf: (recordId: string) => string;
  /** Paths of the files, for warnings. */
  paths: { primary: string; alt?: string | undefined; add?: string | undefined };
  warn: (w: {
    message: string;
    file: string;
    line: number;
    field?: string;
    record: string;
  }) => void;
}

/** One entry as read from the files. */
export interface EntryInput {
  line: number;
  record: PrimaryRecord;
  comments?: string[] | undefined;
  aliases?: Located<AltRecord>[] | undefined;
  addresses?: Located<AddRecord>[] | undefined;
}

/** The vessel data OFAC states in columns of its own (sdn.csv, sdn.xml vesselInfo). */
export interface VesselColumns {
  callSign?: string | undefined;
  type?: string | undefined;
  tonnage?: string | undefined;
  grt?: string | undefined;
  flag?: string | undefined;
  owner?: string | undefined;
}

/** One address of an entry, with where it was read (for the warning on an unknown country). */
export interface OfacAddress {
  /** OFAC's address number (add_num, address uid, Location ID), which keys the Address entity. */
  key: string;
  street?: string | undefined;
  /** As the CSV writes it: "City, State/Province Postal Code". */
  city?: string | undefined;
  /** Country name as written; "Region: Gaza" style values are handled as in add.csv. */
  country?: string | undefined;
  region?: string | undefined;
  remarks?: string | undefined;
  file: string;
  line: number;
}

/**
 * One entry in a form every OFAC format can be brought to: the legacy CSV rows, an sdn.xml
 * `sdnEntry` and an advanced-XML `DistinctParty` all become this, and one mapper turns it into
 * the entity, so that an entry maps the same whatever format it came in.
 */
export interface OfacEntry {
  /** ent_num / uid / FixedRef. */
  recordId: string;
  /** Line the entry starts on, for warnings. */
  line: number;
  /** Primary name as the CSV writes it ("LAST, First" for individuals). */
  name: string;
  /** SDN_Type as the CSV writes it: individual, vessel, aircraft; undefined for an entity. */
  type: string | undefined;
  /** Programme tags in the order stated. */
  programs: string[];
  title?: string | undefined;
  vessel: VesselColumns;
  /** The facts the remarks (or their structured equivalents) state. */
  facts: RemarkFacts;
  /** Verbatim remarks, trimmed ('' for none). */
  remarks: string;
  /** Strong names: alt.csv rows, strong a.k.a.s; `previous` for f.k.a. */
  aliases: { name: string | undefined; previous: boolean }[];
  addresses: OfacAddress[];
  /** Links stated by id (advanced XML relationships), after those resolved from names. */
  links?: { recordId: string; role: string }[] | undefined;
  /** The date the entry was listed, when the format states it apart from directive dates. */
  listedOn?: string | undefined;
  raw: unknown;
}

/** What a format parser needs to know of the list it reads. */
export interface OfacFormatOptions {
  id: SourceId;
  /** SDN (blocking) or a non-SDN list. */
  blocking: boolean;
  /** The file name of the format, e.g. `sdn.xml`, `cons_advanced.xml` (matched in any case). */
  fileName: string;
}
