/**
 * @module
 * The one error class of Embargo. Every failure that reaches an edge (CLI, HTTP) carries a stable
 * `code`; the edges map codes to exit codes and HTTP statuses, the core never does.
 */

/** Stable error codes. Add new ones at the end; never rename one. */
export const ERROR_CODES = {
  /** The caller used a command or option wrongly. */
  USAGE: 'E_USAGE',
  /** An input file is structurally unusable (truncated, wrong encoding, wrong format). */
  INPUT_REFUSED: 'E_INPUT_REFUSED',
  /** A file or folder the caller named does not exist. */
  NOT_FOUND: 'E_NOT_FOUND',
  /** An entity failed schema validation. */
  INVALID_ENTITY: 'E_INVALID_ENTITY',
  /** Unknown list source id. */
  UNKNOWN_SOURCE: 'E_UNKNOWN_SOURCE',
  /** A snapshot or entity id that the store does not hold. */
  UNKNOWN_ID: 'E_UNKNOWN_ID',
  /** The store is missing, locked or corrupt. */
  STORE: 'E_STORE',
  /** A bug: anything we did not expect. */
  INTERNAL: 'E_INTERNAL',
  /** A screening query that cannot be screened (no name, bad date, unknown schema…). */
  INVALID_QUERY: 'E_INVALID_QUERY',
  /**
   * Embargo cannot look: no list is loaded (or none of those asked for), so any answer would be
   * a "no match" or CLEAR it did not check. Exit 3, HTTP 503.
   */
  NOT_READY: 'E_NOT_READY',
  /** Another writer holds the store's write lock (a list load in another process) for too long. */
  BUSY: 'E_BUSY',
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where in an input the problem lies, so an operator can open the file at the right place. */
export interface ErrorLocation {
  /** Path of the offending file. */
  file?: string;
  /** 1-based line number in that file. */
  line?: number;
  /** Field, column or XML element concerned. */
  field?: string;
  /** Record id in the source, when the line is not meaningful (XML). */
  record?: string;
}

/** The error every Embargo module throws. */
export class EmbargoError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly record: string | undefined;

  constructor(code: ErrorCode, message: string, where: ErrorLocation = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'EmbargoError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.record = where.record;
  }

  /** JSON shape used on stderr with `--json` and in HTTP error bodies. */
  toJSON(): {
    code: ErrorCode;
    message: string;
    file?: string;
    line?: number;
    field?: string;
    record?: string;
  } {
    return {
      code: this.code,
      message: this.message,
      ...(this.file !== undefined && { file: this.file }),
      ...(this.line !== undefined && { line: this.line }),
      ...(this.field !== undefined && { field: this.field }),
      ...(this.record !== undefined && { record: this.record }),
    };
  }
}

/** Shorthand for the most common error: a file that cannot be used as the list it claims to be. */
export function refused(message: string, where: ErrorLocation, cause?: unknown): EmbargoError {
  return new EmbargoError(ERROR_CODES.INPUT_REFUSED, message, where, cause);
}

/** Turns anything thrown into an EmbargoError, keeping the original as `cause`. */
export function asEmbargoError(err: unknown): EmbargoError {
  if (err instanceof EmbargoError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new EmbargoError(ERROR_CODES.INTERNAL, message, {}, err);
}
