/**
 * @module
 * Test support for the XML format (used only by the *.test.ts files beside it): runs a format's
 * parser with a ParseContext that records what it is told, and locates the hand-written fixtures.
 */
import { EmbargoError, type ListedEntity, type SourceFormat } from '../../../core/index.ts';
import { collectParse, fixturePath, type Collected } from '../../_testing.ts';
import { xmlFormat } from './index.ts';

/** Everything one parse produced, and the entities by source record id. */
export interface Loaded extends Collected {
  byId: Map<string, ListedEntity>;
}

/** Parses `files` with `format` (the XML format unless told) to the end. */
export async function load(
  files: Record<string, string>,
  format: SourceFormat = xmlFormat,
): Promise<Loaded> {
  const out = await collectParse(format, files);
  return { ...out, byId: new Map(out.entities.map((e) => [e.sourceRecordId, e])) };
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
  return fixturePath('eu_fsf', name);
}
