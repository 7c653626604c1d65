/**
 * @module
 * The shared OFAC parsers behind `ofac_sdn` and `ofac_consolidated`: both lists come in the same
 * formats under different file names (the legacy CSV's four layouts here; the XML in `xml/`, the
 * advanced XML in `advanced/`), and differ in what a listing means (blocking vs. non-SDN
 * restrictions). Every format maps an entry to the same entity with the same id.
 */
import { basename } from 'node:path';
import {
  refused,
  type ListedEntity,
  type ListSource,
  type ParseContext,
} from '../../core/index.ts';
import { ofacAdvancedFormat } from './advanced/index.ts';
import {
  checkEndMarker,
  exactFile,
  checkFormat,
  loadAddresses,
  loadAliases,
  loadComments,
  readRows,
  type Located,
} from './files.ts';
import { PRIMARY_COLUMNS, toRecord, value, type AddRecord, type AltRecord } from './layout.ts';
import { isCut, mapEntry, type LoadContext } from './map.ts';
import { NameIndex } from './names.ts';
import { remarkAliasNames } from './remarks.ts';
import { ofacXmlFormat } from './xml/index.ts';

/** What distinguishes one OFAC list from the other. */
export interface OfacListOptions {
  id: 'ofac_sdn' | 'ofac_consolidated';
  title: string;
  url: string;
  /** SDN listings block; non-SDN listings are narrower restrictions (topic export.risk). */
  blocking: boolean;
  /** File names of the four roles, e.g. sdn.csv, alt.csv, add.csv, sdn_comments.csv. */
  fileNames: { primary: string; alt: string; add: string; comments: string };
  /** The XML file (e.g. sdn.xml) and its official address, which `lists update` downloads. */
  xml: { fileName: string; url: string };
  /** The advanced XML file (e.g. sdn_advanced.xml). */
  advanced: { fileName: string };
}

/** Builds the ListSource of one OFAC list. */
export function makeOfacSource(o: OfacListOptions): ListSource {
  const f = o.fileNames;
  return {
    id: o.id,
    title: o.title,
    authority: 'Office of Foreign Assets Control (OFAC), US Department of the Treasury',
    url: o.url,
    licence: 'Public domain (work of the US Government, 17 U.S.C. §105)',
    formatId: 'csv',
    format: `OFAC legacy CSV (${f.primary}, ${f.alt}, ${f.add}, ${f.comments})`,
    files: [
      exactFile(
        'primary',
        f.primary,
        true,
        'primary records: names, types, programmes, vessel data, remarks',
      ),
      exactFile('alt', f.alt, false, 'aliases (aka / fka / nka)'),
      exactFile('add', f.add, false, 'addresses'),
      exactFile(
        'comments',
        f.comments,
        false,
        'continuation of remarks too long for the primary file',
      ),
    ],
    parse: (files, ctx) => parseOfac(o, files, ctx),
    alternatives: [
      ofacXmlFormat({ id: o.id, blocking: o.blocking, fileName: o.xml.fileName }),
      ofacAdvancedFormat({ id: o.id, blocking: o.blocking, fileName: o.advanced.fileName }),
    ],
    // The XML: one file, the whole list, with OFAC's weak/strong alias flags and its date.
    download: {
      formatId: 'xml',
      files: [{ role: 'primary', url: o.xml.url, name: o.xml.fileName }],
    },
  };
}

/** A context that drops warnings: the name pass reads the same rows the mapping pass reports on. */
const quiet = (ctx: ParseContext): ParseContext => ({ ...ctx, warn: () => {} });

/**
 * Pass 1: the names of every entry (primary names, alt-file aliases and the aliases written in
 * remarks), so that links and owners can be resolved while mapping, and the set of ent_nums.
 */
