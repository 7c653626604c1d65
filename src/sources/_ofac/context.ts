/**
 * @module
 * The shapes passed between the OFAC reading and mapping steps.
 */
import type { SourceId } from '../../core/index.ts';
import type { Located } from './files.ts';
import type { AddRecord, AltRecord, PrimaryRecord } from './layout.ts';
import type { NameIndex } from './names.ts';

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
