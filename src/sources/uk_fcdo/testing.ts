/**
 * @module
 * Test support (used only by the *.test.ts files beside it): runs the parser on a file with a
 * ParseContext that records what the parser reports.
 */
import { collectParse, fixturePath, type Collected } from '../_testing.ts';
import { source } from './index.ts';

export type { Collected };

/** Parses `path` as the UK Sanctions List and collects entities, warnings, publication date and counts. */
export function collect(path: string): Promise<Collected> {
  return collectParse(source, { list: path });
}

/** Path of a hand-written fixture in test/fixtures/uk_fcdo/. */
export function fixture(name: string): string {
  return fixturePath('uk_fcdo', name);
}
