/**
 * @module
 * Builders for the Sanction, Address and Identification entities that hang off a listed entity.
 * Shared by every source so that ids and shapes stay alike across lists.
 */
import { addValues, type FtmEntity, type ListedEntity } from '../core/index.ts';
import { countryCode } from '../normalize/index.ts';

/** Creates an empty entity of a schema. */
export function makeEntity<S extends FtmEntity['schema']>(
  schema: S,
  id: string,
): FtmEntity & { schema: S } {
  return { id, schema, properties: {} };
}

/** Parts of an address as a list states them. */
export interface AddressParts {
  street?: string | undefined;
  city?: string | undefined;
  postalCode?: string | undefined;
  region?: string | undefined;
  /** Country name as written; mapped to a code. */
  country?: string | undefined;
  remarks?: string | undefined;
}

/**
 * Adds an Address entity to `owner.related`, links it through `addressEntity`, and copies the
 * one-line form into `address` and the country into `country`. Returns undefined for an empty address.
 */
export function attachAddress(
  owner: ListedEntity,
  key: string,
  parts: AddressParts,
): FtmEntity | undefined {
  const code = countryCode(parts.country);
  const lineParts = [parts.street, parts.city, parts.postalCode, parts.region, parts.country]
    .map((p) => p?.replace(/\s+/g, ' ').trim())
    .filter((p): p is string => !!p);
  if (!lineParts.length) return undefined;
  const full = lineParts.join(', ');
  const addr = makeEntity('Address', `${owner.id}-addr-${key}`);
  addValues(addr, 'full', full);
  addValues(addr, 'street', parts.street);
  addValues(addr, 'city', parts.city);
  addValues(addr, 'postalCode', parts.postalCode);
  addValues(addr, 'region', parts.region);
  addValues(addr, 'country', code);
  addValues(addr, 'remarks', parts.remarks);
  owner.related.push(addr);
  addValues(owner, 'addressEntity', addr.id);
  // A bare country is not an address line, but still says where the party is.
  if (lineParts.length > 1 || !code) addValues(owner, 'address', full);
  addValues(owner, 'country', code);
  return addr;
}

/** Fields of the Sanction entity for one listing. */
export interface SanctionParts {
  authority: string;
  /** ISO code of the sanctioning country (`us`, `gb`); absent for the UN and EU. */
  country?: string;
  programs: string[];
  authorityId?: string;
  unscId?: string;
  listingDate?: string;
  modifiedAt?: string;
  startDate?: string;
  endDate?: string;
  provisions?: string[];
  reason?: string;
  sourceUrl?: string;
}

/** Adds the Sanction entity (`<id>-sanction`) to `owner.related`. */
export function attachSanction(owner: ListedEntity, parts: SanctionParts): FtmEntity {
  const s = makeEntity('Sanction', `${owner.id}-sanction`);
  addValues(s, 'entity', owner.id);
  addValues(s, 'authority', parts.authority);
  addValues(s, 'country', parts.country);
  addValues(s, 'program', ...parts.programs);
  addValues(s, 'authorityId', parts.authorityId);
  addValues(s, 'unscId', parts.unscId);
  addValues(s, 'listingDate', parts.listingDate);
  addValues(s, 'modifiedAt', parts.modifiedAt);
  addValues(s, 'startDate', parts.startDate);
  addValues(s, 'endDate', parts.endDate);
  addValues(s, 'provisions', ...(parts.provisions ?? []));
  addValues(s, 'reason', parts.reason);
  addValues(s, 'sourceUrl', parts.sourceUrl);
  owner.related.push(s);
  return s;
}

/** Fields of an identity document. */
export interface IdentificationParts {
  /** `passport` makes a Passport entity; anything else an Identification. */
  kind: 'passport' | 'national-id' | 'registration' | 'tax' | 'other';
  number: string;
  type?: string | undefined;
  country?: string | undefined;
  authority?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  summary?: string | undefined;
}

/**
 * Adds a Passport or Identification entity to `owner.related` and copies the number onto the
 * owner's matching property (passportNumber, idNumber, registrationNumber, taxNumber), so that the
 * matcher sees identifiers on the entity itself.
 */
export function attachIdentification(
  owner: ListedEntity,
  key: string,
  parts: IdentificationParts,
): FtmEntity {
  const doc = makeEntity(
    parts.kind === 'passport' ? 'Passport' : 'Identification',
    `${owner.id}-id-${key}`,
  );
  addValues(doc, 'holder', owner.id);
  addValues(doc, 'number', parts.number);
  addValues(doc, 'type', parts.type);
  addValues(doc, 'country', countryCode(parts.country));
  addValues(doc, 'authority', parts.authority);
  addValues(doc, 'startDate', parts.startDate);
  addValues(doc, 'endDate', parts.endDate);
  addValues(doc, 'summary', parts.summary);
  owner.related.push(doc);
  const isPerson = owner.schema === 'Person';
  const prop =
    parts.kind === 'passport'
      ? isPerson
        ? 'passportNumber'
        : 'idNumber'
      : parts.kind === 'registration'
        ? 'registrationNumber'
        : parts.kind === 'tax'
          ? 'taxNumber'
          : 'idNumber';
  if (owner.schema !== 'Vessel' && owner.schema !== 'Airplane')
    addValues(owner, prop, parts.number);
  else addValues(owner, 'registrationNumber', parts.number);
  return doc;
}
