/**
 * @module
 * Test support (used only by the *.test.ts files beside it): runs the parser on a file with a
 * ParseContext that records what the parser reports.
 */
import { fileURLToPath } from 'node:url';
import type { ListedEntity, ParseWarning } from '../../core/index.ts';
import { source } from './index.ts';

/** Everything one parse produced. */
export interface Collected {
  entities: ListedEntity[];
  warnings: ParseWarning[];
  publicationDate: string | undefined;
  counts: Record<string, number>;
}

/** Parses `path` as the UK Sanctions List and collects entities, warnings, date and counts. */
export async function collect(path: string): Promise<Collected> {
  const out: Collected = { entities: [], warnings: [], publicationDate: undefined, counts: {} };
  const ctx = {
    warn: (w: ParseWarning) => void out.warnings.push(w),
    setPublicationDate: (d: string) => void (out.publicationDate = d),
    countRecords: (file: string, n: number) => void (out.counts[file] = n),
  };
  for await (const e of source.parse({ list: path }, ctx)) out.entities.push(e);
  return out;
}

/** Path of a hand-written fixture in test/fixtures/uk_fcdo/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/uk_fcdo/${name}`, import.meta.url));
}
