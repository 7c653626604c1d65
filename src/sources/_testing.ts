/**
 * @module
 * Test support shared by the sources' tests (never used by a parser): runs a format's parser to
 * the end with a ParseContext that records what it is told, and locates hand-written fixtures.
 */
import { fileURLToPath } from 'node:url';
import type { ListedEntity, ParseWarning, SourceFormat } from '../core/index.ts';

/** Everything one parse produced. */
export interface Collected {
  entities: ListedEntity[];
  warnings: ParseWarning[];
  publicationDate: string | undefined;
  counts: Record<string, number>;
}

/** Parses `files` (role → path) with `format` and collects entities, warnings, date and counts. */
export async function collectParse(
  format: Pick<SourceFormat, 'parse'>,
  files: Record<string, string>,
): Promise<Collected> {
  const out: Collected = { entities: [], warnings: [], publicationDate: undefined, counts: {} };
  const ctx = {
    warn: (w: ParseWarning) => void out.warnings.push(w),
    setPublicationDate: (d: string) => void (out.publicationDate = d),
    countRecords: (file: string, n: number) => void (out.counts[file] = n),
  };
  for await (const e of format.parse(files, ctx)) out.entities.push(e);
  return out;
}

/** Path of a hand-written fixture in test/fixtures/<folder>/. */
export function fixturePath(folder: string, name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/${folder}/${name}`, import.meta.url));
}
