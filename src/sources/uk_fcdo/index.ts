/**
 * @module
 * The UK Sanctions List published by the Foreign, Commonwealth and Development Office, XML format
 * (`UK_Sanctions_List.xml`, served as `UK-Sanctions-List.xml`; root `<Designations>`). Since 28
 * January 2026 it is the UK's single list of sanctions designations; the OFSI Consolidated List it
 * replaced stays readable as `uk_ofsi` for history.
 *
 * Every `<Designation>` becomes a Person (Individual), an Organization or Company (Entity) or a
 * Vessel (Ship), id `uk_fcdo-<UniqueID>` (`uk_fcdo-RUS0001`), programs `[RegimeName, UN list
 * prefix]`, topic `sanction`, with one Sanction entity each (listingDate = DateDesignated). The
 * publication date is `<DateGenerated>`. See map.ts for the field mapping.
 *
 * Element names were checked against readers of the published file (the FCDO's own guidance
 * describes the fields, not the XML); comments beside the code say where those disagree.
 */
import {
  refused,
  type ListedEntity,
  type ListSource,
  type ParseContext,
} from '../../core/index.ts';
import type { RecordContext } from './fields.ts';
import { AUTHORITY, mapDesignation } from './map.ts';
import { readDesignations } from './read.ts';

/** The official download: the FCDO serves each format at a stable address. */
export const DOWNLOAD_URL = 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml';

/** The UK Sanctions List source. */
export const source: ListSource = {
  id: 'uk_fcdo',
  title: 'UK Sanctions List (FCDO)',
  authority: AUTHORITY,
  url: 'https://www.gov.uk/government/publications/the-uk-sanctions-list',
  licence: 'Open Government Licence v3.0 (Crown copyright)',
  formatId: 'xml',
  format: 'XML (UK_Sanctions_List.xml, root Designations, one Designation per target), UTF-8',
  files: [
    {
      role: 'list',
      pattern: /^(?:uk[_-]sanctions[_-]list|uk_fcdo)\.xml$/i,
      required: true,
      description:
        'The UK Sanctions List XML: <DateGenerated> and one <Designation> per person, entity or ship.',
    },
  ],
  parse,
  download: {
    formatId: 'xml',
    files: [{ role: 'list', url: DOWNLOAD_URL, name: 'UK_Sanctions_List.xml' }],
  },
};

/**
 * Streams the entities of the list file. Refuses the file when two designations share a UniqueID,
 * since ids must be unique within a load.
 */
async function* parse(
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const path = files.list;
  if (!path) throw refused('uk_fcdo: no list file given (role "list")', {});
  const seen = new Map<string, number>();
  for await (const el of readDesignations(path, ctx)) {
    const rctx: RecordContext = {
      file: path,
      record: `Designation at line ${el.line}`,
      warn: (w) => ctx.warn(w),
    };
    const entity = mapDesignation(el, rctx);
    const first = seen.get(entity.sourceRecordId);
    if (first !== undefined)
      throw refused(
        `${path}: line ${el.line}: duplicate UniqueID ${entity.sourceRecordId} (first at line ${first})`,
        { file: path, line: el.line, record: entity.sourceRecordId },
      );
    seen.set(entity.sourceRecordId, el.line);
    yield entity;
  }
}
