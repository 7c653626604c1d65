/**
 * @module
 * BIS Denied Persons List (DPL): parties whose US export privileges are denied. See `ids.ts` for
 * how ids are made for a list that has none, `map.ts` for what each column becomes.
 */
import { refused, type ListSource } from '../../core/index.ts';
import { AUTHORITY } from './map.ts';
import { parseDpl } from './parse.ts';

/** The BIS DPL source. */
export const source: ListSource = {
  id: 'us_bis_dpl',
  title: 'BIS Denied Persons List',
  authority: AUTHORITY,
  url: 'https://www.bis.gov/dpl',
  licence: 'Public domain (work of the US Government, 17 U.S.C. §105)',
  formatId: 'txt',
  format: 'tab-separated text with a quoted header (dpl.txt)',
  files: [
    {
      role: 'dpl',
      pattern: /^dpl\.txt$/i,
      required: true,
      description: 'dpl.txt: one row per denied party and address',
    },
  ],
  async *parse(files, ctx) {
    const path = files.dpl;
    if (!path) throw refused('us_bis_dpl: no file given for the "dpl" role', {});
    yield* parseDpl(path, ctx);
  },
  download: {
    formatId: 'txt',
    files: [{ role: 'dpl', url: 'https://www.bis.doc.gov/dpl/dpl.txt', name: 'dpl.txt' }],
  },
};
