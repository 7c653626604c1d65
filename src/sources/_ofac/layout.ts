/**
 * @module
 * The column layouts of OFAC's legacy CSV files. The files have no header row, so these names are
 * the only place the columns are named; they are OFAC's own names from its data specification and
 * key the `raw` objects, so a stored record can be re-mapped later.
 */

/** Columns of sdn.csv / cons_prim.csv. */
export const PRIMARY_COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;

/** Columns of alt.csv / cons_alt.csv. */
export const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'] as const;

/** Columns of add.csv / cons_add.csv. */
export const ADD_COLUMNS = [
  'ent_num',
  'add_num',
  'Address',
  'City/State/Province/Postal Code',
  'Country',
  'Add_remarks',
] as const;

/** Columns of sdn_comments.csv / cons_comments.csv. */
export const COMMENT_COLUMNS = ['ent_num', 'Remarks_Extended'] as const;

/** A primary-file record keyed by column name (null marker kept as written). */
export type PrimaryRecord = Record<(typeof PRIMARY_COLUMNS)[number], string>;
/** An alias record keyed by column name. */
export type AltRecord = Record<(typeof ALT_COLUMNS)[number], string>;
/** An address record keyed by column name. */
export type AddRecord = Record<(typeof ADD_COLUMNS)[number], string>;

/** Keys a row's fields by the column names of a layout. */
export function toRecord<C extends readonly string[]>(
  columns: C,
  fields: string[],
): Record<C[number], string> {
  const out = {} as Record<C[number], string>;
  columns.forEach((name, i) => {
    out[name as C[number]] = fields[i] ?? '';
  });
  return out;
}

/**
 * A field's value, or undefined for OFAC's null marker `-0-` (written `-0- ` with a trailing
 * space) and for blanks.
 */
export function value(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const v = field.trim();
  return v === '' || v === '-0-' ? undefined : v;
}
