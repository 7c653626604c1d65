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

/**
 * One published format of a list: the files it comes in and its parser. A list published in
 * several formats (OFAC's CSV, XML and advanced XML, say) maps every one of them to the same
 * entities with the same ids, so that a snapshot loaded from one format diffs cleanly against a
 * snapshot loaded from another.
 */
export interface SourceFormat {
  /** Short stable name of the format, e.g. `csv`, `xml`, `advanced-xml`. */
  formatId: string;
  /** What the format is, e.g. "legacy CSV (sdn.csv, alt.csv, add.csv, sdn_comments.csv)". */
  format: string;
  files: SourceFileSpec[];
  /**
   * Streams the entities of one load. `files` maps each role to a path; optional roles may be
   * absent. Throws an INPUT_REFUSED EmbargoError naming file and line on a structural fault.
   */
  parse(files: Readonly<Record<string, string>>, ctx: ParseContext): AsyncIterable<ListedEntity>;
}

/** One file of an official download: which role of which format it fills, and where it lives. */
export interface DownloadFile {
  /** Role in the downloaded format, e.g. `sdn`. */
  role: string;
  /** Official address. Overridable per source in configuration. */
  url: string;
  /** Name the file is saved under, matching the role's pattern (e.g. `sdn.xml`). */
  name: string;
}

/** What `lists update` fetches for a source. */
export interface SourceDownload {
  /** `formatId` of the format the files are in. */
  formatId: string;
  files: DownloadFile[];
}

/**
 * A list source: metadata, its primary format (files and parser), other formats it is published
 * in, and where to download it.
 */
export interface ListSource extends SourceFormat {
  id: SourceId;
  /** Human title, e.g. "OFAC Specially Designated Nationals (SDN) List". */
  title: string;
  /** Issuing authority. */
  authority: string;
  /** Official page of the list. */
  url: string;
  /** Licence or terms of reuse. */
  licence: string;
  /** Other published formats of the same list; their entities keep the same ids. */
  alternatives?: readonly SourceFormat[];
  /** The official download, when the authority publishes one at a stable address. */
  download?: SourceDownload;
}

/** Every format a source reads, its primary one first. */
export function sourceFormats(source: ListSource): SourceFormat[] {
  const primary: SourceFormat = {
    formatId: source.formatId,
    format: source.format,
    files: source.files,
    parse: (files, ctx) => source.parse(files, ctx),
  };
  return [primary, ...(source.alternatives ?? [])];
}
