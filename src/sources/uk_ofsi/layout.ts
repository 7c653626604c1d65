/**
 * @module
 * The old (pre-2020) OFSI ConList.csv layout: a "Last Updated" line, then a 29-column header, then
 * one row per name. This module knows what those two first lines must look like and recognises
 * the files most often given in the wrong place, so that a refusal says what the file really is.
 */
import { partialDate, refused } from '../../core/index.ts';

/** The 29 columns of the old ConList layout, in file order. */
export const COLUMNS = [
  'Name 6',
  'Name 1',
  'Name 2',
  'Name 3',
  'Name 4',
  'Name 5',
  'Title',
  'DOB',
  'Town of Birth',
  'Country of Birth',
  'Nationality',
  'Passport Details',
  'NI Number',
  'Position',
  'Address 1',
  'Address 2',
  'Address 3',
  'Address 4',
  'Address 5',
  'Address 6',
  'Post/Zip Code',
  'Country',
  'Other Information',
  'Group Type',
  'Alias Type',
  'Regime',
  'Listed On',
  'Last Updated',
  'Group ID',
] as const;

/** One column name of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];

/** A data row keyed by column name, values exactly as read. */
export type OfsiRecord = Record<Column, string>;

/** What the file is called in messages. */
export const WHAT = 'the OFSI Consolidated List CSV (ConList.csv, old 29-column layout)';

// Columns that only the newer (2020+) ConList layouts have. Seeing one means the file is a real
// OFSI list in a layout this parser was not written for, which deserves its own message.
const NEWER_LAYOUT_COLUMNS = [
  'Name Non-Latin Script',
  'Passport Number',
  'National Identification Number',
  'National Identification Details',
  'Alias Quality',
  'UK Sanctions List Date Designated',
];

/**
 * Recognises, from the first bytes of a file (decoded), the other list files an operator may drop
 * in place of ConList.csv. Returns a refusal message, or undefined when it may be an OFSI file.
 */
export function identifyForeignFile(head: string): string | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const line = text.split('\n', 1)[0] ?? '';
  if (line.startsWith('<')) {
    if (/<CONSOLIDATED_LIST/i.test(text))
      return 'this looks like the UN Security Council consolidated list XML, not a CSV';
    if (/^<\?xml/i.test(line)) return 'this looks like an XML file, not a CSV';
    return 'this looks like markup (XML/HTML), not a CSV';
  }
  // OFAC's legacy sdn.csv / cons_prim.csv have no header: ent_num, "name", type, "program", …
  // with "-0-" for empty fields.
  if (/^\d+,\s*"[^"]*",/.test(line) || line.includes('-0-'))
    return 'this looks like an OFAC legacy CSV (sdn.csv / cons_prim.csv)';
  if (/^"?Date_file/i.test(line) || (line.split(';').length > 10 && !line.includes(',')))
    return 'this looks like the EU financial sanctions CSV (";"-separated)';
  if (line.includes('\t') && /Street_Address|Effective_Date/.test(line))
    return 'this looks like the BIS Denied Persons List (tab-separated)';
  return undefined;
}

/**
 * Reads line 1 ("Last Updated,13/04/2018,,,…") and returns the publication date as YYYY-MM-DD.
 * Returns undefined when line 1 is not that line (the caller then checks it as the header).
 * @throws INPUT_REFUSED when the line says "Last Updated" but holds no real date.
 */
export function publicationDate(fields: string[], path: string): string | undefined {
  if (fields[0]?.trim() !== 'Last Updated') return undefined;
  const value = fields[1]?.trim() ?? '';
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const date = m ? partialDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  if (!date || date.length !== 10)
    throw refused(
      `${path}: line 1: "Last Updated" is followed by ${JSON.stringify(value)}, not a dd/mm/yyyy date`,
      { file: path, line: 1, field: 'Last Updated' },
    );
  return date;
}

/**
 * Checks the header row column by column.
 * @throws INPUT_REFUSED naming the line and the first column that differs; a header from a newer
 *   OFSI layout is named as such, because it needs a different parser, not a fixed file.
 */
export function checkHeader(fields: string[], path: string, line: number): void {
  const cells = fields.map((f) => f.trim());
  // Spreadsheet exports sometimes add empty trailing cells; they carry nothing.
  while (cells.length > COLUMNS.length && cells[cells.length - 1] === '') cells.pop();
  const where = { file: path, line };
  const newer = cells.filter((c) => NEWER_LAYOUT_COLUMNS.includes(c));
  if (newer.length)
    throw refused(
      `${path}: line ${line}: header does not match the old 29-column OFSI ConList layout: it has ` +
        `${newer.map((c) => JSON.stringify(c)).join(', ')}, so this is a newer OFSI ConList ` +
        'layout, which needs a different parser',
      where,
    );
  for (let i = 0; i < Math.max(cells.length, COLUMNS.length); i++) {
    const expected = COLUMNS[i];
    const found = cells[i];
    if (expected === found) continue;
    const detail =
      expected === undefined
        ? `found ${cells.length} columns, expected ${COLUMNS.length} (extra column ${JSON.stringify(found)})`
        : found === undefined
          ? `found ${cells.length} columns, expected ${COLUMNS.length} (missing ${JSON.stringify(expected)})`
          : `column ${i + 1} is ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`;
    throw refused(
      `${path}: line ${line}: header does not match the old 29-column OFSI ConList layout: ${detail}`,
      where,
    );
  }
}
