/**
 * @module
 * Checking and preparing a screening query: names tokenised, dates and countries validated,
 * identifiers normalised. Bad input gets an INVALID_QUERY error naming the field.
 */
import {
  EmbargoError,
  ERROR_CODES,
  isPartialDate,
  isSchemaName,
  isMatchable,
  type ScreeningQuery,
  type SchemaName,
} from '../core/index.ts';
import {
  countryCode,
  nameReadings,
  tokenizeName,
  undress,
  type NameToken,
} from '../normalize/index.ts';
import { IDENTIFIER_PROPS, normalizeIdentifier } from './index/entity.ts';
import type { IndexedIdentifier } from './types.ts';

/** Longest name screened; longer ones are cut there and the response says so. */
export const MAX_NAME_LENGTH = 300;
/** Most names (name + aliases) one query may carry. */
export const MAX_NAMES = 20;

/** A query ready for matching. */
export interface ParsedQuery {
  schema: SchemaName;
  /**
   * The names to screen: each name as written, then the names its document dressing stands for
   * (see `undress`), with `from` the written name they were taken from.
   */
  names: { text: string; tokens: NameToken[]; from?: string }[];
  birthDates: string[];
  countries: string[];
  gender: string | undefined;
  identifiers: IndexedIdentifier[];
  /** Things changed on the way in (a name cut to length), reported with the results. */
  warnings: string[];
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * What cleaning a name would change: a control character, a blank other than a single space,
 * or a space at either end. Most names have none, and are kept as they are without the copies.
 */
// eslint-disable-next-line no-control-regex -- see CONTROL
const UNCLEAN = /[\u0000-\u001f\u007f-\u009f]|(?! )\s| {2}|^ | $/;

/** The properties of a query that name a country. */
const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag'] as const;
const GENDERS: ReadonlySet<string> = new Set(['male', 'female', 'other']);

function invalid(message: string, field: string): EmbargoError {
  return new EmbargoError(ERROR_CODES.INVALID_QUERY, message, { field });
}

/** Validates and prepares a query. */
export function parseQuery(query: ScreeningQuery): ParsedQuery {
  const schema = query.schema ?? 'Thing';
  if (!isSchemaName(schema) || (schema !== 'Thing' && !isMatchable(schema)))
    throw invalid(
      `unknown schema "${String(schema)}": use Person, Organization, Company, LegalEntity, Vessel, Airplane or Thing`,
      'schema',
    );
  const props = query.properties ?? {};
  const warnings: string[] = [];
  const names: ParsedQuery['names'] = [];
  // Most queries have a list of names and no alias: no copy then.
  const rawNames =
    props.alias === undefined && Array.isArray(props.name)
      ? props.name
      : [...(props.name ?? []), ...(props.alias ?? [])];
  for (let r = 0; r < rawNames.length && r < MAX_NAMES; r++) {
    const raw = rawNames[r];
    if (typeof raw !== 'string') throw invalid('name values must be strings', 'name');
    // Invisible characters add readings of the name (see normalize/formatChars.ts).
    const readings = nameReadings(raw);
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i]!;
      let text = UNCLEAN.test(reading)
        ? reading.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
        : reading;
      if (text.length > MAX_NAME_LENGTH) {
        if (i === 0)
          warnings.push(`name cut to ${MAX_NAME_LENGTH} characters (it had ${text.length})`);
        text = text.slice(0, MAX_NAME_LENGTH);
      }
      const tokens = tokenizeName(text);
      if (tokens.length && !names.some((n) => n.text === text)) names.push({ text, tokens });
      // A vessel prefix (MV, MT, MS) may be a person's initials: not taken off a person's name.
      for (const alt of undress(text, schema !== 'Person')) {
        const altTokens = tokenizeName(alt.text);
        if (!altTokens.length || names.length >= MAX_NAMES * 2) continue;
        if (names.some((n) => n.text === alt.text)) continue;
        names.push({ text: alt.text, tokens: altTokens, from: text });
        if (i === 0)
          warnings.push(`"${text}" was also screened as "${alt.text}" (${alt.removed.join(', ')})`);
      }
    }
  }
  if (rawNames.length > MAX_NAMES) warnings.push(`only the first ${MAX_NAMES} names were screened`);
  const identifiers: IndexedIdentifier[] = [];
  for (const prop of IDENTIFIER_PROPS)
    for (const raw of props[prop] ?? []) {
      const value = normalizeIdentifier(String(raw));
      if (value) identifiers.push({ prop, value });
    }
  if (!names.length && !identifiers.length)
    throw invalid('the query has no name (and no identifier) to screen', 'name');
  const birthDates = (props.birthDate ?? []).map((d) => {
    const v = String(d).trim();
    if (!isPartialDate(v))
      throw invalid(`birthDate "${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, 'birthDate');
    return v;
  });
  const countries: string[] = [];
  for (const prop of COUNTRY_PROPS) {
    for (const raw of props[prop] ?? []) {
      const code = countryCode(String(raw));
      if (!code) throw invalid(`${prop} "${raw}" is not a country name or code`, prop);
      countries.push(code);
    }
  }
  const gender = props.gender?.[0]?.toLowerCase();
  if (gender !== undefined && !GENDERS.has(gender))
    throw invalid(`gender "${gender}" is not male, female or other`, 'gender');
  return { schema, names, birthDates, countries, gender, identifiers, warnings };
}
