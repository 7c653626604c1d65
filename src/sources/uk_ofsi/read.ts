/**
 * @module
 * Streams the name rows of a ConList.csv as records keyed by column, after checking that the file
 * is what it claims to be. Every structural fault refuses the file with the line it occurs on.
 */
import { refused } from '../../core/index.ts';
import { sniff } from '../_sniff.ts';
import { readCsv } from '../_csv.ts';
import { detectEncoding } from '../_text.ts';
import {
  checkHeader,
  COLUMNS,
  identifyForeignFile,
  publicationDate,
  WHAT,
  type OfsiRecord,
} from './layout.ts';

/** One name row and the line it starts on. */
export interface OfsiRow {
  line: number;
  record: OfsiRecord;
}

/** Callbacks for what the first lines state. */
export interface ReadHooks {
  /** Called with the date of the "Last Updated" line, as YYYY-MM-DD. */
  onPublicationDate(date: string): void;
}

const GROUP_ID = COLUMNS.indexOf('Group ID');
const NAMES = [0, 1, 2, 3, 4, 5]; // Name 6, Name 1 … Name 5

/**
 * Yields the data rows of a ConList file in file order.
 * @throws INPUT_REFUSED for an empty, HTML, UTF-16 or foreign file, a wrong header, a row with
 *   the wrong number of columns, no name or no Group ID, a file cut inside a quoted field, or no
 *   rows.
 */
export async function* readRows(path: string, hooks: ReadHooks): AsyncGenerator<OfsiRow> {
  const head = sniff(path, WHAT);
  const foreign = identifyForeignFile(head.toString('latin1'));
  if (foreign) throw refused(`${path}: ${foreign}, not ${WHAT}`, { file: path, line: 1 });
  const encoding = await detectEncoding(path, 'windows-1252');

  let headerLine = 0;
  let lastLine = 0;
  let rows = 0;
  for await (const { line, fields } of readCsv(path, { encoding })) {
    if (!headerLine) {
      // Line 1 is normally "Last Updated,dd/mm/yyyy"; a copy without it starts at the header.
      const date = lastLine === 0 ? publicationDate(fields, path) : undefined;
      lastLine = line;
      if (date) {
        hooks.onPublicationDate(date);
        continue;
      }
      checkHeader(fields, path, line);
      headerLine = line;
      continue;
    }
    lastLine = line;
    const record = toRecord(fields, path, line);
    if (!record) continue;
    rows++;
    yield { line, record };
  }
  if (!headerLine)
    throw refused(`${path}: no header line: the file ends after line ${lastLine}`, {
      file: path,
      line: lastLine || 1,
    });
  if (!rows)
    throw refused(`${path}: the file has a header but no name rows`, {
      file: path,
      line: headerLine,
    });
}

/** Turns a row's fields into a record, or undefined for a row of empty cells (export debris). */
function toRecord(fields: string[], path: string, line: number): OfsiRecord | undefined {
  if (fields.length !== COLUMNS.length) {
    const extraFilled = fields.slice(COLUMNS.length).some((f) => f.trim() !== '');
    if (fields.length < COLUMNS.length || extraFilled)
      throw refused(
        `${path}: line ${line}: expected ${COLUMNS.length} columns, found ${fields.length}` +
          (fields.length < COLUMNS.length ? ' (a truncated or damaged line?)' : ''),
        { file: path, line },
      );
  }
  if (fields.every((f) => f.trim() === '')) return undefined;
  if (NAMES.every((i) => !fields[i]?.trim()))
    throw refused(`${path}: line ${line}: the row has no name (Name 1 to Name 6 are empty)`, {
      file: path,
      line,
      field: 'Name 6',
    });
  if (!fields[GROUP_ID]?.trim())
    throw refused(`${path}: line ${line}: the Group ID is empty, so the name has no target`, {
      file: path,
      line,
      field: 'Group ID',
    });
  return makeRecord(fields);
}

/**
 * Builds a record from its fields with one object literal, so that all 9,000-odd records share
 * one shape (V8 hidden class) instead of each growing key by key into a slow dictionary object.
 */
function makeRecord(f: string[]): OfsiRecord {
  return {
    'Name 6': f[0]!,
    'Name 1': f[1]!,
    'Name 2': f[2]!,
    'Name 3': f[3]!,
    'Name 4': f[4]!,
    'Name 5': f[5]!,
    Title: f[6]!,
    DOB: f[7]!,
    'Town of Birth': f[8]!,
    'Country of Birth': f[9]!,
    Nationality: f[10]!,
    'Passport Details': f[11]!,
    'NI Number': f[12]!,
    Position: f[13]!,
    'Address 1': f[14]!,
    'Address 2': f[15]!,
    'Address 3': f[16]!,
    'Address 4': f[17]!,
    'Address 5': f[18]!,
    'Address 6': f[19]!,
    'Post/Zip Code': f[20]!,
    Country: f[21]!,
    'Other Information': f[22]!,
    'Group Type': f[23]!,
    'Alias Type': f[24]!,
    Regime: f[25]!,
    'Listed On': f[26]!,
    'Last Updated': f[27]!,
    'Group ID': f[28]!,
  };
}