async function collectNames(
  primary: string,
  what: string,
  ctx: ParseContext,
  comments: Map<string, string[]>,
  aliases: Map<string, Located<AltRecord>[]>,
): Promise<{ names: NameIndex; ids: Set<string> }> {
  const names = new NameIndex();
  const ids = new Set<string>();
  for await (const batch of readRows(primary, PRIMARY_COLUMNS, what, quiet(ctx)))
    for (const row of batch) {
      const id = row.fields[0]!.trim();
      ids.add(id);
      const name = value(row.fields[1]);
      if (name) names.addPrimary(name, id);
      const more = comments.get(id);
      const remarks = (value(row.fields[11]) ?? '') + (more ?? []).join('');
      for (const alias of remarkAliasNames(remarks, isCut(row.fields[11]!, more)))
        names.addAlias(alias, id);
    }
  for (const [id, list] of aliases) {
    if (!ids.has(id)) continue;
    for (const a of list) if (value(a.record.alt_name)) names.addAlias(a.record.alt_name, id);
  }
  return { names, ids };
}

/**
 * Parses one load: checks and buffers the auxiliary files, collects names (pass 1), then maps
 * and yields each primary record (pass 2), and finally reports orphan rows and unresolved links.
 */
async function* parseOfac(
  o: OfacListOptions,
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncGenerator<ListedEntity> {
  const primary = files.primary;
  if (!primary)
    throw refused(`${o.id}: no ${o.fileNames.primary} in the load: the set is incomplete`, {});
  const what = `OFAC ${o.fileNames.primary}`;
  checkFormat(primary, what);
  checkEndMarker(primary, ctx);
  const comments = files.comments
    ? await loadComments(files.comments, `OFAC ${o.fileNames.comments}`, ctx)
    : new Map<string, string[]>();
  const aliases = files.alt
    ? await loadAliases(files.alt, `OFAC ${o.fileNames.alt}`, ctx)
    : new Map<string, Located<AltRecord>[]>();
  const addresses = files.add
    ? await loadAddresses(files.add, `OFAC ${o.fileNames.add}`, ctx)
    : new Map<string, Located<AddRecord>[]>();

  const { names, ids } = await collectNames(primary, what, ctx, comments, aliases);
  const load: LoadContext = {
    source: o.id,
    blocking: o.blocking,
    names,
    linkStats: { missing: 0, ambiguous: 0 },
    idOf: (recordId) => `${o.id}-${recordId}`,
    paths: { primary, alt: files.alt, add: files.add },
    warn: (w) => ctx.warn(w),
  };
  // Pass 2: map and yield.
  const seen = new Map<string, number>();
  let count = 0;
  for await (const batch of readRows(primary, PRIMARY_COLUMNS, what, ctx))
    for (const row of batch) {
      count++;
      const record = toRecord(PRIMARY_COLUMNS, row.fields);
      const id = record.ent_num.trim();
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        ctx.warn({
          message: `${primary}: line ${row.line}: ent_num ${id} repeats the entry of line ${earlier}; the repeat is skipped`,
          file: primary,
          line: row.line,
          record: id,
        });
        continue;
      }
      seen.set(id, row.line);
      yield mapEntry(load, {
        line: row.line,
        record,
        comments: comments.get(id),
        aliases: aliases.get(id),
        addresses: addresses.get(id),
      });
    }
  ctx.countRecords(primary, count);
  reportOrphans(ctx, ids, files.alt, aliases);
  reportOrphans(ctx, ids, files.add, addresses);
  reportOrphans(ctx, ids, files.comments, comments);
  const { missing, ambiguous } = load.linkStats;
  if (missing || ambiguous)
    ctx.warn({
      message: `${primary}: ${missing} "Linked To" name(s) match no entry of this load and ${ambiguous} match several; they stay in the remarks without a link`,
      file: primary,
    });
}

/** One warning for rows of an auxiliary file whose ent_num has no entry in the primary file. */
function reportOrphans(
  ctx: ParseContext,
  ids: Set<string>,
  path: string | undefined,
  rows: Map<string, unknown[]>,
): void {
  if (!path) return;
  let n = 0;
  const examples: string[] = [];
  for (const [id, list] of rows) {
    if (ids.has(id)) continue;
    n += list.length;
    if (examples.length < 5) examples.push(id);
  }
  if (n)
    ctx.warn({
      message: `${basename(path)}: ${n} row(s) belong to no entry of the primary file (ent_num ${examples.join(', ')}${n > examples.length ? ', …' : ''}); the files may be from different dates`,
      file: path,
    });
}
