/**
 * @module
 * One OFAC entry (a primary-file row with its aliases, addresses and comment continuation) →
 * one ListedEntity with its Sanction, Address, Identification and UnknownLink entities.
 * The result depends only on the entry itself and on the names of the other entries of the load
 * (for links), never on file position, so two snapshots map an unchanged entry identically.
 */
import { addValues, type ListedEntity, type SchemaName } from '../../core/index.ts';
import { looksLikeCompany } from '../../normalize/index.ts';
import { attachSanction, makeEntity } from '../_related.ts';
import type { EntryInput, LoadContext, OfacEntry } from './context.ts';
import { mapAircraft, mapVessel } from './craft.ts';
import { mapAddresses, mapIdentifiers, mapPerson } from './details.ts';
import { value } from './layout.ts';
import { AUTHORITY, nonSdnProvisions, SDN_PROVISION, splitPrograms } from './programs.ts';
import { readRemarks, REMARKS_LIMIT, type RemarkFacts } from './remarks.ts';
import { isCountry, mapCountry, set, type Warn } from './values.ts';

export type { EntryInput, LoadContext, OfacEntry } from './context.ts';

/** The earliest of some partial dates (they sort as text). */
const earliest = (dates: string[]): string | undefined => [...dates].sort()[0];

/** Whether a Remarks field was cut at the column limit with no continuation to complete it. */
export function isCut(remarks: string, comments: string[] | undefined): boolean {
  return remarks.length >= REMARKS_LIMIT && !comments?.length;
}

/** Schema from SDN_Type; entities become Company when the name or an identifier says so. */
function schemaFor(type: string | undefined, name: string, facts: RemarkFacts): SchemaName {
  switch (type?.toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Airplane';
    case undefined: {
      const companyId =
        facts.imoNumbers.length > 0 ||
        facts.leiCodes.length > 0 ||
        facts.ids.some((i) => i.kind === 'registration');
      return companyId || looksLikeCompany(name) ? 'Company' : 'Organization';
    }
    default:
      return 'LegalEntity';
  }
}

/** Where an entry was read, for its warnings. */
interface Origin {
  load: LoadContext;
  line: number;
  recordId: string;
}

/** Reports a dropped or doubtful value of the entry at `o`. */
function warnAt(o: Origin, field: string, message: string): void {
  o.load.warn({
    message: `${o.load.paths.primary}: line ${o.line}: ${field}: ${message}`,
    file: o.load.paths.primary,
    line: o.line,
    field,
    record: o.recordId,
  });
}

/** The warning callback for the entry at `line` of the load's primary file. */
export function entryWarn(load: LoadContext, line: number, recordId: string): Warn {
  return warnAt.bind(null, { load, line, recordId });
}

/**
 * The raw source record: the primary row keyed by column name, with the rows the other files
 * hold for it under their roles (`alt`, `add`, `comments`).
 */
function rawOf(input: EntryInput): unknown {
  const { comments, aliases, addresses } = input;
  const raw: Record<string, unknown> = { primary: input.record };
  if (aliases?.length) raw.alt = aliases.map((a) => a.record);
  if (addresses?.length) raw.add = addresses.map((a) => a.record);
  if (comments?.length) raw.comments = comments;
  return raw;
}

/** Maps one entry of the legacy CSV files: reads its remarks, then maps it like any format. */
export function mapEntry(load: LoadContext, input: EntryInput): ListedEntity {
  const { record, line } = input;
  const recordId = record.ent_num.trim();
  const warn = entryWarn(load, line, recordId);

  const remarkText = (value(record.Remarks) ?? '') + (input.comments ?? []).join('');
  const cut = isCut(record.Remarks, input.comments);
  if (cut)
    warn(
      'Remarks',
      `the remarks fill the ${REMARKS_LIMIT}-character column and have no continuation in the comments file: the last statement is cut and is not mapped (the text stays in remarks)`,
    );
  const facts = readRemarks(remarkText, isCountry, cut);
  for (const p of facts.problems) warn(p.field, p.message);

  return mapOfacEntry(load, {
    recordId,
    line,
    name: (value(record.SDN_Name) ?? '').replace(/\s+/g, ' '),
    type: value(record.SDN_Type),
    programs: splitPrograms(value(record.Program)),
    title: value(record.Title),
    vessel: {
      callSign: value(record.Call_Sign),
      type: value(record.Vess_type),
      tonnage: value(record.Tonnage),
      grt: value(record.GRT),
      flag: value(record.Vess_flag),
      owner: value(record.Vess_owner),
    },
    facts,
    remarks: remarkText.trim(),
    aliases: (input.aliases ?? []).map(({ record: alt }) => ({
      name: value(alt.alt_name),
      previous: value(alt.alt_type)?.toLowerCase().replace(/\./g, '') === 'fka',
    })),
    addresses: (input.addresses ?? []).map(({ line: addLine, record: add }, i) => ({
      // OFAC's add_num keys the address; a counter stands in if it is ever missing.
      key: value(add.add_num) ?? `n${i + 1}`,
      street: value(add.Address),
      city: value(add['City/State/Province/Postal Code']),
      country: value(add.Country),
      remarks: value(add.Add_remarks),
      file: load.paths.add ?? load.paths.primary,
      line: addLine,
    })),
    raw: rawOf(input),
  });
}

