/**
 * @module
 * Exit codes, the same for every command (documented in the README).
 */
import { ERROR_CODES, type EmbargoError, type ErrorCode } from '../core/index.ts';

/** Process exit codes. */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** A finding the caller asked to fail on (`--fail-on-match`, a BLOCK verdict). */
  FINDING: 1,
  /** Usage error: unknown command, option, source or malformed option value. */
  USAGE: 2,
  /**
   * Input refused: a file or id that cannot be used; nothing was changed. Also: not ready, no
   * list loaded to screen or judge against (E_NOT_READY).
   */
  REFUSED: 3,
  /** Internal error (a bug, or the store failed). */
  INTERNAL: 70,
  /** Try again later: another process kept the store's write lock too long (EX_TEMPFAIL). */
  BUSY: 75,
} as const;

const BY_CODE: Record<ErrorCode, number> = {
  [ERROR_CODES.USAGE]: EXIT.USAGE,
  [ERROR_CODES.INVALID_QUERY]: EXIT.USAGE,
  [ERROR_CODES.UNKNOWN_SOURCE]: EXIT.USAGE,
  [ERROR_CODES.INPUT_REFUSED]: EXIT.REFUSED,
  [ERROR_CODES.NOT_FOUND]: EXIT.REFUSED,
  [ERROR_CODES.INVALID_ENTITY]: EXIT.REFUSED,
  [ERROR_CODES.UNKNOWN_ID]: EXIT.REFUSED,
  [ERROR_CODES.STORE]: EXIT.INTERNAL,
  [ERROR_CODES.INTERNAL]: EXIT.INTERNAL,
  // Nothing was checked, so there is no answer to give: refused, as an unusable input is.
  [ERROR_CODES.NOT_READY]: EXIT.REFUSED,
  [ERROR_CODES.BUSY]: EXIT.BUSY,
};

/** The exit code for an error. */
export function exitCodeFor(err: EmbargoError): number {
  return BY_CODE[err.code] ?? EXIT.INTERNAL;
}
