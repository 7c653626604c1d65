/**
 * @module
 * The parts of an entry's mapping that concern people, documents and addresses.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { attachAddress, attachIdentification } from '../_related.ts';
import type { LoadContext, OfacAddress } from './context.ts';
import { parseOfacDate } from './dates.ts';
import type { IdFact } from './identifiers.ts';
import type { RemarkFacts } from './remarks.ts';
import { lookup, mapCountry, NO_COUNTRY, set, type Warn } from './values.ts';

/** Name parts, birth data, nationality, gender and position of a person. */
export function mapPerson(
  entity: ListedEntity,
  title: string | undefined,
  facts: RemarkFacts,
  warn: Warn,
): void {
  const name = entity.properties.name?.[0] ?? '';
  // OFAC writes individuals as "LAST, First Middle".
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) {
    addValues(entity, 'lastName', comma[1]);
    addValues(entity, 'firstName', comma[2]);
  }
  addValues(entity, 'position', title, ...facts.positions);
  addValues(entity, 'birthDate', ...facts.birthDates);
  for (const place of facts.birthPlaces) {
    addValues(entity, 'birthPlace', place);
    // The country ends the place: "Moscow, Russia", but also "Pyongyang, Korea, North". The
    // last part alone is tried first: its values are few and cached, the pairs are not.
    const parts = place.split(',').map((p) => p.trim());
    let code = lookup(parts[parts.length - 1]!);
    if (!code && parts.length > 2) code = lookup(parts.slice(-2).join(', '));
    addValues(entity, 'birthCountry', code);
  }
  for (const n of facts.nationalities) mapCountry(entity, 'nationality', 'Nationality', n, warn);
  for (const c of facts.citizenships) mapCountry(entity, 'citizenship', 'Citizenship', c, warn);
  addValues(entity, 'gender', ...facts.genders);
}

/** One date of an identity document; a date that is not exactly one day/month/year is dropped. */
function docDate(
  doc: IdFact,
  text: string | undefined,
  field: string,
  warn: Warn,
): string | undefined {
  if (!text) return undefined;
  const r = parseOfacDate(text);
  if (r.problem || r.dates.length !== 1) {
    warn(field, `${doc.type} ${doc.number}: ${r.problem ?? `date range "${text}" (dropped)`}`);
    return r.dates.length === 1 ? r.dates[0] : undefined;
  }
  return r.dates[0];
}

/** Identity documents and registration numbers, each an Identification entity. */
export function mapIdentifiers(entity: ListedEntity, facts: RemarkFacts, warn: Warn): void {
  for (let i = 0; i < facts.ids.length; i++) {
    const doc = facts.ids[i]!;
    attachIdentification(entity, String(i + 1), {
      kind: doc.kind,
      number: doc.number,
      type: doc.type,
      country: doc.country,
      startDate: docDate(doc, doc.issued, 'issued', warn),
      endDate: docDate(doc, doc.expires, 'expires', warn),
    });
    // Russian tax and state registration numbers have FtM properties of their own.
    const code = doc.country ? lookup(doc.country) : undefined;
    if (code === 'ru' && doc.kind === 'tax' && /^\d{10}(\d{2})?$/.test(doc.number))
      set(entity, 'innCode', [doc.number]);
    if (code === 'ru' && doc.kind === 'registration' && /^\d{13}(\d{2})?$/.test(doc.number))
      set(entity, 'ogrnCode', [doc.number]);
  }
}

/** Addresses of an entry; "Region: Gaza" is a region whose country may be known. */
export function mapAddresses(
  entity: ListedEntity,
  addresses: OfacAddress[],
  load: LoadContext,
): void {
  for (const a of addresses) {
    let country = a.country;
    let region = a.region;
    const r = country && /^Region:\s*(.+)$/i.exec(country);
    if (r) {
      // Kept as the country when it is one ("Region: Gaza"), else as the region ("Kafia Kingi").
      const named = r[1]!.trim();
      if (lookup(named)) country = named;
      else [region, country] = [named, undefined];
    } else if (country && NO_COUNTRY.test(country)) {
      country = undefined;
    } else if (country && !lookup(country)) {
      load.warn({
        message: `${a.file}: line ${a.line}: Country: unknown country "${country}" (kept in the address text)`,
        file: a.file,
        line: a.line,
        field: 'Country',
        record: entity.sourceRecordId,
      });
      region = country;
      country = undefined;
    }
    attachAddress(entity, a.key, {
      street: a.street,
      city: a.city,
      region,
      country,
      remarks: a.remarks,
    });
  }
}
