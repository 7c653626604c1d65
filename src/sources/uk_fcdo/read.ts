/**
 * @module
 * Streams the `<Designation>` records of the UK Sanctions List XML: checks that the file is that
 * list (root `<Designations>`), reports its `<DateGenerated>` as the publication date and counts
 * the records.
 *
 * The generation date is an element, the first child of the root (`<DateGenerated>07/09/2026
 * </DateGenerated>`), not an attribute as on the UN list, so it is read as one more wanted element
 * on the way past the records.
 */
import { refused, type ParseContext } from '../../core/index.ts';
import { sniff } from '../_sniff.ts';
import { describeXmlRoot, readXmlElements, type XmlElement, type XmlRoot } from '../_xml.ts';
import { clean, ukDate } from './fields.ts';

/** Root element of the UK Sanctions List XML. */
export const ROOT = 'Designations';
/** The record element: one designation of a person, entity or ship. */
export const RECORD = 'Designation';
/** The element that dates the file. */
export const GENERATED = 'DateGenerated';
const WHAT = 'the UK Sanctions List XML (UK_Sanctions_List.xml)';

/**
 * Yields every Designation element of the file in document order.
 * @throws INPUT_REFUSED for an empty file, an HTML page, a file that is not XML or is malformed,
 * truncated or not UTF-8, a file of another list (other root element) and a list without records.
 */
export async function* readDesignations(
  path: string,
  ctx: ParseContext,
): AsyncGenerator<XmlElement> {
  sniff(path, WHAT);
  let count = 0;
  let dated = false;
  let rootLine = 1;
  for await (const el of readXmlElements(path, {
    elements: [RECORD, GENERATED],
    encoding: 'utf-8',
    onRoot: (root) => {
      rootLine = root.line;
      checkRoot(path, root);
    },
  })) {
    if (el.name === GENERATED) {
      if (!dated) publicationDate(path, el, ctx);
      dated = true;
      continue;
    }
    count++;
    yield el;
  }
  if (!count)
    throw refused(`${path}: no ${RECORD} records in <${ROOT}>; expected ${WHAT}`, {
      file: path,
      line: rootLine,
    });
  if (!dated)
    ctx.warn({
      message: `no <${GENERATED}> in <${ROOT}>; publication date unknown`,
      file: path,
      line: rootLine,
      field: GENERATED,
    });
  ctx.countRecords(path, count);
}

/** Refuses another root element, naming the list it belongs to when it is one we know. */
function checkRoot(path: string, root: XmlRoot): void {
  if (root.name === ROOT) return;
  const known = describeXmlRoot(root.name);
  throw refused(
    `${path}: line ${root.line}: root element is <${root.name}>, expected <${ROOT}>` +
      (known ? `: this looks like ${known}, not ${WHAT}` : `: this is not ${WHAT}`),
    { file: path, line: root.line, field: root.name },
  );
}

/** Reports `<DateGenerated>` (dd/mm/yyyy) as the publication date; a partial one is no date. */
function publicationDate(path: string, el: XmlElement, ctx: ParseContext): void {
  const text = clean(el.text);
  const date = text ? ukDate(text) : undefined;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.setPublicationDate(date);
  else
    ctx.warn({
      message: text
        ? `invalid ${GENERATED} "${text}"; publication date unknown`
        : `empty <${GENERATED}>; publication date unknown`,
      file: path,
      line: el.line,
      field: GENERATED,
    });
}
