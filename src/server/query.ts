/**
 * @module
 * yente's query-by-example entity (`{"schema", "properties"}`) as an Embargo screening query.
 * yente accepts a property as one string or a list; names may come whole (`name`) or in parts
 * (`firstName`, `lastName`…, as in OpenSanctions' own examples), which are joined into names.
 */
import {
  EmbargoError,
  ERROR_CODES,
  isMatchable,
  isSchemaName,
  type Properties,
  type ScreeningQuery,
} from '../core/index.ts';

/** yente's EntityExample. */
export interface EntityExample {
  id?: string | null;
  schema: string;
  properties: Record<string, unknown>;
}

/** Name parts, in the order they are joined. */
const NAME_PARTS = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'] as const;
/** Most names composed from parts (each first name with each last name). */
const MAX_COMPOSED = 10;

/** A property value as a list of strings: numbers are written out, other things dropped. */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string') {
      if (v.trim()) out.push(v);
    } else if (typeof v === 'number' && Number.isFinite(v)) out.push(String(v));
  }
  return out;
}

/** Names from parts: every first name with every last name, middle parts' first values between. */
function composeNames(props: Properties): string[] {
  const firsts = props.firstName?.length ? props.firstName : [''];
  const lasts = props.lastName?.length ? props.lastName : [''];
  const middle = ['secondName', 'middleName', 'fatherName']
    .map((p) => props[p]?.[0])
    .filter((v): v is string => !!v);
  const names: string[] = [];
  for (const f of firsts)
    for (const l of lasts) {
      const name = [f, ...middle, l].filter(Boolean).join(' ');
      if (name && !names.includes(name)) names.push(name);
      if (names.length >= MAX_COMPOSED) return names;
    }
  return names;
}

/**
 * The screening query of an example, and the example as echoed back (`query` in yente's
 * response: every property a list of strings). INVALID_QUERY (400) for a schema Embargo does not
 * screen against.
 */
export function exampleToQuery(example: EntityExample): {
  query: ScreeningQuery;
  echo: { id: string | null; schema: string; properties: Properties };
} {
  const schema = example.schema;
  if (!isSchemaName(schema) || (schema !== 'Thing' && !isMatchable(schema)))
    throw new EmbargoError(
      ERROR_CODES.INVALID_QUERY,
      `unknown schema ${JSON.stringify(schema)}: use Person, Organization, Company, LegalEntity, Vessel, Airplane or Thing`,
      { field: 'schema' },
    );
  const properties: Properties = {};
  for (const [prop, value] of Object.entries(example.properties ?? {})) {
    const values = strings(value);
    if (values.length) properties[prop] = values;
  }
  const screened: Properties = { ...properties };
  if (NAME_PARTS.some((p) => properties[p]?.length)) {
    const composed = composeNames(properties).filter((n) => !properties.name?.includes(n));
    if (composed.length) screened.name = [...(properties.name ?? []), ...composed];
  }
  return {
    query: { schema, properties: screened },
    echo: { id: example.id ?? null, schema, properties },
  };
}
