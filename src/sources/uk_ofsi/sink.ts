/**
 * @module
 * Per-target bookkeeping shared by the mapping steps: which values were already handled (a target
 * repeats most of its columns on every one of its name rows) and warnings that name the line.
 */
import {
  addValues,
  schemaProperties,
  type ListedEntity,
  type ParseContext,
} from '../../core/index.ts';
import type { Column } from './layout.ts';
import type { OfsiRow } from './read.ts';

/** Context of the target being mapped. */
export interface Sink {
  ctx: ParseContext;
  file: string;
  /** Group ID, for warnings. */
  record: string;
  /** Values already handled, per column. */
  seen: Map<Column, Set<string>>;
}

/** A new sink for one target. */
export function newSink(ctx: ParseContext, file: string, record: string): Sink {
  return { ctx, file, record, seen: new Map() };
}

/**
 * True the first time a column's value is met in the target, false after. Lets each distinct
 * value be read, and warned about, once rather than once per name row.
 */
export function firstTime(sink: Sink, column: Column, value: string): boolean {
  let values = sink.seen.get(column);
  if (!values) sink.seen.set(column, (values = new Set()));
  if (values.has(value)) return false;
  values.add(value);
  return true;
}

/** Warns about a column's value, naming the line that carries it. */
export function warn(sink: Sink, row: OfsiRow, column: Column, problem: string): void {
  sink.ctx.warn({
    message: `${column} ${JSON.stringify(row.record[column].trim())} ${problem}`,
    file: sink.file,
    line: row.line,
    field: column,
    record: sink.record,
  });
}

/**
 * Adds values to a property the entity's schema has; otherwise warns that the source gave the
 * value where it cannot go (e.g. a date of birth on an entity) and drops it.
 */
export function setProp(
  entity: ListedEntity,
  sink: Sink,
  row: OfsiRow,
  column: Column,
  prop: string,
  ...values: string[]
): void {
  const present = values.filter(Boolean);
  if (!present.length) return;
  if (prop in schemaProperties(entity.schema)) addValues(entity, prop, ...present);
  else warn(sink, row, column, `has no place on a ${entity.schema}; dropped`);
}
