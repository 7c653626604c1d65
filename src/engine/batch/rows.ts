/**
 * @module
 * Turning one input record (CSV fields or a JSON line) into a screening query, or into the error
 * that says why it cannot be one. Only a record with no usable name (or a broken shape) is an
 * error: odd bytes and characters in a value are warnings, and qualifiers that cannot be read are
 * dropped, with a warning, when the row is screened (see engine/lenient.ts).
 */
import {
  EmbargoError,
  ERROR_CODES,
  type ScreeningQuery,
  type SchemaName,
} from '../../core/index.ts';
import type { BatchRow, Columns, RowError } from './types.ts';

/**
 * Names longer than this are refused rather than screened. The engine cuts names at 300
 * characters with a warning; anything over 1,000 is not a name but a misaligned column or a
 * pasted document, and screening its first 300 characters would give a meaningless answer.
 */
export const ABSURD_NAME_LENGTH = 1000;

/** Longest JSON line (in bytes) read at all. */
export const MAX_LINE_BYTES = 1024 * 1024;

// C0 and C1 control characters other than tab and line breaks (which a quoted CSV field may hold
// and which read as spaces): never part of a name, usually a sign of binary or mangled data.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** An error about one row's content. */
export function rowError(message: string, code: string = ERROR_CODES.INVALID_QUERY): RowError {
  return { code, message };
}

/** The code point of a character as written in Unicode charts (U+0007). */
const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is odd about a field's value but does not stop the row being screened: bytes that were
 * not UTF-8 (decoded as U+FFFD) and control characters (read as spaces). The qualifiers holding
 * them are then dropped, with their own warning, when screening cannot read them.
 */
function valueWarning(field: string, value: string): string | undefined {
  if (value.includes('\uFFFD'))
    return `${field} has bytes that are not UTF-8, replaced with U+FFFD (is the file in another encoding?)`;
  const c = CONTROL.exec(value)?.[0];
  if (c !== undefined)
    return `${field} contains a control character (${codePoint(c)}), read as a space`;
  return undefined;
}

/** Why a name cannot be screened, or undefined when it can. */
export function nameProblem(field: string, value: string): string | undefined {
  if (value.length > ABSURD_NAME_LENGTH)
    return `${field} is ${value.length.toLocaleString('en-US')} characters long (at most ${ABSURD_NAME_LENGTH.toLocaleString('en-US')})`;
  return undefined;
}

/** The warnings of a row's values (see {@link valueWarning}), one per field at most. */
export function valueWarnings(values: [string, string][]): string[] {
  const out: string[] = [];
  for (const [field, value] of values) {
    const w = valueWarning(field, value);
    if (w) out.push(w);
  }
  return out;
}

/** Column positions in a CSV header. */
export interface ColumnIndex {
  name: number;
  dob: number | undefined;
  country: number | undefined;
  schema: number | undefined;
  id: number | undefined;
}

/** Finds the named columns in a header (see {@link findColumn}). */
export function resolveColumns(header: string[], columns: Columns, file: string): ColumnIndex {
  const find = (flag: string, col: string | undefined) =>
    col === undefined ? undefined : findColumn(header, col, flag, file);
  return {
    name: find('--name-col', columns.name)!,
    dob: find('--dob-col', columns.dob),
    country: find('--country-col', columns.country),
    schema: find('--schema-col', columns.schema),
    id: find('--id-col', columns.id),
  };
}

/**
 * The position of column `col` (given by option `flag`) in a header: exact, or else ignoring case
 * and surrounding blanks. Missing, it is a usage error naming it and the header's columns, or
 * undefined when `optional`.
 */
