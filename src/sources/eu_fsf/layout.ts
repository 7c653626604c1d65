/**
 * @module
 * The EU Financial Sanctions Files (FSF) CSV, version 1.0 layout: 59 `;`-separated columns. The file
 * is the flat result of a join: every row holds the entity's own columns, then at most one name
 * (`Naal_*`), one address (`Addr_*`), one birth (`Birt_*`), one identity document (`Iden_*`) and one
 * citizenship (`Citi_*`) record. Each section repeats `Entity_logical_id`, so columns are read by
 * position, never by name.
 */
import { refused } from '../../core/index.ts';

/** The header of a v1.0 file, in order. Column 0 is checked by prefix (see {@link checkHeader}). */
export const COLUMNS = [
  'Date_file',
  'Entity_logical_id',
  'Subject_type',
  'Leba_numtitle',
  'Leba_publication_date',
  'Leba_url',
  'Programme',
  'Entity_remark',
  'Naal_logical_id',
  'Entity_logical_id',
  'Naal_leba_numtitle',
  'Naal_leba_publication_date',
  'Naal_leba_url',
  'Naal_programme',
  'Naal_lastname',
  'Naal_firstname',
  'Naal_middlename',
  'Naal_wholename',
  'Naal_gender',
  'Naal_title',
  'Naal_function',
  'Naal_language',
  'Addr_logical_id',
  'Entity_logical_id',
  'Addr_leba_numtitle',
  'Addr_leba_publication_date',
  'Addr_leba_url',
  'Addr_programme',
  'Addr_number',
  'Addr_street',
  'Addr_zipcode',
  'Addr_city',
  'Addr_country',
  'Addr_other',
  'Birt_logical_id',
  'Entity_logical_id',
  'Birt_leba_numtitle',
  'Birt_leba_publication_date',
  'Birt_leba_url',
  'Birt_programme',
  'Birt_date',
  'Birt_place',
  'Birt_country',
  'Iden_logical_id',
  'Entity_logical_id',
  'Iden_leba_numtitle',
  'Iden_leba_publication_date',
  'Iden_leba_url',
  'Iden_programme',
  'Iden_number',
  'Iden_country',
  'Citi_logical_id',
  'Entity_logical_id',
  'Citi_leba_numtitle',
  'Citi_leba_publication_date',
  'Citi_leba_url',
  'Citi_programme',
  'Citi_country',
  'EU_ref_num',
] as const;

/** Number of fields in every v1.0 row. */
export const COLUMN_COUNT = COLUMNS.length;

/** Positions of the columns the mapper reads. */
export const COL = {
  dateFile: 0,
  entityId: 1,
  subjectType: 2,
  lebaNumtitle: 3,
  lebaDate: 4,
  lebaUrl: 5,
  programme: 6,
  entityRemark: 7,
  naalId: 8,
  naalEntityId: 9,
  naalLastname: 14,
  naalFirstname: 15,
  naalMiddlename: 16,
  naalWholename: 17,
  naalGender: 18,
  naalTitle: 19,
  naalFunction: 20,
  naalLanguage: 21,
  addrId: 22,
  addrEntityId: 23,
  addrNumber: 28,
  addrStreet: 29,
  addrZipcode: 30,
  addrCity: 31,
  addrCountry: 32,
  addrOther: 33,
  birtId: 34,
  birtEntityId: 35,
  birtDate: 40,
  birtPlace: 41,
  birtCountry: 42,
  idenId: 43,
  idenEntityId: 44,
  idenNumber: 49,
  idenCountry: 50,
  citiId: 51,
  citiEntityId: 52,
  citiCountry: 57,
  euRefNum: 58,
} as const;

/**
 * Unique keys for the `raw` row objects: a repeated `Entity_logical_id` is prefixed with its
 * section (`Naal.Entity_logical_id`), so no column overwrites another.
 */
export const RAW_KEYS: readonly string[] = COLUMNS.map((name, i) =>
  i > 1 && name === 'Entity_logical_id' ? `${COLUMNS[i - 1]!.split('_')[0]}.${name}` : name,
);

/**
 * Throws INPUT_REFUSED unless `fields` is the v1.0 header. The first column is matched by prefix
 * because published copies write it as `Date_file` or `Date_filexxxx`.
 */
export function checkHeader(path: string, fields: readonly string[]): void {
  const where = { file: path, line: 1 };
  const got = fields.map((f) => f.trim());
  if (got.length !== COLUMN_COUNT) {
    throw refused(
      `${path}: line 1: header does not match the EU FSF CSV v1.0 layout: expected ${COLUMN_COUNT} columns, found ${got.length} (${preview(got)})`,
      where,
    );
  }
  for (let i = 0; i < COLUMN_COUNT; i++) {
    const ok =
      i === 0 ? /^Date_file/i.test(got[0]!) : got[i]!.toLowerCase() === COLUMNS[i]!.toLowerCase();
    if (!ok) {
      throw refused(
        `${path}: line 1: header does not match the EU FSF CSV v1.0 layout: column ${i + 1} is "${got[i]}", expected "${COLUMNS[i]}"`,
        { ...where, field: COLUMNS[i] },
      );
    }
  }
}

/**
 * Names the list a first line belongs to when it is plainly not an EU v1.0 file, so the operator
 * learns which file was given in its place. Returns undefined when it cannot tell.
 */
export function otherListHint(firstLine: string): string | undefined {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  const lower = line.toLowerCase();
  if (lower.startsWith('<')) return 'an XML file (the UN or EU XML list?)';
  if (lower.includes('filegenerationdate') || lower.includes('entity_logicalid'))
    return 'an EU FSF CSV of the later v1.1 layout, which this parser does not read';
  if (lower.startsWith('last updated')) return 'a UK OFSI ConList.csv';
  if (lower.startsWith('"name"\t') || lower.startsWith('name\t'))
    return 'a BIS Denied Persons List (dpl.txt)';
  if (/^\d+,/.test(line)) return 'an OFAC legacy CSV (sdn.csv, alt.csv, add.csv…)';
  return undefined;
}

function preview(fields: readonly string[]): string {
  const text = fields.slice(0, 3).join(';');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
