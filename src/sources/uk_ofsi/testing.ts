/**
 * @module
 * Test support for this source: runs the parser with a ParseContext that records what it is told.
 * Not used by the parser itself.
 */
import type { ListedEntity, ParseWarning } from '../../core/index.ts';
import { collectParse } from '../_testing.ts';
import { source } from './index.ts';

/** Everything one parse produced. */
export interface ParseResult {
  entities: ListedEntity[];
  warnings: ParseWarning[];
  publicationDate?: string;
  counts: Record<string, number>;
  /** Wall-clock time of the parse, in milliseconds. */
  ms: number;
}

/** Parses a ConList file to the end, collecting entities, warnings, counts and the date. */
export async function parseFile(path: string): Promise<ParseResult> {
  const start = performance.now();
  const { publicationDate, ...rest } = await collectParse(source, { conlist: path });
  return {
    ...rest,
    ...(publicationDate !== undefined && { publicationDate }),
    ms: performance.now() - start,
  };
}

/** The error a parse throws, or fails when it throws none. */
export async function parseError(path: string): Promise<Error & { code?: string; line?: number }> {
  try {
    await parseFile(path);
  } catch (err) {
    return err as Error & { code?: string; line?: number };
  }
  throw new Error(`expected ${path} to be refused`);
}
