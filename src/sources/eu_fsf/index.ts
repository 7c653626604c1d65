/**
 * @module
 * EU Consolidated Financial Sanctions list (FSF) in two formats that map to the same entities:
 * - CSV v1.0 (primary, the files on hand): see `layout.ts` for the columns, `rows.ts` for the
 *   physical format, `map.ts` for what becomes of each section;
 * - XML 1.1 (`xml/`), the full list the Commission publishes today, which `lists update`
 *   downloads as `eu_fsf.xml`.
 */
import { refused, type ListSource } from '../../core/index.ts';
import { AUTHORITY } from './map.ts';
import { parseEuFsf } from './parse.ts';
import { XML_URL, xmlFormat } from './xml/index.ts';

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
  alternatives: [xmlFormat],
  download: {
    formatId: xmlFormat.formatId,
    files: [{ role: 'xml', url: XML_URL, name: 'eu_fsf.xml' }],
  },
};
