/**
 * @module
 * The rows of one EU entity → a ListedEntity. Sub-records repeat across rows (the file is a join),
 * so each section is deduplicated by its own logical id before it is mapped.
 */
import {
  addValues,
  type FtmEntity,
  type ListedEntity,
  type ParseContext,
  type SchemaName,
} from '../../core/index.ts';
import { looksLikeCompany } from '../../normalize/index.ts';
import { attachAddress, attachIdentification, attachSanction } from '../_related.ts';
import { COL, COLUMNS, RAW_KEYS } from './layout.ts';
import { collectNames, type NameRecord } from './names.ts';
import type { Row } from './rows.ts';
import { reporter, type Report } from '../_report.ts';
import { euCountry, euDate, parseIdentity, unescapeText } from './values.ts';

/** Issuing authority, as every EU listing names it. */
export const AUTHORITY = 'European Union (Council)';

/** The EU list is an asset freeze with a ban on making funds available. */
export const PROVISIONS = ['Asset freeze (financial sanctions)'];

/** All rows of one entity, in file order. */
export interface EntityRows {
  id: string;
  rows: Row[];
}

/**
 * Maps an entity's rows. Returns undefined (with a warning) when no usable name is left, since an
 * entity without a name cannot be screened or stored.
 */
export function mapEntity(
  group: EntityRows,
  path: string,
  ctx: ParseContext,
): ListedEntity | undefined {
  const { id: recordId, rows } = group;
  const first = rows[0]!;
  const report = reporter(ctx, path, recordId);

  const names = collectNames(rows);
  if (names.lossy.length) reportLossy(names.lossy, recordId, report);
  const primary = names.records[0];
  if (!primary) {
    report(`entity ${recordId} has no usable name; skipped`, first.line, 'Naal_wholename');
    return undefined;
  }

  const subjectType = first.fields[COL.subjectType]!.trim().toUpperCase();
  const schema = schemaFor(subjectType, primary.whole);
  if (schema === 'LegalEntity')
    report(
      `Subject_type "${subjectType}" is neither P nor E; mapped as LegalEntity`,
      first.line,
      'Subject_type',
    );

  const entity = euEntity(recordId, schema, { rows: rows.map(rawRow) });

  mapNames(entity, names.records, report);
  mapEntityColumns(entity, rows, report);
  const seen = {
    addr: new Set<string>(),
    birt: new Set<string>(),
    iden: new Set<string>(),
    citi: new Set<string>(),
  };
  for (const row of rows) {
    const f = row.fields;
    const addrId = f[COL.addrId]!.trim();
    if (addrId && !seen.addr.has(addrId)) {
      seen.addr.add(addrId);
      mapAddress(entity, addrId, row, report);
    }
    const birtId = f[COL.birtId]!.trim();
    if (birtId && !seen.birt.has(birtId)) {
      seen.birt.add(birtId);
      mapBirth(entity, row, report);
    }
    const idenId = f[COL.idenId]!.trim();
    if (idenId && !seen.iden.has(idenId)) {
      seen.iden.add(idenId);
      mapIdentity(entity, idenId, row, report);
    }
    const citiId = f[COL.citiId]!.trim();
    if (citiId && !seen.citi.has(citiId)) {
      seen.citi.add(citiId);
      const code = euCountry(f[COL.citiCountry]!, row.line, 'Citi_country', report);
      addValues(entity, schema === 'Person' ? 'citizenship' : 'country', code);
    }
  }
  return entity;
}

/**
 * An empty EU entity, the same from either format: id `eu_fsf-<logical id>`, every listing an
 * asset freeze (topic `sanction`).
 */
export function euEntity(recordId: string, schema: SchemaName, raw: unknown): ListedEntity {
  return {
    id: `eu_fsf-${recordId}`,
    schema,
    properties: {},
    source: 'eu_fsf',
    sourceRecordId: recordId,
    programs: [],
    topics: ['sanction'],
    remarks: [],
    related: [],
    raw,
  };
}

