/**
 * @module
 * OFAC's XML format (sdn.xml, consolidated.xml): one `sdnList` document of `sdnEntry` elements,
 * under a namespace that has changed over the years (`http://tempuri.org/sdnList.xsd`, then the
 * Sanctions List Service's `…/exports/XML`); names are matched as written, without prefix.
 * Entries map to the same entities, with the same ids, as the legacy CSV.
 */
import {
  refused,
  type ListedEntity,
  type ParseContext,
  type SourceFormat,
} from '../../../core/index.ts';
import { sniff } from '../../_sniff.ts';
import { exactFile } from '../files.ts';
import type { OfacFormatOptions } from '../context.ts';
import { reportLinkStats, singleFileLoad } from '../load.ts';
import { entryWarn, mapOfacEntry } from '../map.ts';
import { NameIndex } from '../names.ts';
import { entryAkas, entryName, entryUid, readSdnEntry } from './entry.ts';
import { readSdnList, type PublishInfo } from './read.ts';

/** The XML format of one OFAC list (`fileName` sdn.xml or consolidated.xml). */
export function ofacXmlFormat(o: OfacFormatOptions): SourceFormat {
  return {
    formatId: 'xml',
    format: `OFAC XML (${o.fileName})`,
    files: [
      exactFile(
        'primary',
        o.fileName,
        true,
        'the whole list: entries with names, aliases, addresses, documents, programmes',
      ),
    ],
    parse: (files, ctx) => parseSdnXml(o, files, ctx),
  };
}

/**
 * Pass 1 reads the names of every entry (for "Linked To" and vessel owners) and, because it
 * reads the whole file, refuses a truncated or malformed one before any entity is handed out.
 * Pass 2 maps and yields the entries.
 */
async function* parseSdnXml(
  o: OfacFormatOptions,
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const path = files.primary;
  if (!path) throw refused(`${o.id}: no ${o.fileName} in the load`, {});
  const what = `OFAC ${o.fileName}`;
  sniff(path, what);

  const names = new NameIndex();
  let count = 0;
  for await (const el of readSdnList(path, what)) {
    if (el.name !== 'sdnEntry') continue;
    count++;
    const uid = entryUid(el, path, what);
    names.addPrimary(entryName(el), uid);
    for (const a of entryAkas(el)) names.addAlias(a.name, uid);
  }
  if (!count) throw refused(`${path}: holds no sdnEntry: not a usable ${what}`, { file: path });

  const load = singleFileLoad(o, path, names, ctx);
  const seen = new Map<string, number>();
  let publish: PublishInfo | undefined;
  for await (const el of readSdnList(path, what, (p) => (publish = p))) {
    if (el.name !== 'sdnEntry') continue;
    const entry = readSdnEntry(el, path, what);
    const earlier = seen.get(entry.recordId);
    if (earlier !== undefined) {
      ctx.warn({
        message: `${path}: line ${el.line}: uid ${entry.recordId} repeats the entry of line ${earlier}; the repeat is skipped`,
        file: path,
        line: el.line,
        record: entry.recordId,
      });
      continue;
    }
    seen.set(entry.recordId, el.line);
    const warn = entryWarn(load, el.line, entry.recordId);
    for (const p of entry.facts.problems) warn(p.field, p.message);
    yield mapOfacEntry(load, entry);
  }
  ctx.countRecords(path, count);
  reportPublication(path, publish, count, ctx);
  reportLinkStats(load, ctx);
}

/** Publication date from Publish_Date, and a warning when Record_Count disagrees with the file. */
function reportPublication(
  path: string,
  publish: PublishInfo | undefined,
  count: number,
  ctx: ParseContext,
): void {
  if (!publish) {
    ctx.warn({ message: `${path}: no publshInformation: the file states no date`, file: path });
    return;
  }
  const { date, dateText, recordCount, line } = publish;
  if (date) ctx.setPublicationDate(date);
  else
    ctx.warn({
      message: `${path}: line ${line}: Publish_Date "${dateText ?? ''}" is not a MM/DD/YYYY date`,
      file: path,
      line,
      field: 'Publish_Date',
    });
  if (recordCount !== undefined && recordCount !== count)
    ctx.warn({
      message: `${path}: line ${line}: Record_Count says ${recordCount} entries, the file holds ${count}`,
      file: path,
      line,
      field: 'Record_Count',
    });
}