export function findColumn(header: string[], col: string, flag: string, file: string): number;
export function findColumn(
  header: string[],
  col: string,
  flag: string,
  file: string,
  optional: true,
): number | undefined;
export function findColumn(
  header: string[],
  col: string,
  flag: string,
  file: string,
  optional = false,
): number | undefined {
  let i = header.indexOf(col);
  if (i < 0) i = header.findIndex((h) => h.trim().toLowerCase() === col.trim().toLowerCase());
  if (i >= 0 || optional) return i >= 0 ? i : undefined;
  throw new EmbargoError(
    ERROR_CODES.USAGE,
    `${file}: no column "${col}" (${flag}); the header has: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    { file, line: 1, field: col },
  );
}

/** Builds the row for one CSV record. */
export function csvRow(
  row: number,
  fields: string[],
  header: string[],
  cols: ColumnIndex,
): BatchRow {
  const id = cols.id === undefined ? undefined : fields[cols.id];
  const given = fields[cols.name]?.trim();
  const base = {
    row,
    ...(id !== undefined && { id }),
    ...(given !== undefined && { name: given }),
  };
  if (fields.length !== header.length) {
    // A short row cannot be trusted: its values may sit under the wrong columns.
    const input = Object.fromEntries(fields.map((f, i) => [header[i] ?? `#${i + 1}`, f]));
    const error = rowError(
      `${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.length}`,
      ERROR_CODES.INPUT_REFUSED,
    );
    return { ...base, input, error };
  }
  const get = (i: number | undefined) => (i === undefined ? '' : fields[i]!.trim());
  const name = get(cols.name);
  const dob = get(cols.dob);
  const country = get(cols.country);
  const query: ScreeningQuery = {
    schema: (get(cols.schema) || 'Thing') as SchemaName,
    properties: {
      name: [name],
      ...(dob && { birthDate: [dob] }),
      ...(country && { nationality: [country] }),
    },
  };
  const problem = !name ? 'name is empty' : nameProblem('name', name);
  if (problem) return { ...base, input: query, error: rowError(problem) };
  const warnings = valueWarnings([
    ['name', name],
    ['birthDate', dob],
    ['nationality', country],
    ['schema', get(cols.schema)],
    ...(id !== undefined ? ([['id', id]] as [string, string][]) : []),
  ]);
  return { ...base, input: query, query, ...(warnings.length && { warnings }) };
}

/** Longest part of a bad JSON line echoed back in the output. */
const ECHO = 200;

/** Builds the row for one JSON line (an FtM-style query entity). */
export function jsonRow(row: number, line: string): BatchRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const input = line.length > ECHO ? line.slice(0, ECHO) + '…' : line;
    const why = err instanceof Error ? err.message : String(err);
    return { row, input, error: rowError(`invalid JSON: ${why}`, ERROR_CODES.INPUT_REFUSED) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { row, input: value, error: rowError('not a JSON object', ERROR_CODES.INPUT_REFUSED) };
  const entity = value as { id?: unknown; schema?: unknown; properties?: unknown };
  const id =
    typeof entity.id === 'string' || typeof entity.id === 'number' ? String(entity.id) : undefined;
  const props = entity.properties as { name?: unknown } | undefined;
  const name =
    Array.isArray(props?.name) && typeof props.name[0] === 'string' ? props.name[0] : undefined;
  const base = {
    row,
    input: value,
    ...(id !== undefined && { id }),
    ...(name !== undefined && { name }),
  };
  const problem = entityProblem(entity);
  if (problem) return { ...base, error: rowError(problem) };
  const warnings: string[] = [];
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(entity.properties as Record<string, unknown>)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      warnings.push(`properties.${prop} is not a list of strings; dropped`);
      continue;
    }
    properties[prop] = values as string[];
    warnings.push(...valueWarnings((values as string[]).map((v) => [prop, v])));
  }
  const query: ScreeningQuery = {
    schema: (entity.schema ?? 'Thing') as SchemaName,
    properties,
  };
  return { ...base, query, ...(warnings.length && { warnings: [...new Set(warnings)] }) };
}

/**
 * Why a parsed JSON entity cannot be a query, or undefined when it can: only its shape and its
 * names count here. A bad qualifier costs the row that qualifier, not its screening.
 */
function entityProblem(e: { schema?: unknown; properties?: unknown }): string | undefined {
  if (e.schema !== undefined && typeof e.schema !== 'string') return 'schema must be a string';
  if (!e.properties || typeof e.properties !== 'object' || Array.isArray(e.properties))
    return 'properties must be an object of value lists';
  const props = e.properties as Record<string, unknown>;
  for (const prop of ['name', 'alias']) {
    const values = props[prop];
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      return `properties.${prop} must be a list of strings`;
    for (const v of values as string[]) {
      const p = nameProblem(prop, v);
      if (p) return p;
    }
  }
  const names = (props.name as string[] | undefined) ?? [];
  if (names.length && names.every((n) => !n.trim())) return 'name is empty';
  return undefined;
}
