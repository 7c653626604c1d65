/**
 * @module
 * Books and cap balances as files: the CLI opens them and hands the engine streams and data
 * (issue 18: files exist only in the CLI). A book's verdicts are written through a temporary file
 * renamed into place, so a failed run leaves no half-written output.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { EmbargoError, ERROR_CODES, refused } from '../core/index.ts';
import {
  BookTally,
  jsonLines,
  parseOpeningBalances,
  type BookItem,
  type OpeningBalance,
} from '../engine/index.ts';
import { writeOutput } from './batch/output.ts';

/**
 * The records of a book file (one transaction per line, JSONL), read as the engine asks for them;
 * a missing file is NOT_FOUND before anything is read.
 */
export function bookRecords(file: string): AsyncIterable<unknown> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${file}: no such file`, { file });
  if (!stat.isFile()) throw refused(`${file}: not a file`, { file });
  return jsonLines(createReadStream(file, { highWaterMark: 64 * 1024 }), file);
}

/** Opening cap balances from `--cap-usage FILE`: a JSON array of {measure, period, quantity, unit}. */
export function readCapUsage(file: string): OpeningBalance[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${file}: no such file`, { file });
    throw refused(`${file}: not valid JSON (${(err as Error).message})`, { file }, err);
  }
  return parseOpeningBalances(data, file);
}

/**
 * Writes a book's items to `output`, one JSON line each (a verdict, or `{"line", "error"}`), in
 * the order given, and counts them. Nothing is written when the first item fails to come (no list
 * loaded, an unknown scenario): the output is opened once the engine has given its first item.
 */
export async function writeBook(
  output: string,
  items: AsyncIterable<BookItem>,
): Promise<BookTally> {
  const tally = new BookTally();
  await writeOutput(output, items[Symbol.asyncIterator](), (item, out) => {
    tally.add(item);
    const line =
      'error' in item
        ? JSON.stringify({ line: item.line, error: item.error.toJSON() })
        : JSON.stringify(item);
    return out.write(line, '\n');
  });
  return tally;
}
