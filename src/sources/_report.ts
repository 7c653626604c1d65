/**
 * @module
 * Reporting a value a parser drops, with the file, line, field and record it came from.
 */
import type { ParseContext } from '../core/index.ts';

/** Reports a dropped value: what is wrong, the line it stands on and its column. */
export type Report = (message: string, line: number, field: string) => void;

/** The Report of one record of a file: each warning names the file, line, field and record. */
export function reporter(ctx: ParseContext, path: string, recordId: string): Report {
  return (message, line, field) =>
    ctx.warn({
      message: `${path}: line ${line}: ${message}`,
      file: path,
      line,
      field,
      record: recordId,
    });
}
