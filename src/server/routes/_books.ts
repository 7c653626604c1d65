/**
 * @module
 * Books sent in a request body, as the engine reads them: a JSONL file. The engine's book readers
 * (trade check in date order on one cap ledger, scenario runs) take a path; the body is written to
 * a private temporary folder, removed when the request is done. Messages that name the file name
 * "the request body" instead, so the server's paths never reach a client.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbargoError, asEmbargoError } from '../../core/index.ts';

/** A temporary book and where its output goes. */
export interface TempBook {
  input: string;
  output: string;
  /** Replaces the folder's paths in a message. */
  scrub(message: string): string;
}

/** Runs `fn` with the transactions written as a JSONL book; cleans up after. */
export async function withBook<T>(
  transactions: unknown[],
  fn: (book: TempBook) => Promise<T> | T,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-http-'));
  const input = join(dir, 'book.jsonl');
  const output = join(dir, 'out.jsonl');
  const scrub = (m: string) => m.split(input).join('request body').split(dir).join('…');
  try {
    // One transaction per line: JSON.stringify never writes a raw newline.
    writeFileSync(input, transactions.map((t) => JSON.stringify(t ?? null)).join('\n') + '\n');
    return await fn({ input, output, scrub });
  } catch (err) {
    const e = asEmbargoError(err);
    if (e.file === undefined || !e.file.startsWith(dir)) throw err;
    throw new EmbargoError(e.code, scrub(e.message), {
      ...(e.line !== undefined && { line: e.line }),
      ...(e.field !== undefined && { field: e.field }),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the JSONL the engine wrote. */
export function readLines(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/** An EmbargoError as it appears in a response: `{detail, code}` and where, without paths. */
export function errorItem(
  e: EmbargoError | { code: string; message: string; line?: number; field?: string },
  scrub: (m: string) => string,
) {
  return {
    detail: scrub(e.message),
    code: e.code,
    ...(e.line !== undefined && { line: e.line }),
    ...(e.field !== undefined && { field: e.field }),
  };
}
