/**
 * @module
 * Test support: a ParseContext that records what a parser reports, and a collector that runs a
 * source over a folder of files the way the loader would (roles matched by file name).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ListedEntity,
  ListSource,
  ParseContext,
  ParseWarning,
  SourceFormat,
} from '../../core/index.ts';

/** A ParseContext that keeps everything it is told. */
export interface RecordingContext extends ParseContext {
  warnings: ParseWarning[];
  counts: Map<string, number>;
  publicationDate?: string;
}

/** A fresh recording context. */
export function recordingContext(): RecordingContext {
  const ctx: RecordingContext = {
    warnings: [],
    counts: new Map(),
    warn: (w) => void ctx.warnings.push(w),
    setPublicationDate: (d) => void (ctx.publicationDate = d),
    countRecords: (file, n) => void ctx.counts.set(file, n),
  };
  return ctx;
}

/** Roles → paths for the files of `dir` that match the file patterns of a source or format. */
export function filesIn(source: ListSource | SourceFormat, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const spec = source.files.find((f) => f.pattern.test(name));
    if (spec) out[spec.role] = join(dir, name);
  }
  return out;
}

/** Parses a set of files (with a source's primary format, or a given format). */
export async function collect(
  source: ListSource | SourceFormat,
  files: Record<string, string>,
): Promise<{ entities: ListedEntity[]; ctx: RecordingContext }> {
  const ctx = recordingContext();
  const entities: ListedEntity[] = [];
  for await (const e of source.parse(files, ctx)) entities.push(e);
  return { entities, ctx };
}
