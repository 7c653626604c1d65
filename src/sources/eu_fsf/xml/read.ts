/**
 * @module
 * Streams the `<sanctionEntity>` elements of the EU FSF XML export (xmlFullSanctionsList_1_1,
 * schema_1_1.xsd): checks that the file is that export (root `<export>` in the FSD export
 * namespace), reports its `generationDate` as the publication date and counts the records.
 *
 * The official file puts everything in the default namespace (`<export xmlns="…">`), but tools
 * that re-serialise it write a prefix (`<fsdexport:export xmlns:fsdexport="…">`). The prefix is
 * learnt from the root and stripped from every element name, so the mapper sees local names only.
 */
import { isPartialDate, refused, type ParseContext } from '../../../core/index.ts';
import { sniff } from '../../_sniff.ts';
import {
  describeXmlRoot,
  readXmlElements,
  readXmlRoot,
  type XmlElement,
  type XmlRoot,
} from '../../_xml.ts';

/** Namespace of the export (schema_1_1.xsd's targetNamespace). */
export const NAMESPACE = 'http://eu.europa.ec/fpi/fsd/export';
/** Local name of the root element. */
export const ROOT = 'export';
/** Local name of the record element. */
export const RECORD = 'sanctionEntity';
const WHAT = 'the EU FSF consolidated list XML (xmlFullSanctionsList_1_1, root <export>)';

/**
 * Yields every `<sanctionEntity>` in document order, element names without a namespace prefix.
 * @throws INPUT_REFUSED naming file and line for an empty file, an HTML page, a file that is not
 * XML or is malformed or truncated, a root other than `<export>`, an `<export>` in another
 * namespace, and an export without a single `<sanctionEntity>`.
 */
export async function* readEuRecords(path: string, ctx: ParseContext): AsyncGenerator<XmlElement> {
  sniff(path, WHAT);
  // Reading the root first costs one chunk and tells which prefix the record elements carry.
  const prefix = checkRoot(path, await readXmlRoot(path));
  let count = 0;
  for await (const el of readXmlElements(path, {
    elements: [prefix + RECORD],
    onRoot: (root) => setPublicationDate(path, root, ctx),
  })) {
    count++;
    yield prefix ? unprefixed(el, prefix) : el;
  }
  if (!count)
    throw refused(`${path}: no <${RECORD}> elements in <${ROOT}>; expected ${WHAT}`, {
      file: path,
      line: 1,
    });
  ctx.countRecords(path, count);
}

/** Refuses a file whose root is not the FSD `<export>`; returns the root's prefix (`x:` or ''). */
function checkRoot(path: string, root: XmlRoot): string {
  const colon = root.name.indexOf(':');
  const prefix = colon < 0 ? '' : root.name.slice(0, colon + 1);
  const local = root.name.slice(prefix.length);
  const where = { file: path, line: root.line, field: root.name };
  if (local !== ROOT) {
    const known = describeXmlRoot(local);
    throw refused(
      `${path}: line ${root.line}: root element is <${root.name}>, expected <${ROOT}>: ` +
        (known ? `this looks like ${known}, not ${WHAT}` : `this is not ${WHAT}`),
      where,
    );
  }
  // A copy without the namespace declaration is still read; a different namespace is another
  // document type that happens to call its root `export`.
  const ns = root.attrs[prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns'];
  if (ns !== undefined && ns.trim() !== NAMESPACE)
    throw refused(
      `${path}: line ${root.line}: <${root.name}> is in namespace "${ns}", expected "${NAMESPACE}": this is not ${WHAT}`,
      where,
    );
  return prefix;
}

/** `generationDate="2024-12-11T21:24:35.826+01:00"` → 2024-12-11, the date as the EU wrote it. */
function setPublicationDate(path: string, root: XmlRoot, ctx: ParseContext): void {
  const generated = root.attrs.generationDate?.trim();
  const day = generated?.slice(0, 10);
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day) && isPartialDate(day)) ctx.setPublicationDate(day);
  else
    ctx.warn({
      message: `${path}: line ${root.line}: ${generated ? `invalid generationDate "${generated}"` : 'no generationDate'} on <${root.name}>; publication date unknown`,
      file: path,
      line: root.line,
      field: 'generationDate',
    });
}

/** The element with `prefix` removed from its own and its descendants' names. */
function unprefixed(el: XmlElement, prefix: string): XmlElement {
  return {
    ...el,
    name: el.name.startsWith(prefix) ? el.name.slice(prefix.length) : el.name,
    children: el.children.map((c) => unprefixed(c, prefix)),
  };
}
