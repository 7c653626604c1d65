/**
 * @module
 * The contract every list source implements: which files it reads and how it turns them into
 * listed entities. Parsers stream; the store decides what becomes active.
 */
import type { ListedEntity, SourceId } from './entity.ts';

/** A doubt or a dropped value, reported without stopping the load. */
export interface ParseWarning {
  message: string;
  file?: string;
  line?: number;
  field?: string;
  record?: string;
}

/** What a parser may tell the loader besides the entities it yields. */
export interface ParseContext {
  /** Reports a dropped value or a doubt about the input (e.g. a truncated last record). */
  warn(warning: ParseWarning): void;
  /** The publication date the file states, as `YYYY-MM-DD`. */
  setPublicationDate(date: string): void;
  /** Number of records (rows, elements) read from a file, for the snapshot's manifest. */
  countRecords(file: string, count: number): void;
}

/** One file a source reads. */
export interface SourceFileSpec {
  /** Key under which the parser receives the file's path, e.g. `sdn`, `alt`. */
  role: string;
  /** File names accepted for this role (case-insensitive match on the base name). */
  pattern: RegExp;
  /** A load without a required file is refused as incomplete. */
  required: boolean;
  /** What the file holds, for messages and docs. */
  description: string;
}

/** A list source: metadata, the files it reads and its parser. */
export interface ListSource {
  id: SourceId;
  /** Human title, e.g. "OFAC Specially Designated Nationals (SDN) List". */
  title: string;
  /** Issuing authority. */
  authority: string;
  /** Official page of the list. */
  url: string;
  /** Licence or terms of reuse. */
  licence: string;
  /** Format read, e.g. "legacy CSV (sdn.csv, alt.csv, add.csv, sdn_comments.csv)". */
  format: string;
  files: SourceFileSpec[];
  /**
   * Streams the entities of one load. `files` maps each role to a path; optional roles may be
   * absent. Throws an INPUT_REFUSED EmbargoError naming file and line on a structural fault.
   */
  parse(files: Readonly<Record<string, string>>, ctx: ParseContext): AsyncIterable<ListedEntity>;
}
