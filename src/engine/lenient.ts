/**
 * @module
 * Making a query from a file or a batch request screenable: a qualifier that cannot be used (a
 * date of birth written loosely or wrongly, an unknown country, gender or schema, an identifier
 * too short to tell anything) is read as far as it can be or dropped, with a warning saying what
 * happened, and the name is screened all the same. A batch that refused the row instead would
 * leave a name unscreened for a typo in its date (issue 11, point 4b); dropping a qualifier only
 * widens the search, so it can hide no match. Only a query with no name and no identifier left
 * stays an error, in the matcher.
 */
import {
  isMatchable,
  isSchemaName,
  parseLooseDate,
  type Properties,
  type ScreeningQuery,
  type SchemaName,
} from '../core/index.ts';
import { IDENTIFIER_PROPS, normalizeIdentifier } from '../match/index.ts';
import { countryCode } from '../normalize/index.ts';

/** Properties the matcher reads as countries (see match/query.ts). */
const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag'];
/** Date properties the matcher compares. */
const DATE_PROPS = ['birthDate'];
/** Common ways of writing a gender, folded to FtM's values. */
const GENDERS: Readonly<Record<string, string>> = {
  male: 'male',
  m: 'male',
  man: 'male',
  female: 'female',
  f: 'female',
  woman: 'female',
  other: 'other',
};

/** A query with its unusable qualifiers read loosely or dropped, and what was done to it. */
export interface LenientQuery {
  query: ScreeningQuery;
  /** One sentence per value changed or dropped, naming the property and the value. */
  warnings: string[];
}

/**
 * Reads a query's qualifiers leniently (see the module comment). Names are left alone: the
 * matcher cleans them, and refuses the query when no name (and no identifier) is left.
 */
export function lenientQuery(query: ScreeningQuery): LenientQuery {
  const warnings: string[] = [];
  let schema = query.schema ?? 'Thing';
  if (!isSchemaName(schema) || (schema !== 'Thing' && !isMatchable(schema))) {
    warnings.push(
      `schema ${JSON.stringify(schema)} is not one Embargo screens (Person, Organization, Company, LegalEntity, Vessel, Airplane); screened as any kind of entity`,
    );
    schema = 'Thing' as SchemaName;
  }
  const properties: Properties = {};
  for (const [prop, values] of Object.entries(query.properties ?? {})) {
    if (!Array.isArray(values)) continue;
    const kept: string[] = [];
    for (const raw of values) {
      const value = typeof raw === 'string' ? raw : String(raw);
      const v = lenientValue(prop, value, warnings);
      if (v !== undefined && !kept.includes(v)) kept.push(v);
    }
    if (kept.length) properties[prop] = kept;
  }
  return { query: { schema, properties }, warnings };
}

/** One value read leniently: the value to screen with, or undefined when dropped (warned). */
function lenientValue(prop: string, value: string, warnings: string[]): string | undefined {
  const v = value.trim();
  if (DATE_PROPS.includes(prop)) {
    const r = parseLooseDate(v);
    if (r.warning) warnings.push(`${prop} ${r.warning}`);
    return r.date;
  }
  if (COUNTRY_PROPS.includes(prop)) {
    if (countryCode(v)) return v;
    warnings.push(`${prop} ${JSON.stringify(v)} is not a country name or code; dropped`);
    return undefined;
  }
  if (prop === 'gender') {
    const g = GENDERS[v.toLowerCase()];
    if (!g) warnings.push(`gender ${JSON.stringify(v)} is not male, female or other; dropped`);
    return g;
  }
  if (IDENTIFIER_PROPS.includes(prop) && !normalizeIdentifier(v)) {
    warnings.push(
      `${prop} ${JSON.stringify(v)} has fewer than 4 letters or digits, too few to identify anything; dropped`,
    );
    return undefined;
  }
  return value;
}
