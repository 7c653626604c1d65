/**
 * @module
 * The BIS Denied Persons List text file: tab-separated, every value in double quotes, one header
 * line naming twelve columns. One row is one (party, address, order) triple; the file has no ids.
 */
import { refused } from '../../core/index.ts';

/** Columns of dpl.txt, in the order BIS writes them. */
export const COLUMNS = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
] as const;

/** One of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];

/** A data row by column name, with the line it ends on. */
export interface DplRow {
  line: number;
  values: Record<Column, string>;
}

/**
 * Checks the header and returns each column's position. Columns are found by name, so a reordered
 * file still reads; a missing column refuses the file, naming it.
 */
export function columnIndex(path: string, header: readonly string[]): Record<Column, number> {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const col of COLUMNS) {
    const at = names.indexOf(col.toLowerCase());
    if (at < 0) missing.push(col);
    else index[col] = at;
  }
  if (missing.length === COLUMNS.length) {
    const hint = otherListHint(header.join('\t'));
    throw refused(
      hint
        ? `${path}: line 1: this looks like ${hint}, not the BIS Denied Persons List (dpl.txt)`
        : `${path}: line 1: header does not match the BIS Denied Persons List layout (expected ${COLUMNS.join(', ')})`,
      { file: path, line: 1 },
    );
  }
  if (missing.length)
    throw refused(
      `${path}: line 1: header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${COLUMNS.join(', ')})`,
      { file: path, line: 1, field: missing[0] },
    );
  return index;
}

/**
 * Names the list a first line belongs to when it is plainly another source's file, so the
 * operator learns what was given in its place. Returns undefined when it cannot tell.
 */
export function otherListHint(firstLine: string): string | undefined {
  const line = firstLine
    .replace(/^\uFEFF/, '')
    .replace(/^"/, '')
    .trim();
  const lower = line.toLowerCase();
  if (lower.startsWith('<')) return 'an XML file (the UN or EU XML list?)';
  if (lower.startsWith('date_file') || lower.includes('entity_logical')) return 'an EU FSF CSV';
  if (lower.startsWith('last updated')) return 'a UK OFSI ConList.csv';
  if (/^\d+,/.test(line)) return 'an OFAC legacy CSV (sdn.csv, alt.csv, add.csv…)';
  return undefined;
}
