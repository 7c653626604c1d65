/**
 * @module
 * Turning a stored entity into what the matcher keeps: names to index, dates, countries,
 * identifiers, all normalised once.
 */
import { caption, type StoredEntity } from '../../core/index.ts';
import type { IndexedEntity, IndexedIdentifier } from '../types.ts';

/** Properties holding names a party is known by; `weakAlias` is matched but counts less. */
export const STRONG_NAME_PROPS = ['name', 'alias', 'previousName'] as const;

/** Properties whose values locate a party in a country. */
export const COUNTRY_PROPS = [
  'nationality',
  'citizenship',
  'country',
  'birthCountry',
  'flag',
  'jurisdiction',
  'mainCountry',
];

/**
 * Identifier properties. An exact match on one of them is decisive: passports, national and
 * company registration numbers, tax numbers, a vessel's IMO number and MMSI, LEI, SWIFT/BIC.
 */
export const IDENTIFIER_PROPS = [
  'passportNumber',
  'idNumber',
  'registrationNumber',
  'taxNumber',
  'imoNumber',
  'mmsi',
  'innCode',
  'ogrnCode',
  'leiCode',
  'swiftBic',
  'vatCode',
  'socialSecurityNumber',
];

/** Upper-case letters and digits of an identifier; '' when too short to be telling. */
export function normalizeIdentifier(value: string): string {
  const v = value
    .toUpperCase()
    .replace(/^IMO/, '')
    .replace(/[^A-Z0-9]/g, '');
  return v.length >= 4 ? v : '';
}

/** The matcher's view of a stored entity. */
export function toIndexedEntity(e: StoredEntity): IndexedEntity {
  const p = e.properties;
  const identifiers: IndexedIdentifier[] = [];
  for (const prop of IDENTIFIER_PROPS)
    for (const raw of p[prop] ?? []) {
      const value = normalizeIdentifier(raw);
      if (value) identifiers.push({ prop, value });
    }
  const countries = new Set<string>();
  for (const prop of COUNTRY_PROPS) for (const c of p[prop] ?? []) countries.add(c);
  return {
    id: e.id,
    schema: e.schema,
    caption: caption(e),
    source: e.source,
    topics: e.topics,
    programs: e.programs,
    propertiesJson: JSON.stringify(p),
    birthDates: p.birthDate ?? [],
    countries: [...countries],
    gender: p.gender?.[0],
    identifiers,
    firstSeen: e.firstSeen,
    lastChange: e.lastChange,
  };
}