/**
 * Schema of an entity from its subject type (`P` person, `E` enterprise) and primary name: an
 * enterprise whose name carries a legal form is a Company, any other an Organization. Shared by the
 * CSV and XML formats so that an entity keeps its schema whichever format it came from.
 */
export function schemaFor(subjectType: string, name: string): SchemaName {
  if (subjectType === 'P') return 'Person';
  if (subjectType === 'E') return looksLikeCompany(name) ? 'Company' : 'Organization';
  return 'LegalEntity';
}

/**
 * Primary name (the first record) → `name`, the others → `alias`; person name parts, gender, title
 * and function. Shared by the CSV and XML formats; `genderField` names the gender column or
 * attribute in warnings.
 */
export function mapNames(
  entity: ListedEntity,
  records: readonly NameRecord[],
  report: Report,
  genderField = 'Naal_gender',
): void {
  const isPerson = entity.schema === 'Person';
  addValues(entity, 'name', records[0]!.whole);
  for (const rec of records.slice(1))
    if (rec.whole !== records[0]!.whole) addValues(entity, 'alias', rec.whole);
  for (const rec of records) {
    if (isPerson) {
      addValues(entity, 'firstName', rec.firstName);
      addValues(entity, 'middleName', rec.middleName);
      addValues(entity, 'lastName', rec.lastName);
      addValues(entity, 'title', rec.title);
    }
    // A translated record repeats the function in its language; the designation's own wording is kept.
    const original = rec.language === '' || rec.language === 'EN';
    if (rec.position && original) addValues(entity, isPerson ? 'position' : 'notes', rec.position);
    if (!rec.gender) continue;
    const gender =
      rec.gender.toUpperCase() === 'M'
        ? 'male'
        : rec.gender.toUpperCase() === 'F'
          ? 'female'
          : undefined;
    if (!gender)
      report(`${genderField} "${rec.gender}" is neither M nor F; dropped`, rec.line, genderField);
    else if (isPerson) addValues(entity, 'gender', gender);
  }
}

/**
 * Entity-level columns. They vary between rows when several legal acts concern the entity: the
 * earliest act's date is the listing date, the latest the Sanction's `modifiedAt`.
 */
function mapEntityColumns(entity: ListedEntity, rows: readonly Row[], report: Report): void {
  const acts = new Map<string, { date: string | undefined; url: string }>();
  const refNums: string[] = [];
  for (const { line, fields: f } of rows) {
    const programme = f[COL.programme]!.trim();
    if (programme && !entity.programs.includes(programme)) entity.programs.push(programme);
    const remark = unescapeText(f[COL.entityRemark]!);
    if (remark && !entity.remarks.includes(remark)) entity.remarks.push(remark);
    const ref = f[COL.euRefNum]!.trim();
    if (ref && !refNums.includes(ref)) refNums.push(ref);
    const act = f[COL.lebaNumtitle]!.trim();
    if (act && !acts.has(act))
      acts.set(act, {
        date: euDate(f[COL.lebaDate]!, line, 'Leba_publication_date', report),
        url: f[COL.lebaUrl]!.trim(),
      });
  }
  const dated = [...acts.values()]
    .filter((a) => a.date)
    .sort((a, b) => a.date!.localeCompare(b.date!));
  const listingDate = dated[0]?.date;
  if (listingDate) entity.listingDate = listingDate;
  const sanction = attachSanction(entity, {
    authority: AUTHORITY,
    programs: entity.programs,
    ...(refNums[0] !== undefined && { authorityId: refNums[0] }),
    ...(listingDate !== undefined && { listingDate }),
    ...(dated.length > 1 && { modifiedAt: dated[dated.length - 1]!.date! }),
    provisions: PROVISIONS,
  });
  addValues(sanction, 'authorityId', ...refNums.slice(1));
  addLegalBasis(sanction, acts);
}

