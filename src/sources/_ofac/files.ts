/**
 * @module
 * Reading the four files of an OFAC legacy CSV set with their structural checks: another list's
 * file in the wrong place, wrong column counts, a non-numeric ent_num. The small auxiliary files
 * (aliases, addresses, comments) are buffered into maps keyed by ent_num; the primary file is
 * streamed by the caller through {@link readRows}.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { refused, type ParseContext, type SourceFileSpec } from '../../core/index.ts';
import { sniff } from '../_sniff.ts';
import { readCsvBatches, type CsvRow as OfacRow } from '../_csv.ts';
import {
  ADD_COLUMNS,
  ALT_COLUMNS,
  COMMENT_COLUMNS,
  toRecord,
  type AddRecord,
  type AltRecord,
} from './layout.ts';

/** A record of an auxiliary file with the line it starts on, for warnings. */
export interface Located<T> {
  line: number;
  record: T;
}

// Signatures of the other lists' files, checked on the first bytes so that a file saved under
// the wrong name is refused with a message that says what it is.
const OTHER_FORMATS: { test: RegExp; what: string }[] = [
  {
    test: /<consolidated_list|sc-sanctions\.xsd|un_list_type/,
    what: 'a UN Security Council XML file',
  },
  {
    test: /<sdnlist|sdn_advanced|<sanctionsdata/,
    what: "OFAC's XML format (sdn.xml / advanced XML)",
  },
  { test: /<export[\s>]|<sanctionentity/, what: 'an EU FSF XML file' },
  { test: /^<\?xml|^</, what: 'an XML file' },
  {
    test: /^last updated|(^|,)name 6,|(^|,)group id(,|$)|(^|,)group type,/m,
    what: 'a UK OFSI ConList CSV',
  },
  { test: /^"?date_file|entity_logical_id/, what: 'an EU FSF CSV file' },
  { test: /^"?name"?\t"?street_address/, what: 'a BIS Denied Persons List file' },
  { test: /^[[{]/, what: 'a JSON file' },
];

/**
 * Refuses a file that is empty, HTML, UTF-16/binary (via {@link sniff}) or recognisably another
 * list's format, naming what it looks like. `what` names the expected file, e.g. "OFAC sdn.csv".
 */
export function checkFormat(path: string, what: string): void {
  const head = sniff(path, what);
  const text = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  for (const f of OTHER_FORMATS) {
    if (f.test.test(text))
      throw refused(`${path}: this looks like ${f.what}, not ${what}`, { file: path, line: 1 });
  }
}

/** Warns when the file lacks the Ctrl-Z byte OFAC ends every file with: it may have been cut. */
export function checkEndMarker(path: string, ctx: ParseContext): void {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, Math.max(0, size - 1));
    if (buf[0] !== 0x1a)
      ctx.warn({
        message: `${path}: the file does not end with the Ctrl-Z byte OFAC files carry; if the download was cut at a line end, records may be missing`,
        file: path,
      });
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the rows of an OFAC file, in batches, after checking each one's shape: exactly
 * `columns.length` fields and a numeric ent_num. A header row (first field `ent_num`), which some
 * mirrors add, is skipped with a warning.
 */
export async function* readRows(
  path: string,
  columns: readonly string[],
  what: string,
  ctx: ParseContext,
): AsyncGenerator<OfacRow[]> {
  let first = true;
  for await (const batch of readCsvBatches(path, { encoding: 'latin1' })) {
    const out: OfacRow[] = [];
    for (const row of batch) {
      if (first) {
        first = false;
        if (row.fields[0]?.trim().toLowerCase() === 'ent_num') {
          ctx.warn({
            message: `${path}: skipped a header row (OFAC files have none)`,
            file: path,
            line: row.line,
          });
          continue;
        }
      }
      checkRow(path, row, columns, what);
      out.push(row);
    }
    if (out.length) yield out;
  }
}

/** Refuses a row with the wrong number of columns or a non-numeric ent_num. */
function checkRow(path: string, row: OfacRow, columns: readonly string[], what: string): void {
  const id = row.fields[0]?.trim() ?? '';
  // The id first: a non-numeric first field means another kind of file, whatever its width.
  if (!/^\d+$/.test(id))
    throw refused(
      `${path}: line ${row.line}: ent_num ${JSON.stringify(id.slice(0, 40))} is not a number; this is not ${what}`,
      { file: path, line: row.line },
    );
  if (row.fields.length !== columns.length)
    throw refused(
      `${path}: line ${row.line}: expected ${columns.length} columns (${what} layout), found ${row.fields.length}`,
      { file: path, line: row.line },
    );
}

/** Appends `item` to the list under `key`. */
function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Reads alt.csv / cons_alt.csv into alias records keyed by ent_num. */
export async function loadAliases(
  path: string,
  what: string,
  ctx: ParseContext,
): Promise<Map<string, Located<AltRecord>[]>> {
  checkFormat(path, what);
  checkEndMarker(path, ctx);
  const out = new Map<string, Located<AltRecord>[]>();
  let n = 0;
  for await (const batch of readRows(path, ALT_COLUMNS, what, ctx))
    for (const row of batch) {
      n++;
      const record = toRecord(ALT_COLUMNS, row.fields);
      push(out, record.ent_num.trim(), { line: row.line, record });
    }
  ctx.countRecords(path, n);
  return out;
}

/** Reads add.csv / cons_add.csv into address records keyed by ent_num. */
export async function loadAddresses(
  path: string,
  what: string,
  ctx: ParseContext,
): Promise<Map<string, Located<AddRecord>[]>> {
  checkFormat(path, what);
  checkEndMarker(path, ctx);
  const out = new Map<string, Located<AddRecord>[]>();
  let n = 0;
  for await (const batch of readRows(path, ADD_COLUMNS, what, ctx))
    for (const row of batch) {
      n++;
      const record = toRecord(ADD_COLUMNS, row.fields);
      push(out, record.ent_num.trim(), { line: row.line, record });
    }
  ctx.countRecords(path, n);
  return out;
}

/**
 * Reads sdn_comments.csv / cons_comments.csv: the continuation of Remarks too long for the
 * primary file, keyed by ent_num. Several rows for one entry are joined in file order.
 */
export async function loadComments(
  path: string,
  what: string,
  ctx: ParseContext,
): Promise<Map<string, string[]>> {
  checkFormat(path, what);
  checkEndMarker(path, ctx);
  const out = new Map<string, string[]>();
  let n = 0;
  for await (const batch of readRows(path, COMMENT_COLUMNS, what, ctx))
    for (const row of batch) {
      n++;
      const record = toRecord(COMMENT_COLUMNS, row.fields);
      push(out, record.ent_num.trim(), record.Remarks_Extended);
    }
  ctx.countRecords(path, n);
  return out;
}

/** The spec of a file of one exact name (any case): OFAC's file names are fixed. */
export function exactFile(
  role: string,
  name: string,
  required: boolean,
  description: string,
): SourceFileSpec {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { role, pattern: new RegExp(`^${escaped}$`, 'i'), required, description };
}
