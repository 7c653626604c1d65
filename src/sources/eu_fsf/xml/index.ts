/**
 * @module
 * The EU FSF list in the XML the Commission publishes today ("xmlFullSanctionsList_1_1",
 * schema_1_1.xsd, namespace `http://eu.europa.ec/fpi/fsd/export`): root `<export generationDate
 * globalFileId>` holding one `<sanctionEntity>` per listed person or entity. It maps to the same
 * entities, with the same ids, as the CSV v1.0 format of the same list.
 *
 * File names accepted (see {@link XML_FILE_PATTERN}): `eu_fsf.xml` (what `lists update` saves),
 * the name the EU's download carries (`20260605-FULL-1_1(xsd).xml`), and copies named after the
 * export (`xmlFullSanctionsList_1_1.xml`, `export….xml`, `eu_sanctions….xml`).
 */
import {
  refused,
  type ListedEntity,
  type ParseContext,
  type SourceFormat,
} from '../../../core/index.ts';
import { mapSanctionEntity } from './map.ts';
import { readEuRecords, RECORD } from './read.ts';
import { attr } from './values.ts';

/** Base names of the XML export; matched case-insensitively. */
export const XML_FILE_PATTERN =
  /^(?:eu_fsf|eu_sanctions|xmlFullSanctionsList|export|\d{8}-FULL-1_1)[^/\\]*\.xml$/i;

/** Official address of the full XML export (public token of the FSF site). */
export const XML_URL =
  'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw';

/** The XML 1.1 format of the EU FSF list. */
export const xmlFormat: SourceFormat = {
  formatId: 'xml-1.1',
  format:
    'XML 1.1 (xmlFullSanctionsList_1_1: root <export>, one <sanctionEntity> per listing, UTF-8, every script)',
  files: [
    {
      role: 'xml',
      pattern: XML_FILE_PATTERN,
      required: true,
      description:
        'the full sanctions list XML, version 1.1 (eu_fsf.xml, YYYYMMDD-FULL-1_1(xsd).xml, xmlFullSanctionsList_1_1.xml)',
    },
  ],
  parse: parseXml,
};

/**
 * Streams the entities of the export. Refuses a record without `logicalId` and two records with
 * the same one, since the id of every entity is built from it.
 */
async function* parseXml(
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const path = files.xml;
  if (!path) throw refused('eu_fsf: no file given for the "xml" role', {});
  const seen = new Map<string, number>();
  for await (const el of readEuRecords(path, ctx)) {
    const id = attr(el, 'logicalId');
    const where = { file: path, line: el.line, field: `${RECORD}/@logicalId` };
    if (!id) throw refused(`${path}: line ${el.line}: <${RECORD}> has no logicalId`, where);
    const first = seen.get(id);
    if (first !== undefined)
      throw refused(
        `${path}: line ${el.line}: duplicate <${RECORD}> logicalId ${id} (first at line ${first})`,
        { ...where, record: id },
      );
    seen.set(id, el.line);
    const entity = mapSanctionEntity(el, id, path, ctx);
    if (entity) yield entity;
  }
}
