/**
 * @module
 * Test support for the XML format (used only by the *.test.ts files beside it): runs a format's
 * parser with a ParseContext that records what it is told, and locates the hand-written fixtures.
 */
import { fileURLToPath } from 'node:url';
import {
  EmbargoError,
  type ListedEntity,
  type ParseWarning,
  type SourceFormat,
} from '../../../core/index.ts';
import { xmlFormat } from './index.ts';

/** Everything one parse produced. */
export interface Loaded {
  entities: ListedEntity[];
  byId: Map<string, ListedEntity>;
  warnings: ParseWarning[];
  publicationDate: string | undefined;
  counts: Record<string, number>;
}

/** Parses `files` with `format` (the XML format unless told) to the end. */
export async function load(
  files: Record<string, string>,
  format: SourceFormat = xmlFormat,
): Promise<Loaded> {
  const out: Loaded = {
    entities: [],
    byId: new Map(),
    warnings: [],
    publicationDate: undefined,
    counts: {},
  };
  const ctx = {
    warn: (w: ParseWarning) => void out.warnings.push(w),
    setPublicationDate: (d: string) => void (out.publicationDate = d),
    countRecords: (file: string, n: number) => void (out.counts[file] = n),
  };
  for await (const e of format.parse(files, ctx)) out.entities.push(e);
  out.byId = new Map(out.entities.map((e) => [e.sourceRecordId, e]));
  return out;
}

/** The INPUT_REFUSED error parsing the XML file throws; throws itself when there is none. */
export async function refusal(path: string): Promise<EmbargoError> {
  try {
    await load({ xml: path });
  } catch (err) {
    if (err instanceof EmbargoError && err.code === 'E_INPUT_REFUSED') return err;
    throw err;
  }
  throw new Error(`${path} was not refused`);
}

/** Path of a hand-written fixture in test/fixtures/eu_fsf/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../../test/fixtures/eu_fsf/${name}`, import.meta.url));
}
