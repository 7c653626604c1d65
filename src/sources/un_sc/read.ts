/**
 * @module
 * Streams the record elements of the UN consolidated list: checks that the file is that list
 * (root `<CONSOLIDATED_LIST>`), reports its `dateGenerated` as the publication date and counts
 * the records.
 */
import { isPartialDate, refused, type ParseContext } from '../../core/index.ts';
import { sniff } from '../_sniff.ts';
import { describeXmlRoot, readXmlElements, type XmlElement, type XmlRoot } from '../_xml.ts';

/** Root element of the consolidated list (sc-sanctions.xsd). */
export const ROOT = 'CONSOLIDATED_LIST';
/** The record elements: INDIVIDUAL → Person, ENTITY → Organization / Company. */
export const RECORD_ELEMENTS = ['INDIVIDUAL', 'ENTITY'] as const;
const WHAT = 'the UN Security Council consolidated list XML (consolidated.xml)';

/**
 * Yields every INDIVIDUAL and ENTITY element of the file in document order.
 * @throws INPUT_REFUSED for an empty file, an HTML page, a file that is not XML or is malformed,
 * truncated or not UTF-8, a file of another list (other root element) and a list without records.
 */
export async function* readUnRecords(path: string, ctx: ParseContext): AsyncGenerator<XmlElement> {
  sniff(path, WHAT);
  let count = 0;
  for await (const el of readXmlElements(path, {
    elements: RECORD_ELEMENTS,
    encoding: 'utf-8',
    onRoot: (root) => checkRoot(path, root, ctx),
  })) {
    count++;
    yield el;
  }
  if (!count)
    throw refused(`${path}: no INDIVIDUAL or ENTITY records in <${ROOT}>; expected ${WHAT}`, {
      file: path,
    });
  ctx.countRecords(path, count);
}

/** Refuses another root element, naming the list it belongs to; reports `dateGenerated`. */
function checkRoot(path: string, root: XmlRoot, ctx: ParseContext): void {
  if (root.name !== ROOT) {
    const known = describeXmlRoot(root.name);
    throw refused(
      `${path}: line ${root.line}: root element is <${root.name}>, expected <${ROOT}>` +
        (known ? `: this looks like ${known}, not ${WHAT}` : `: this is not ${WHAT}`),
      { file: path, line: root.line, field: root.name },
    );
  }
  const generated = root.attrs.dateGenerated?.trim();
  const day = generated?.slice(0, 10);
  if (day && isPartialDate(day) && /^\d{4}-\d{2}-\d{2}/.test(day)) ctx.setPublicationDate(day);
  else
    ctx.warn({
      message: generated
        ? `invalid dateGenerated "${generated}" on <${ROOT}>; publication date unknown`
        : `no dateGenerated on <${ROOT}>; publication date unknown`,
      file: path,
      line: root.line,
      field: 'dateGenerated',
    });
}
