/**
 * @module
 * The per-row columns of a target other than names: title, position, birth, nationality,
 * documents, addresses, regimes and dates. Each distinct value of a column is read once per
 * target; the rows of a target mostly repeat them.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { attachAddress } from '../_related.ts';
import { rowAddress } from './address.ts';
import { parseOfsiDate } from './dates.ts';
import type { Column } from './layout.ts';
import { tidy } from './names.ts';
import { countriesIn } from './nations.ts';
import type { OfsiRow } from './read.ts';
import { firstTime, setProp, warn, type Sink } from './sink.ts';

/** What the rows say beyond the entity's own properties. */
export interface RowFacts {
  /** Earliest Listed On. */
  listingDate?: string;
  /** Latest Last Updated. */
  modifiedAt?: string;
  /** Distinct Passport Details / NI Number cells, in file order. */
  documents: { column: 'Passport Details' | 'NI Number'; text: string }[];
}

const ADDRESS_COLUMNS: Column[] = [
  'Address 1',
  'Address 2',
  'Address 3',
  'Address 4',
  'Address 5',
  'Address 6',
  'Post/Zip Code',
  'Country',
];

/** Reads the rows of a target into `entity` (programs, properties, addresses). */
export function readRows(entity: ListedEntity, rows: OfsiRow[], sink: Sink): RowFacts {
  const facts: RowFacts = { documents: [] };
  let addresses = 0;
  for (const row of rows) {
    const r = row.record;
    const text = (column: Column): string | undefined => {
      const value = r[column];
      return value && firstTime(sink, column, value) ? tidy(value) || undefined : undefined;
    };
    let v: string | undefined;
    if ((v = text('Title'))) setProp(entity, sink, row, 'Title', 'title', v);
    if ((v = text('Position'))) setProp(entity, sink, row, 'Position', 'position', v);
    if ((v = text('Town of Birth'))) setProp(entity, sink, row, 'Town of Birth', 'birthPlace', v);
    if (text('DOB')) {
      const dob = readDate(sink, row, 'DOB');
      if (dob) setProp(entity, sink, row, 'DOB', 'birthDate', dob);
    }
    if ((v = text('Country of Birth'))) {
      const { codes, unknown } = countriesIn(v);
      setProp(entity, sink, row, 'Country of Birth', 'birthCountry', ...codes);
      // A birth "country" that is a place ("Latakia Province, Syria", "Tartous") stays a place.
      setProp(entity, sink, row, 'Country of Birth', 'birthPlace', ...unknown);
    }
    if ((v = text('Nationality'))) {
      const { codes, unknown } = countriesIn(v);
      setProp(entity, sink, row, 'Nationality', 'nationality', ...codes);
      if (unknown.length)
        warn(
          sink,
          row,
          'Nationality',
          unknown.length === 1 && unknown[0] === v
            ? 'names no known country; dropped'
            : `has ${quoted(unknown)}, which names no known country; dropped`,
        );
    }
    if ((v = text('Passport Details')))
      facts.documents.push({ column: 'Passport Details', text: v });
    if ((v = text('NI Number'))) facts.documents.push({ column: 'NI Number', text: v });
    if ((v = text('Regime')) && !entity.programs.includes(v)) entity.programs.push(v);
    if (text('Listed On')) {
      const listed = readDate(sink, row, 'Listed On');
      if (listed && (!facts.listingDate || listed < facts.listingDate)) facts.listingDate = listed;
    }
    if (text('Last Updated')) {
      const updated = readDate(sink, row, 'Last Updated');
      if (updated && (!facts.modifiedAt || updated > facts.modifiedAt)) facts.modifiedAt = updated;
    }
    // Identical addresses repeat on every name row of the target: merge them on the raw cells.
    const rawAddress = ADDRESS_COLUMNS.map((c) => r[c].trim()).join('\0');
    if (rawAddress.length > ADDRESS_COLUMNS.length - 1 && firstTime(sink, 'Address 1', rawAddress))
      addAddress(entity, sink, row, ++addresses);
  }
  return facts;
}

function addAddress(entity: ListedEntity, sink: Sink, row: OfsiRow, n: number): void {
  const address = rowAddress(row.record);
  if (!address) return;
  const addr = attachAddress(entity, String(n), address.parts);
  if (addr && address.code) {
    // The shared country table may not know OFSI's spelling; the code resolved here stands.
    addValues(addr, 'country', address.code);
    addValues(entity, 'country', address.code);
  }
  if (address.unknownCountry && firstTime(sink, 'Country', `unknown\0${address.unknownCountry}`))
    warn(sink, row, 'Country', 'names no known country; kept in the address text only');
}

function readDate(sink: Sink, row: OfsiRow, column: Column): string | undefined {
  const result = parseOfsiDate(row.record[column]);
  if (result && 'error' in result) warn(sink, row, column, `${result.error}; dropped`);
  return result && 'date' in result ? result.date : undefined;
}

function quoted(values: string[]): string {
  return values.map((u) => JSON.stringify(u)).join(', ');
}
