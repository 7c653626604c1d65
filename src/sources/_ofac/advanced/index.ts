/**
 * @module
 * OFAC's advanced XML (SDN_ADVANCED.XML, CONS_ADVANCED.XML): the UN-designed "advanced sanctions
 * data standard", root `Sanctions` under the namespace
 * `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML` (once
 * `http://www.un.org/sanctions/1.0`). Each DistinctParty's FixedRef is OFAC's uid, so its entity
 * keeps the id the CSV and sdn.xml give it. Two passes: the ID-linked records first (see
 * `tables.ts`), then the parties; memory holds those records, not the parties.
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
import { readParty } from './party.ts';
import { readAdvanced, readTables, type Tables } from './tables.ts';

/** The advanced XML format of one OFAC list (`fileName` sdn_advanced.xml or cons_advanced.xml). */
export function ofacAdvancedFormat(o: OfacFormatOptions): SourceFormat {
  return {
    formatId: 'advanced-xml',
    format: `OFAC advanced sanctions data standard XML (${o.fileName})`,
    files: [
      exactFile(
        'primary',
        o.fileName,
        true,
        'the whole list in the advanced sanctions data standard',
      ),
    ],
    parse: (files, ctx) => parseAdvanced(o, files, ctx),
  };
}

async function* parseAdvanced(
  o: OfacFormatOptions,
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const path = files.primary;
  if (!path) throw refused(`${o.id}: no ${o.fileName} in the load`, {});
  const what = `OFAC ${o.fileName}`;
  sniff(path, what);
  const t = await readTables(path, what);
  if (!t.parties)
    throw refused(`${path}: holds no DistinctParty: not a usable ${what}`, { file: path });
  checkList(o, t, path, what);
  if (t.issued?.length === 10) ctx.setPublicationDate(t.issued);
  else ctx.warn({ message: `${path}: no full DateOfIssue: the file states no date`, file: path });

  const load = singleFileLoad(o, path, t.names, ctx);
  const seen = new Map<string, number>();
  let dangling = 0;
  for await (const el of readAdvanced(path, what, ['DistinctParty'])) {
    const { entry, danglingLinks } = readParty(el, t, path, what);
    const earlier = seen.get(entry.recordId);
    if (earlier !== undefined) {
      ctx.warn({
        message: `${path}: line ${el.line}: FixedRef ${entry.recordId} repeats the party of line ${earlier}; the repeat is skipped`,
        file: path,
        line: el.line,
        record: entry.recordId,
      });
      continue;
    }
    seen.set(entry.recordId, el.line);
    dangling += danglingLinks;
    const warn = entryWarn(load, el.line, entry.recordId);
    for (const p of entry.facts.problems) warn(p.field, p.message);
    yield mapOfacEntry(load, entry);
  }
  ctx.countRecords(path, t.parties);
  reportLinkStats(load, ctx);
  if (dangling)
    ctx.warn({
      message: `${path}: ${dangling} profile relationship(s) point to profiles not in this file; they are not linked`,
      file: path,
    });
}

/**
 * The SDN file lists every party on the "SDN List"; the consolidated file on the non-SDN lists.
 * A file whose sanctions entries say the opposite is the other list's file under this name.
 */
function checkList(o: OfacFormatOptions, t: Tables, path: string, what: string): void {
  const lists = [...t.entries.values()].flat().map((e) => e.list ?? '');
  if (!lists.length) return;
  const sdn = lists.filter((l) => /^SDN\b/i.test(l)).length;
  const wrong = o.blocking ? sdn === 0 : sdn === lists.length;
  if (wrong)
    throw refused(
      `${path}: its sanctions entries are ${o.blocking ? 'all on non-SDN lists' : 'all on the SDN List'}: this looks like the ${o.blocking ? 'consolidated (non-SDN)' : 'SDN'} advanced XML, not ${what}`,
      { file: path },
    );
}
