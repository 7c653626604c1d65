/**
 * @module
 * EU Consolidated Financial Sanctions list (FSF), CSV v1.0 layout. See `layout.ts` for the
 * columns, `rows.ts` for the physical format, `map.ts` for what becomes of each section.
 */
import { refused, type ListSource } from '../../core/index.ts';
import { AUTHORITY } from './map.ts';
import { parseEuFsf } from './parse.ts';

/** The EU FSF source. */
export const source: ListSource = {
  id: 'eu_fsf',
  title: 'EU Consolidated List of Persons, Groups and Entities subject to EU Financial Sanctions',
  authority: AUTHORITY,
  url: 'https://webgate.ec.europa.eu/fsd/fsf',
  licence: 'Reuse with acknowledgement under Commission Decision 2011/833/EU',
  formatId: 'csv-1.0',
  format: "CSV v1.0 (';'-separated, 59 columns, one row per name × address × birth × identity)",
  files: [
    {
      role: 'csv',
      pattern: /\.csv$/i,
      required: true,
      description:
        'the consolidated list CSV, v1.0 layout (header Date_file;Entity_logical_id;Subject_type;…)',
    },
  ],
  async *parse(files, ctx) {
    const path = files.csv;
    if (!path) throw refused('eu_fsf: no file given for the "csv" role', {});
    yield* parseEuFsf(path, ctx);
  },
};
