/**
 * @module
 * Books sent in a request body: the engine judges them from the parsed body, in memory (no
 * temporary file), and names them `request body` in its errors, so no server path reaches a client.
 */
import type { EmbargoError } from '../../core/index.ts';

/** An EmbargoError as it appears in a response: `{detail, code}` and where. */
export function errorItem(
  e: EmbargoError | { code: string; message: string; line?: number; field?: string },
) {
  return {
    detail: e.message,
    code: e.code,
    ...(e.line !== undefined && { line: e.line }),
    ...(e.field !== undefined && { field: e.field }),
  };
}
