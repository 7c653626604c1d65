/**
 * @module
 * Small value helpers shared by the OFAC mappers: numbers, countries and the warning callback.
 */
import { addValues, schemaProperties, type ListedEntity } from '../../core/index.ts';
import { countryCode } from '../../normalize/index.ts';

// countryCode folds the name before its own cache lookup; the same few hundred country texts
// recur thousands of times per load, so they are cached here as written.
const countryCache = new Map<string, string | undefined>();
/** The country code for a country name as OFAC writes it, cached. */
export const lookup = (name: string): string | undefined => {
  if (countryCache.has(name)) return countryCache.get(name);
  const code = countryCode(name);
  countryCache.set(name, code);
  return code;
};
/** Whether a text is a country name. */
export const isCountry = (name: string): boolean => lookup(name) !== undefined;

/** Adds values to a property only when there are some and the entity's schema has it. */
export function set(entity: ListedEntity, prop: string, values: string[]): void {
  if (values.length && schemaProperties(entity.schema)[prop]) addValues(entity, prop, ...values);
}

/** Reports a value that could not be mapped (an unknown country). */
export type Warn = (field: string, message: string) => void;

/** Country-like texts that say there is none: no warning for these. */
export const NO_COUNTRY = /^(none identified|undetermined|unknown)$/i;

/** Numbers as OFAC writes them ("318,000") without thousands separators. */
export function number(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const n = text.replace(/,/g, '').trim();
  return /^\d+(\.\d+)?$/.test(n) ? n : undefined;
}

/** Maps a country name to `prop`, or warns and keeps the name in notes under `label`. */
export function mapCountry(
  entity: ListedEntity,
  prop: string,
  label: string,
  name: string | undefined,
  warn: Warn,
): void {
  if (!name || NO_COUNTRY.test(name)) return;
  // "Region: Gaza": a region named where a country is expected; its country may still be known.
  const code = lookup(name.replace(/^Region:\s*/i, ''));
  if (code) addValues(entity, prop, code);
  else {
    addValues(entity, 'notes', `${label}: ${name}`);
    warn(label, `unknown country "${name}" kept in notes`);
  }
}