/**
 * Maps one entry, whatever format it was read from. Problems found while reading its facts are
 * the caller's to report; this reports the values it cannot map.
 */
export function mapOfacEntry(load: LoadContext, input: OfacEntry): ListedEntity {
  const { recordId, facts, name, type } = input;
  const warn = entryWarn(load, input.line, recordId);
  const programs = [...input.programs];
  for (const p of facts.programs) if (!programs.includes(p)) programs.push(p);
  const listingDate = earliest(facts.listingDates) ?? input.listedOn;
  const entity: ListedEntity = {
    id: `${load.source}-${recordId}`,
    schema: schemaFor(type, name, facts),
    properties: {},
    source: load.source,
    sourceRecordId: recordId,
    programs,
    topics: load.blocking ? ['sanction'] : ['export.risk'],
    remarks: input.remarks ? [input.remarks] : [],
    related: [],
    raw: input.raw,
  };
  if (listingDate) entity.listingDate = listingDate;
  if (type && entity.schema === 'LegalEntity')
    warn('SDN_Type', `unknown entry type "${type}": mapped as LegalEntity`);

  addValues(entity, 'name', name);
  mapNames(entity, input.aliases, facts);
  const idOf = load.idOf;
  if (entity.schema === 'Person') mapPerson(entity, input.title, facts, warn);
  else if (entity.schema === 'Vessel')
    mapVessel(entity, input.vessel, facts, load.names, idOf, warn);
  else if (entity.schema === 'Airplane') mapAircraft(entity, facts, load.names, idOf, warn);
  else if (entity.schema === 'Organization' || entity.schema === 'Company') {
    set(entity, 'imoNumber', facts.imoNumbers);
    set(entity, 'incorporationDate', facts.incorporationDates);
    set(entity, 'sector', facts.sectors);
    for (const c of facts.registrationCountries)
      mapCountry(entity, 'jurisdiction', 'Nationality of registration', c, warn);
  }
  set(entity, 'website', facts.websites);
  set(entity, 'email', facts.emails);
  set(entity, 'phone', facts.phones);
  set(entity, 'swiftBic', facts.swiftBic);
  set(entity, 'leiCode', facts.leiCodes);
  set(entity, 'dunsCode', facts.dunsCodes);
  if (facts.ids.length) mapIdentifiers(entity, facts, warn);
  if (input.addresses.length) mapAddresses(entity, input.addresses, load);
  if (facts.links.length || input.links?.length) mapLinks(entity, facts, input.links, load);

  const provisions = load.blocking ? [SDN_PROVISION] : nonSdnProvisions(programs);
  const startDate = earliest(facts.effectiveDates);
  attachSanction(entity, {
    authority: AUTHORITY,
    country: 'us',
    programs,
    authorityId: recordId,
    provisions: facts.provisions.length ? [...provisions, ...facts.provisions] : provisions,
    ...(listingDate && { listingDate }),
    ...(startDate && { startDate }),
  });
  return entity;
}

/** Aliases: strong names (aka/nka → alias, fka → previousName) and weak ones from the facts. */
function mapNames(entity: ListedEntity, aliases: OfacEntry['aliases'], facts: RemarkFacts): void {
  for (const a of aliases) addValues(entity, a.previous ? 'previousName' : 'alias', a.name);
  set(entity, 'weakAlias', facts.weakAliases);
  set(entity, 'previousName', facts.previousNames);
}

/**
 * "Linked To: NAME" → UnknownLink to the entry of that name, when exactly one has it; then the
 * links a format states by record id.
 */
function mapLinks(
  entity: ListedEntity,
  facts: RemarkFacts,
  byId: OfacEntry['links'],
  load: LoadContext,
): void {
  let n = 0;
  const link = (object: string, role: string) => {
    const rel = makeEntity('UnknownLink', `${entity.id}-link-${n}`);
    addValues(rel, 'subject', entity.id);
    addValues(rel, 'object', load.idOf(object));
    addValues(rel, 'role', role);
    entity.related.push(rel);
  };
  for (const stated of facts.links) {
    // The key counter advances even for a link left unresolved, so that keys stay stable.
    n++;
    let r = load.names.resolve(stated.name, entity.sourceRecordId);
    if (!('id' in r) && stated.alt) {
      const alt = load.names.resolve(stated.alt, entity.sourceRecordId);
      if ('id' in alt || 'missing' in r) r = alt;
    }
    if ('id' in r) link(r.id, 'Linked To');
    // The statement stays in the remarks.
    else if ('ambiguous' in r) load.linkStats.ambiguous++;
    else load.linkStats.missing++;
  }
  for (const l of byId ?? []) {
    n++;
    link(l.recordId, l.role);
  }
}
