/**
 * @module
 * Reads dpl.txt. The list is small (a few hundred rows) and the rows of one party need not be
 * adjacent, so rows are gathered by record id first and mapped once the file is read.
 */
import { refused, type ListedEntity, type ParseContext } from '../../core/index.ts';
import { readCsv } from '../_csv.ts';
import { sniff } from '../_sniff.ts';
import { recordId } from './ids.ts';
import { columnIndex, COLUMNS, otherListHint, type Column, type DplRow } from './layout.ts';
import { mapParty } from './map.ts';
import { detectEncoding } from '../_text.ts';

const WHAT = 'the BIS Denied Persons List (dpl.txt)';

/** Parses one dpl.txt. It states no publication date, so none is set. */
export async function* parseDpl(path: string, ctx: ParseContext): AsyncGenerator<ListedEntity> {
  const head = sniff(path, WHAT);
  // Before CSV parsing: another list's quoting would otherwise fail with a bare CSV error.
  const firstLine = head.toString('latin1').split('\n', 1)[0] ?? '';
  if (!firstLine.includes('\t')) {
    const hint = otherListHint(firstLine);
    throw refused(
      hint
        ? `${path}: line 1: this looks like ${hint}, not ${WHAT}`
        : `${path}: line 1: header is not tab-separated, so this is not ${WHAT}`,
      { file: path, line: 1 },
    );
  }
  const encoding = await detectEncoding(path, 'latin1');
  const groups = new Map<string, DplRow[]>();
  let index: Record<Column, number> | undefined;
  let width = 0;
  let rowCount = 0;
  for await (const { line, fields } of readCsv(path, { encoding, delimiter: '\t' })) {
    if (!index) {
      index = columnIndex(path, fields);
      width = fields.length;
      continue;
    }
    if (fields.length !== width)
      throw refused(`${path}: line ${line}: expected ${width} fields, found ${fields.length}`, {
        file: path,
        line,
      });
    const values = {} as Record<Column, string>;
    for (const col of COLUMNS) values[col] = fields[index[col]]!;
    if (!values.Name.trim())
      throw refused(`${path}: line ${line}: Name is empty`, { file: path, line, field: 'Name' });
    rowCount++;
    const id = recordId(values.Name, values.FR_Citation);
    const rows = groups.get(id);
    if (rows) rows.push({ line, values });
    else groups.set(id, [{ line, values }]);
  }
  if (!index) throw refused(`${path}: no header line`, { file: path, line: 1 });
  if (!rowCount)
    throw refused(`${path}: the file has a header but no data row`, { file: path, line: 2 });
  ctx.countRecords(path, rowCount);
  for (const [id, rows] of groups) yield mapParty(id, rows, path, ctx);
}
