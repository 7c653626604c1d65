/**
 * @module
 * Streaming sdn.xml / consolidated.xml: the root is checked (a file of another list or format is
 * refused, saying what it is), `publshInformation` (OFAC's spelling) is read into a
 * {@link PublishInfo}, and the `sdnEntry` elements are handed out one at a time.
 */
import { partialDate, refused } from '../../../core/index.ts';
import { describeXmlRoot, readXmlElements, xmlText, type XmlElement } from '../../_xml.ts';

/** What `publshInformation` states. */
export interface PublishInfo {
  /** Publish_Date as YYYY-MM-DD; undefined when it is missing or not a MM/DD/YYYY date. */
  date?: string | undefined;
  dateText?: string | undefined;
  recordCount?: number | undefined;
  line: number;
}

/** Reads publshInformation (also the corrected spelling, should OFAC ever fix it). */
const PUBLISH = ['publshInformation', 'publishInformation'];

/**
 * Streams the `sdnEntry` elements (and the publication element) of an sdnList document.
 * `onPublish` receives the publication information when it is read.
 */
export async function* readSdnList(
  path: string,
  what: string,
  onPublish?: (info: PublishInfo) => void,
): AsyncGenerator<XmlElement> {
  const elements = readXmlElements(path, {
    elements: [...PUBLISH, 'sdnEntry'],
    onRoot: (root) => {
      if (root.name === 'sdnList') return;
      const known = describeXmlRoot(root.name);
      throw refused(
        `${path}: line ${root.line}: root element <${root.name}>${known ? ` (${known})` : ''}: not ${what}, whose root is <sdnList>`,
        { file: path, line: root.line },
      );
    },
  });
  for await (const el of elements) {
    if (PUBLISH.includes(el.name)) onPublish?.(publishInfo(el));
    else yield el;
  }
}

function publishInfo(el: XmlElement): PublishInfo {
  const dateText = xmlText(el, 'Publish_Date');
  const m = dateText && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(dateText);
  const date = m ? partialDate(Number(m[3]), Number(m[1]), Number(m[2])) : undefined;
  const count = xmlText(el, 'Record_Count');
  return {
    date: date && date.length === 10 ? date : undefined,
    dateText,
    recordCount: count && /^\d+$/.test(count) ? Number(count) : undefined,
    line: el.line,
  };
}
