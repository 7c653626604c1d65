/**
 * @module
 * HM Treasury OFSI Consolidated List of asset-freeze targets, old ConList.csv layout (29 columns,
 * one row per name, rows of one target sharing a Group ID).
 *
 * The rows of a target are not adjacent: the file is sorted by name, so a target's aliases are
 * scattered over it (in the 2018-04-13 file 1,844 times a Group ID comes back after other
 * targets). The parser therefore streams the rows into a map keyed by Group ID (about 10,000 small
 * rows for a 3.6 MB file) and maps each target once the file has been read to its end.
 */
import {
  refused,
  type ListedEntity,
  type ListSource,
  type ParseContext,
} from '../../core/index.ts';
import { AUTHORITY, mapGroup, type OfsiGroup } from './map.ts';
import { readRows } from './read.ts';

async function* parse(
  files: Readonly<Record<string, string>>,
  ctx: ParseContext,
): AsyncIterable<ListedEntity> {
  const path = files.conlist;
  if (!path) throw refused('uk_ofsi: no ConList.csv was given (file role "conlist")', {});
  // A Map keeps the order in which Group IDs first appear, so output order is stable.
  const groups = new Map<string, OfsiGroup>();
  let rows = 0;
  for await (const row of readRows(path, { onPublicationDate: (d) => ctx.setPublicationDate(d) })) {
    rows++;
    const id = row.record['Group ID'].trim();
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { id, rows: [row] });
  }
  ctx.countRecords(path, rows);
  for (const group of groups.values()) yield mapGroup(group, path, ctx);
}

/** The OFSI ConList source. */
export const source: ListSource = {
  id: 'uk_ofsi',
  title: 'HM Treasury OFSI Consolidated List of Financial Sanctions Targets',
  authority: AUTHORITY,
  url: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
  licence: 'Open Government Licence v3.0 (Crown copyright)',
  formatId: 'conlist-csv',
  format: 'ConList.csv, old 29-column layout (Windows-1252, "Last Updated" line, then header)',
  files: [
    {
      role: 'conlist',
      pattern: /^conlist.*\.csv$|^sanctionsconlist\.csv$/i,
      required: true,
      description: 'OFSI Consolidated List CSV (one row per name; Group ID identifies the target)',
    },
  ],
  parse,
};
