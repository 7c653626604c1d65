/**
 * @module
 * The subset of the FollowTheMoney (FtM) model that sanctions lists need. Names of schemata and
 * properties are FtM's, so entities move both ways between Embargo and FtM tools (yente, nomenklatura).
 */

/** FtM property types we validate. */
export type PropertyType =
  | 'name'
  | 'string'
  | 'text'
  | 'date'
  | 'country'
  | 'identifier'
  | 'gender'
  | 'entity'
  | 'number'
  | 'url'
  | 'email'
  | 'phone'
  | 'address';

/** Schemata Embargo produces. */
export const SCHEMA_NAMES = [
  'Thing',
  'LegalEntity',
  'Person',
  'Organization',
  'Company',
  'Vessel',
  'Airplane',
  'Sanction',
  'Address',
  'Identification',
  'Passport',
  'UnknownLink',
] as const;

/** One of {@link SCHEMA_NAMES}. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

interface SchemaDef {
  extends: SchemaName[];
  /** Entities a user can screen against (FtM's `matchable`). */
  matchable: boolean;
  properties: Record<string, PropertyType>;
}

const THING: Record<string, PropertyType> = {
  name: 'name',
  alias: 'name',
  weakAlias: 'name',
  previousName: 'name',
  summary: 'text',
  description: 'text',
  notes: 'text',
  country: 'country',
  address: 'address',
  addressEntity: 'entity',
  program: 'string',
  topics: 'string',
  sourceUrl: 'url',
  createdAt: 'date',
  modifiedAt: 'date',
};

const LEGAL_ENTITY: Record<string, PropertyType> = {
  email: 'email',
  phone: 'phone',
  website: 'url',
  legalForm: 'string',
  incorporationDate: 'date',
  dissolutionDate: 'date',
  status: 'string',
  sector: 'string',
  registrationNumber: 'identifier',
  idNumber: 'identifier',
  taxNumber: 'identifier',
  jurisdiction: 'country',
  mainCountry: 'country',
  innCode: 'identifier',
  ogrnCode: 'identifier',
  leiCode: 'identifier',
  dunsCode: 'identifier',
  swiftBic: 'identifier',
  vatCode: 'identifier',
};

const SCHEMATA: Record<SchemaName, SchemaDef> = {
  Thing: { extends: [], matchable: false, properties: THING },
  LegalEntity: { extends: ['Thing'], matchable: true, properties: LEGAL_ENTITY },
  Person: {
    extends: ['LegalEntity'],
    matchable: true,
    properties: {
      title: 'string',
      firstName: 'name',
      secondName: 'name',
      middleName: 'name',
      fatherName: 'name',
      motherName: 'name',
      lastName: 'name',
      nameSuffix: 'name',
      birthDate: 'date',
      birthPlace: 'string',
      birthCountry: 'country',
      deathDate: 'date',
      position: 'string',
      nationality: 'country',
      citizenship: 'country',
      passportNumber: 'identifier',
      socialSecurityNumber: 'identifier',
      gender: 'gender',
      religion: 'string',
      political: 'string',
      education: 'string',
    },
  },
  // FtM gives Organization an imoNumber: the IMO's unique company and registered-owner number,
  // which OFAC lists as "Company Number IMO" / "Identification Number IMO" on shipping firms.
  Organization: {
    extends: ['LegalEntity'],
    matchable: true,
    properties: { imoNumber: 'identifier', numEmployees: 'number' },
  },
  Company: { extends: ['Organization'], matchable: true, properties: { capital: 'string' } },
  Vessel: {
    extends: ['Thing'],
    matchable: true,
    properties: {
      type: 'string',
      model: 'string',
      owner: 'entity',
      operator: 'entity',
      buildDate: 'date',
      registrationNumber: 'identifier',
      imoNumber: 'identifier',
      crsNumber: 'identifier',
      flag: 'country',
      pastFlags: 'country',
      registrationPort: 'string',
      tonnage: 'number',
      grossRegisteredTonnage: 'number',
      deadweightTonnage: 'number',
      callSign: 'identifier',
      mmsi: 'identifier',
      pastTypes: 'string',
    },
  },
  Airplane: {
    extends: ['Thing'],
    matchable: true,
    properties: {
      type: 'string',
      model: 'string',
      owner: 'entity',
      operator: 'entity',
      buildDate: 'date',
      registrationNumber: 'identifier',
      serialNumber: 'identifier',
      icaoCode: 'identifier',
      manufacturer: 'string',
    },
  },
  Sanction: {
    extends: [],
    matchable: false,
    properties: {
      entity: 'entity',
      authority: 'string',
      authorityId: 'identifier',
      unscId: 'identifier',
      program: 'string',
      programId: 'identifier',
      provisions: 'string',
      status: 'string',
      reason: 'text',
      country: 'country',
      listingDate: 'date',
      startDate: 'date',
      endDate: 'date',
      modifiedAt: 'date',
      sourceUrl: 'url',
      summary: 'text',
    },
  },
  Address: {
    extends: [],
    matchable: false,
    properties: {
      full: 'address',
      remarks: 'text',
      postOfficeBox: 'string',
      street: 'string',
      street2: 'string',
      city: 'string',
      postalCode: 'string',
      region: 'string',
      state: 'string',
      country: 'country',
      summary: 'text',
    },
  },
  Identification: {
    extends: [],
    matchable: false,
    properties: {
      holder: 'entity',
      type: 'string',
      number: 'identifier',
      country: 'country',
      authority: 'string',
      startDate: 'date',
      endDate: 'date',
      summary: 'text',
    },
  },
  Passport: { extends: ['Identification'], matchable: false, properties: {} },
  UnknownLink: {
    extends: [],
    matchable: false,
    properties: { subject: 'entity', object: 'entity', role: 'string', summary: 'text' },
  },
};

const resolved = new Map<SchemaName, Record<string, PropertyType>>();

/** All properties of a schema, inherited ones included. */
export function schemaProperties(schema: SchemaName): Record<string, PropertyType> {
  let props = resolved.get(schema);
  if (!props) {
    const def = SCHEMATA[schema];
    props = {};
    for (const parent of def.extends) Object.assign(props, schemaProperties(parent));
    Object.assign(props, def.properties);
    resolved.set(schema, props);
  }
  return props;
}

/** True for a schema name Embargo knows. */
export function isSchemaName(value: string): value is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(value);
}

/** True when `schema` is `ancestor` or inherits from it (Company is a LegalEntity). */
export function isA(schema: SchemaName, ancestor: SchemaName): boolean {
  if (schema === ancestor) return true;
  return SCHEMATA[schema].extends.some((p) => isA(p, ancestor));
}

/** Whether entities of this schema are screened against (people, organisations, vessels, aircraft). */
export function isMatchable(schema: SchemaName): boolean {
  return SCHEMATA[schema].matchable;
}
