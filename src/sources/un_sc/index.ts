/**
 * @module
 * UN Security Council Consolidated List (XML, sc-sanctions.xsd). Every INDIVIDUAL becomes a
 * Person, every ENTITY an Organization or Company, id `un_sc-<REFERENCE_NUMBER>`
 * (`un_sc-KPi.033`), programs `[UN_LIST_TYPE, reference prefix]` (`["DPRK", "KPi"]`), topic
 * `sanction`, with one Sanction entity each. See map.ts for the field mapping.
 */
import {
  refused,
  type ListedEntity,
  type ListSource,
  type ParseContext,
} from '../../core/index.ts';
import type { RecordContext } from './fields.ts';
import { mapRecord } from './map.ts';
import { readUnRecords } from './read.ts';

/** The UN consolidated list source. */
export const source: ListSource = {
  id: 'un_sc',
  title: 'UN Security Council Consolidated List',
  authority: 'United Nations Security Council',
  url: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
  licence:
    'Official UN public document, published for implementation by all Member States; free to reuse.',
  formatId: 'xml',
  format: 'XML (consolidated.xml, root CONSOLIDATED_LIST, schema sc-sanctions.xsd), UTF-8',
  files: [
    {
      role: 'list',
      pattern: /^(?:un_)?consolidated(?:_list)?\.xml$/i,
      required: true,
      description: 'The consolidated list XML: <INDIVIDUALS> and <ENTITIES> with all UN regimes.',
    },
  ],
  parse,
  download: {
    formatId: 'xml',
    files: [
      {
        role: 'list',
        url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
        name: 'consolidated.xml',
      },
    ],
  },
};

/**
 * Streams the entities of the list file. Refuses the file when two records share a reference
 * number, since ids must be unique within a load.
 */
async function* parse(
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const path = files.list;
  if (!path) throw refused('un_sc: no list file given (role "list")', {});
  const seen = new Map<string, number>();
  for await (const el of readUnRecords(path, ctx)) {
    const rctx: RecordContext = {
      file: path,
      record: `${el.name} at line ${el.line}`,
      warn: (w) => ctx.warn(w),
    };
    const entity = mapRecord(el, rctx);
    const first = seen.get(entity.sourceRecordId);
    if (first !== undefined)
      throw refused(
        `${path}: line ${el.line}: duplicate REFERENCE_NUMBER ${entity.sourceRecordId} (first at line ${first})`,
        { file: path, line: el.line, record: entity.sourceRecordId },
      );
    seen.set(entity.sourceRecordId, el.line);
    yield entity;
  }
}