/** A legal act as the list cites it: publication date and address, by its number and title. */
export interface LegalAct {
  date: string | undefined;
  url: string | undefined;
}

/**
 * Adds the acts to a Sanction: their addresses as `sourceUrl`, and a `summary` "Legal basis: <title>
 * of <date>; …". Shared by the CSV and XML formats so the Sanction reads the same from both.
 */
export function addLegalBasis(sanction: FtmEntity, acts: ReadonlyMap<string, LegalAct>): void {
  // Oldest act first, undated ones last: the summary then reads as the listing's history.
  const ordered = [...acts].sort(([, a], [, b]) =>
    (a.date ?? '9999').localeCompare(b.date ?? '9999'),
  );
  addValues(sanction, 'sourceUrl', ...ordered.map(([, a]) => a.url));
  if (ordered.length)
    addValues(
      sanction,
      'summary',
      `Legal basis: ${ordered.map(([title, a]) => (a.date ? `${title} of ${a.date}` : title)).join('; ')}`,
    );
}

function mapAddress(entity: ListedEntity, addrId: string, row: Row, report: Report): void {
  const f = row.fields;
  const country = f[COL.addrCountry]!.trim();
  // Checked here so that an unknown code is reported; attachAddress would drop it silently.
  euCountry(country, row.line, 'Addr_country', report);
  attachAddress(entity, addrId, {
    street: [f[COL.addrNumber], f[COL.addrStreet]]
      .map((s) => s!.trim())
      .filter(Boolean)
      .join(' '),
    city: f[COL.addrCity],
    postalCode: f[COL.addrZipcode],
    country,
    remarks: unescapeText(f[COL.addrOther]!),
  });
}

function mapBirth(entity: ListedEntity, row: Row, report: Report): void {
  const f = row.fields;
  const date = euDate(f[COL.birtDate]!, row.line, 'Birt_date', report);
  const place = f[COL.birtPlace]!.trim();
  const country = euCountry(f[COL.birtCountry]!, row.line, 'Birt_country', report);
  if (entity.schema !== 'Person') {
    // An organisation has no birth; say so instead of inventing a property for it.
    if (date || (place && place !== '-') || country)
      report(`birth details on an entity that is not a person; dropped`, row.line, 'Birt_date');
    return;
  }
  addValues(entity, 'birthDate', date);
  if (place !== '-') addValues(entity, 'birthPlace', place);
  addValues(entity, 'birthCountry', country);
}

function mapIdentity(entity: ListedEntity, idenId: string, row: Row, report: Report): void {
  const f = row.fields;
  const doc = parseIdentity(f[COL.idenNumber]!);
  if (!doc) return;
  const country = euCountry(f[COL.idenCountry]!, row.line, 'Iden_country', report);
  attachIdentification(entity, idenId, {
    kind: doc.kind,
    number: doc.number,
    type: doc.type,
    country,
    summary: doc.remark,
  });
}

/** One warning per entity for its lost translations, rather than one per name. */
function reportLossy(lossy: readonly NameRecord[], recordId: string, report: Report): void {
  const langs = [...new Set(lossy.map((r) => r.language || '(none)'))].join(', ');
  const examples = lossy
    .slice(0, 3)
    .map((r) => `"${r.whole}"`)
    .join(', ');
  report(
    `entity ${recordId}: ${lossy.length} name(s) lost their letters to "?" (languages ${langs}; the file cannot hold non-Latin-1 text) and were dropped: ${examples}${lossy.length > 3 ? ', …' : ''}`,
    lossy[0]!.line,
    'Naal_wholename',
  );
}

/** A row as an object keyed by column name (repeated names made unique) plus its `line`; empty values left out. */
function rawRow(row: Row): Record<string, string | number> {
  const out: Record<string, string | number> = { line: row.line };
  for (let i = 0; i < COLUMNS.length; i++) {
    const v = row.fields[i];
    if (v) out[RAW_KEYS[i]!] = v;
  }
  return out;
}
