/**
 * @module
 * The rows of one denied party (same name, same order; one row per address) → a ListedEntity.
 */
import { addValues, sha256, type ListedEntity, type ParseContext } from '../../core/index.ts';
import { looksLikeCompany } from '../../normalize/index.ts';
import { attachAddress, attachSanction } from '../_related.ts';
import { reporter, type Report } from '../_report.ts';
import { firstCitation } from './ids.ts';
import type { DplRow } from './layout.ts';
import { dplCountry, dplDate } from './values.ts';

/** Issuing authority. */
export const AUTHORITY = 'Bureau of Industry and Security (US Department of Commerce)';

/** The terms of a standard denial order. */
export const STANDARD_ORDER = 'Denial of export privileges (15 CFR 764.3(a)(2))';
const NON_STANDARD_ORDER =
  'Denial of export privileges on non-standard terms (see the Federal Register notice)';

/** Maps the rows that share one record id, in the order they were read. */
export function mapParty(
  recordId: string,
  rows: readonly DplRow[],
  path: string,
  ctx: ParseContext,
): ListedEntity {
  const report = reporter(ctx, path, recordId);
  const name = rows[0]!.values.Name;
  const entity: ListedEntity = {
    id: `us_bis_dpl-${recordId}`,
    // The list does not say whether a party is a person or a company; only a legal form tells.
    schema: looksLikeCompany(name) ? 'Company' : 'LegalEntity',
    properties: {},
    source: 'us_bis_dpl',
    sourceRecordId: recordId,
    programs: ['DPL'],
    topics: ['export.control'],
    remarks: [],
    related: [],
    raw: { rows: rows.map((r) => ({ line: r.line, ...r.values })) },
  };
  addValues(entity, 'name', name);
  // Rows merged under one id may spell the name differently ("AL-NASER  AIRLINES"); keep each.
  for (const r of rows.slice(1))
    if (!entity.properties.name!.includes(tidy(r.values.Name)))
      addValues(entity, 'alias', r.values.Name);

  const starts: string[] = [];
  const ends: string[] = [];
  const updates: string[] = [];
  const provisions: string[] = [];
  const summaries: string[] = [];
  const addresses = new Set<string>();
  for (const { line, values: v } of rows) {
    const start = dplDate(v.Effective_Date, line, 'Effective_Date', report);
    if (start && !starts.includes(start)) starts.push(start);
    const end = dplDate(v.Expiration_Date, line, 'Expiration_Date', report);
    if (end && !ends.includes(end)) ends.push(end);
    const update = dplDate(v.Last_Update, line, 'Last_Update', report);
    if (update) updates.push(update);
    const order = v.Standard_Order.trim().toUpperCase();
    if (order === 'Y') provisions.push(STANDARD_ORDER);
    else if (order === 'N') provisions.push(NON_STANDARD_ORDER);
    else if (order)
      report(
        `Standard_Order "${v.Standard_Order}" is neither Y nor N; dropped`,
        line,
        'Standard_Order',
      );
    if (v.FR_Citation.trim()) summaries.push(`Federal Register: ${tidy(v.FR_Citation)}`);
    if (v.Action.trim()) summaries.push(`Action: ${tidy(v.Action)}`);
    mapAddress(entity, line, v, addresses, report);
  }

  starts.sort();
  const listingDate = starts[0];
  if (listingDate) entity.listingDate = listingDate;
  const citation = firstCitation(rows[0]!.values.FR_Citation);
  const sanction = attachSanction(entity, {
    authority: AUTHORITY,
    country: 'us',
    programs: entity.programs,
    ...(citation && { authorityId: citation }),
    ...(listingDate && { listingDate, startDate: listingDate }),
    ...(ends.length && { endDate: ends.sort()[ends.length - 1]! }),
    ...(updates.length && { modifiedAt: updates.sort()[updates.length - 1]! }),
    provisions,
  });
  // Rows of one party normally agree; if they do not, every stated date is kept.
  addValues(sanction, 'startDate', ...starts);
  addValues(sanction, 'endDate', ...ends);
  addValues(sanction, 'summary', ...summaries);
  return entity;
}

/** One Address per distinct address of the party, keyed by its content so keys survive reordering. */
function mapAddress(
  entity: ListedEntity,
  line: number,
  v: DplRow['values'],
  seen: Set<string>,
  report: Report,
): void {
  const parts = {
    street: tidy(v.Street_Address),
    city: tidy(v.City),
    region: tidy(v.State),
    postalCode: tidy(v.Postal_Code),
    country: tidy(v.Country),
  };
  if (!Object.values(parts).some(Boolean)) return;
  const content = [parts.street, parts.city, parts.region, parts.postalCode, parts.country]
    .join('|')
    .toUpperCase();
  if (seen.has(content)) return;
  seen.add(content);
  // Checked here so that an unknown code is reported; attachAddress would drop it silently.
  const code = dplCountry(parts.country, line, report);
  attachAddress(entity, sha256(content).slice(0, 8), {
    ...parts,
    country: code ? parts.country : undefined,
  });
}

function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
