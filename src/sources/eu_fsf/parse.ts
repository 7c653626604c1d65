/**
 * @module
 * Streams an EU FSF v1.0 file entity by entity. The export writes all rows of an entity together,
 * so an entity is complete when the next one starts; only one entity's rows are held at a time.
 */
import { refused, type ListedEntity, type ParseContext } from '../../core/index.ts';
import { sniff } from '../_sniff.ts';
import { detectEncoding } from '../_text.ts';
import { COL } from './layout.ts';
import { mapEntity, type EntityRows } from './map.ts';
import { readRows, type RowEvent } from './rows.ts';
import { euDate } from './values.ts';

const WHAT = 'the EU FSF consolidated list CSV (v1.0 layout)';

/** Parses one file; see {@link warnAboutEnd} for how a cut-off end is reported. */
export async function* parseEuFsf(path: string, ctx: ParseContext): AsyncGenerator<ListedEntity> {
  sniff(path, WHAT);
  const encoding = await detectEncoding(path, 'latin1');
  const done = new Set<string>();
  let current: EntityRows | undefined;
  let rowCount = 0;
  let fileDate: { value: string; line: number } | undefined;
  let cut: Extract<RowEvent, { kind: 'cut' }> | undefined;
  let end: Extract<RowEvent, { kind: 'end' }> | undefined;

  for await (const ev of readRows(path, encoding)) {
    if (ev.kind === 'cut') cut = ev;
    if (ev.kind === 'end') end = ev;
    if (ev.kind !== 'row') continue;
    rowCount++;
    const id = ev.fields[COL.entityId]!.trim();
    if (!id)
      throw refused(`${path}: line ${ev.line}: Entity_logical_id is empty`, {
        file: path,
        line: ev.line,
        field: 'Entity_logical_id',
      });
    fileDate = checkFileDate(path, ev.fields[COL.dateFile]!.trim(), ev.line, fileDate, ctx);
    if (current && current.id !== id) {
      const entity = mapEntity(current, path, ctx);
      if (entity) yield entity;
      done.add(current.id);
      current = undefined;
    }
    if (!current) {
      // Holding every entity until the end would defeat streaming; a file that scatters an
      // entity's rows cannot be read this way, and merging two halves later is impossible.
      if (done.has(id))
        throw refused(
          `${path}: line ${ev.line}: rows of entity ${id} are not together (the entity already ended before this line)`,
          { file: path, line: ev.line, record: id },
        );
      current = { id, rows: [] };
    }
    current.rows.push({ line: ev.line, fields: ev.fields });
  }

  if (!current)
    throw refused(`${path}: the file has a header but no complete data row`, {
      file: path,
      line: cut?.line ?? 2,
    });
  ctx.countRecords(path, rowCount);
  warnAboutEnd(path, current, cut, end, ctx);
  const entity = mapEntity(current, path, ctx);
  if (entity) yield entity;
}

/**
 * Says whether the last entity may be incomplete. The v1.0 CSV has no end marker and no record
 * count, and the rows of one entity simply follow each other, so:
 * - a last line that is not a whole record (no closing quote, too few fields) proves the file was
 *   cut: that line is dropped, and the entity it belongs to is cut off for certain;
 * - a file that ends with a whole record looks exactly like a file cut at a line boundary (the
 *   published sample is the first 1,000 lines of the official file and ends with a complete line
 *   and a newline). Nothing in the bytes can confirm the last entity complete, so it is always
 *   reported as "may be cut off"; the operator judges from the file's origin.
 */
function warnAboutEnd(
  path: string,
  last: EntityRows,
  cut: Extract<RowEvent, { kind: 'cut' }> | undefined,
  end: Extract<RowEvent, { kind: 'end' }> | undefined,
  ctx: ParseContext,
): void {
  const lastRow = last.rows[last.rows.length - 1]!.line;
  const span = `lines ${last.rows[0]!.line}–${lastRow}`;
  if (cut && cut.entityId && cut.entityId !== last.id) {
    ctx.warn({
      message: `${path}: line ${cut.line}: truncated: the last line is incomplete (${cut.reason}); last entity ${cut.entityId} starts on it and is cut off, so it is not loaded`,
      file: path,
      line: cut.line,
      record: cut.entityId,
    });
    return;
  }
  if (cut) {
    const certain = cut.entityId === last.id;
    ctx.warn({
      message: `${path}: line ${cut.line}: truncated: the last line is incomplete (${cut.reason}) and was dropped; last entity ${last.id} ${certain ? 'is' : 'may be'} cut off: it is loaded from ${span} only`,
      file: path,
      line: cut.line,
      record: last.id,
    });
    return;
  }
  const ending = end?.terminated
    ? 'a complete record and a newline'
    : 'a complete record without a final newline';
  ctx.warn({
    message: `${path}: line ${lastRow}: last entity ${last.id} may be cut off: the EU CSV v1.0 has no end marker, and a file cut between lines (this one ends with ${ending}) cannot be told from a complete one; the entity is loaded from ${span}`,
    file: path,
    line: lastRow,
    record: last.id,
  });
}

/** Sets the publication date from the first row's `Date_file`; warns once if later rows differ. */
function checkFileDate(
  path: string,
  value: string,
  line: number,
  known: { value: string; line: number } | undefined,
  ctx: ParseContext,
): { value: string; line: number } {
  if (known) {
    if (value !== known.value && known.line > 0) {
      ctx.warn({
        message: `${path}: line ${line}: Date_file "${value}" differs from "${known.value}" on line ${known.line}; the first is kept`,
        file: path,
        line,
        field: 'Date_file',
      });
      return { value: known.value, line: 0 }; // line 0: already warned, stay quiet
    }
    return known;
  }
  const date = euDate(value, line, 'Date_file', (message) =>
    ctx.warn({
      message: `${path}: line ${line}: ${message}`,
      file: path,
      line,
      field: 'Date_file',
    }),
  );
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.setPublicationDate(date);
  return { value, line };
}
