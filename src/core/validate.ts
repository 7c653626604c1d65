/**
 * @module
 * Validation of entities against the schema before a snapshot may become active. A parser drops
 * bad values with a warning; anything that still reaches here invalid is refused.
 */
import { isPartialDate } from './dates.ts';
import type { FtmEntity, ListedEntity } from './entity.ts';
import { isSourceId } from './entity.ts';
import { EmbargoError, ERROR_CODES } from './errors.ts';
import type { PropertyType } from './schema.ts';
import { isMatchable, isSchemaName, schemaProperties } from './schema.ts';
import { isTopic } from './topics.ts';

const COUNTRY = /^[a-z]{2}(-[a-z0-9]{1,8})?$|^[a-z]{4}$/;
const CHECKS: Partial<Record<PropertyType, (v: string) => boolean>> = {
  date: isPartialDate,
  country: (v) => COUNTRY.test(v),
  gender: (v) => v === 'male' || v === 'female' || v === 'other',
  number: (v) => /^-?\d+(\.\d+)?$/.test(v.replace(/,/g, '')),
};

/** Problems with one FtM entity, as readable sentences; empty when it is valid. */
export function entityProblems(entity: FtmEntity): string[] {
  const problems: string[] = [];
  if (!entity.id) problems.push('entity has no id');
  if (!isSchemaName(entity.schema)) return [...problems, `unknown schema ${String(entity.schema)}`];
  const props = schemaProperties(entity.schema);
  for (const [prop, values] of Object.entries(entity.properties)) {
    const type = props[prop];
    if (!type) {
      problems.push(`${entity.schema} has no property ${prop}`);
      continue;
    }
    if (!Array.isArray(values)) {
      problems.push(`${prop} is not a list of values`);
      continue;
    }
    const check = CHECKS[type];
    for (const v of values) {
      if (typeof v !== 'string' || v.trim() === '') problems.push(`${prop} has an empty value`);
      else if (check && !check(v))
        problems.push(`${prop} value ${JSON.stringify(v)} is not a ${type}`);
    }
  }
  return problems;
}

/** Throws an INVALID_ENTITY error unless the listed entity and its related entities are valid. */
export function validateListedEntity(entity: ListedEntity): void {
  const problems = entityProblems(entity);
  if (!isSourceId(entity.source)) problems.push(`unknown source ${String(entity.source)}`);
  if (!entity.sourceRecordId) problems.push('no record id in the source');
  if (isSchemaName(entity.schema) && !isMatchable(entity.schema))
    problems.push(
      `a listed entity must be a person, organisation, vessel or aircraft, not ${entity.schema}`,
    );
  if (!entity.properties.name?.length) problems.push('listed entity has no name');
  for (const t of entity.topics) if (!isTopic(t)) problems.push(`unknown topic ${String(t)}`);
  if (entity.listingDate !== undefined && !isPartialDate(entity.listingDate))
    problems.push(`listing date ${entity.listingDate} is not a date`);
  for (const rel of entity.related) {
    for (const p of entityProblems(rel)) problems.push(`related ${rel.id}: ${p}`);
  }
  if (problems.length) {
    throw new EmbargoError(
      ERROR_CODES.INVALID_ENTITY,
      `entity ${entity.id} is invalid: ${problems.join('; ')}`,
      { record: entity.sourceRecordId },
    );
  }
}
