/**
 * @module
 * One OFSI target (all rows sharing a Group ID) → one ListedEntity with its Sanction, Address and
 * identity-document entities. Values a row repeats are merged; a bad value is dropped with a
 * warning naming the first line that carries it.
 */
import {
  addValues,
  type ListedEntity,
  type ParseContext,
  type SchemaName,
} from '../../core/index.ts';
import { looksLikeCompany } from '../../normalize/index.ts';
import { attachIdentification, attachSanction } from '../_related.ts';
import { nationalIdNumbers, passportNumbers } from './documents.ts';
import { readRows, type RowFacts } from './fields.ts';
import { applyNames, fullName, nameRole, tidy, type NamedRow } from './names.ts';
import type { OfsiRow } from './read.ts';
import { shipFacts, unReferences, type ShipFacts } from './remarks.ts';
import { firstTime, newSink, warn, type Sink } from './sink.ts';

/** The issuing authority, as every Sanction entity of this source names it. */
export const AUTHORITY = 'HM Treasury Office of Financial Sanctions Implementation';

/** All rows of one Group ID, in file order. */
export interface OfsiGroup {
  id: string;
  rows: OfsiRow[];
}

/** Maps one target. */
export function mapGroup(group: OfsiGroup, file: string, ctx: ParseContext): ListedEntity {
  const sink = newSink(ctx, file, group.id);
  const first = group.rows[0]!;
  const remarks: string[] = [];
  for (const row of group.rows) {
    const text = row.record['Other Information'].trim();
    if (text && !remarks.includes(text)) remarks.push(text);
  }
  const named = nameRows(group.rows, sink);
  const isIndividual = tidy(first.record['Group Type']) === 'Individual';
  const ship = isIndividual ? {} : shipFacts(remarks.join('\n'));
  const entity: ListedEntity = {
    id: `uk_ofsi-${group.id}`,
    schema: schemaOf(group, named, ship, sink),
    properties: {},
    source: 'uk_ofsi',
    sourceRecordId: group.id,
    programs: [],
    topics: ['sanction'],
    remarks,
    related: [],
    raw: group.rows.map((r) => r.record),
  };
  applyNames(entity, named);
  const facts = readRows(entity, group.rows, sink);
  if (facts.listingDate) entity.listingDate = facts.listingDate;
  attachDocuments(entity, facts);
  applyShip(entity, ship);

  // The UN reference is the only trace of the UN programme in this layout: its prefix (KPi,
  // QDe…) joins the OFSI regime names in `programs`, so UN-derived listings can be found by it.
  const un = unReferences(remarks.join('\n'));
  for (const text of un.unreadable)
    ctx.warn({
      message: `UN reference ${JSON.stringify(text)} has no readable UN programme code; not used as unscId`,
      file,
      line: (group.rows.find((r) => r.record['Other Information'].includes(text)) ?? first).line,
      field: 'Other Information',
      record: group.id,
    });
  for (const ref of un.refs)
    if (ref.prefix && !entity.programs.includes(ref.prefix)) entity.programs.push(ref.prefix);
  const sanction = attachSanction(entity, {
    authority: AUTHORITY,
    country: 'gb',
    programs: entity.programs,
    authorityId: group.id,
    ...(facts.listingDate && { listingDate: facts.listingDate }),
    ...(facts.modifiedAt && { modifiedAt: facts.modifiedAt }),
    provisions: ['Asset freeze'],
  });
  addValues(sanction, 'unscId', ...un.refs.map((r) => r.id));
  return entity;
}

/** Each row's name and role; an unknown Alias Type is warned about and read as an alias. */
function nameRows(rows: OfsiRow[], sink: Sink): NamedRow[] {
  return rows.map((row) => {
    let role = nameRole(row.record['Alias Type']);
    if (!role) {
      if (firstTime(sink, 'Alias Type', row.record['Alias Type']))
        warn(
          sink,
          row,
          'Alias Type',
          'is not Prime Alias, AKA or FKA; the name is read as an alias',
        );
      role = 'alias';
    }
    return { record: row.record, role, name: fullName(row.record) };
  });
}

/**
 * Person for Individual; Vessel for Ship, or for an Entity whose text gives a ship IMO number
 * (the old layout files ships as entities); Company for an Entity with a legal form in one of
 * its names or an IMO company number; else Organization.
 */
function schemaOf(group: OfsiGroup, named: NamedRow[], ship: ShipFacts, sink: Sink): SchemaName {
  const first = group.rows[0]!;
  const type = tidy(first.record['Group Type']);
  const other = group.rows.find((row) => tidy(row.record['Group Type']) !== type);
  if (other)
    warn(
      sink,
      other,
      'Group Type',
      `differs from "${type}" on line ${first.line}; the first is used`,
    );
  if (type === 'Individual') return 'Person';
  if (type === 'Ship' || ship.vesselImo) return 'Vessel';
  if (type === 'Entity') {
    const names = new Set(named.map((n) => n.name));
    const companyName = [...names].some((n) => looksLikeCompany(n));
    return companyName || ship.companyImo ? 'Company' : 'Organization';
  }
  warn(sink, first, 'Group Type', 'is not Individual, Entity or Ship; mapped as LegalEntity');
  return 'LegalEntity';
}

function applyShip(entity: ListedEntity, ship: ShipFacts): void {
  if (entity.schema === 'Vessel') {
    addValues(entity, 'imoNumber', ship.vesselImo);
    addValues(entity, 'mmsi', ship.mmsi);
    addValues(entity, 'flag', ship.flag);
  } else if (entity.schema !== 'Person') {
    addValues(entity, 'imoNumber', ship.companyImo);
  }
}

/**
 * Passport Details and NI Number cells → Passport / Identification entities, keyed 1, 2… in file
 * order. The cell text goes verbatim into each document's summary; a cell from which no number
 * can be read goes to the entity's notes, so that it is not lost.
 */
function attachDocuments(entity: ListedEntity, facts: RowFacts): void {
  const numbers = new Set<string>();
  for (const { column, text } of facts.documents) {
    const docs = column === 'Passport Details' ? passportNumbers(text) : nationalIdNumbers(text);
    if (!docs.length) addValues(entity, 'notes', `${column}: ${text}`);
    for (const doc of docs) {
      if (numbers.has(doc.number)) continue;
      numbers.add(doc.number);
      attachIdentification(entity, String(numbers.size), {
        kind: doc.kind,
        number: doc.number,
        country: doc.country,
        type: column === 'NI Number' ? 'NI Number' : undefined,
        summary: text,
      });
    }
  }
}
