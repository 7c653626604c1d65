/**
 * @module
 * Vessel and aircraft properties: the vessel columns of the primary file (call sign, type,
 * tonnage, GRT, flag, owner) and the vessel / aircraft statements of the remarks.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import type { VesselColumns } from './context.ts';
import type { NameIndex } from './names.ts';
import type { RemarkFacts } from './remarks.ts';
import { mapCountry as country, number, type Warn } from './values.ts';

/**
 * Sets `prop` to the entity an owner/operator name refers to when exactly one listed entry of the
 * load carries that name, else keeps the name in `notes` ("Owner: …") so it is not lost.
 */
function party(
  entity: ListedEntity,
  prop: 'owner' | 'operator',
  name: string,
  names: NameIndex,
  idOf: (recordId: string) => string,
): void {
  const r = names.resolve(name, entity.sourceRecordId);
  if ('id' in r) addValues(entity, prop, idOf(r.id));
  else addValues(entity, 'notes', `${prop === 'owner' ? 'Owner' : 'Operator'}: ${name}`);
}

/** Fills a Vessel from the vessel columns and the remarks. */
export function mapVessel(
  entity: ListedEntity,
  columns: VesselColumns,
  facts: RemarkFacts,
  names: NameIndex,
  idOf: (recordId: string) => string,
  warn: Warn,
): void {
  addValues(entity, 'callSign', columns.callSign, ...facts.callSigns);
  addValues(entity, 'type', columns.type);
  addValues(entity, 'pastTypes', ...facts.pastTypes);
  addValues(entity, 'tonnage', number(columns.tonnage));
  addValues(entity, 'grossRegisteredTonnage', number(columns.grt));
  country(entity, 'flag', 'Flag', columns.flag, warn);
  for (const f of facts.pastFlags) country(entity, 'pastFlags', 'Former flag', f, warn);
  addValues(entity, 'imoNumber', ...facts.imoNumbers);
  addValues(entity, 'mmsi', ...facts.mmsi);
  addValues(entity, 'buildDate', ...facts.buildDates);
  if (columns.owner) party(entity, 'owner', columns.owner, names, idOf);
}

/** Fills an Airplane from the remarks. */
export function mapAircraft(
  entity: ListedEntity,
  facts: RemarkFacts,
  names: NameIndex,
  idOf: (recordId: string) => string,
  warn: Warn,
): void {
  addValues(entity, 'model', ...facts.models);
  addValues(entity, 'serialNumber', ...facts.serialNumbers);
  addValues(entity, 'registrationNumber', ...facts.tailNumbers);
  addValues(entity, 'buildDate', ...facts.buildDates);
  for (const t of facts.previousTailNumbers)
    addValues(entity, 'notes', `Previous tail number: ${t}`);
  for (const m of facts.modeS) addValues(entity, 'notes', `Mode S transponder code: ${m}`);
  for (const c of facts.registrationCountries)
    country(entity, 'country', 'Nationality of registration', c, warn);
  for (const op of facts.operators) party(entity, 'operator', op, names, idOf);
}
