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
import type { EntryInput, LoadContext } from './context.ts';
import { mapAircraft, mapVessel } from './craft.ts';
import { mapAddresses, mapIdentifiers, mapPerson } from './details.ts';
import type { Located } from './files.ts';
import { value, type AltRecord } from './layout.ts';
import { AUTHORITY, nonSdnProvisions, SDN_PROVISION, splitPrograms } from './programs.ts';
import { readRemarks, REMARKS_LIMIT, type RemarkFacts } from './remarks.ts';
import { isCountry, mapCountry, set, type Warn } from './values.ts';

export type { EntryInput, LoadContext } from './context.ts';

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

/** Maps one entry. */
export function mapEntry(load: LoadContext, input: EntryInput): ListedEntity {
  const { record, line } = input;
  const recordId = record.ent_num.trim();
  const origin: Origin = { load, line, recordId };
  const warn: Warn = warnAt.bind(null, origin);

  const remarkText = (value(record.Remarks) ?? '') + (input.comments ?? []).join('');
  const cut = isCut(record.Remarks, input.comments);
  if (cut)
    warn(
      'Remarks',
      `the remarks fill the ${REMARKS_LIMIT}-character column and have no continuation in the comments file: the last statement is cut and is not mapped (the text stays in remarks)`,
    );
  const facts = readRemarks(remarkText, isCountry, cut);
  for (const p of facts.problems) warn(p.field, p.message);

  const name = (value(record.SDN_Name) ?? '').replace(/\s+/g, ' ');
  const type = value(record.SDN_Type);
  const programs = splitPrograms(value(record.Program));
  for (const p of facts.programs) if (!programs.includes(p)) programs.push(p);
  const listingDate = earliest(facts.listingDates);
  const remarks = remarkText.trim();
  const entity: ListedEntity = {
    id: `${load.source}-${recordId}`,
    schema: schemaFor(type, name, facts),
    properties: {},
    source: load.source,
    sourceRecordId: recordId,
    programs,
    topics: load.blocking ? ['sanction'] : ['export.risk'],
    remarks: remarks ? [remarks] : [],
    related: [],
    raw: rawOf(input),
  };
  if (listingDate) entity.listingDate = listingDate;
  if (type && entity.schema === 'LegalEntity')
    warn('SDN_Type', `unknown entry type "${type}": mapped as LegalEntity`);

  addValues(entity, 'name', name);
  mapNames(entity, input.aliases, facts);
  const idOf = load.idOf;
  if (entity.schema === 'Person') mapPerson(entity, record, facts, warn);
  else if (entity.schema === 'Vessel') mapVessel(entity, record, facts, load.names, idOf, warn);
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
  if (input.addresses?.length) mapAddresses(entity, input.addresses, load);
  if (facts.links.length) mapLinks(entity, facts, load);

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

/** Aliases from the alt file (aka/nka → alias, fka → previousName) and the remarks (weak). */
function mapNames(
  entity: ListedEntity,
  aliases: Located<AltRecord>[] | undefined,
  facts: RemarkFacts,
): void {
  for (const { record } of aliases ?? []) {
    const alt = value(record.alt_name);
    const kind = value(record.alt_type)?.toLowerCase().replace(/\./g, '');
    addValues(entity, kind === 'fka' ? 'previousName' : 'alias', alt);
  }
  set(entity, 'weakAlias', facts.weakAliases);
  set(entity, 'previousName', facts.previousNames);
}

/** "Linked To: NAME" → UnknownLink to the entry of that name, when exactly one has it. */
function mapLinks(entity: ListedEntity, facts: RemarkFacts, load: LoadContext): void {
  facts.links.forEach((link, i) => {
    let r = load.names.resolve(link.name, entity.sourceRecordId);
    if (!('id' in r) && link.alt) {
      const alt = load.names.resolve(link.alt, entity.sourceRecordId);
      if ('id' in alt || 'missing' in r) r = alt;
    }
    if (!('id' in r)) {
      // The statement stays in the remarks; the key counter still advances so keys are stable.
      if ('ambiguous' in r) load.linkStats.ambiguous++;
      else load.linkStats.missing++;
      return;
    }
    const rel = makeEntity('UnknownLink', `${entity.id}-link-${i + 1}`);
    addValues(rel, 'subject', entity.id);
    addValues(rel, 'object', load.idOf(r.id));
    addValues(rel, 'role', 'Linked To');
    entity.related.push(rel);
  });
}
