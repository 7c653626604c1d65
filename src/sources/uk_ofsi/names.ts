/**
 * @module
 * Names of one target. Each ConList row is one name: Name 1–5 are the given names in the order the
 * source gives them, Name 6 the family name (or, for an entity, the whole name). Alias Type says
 * whether the row is the main name ("Prime Alias"), an alias ("AKA") or a former name ("FKA").
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import type { OfsiRecord } from './layout.ts';

const GIVEN = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'] as const;

/** Collapses runs of white space and trims; OFSI cells often carry stray spaces (" AL-QAHTANI"). */
export function tidy(text: string | undefined): string {
  if (!text) return '';
  const trimmed = text.trim();
  // Most cells are clean: skip the regular expression unless there is inner white space to fold.
  return /\s\s|[\t\r\n]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** The name of a row in natural order: given names, then Name 6. */
export function fullName(record: OfsiRecord): string {
  return [...GIVEN.map((c) => tidy(record[c])), tidy(record['Name 6'])].filter(Boolean).join(' ');
}

/** How a name row is used. */
export type NameRole = 'prime' | 'alias' | 'former';

/** Role of a row from its Alias Type, or undefined for a value we do not know. */
export function nameRole(aliasType: string): NameRole | undefined {
  switch (tidy(aliasType).toLowerCase()) {
    case 'prime alias':
      return 'prime';
    case 'aka':
      return 'alias';
    case 'fka':
      return 'former';
    default:
      return undefined;
  }
}

/** A name row: the record, how its name is used, and the name in natural order. */
export interface NamedRow {
  record: OfsiRecord;
  role: NameRole;
  name: string;
}

/**
 * Sets `name`, `alias` and `previousName` from the rows. The first Prime Alias in file order is
 * the name; further distinct Prime Alias names (the file repeats a target's main name with other
 * spellings) become aliases. A target with no Prime Alias row takes its first AKA, then its first
 * FKA, as name, so that no target is nameless. Name parts are set from the main-name rows only,
 * for people: an alias's parts would pair given names with the wrong family names.
 */
export function applyNames(entity: ListedEntity, rows: NamedRow[]): void {
  const named = rows.filter((r) => r.name);
  const main =
    named.find((r) => r.role === 'prime') ??
    named.find((r) => r.role === 'alias') ??
    named.find((r) => r.role === 'former');
  if (!main) return;
  addValues(entity, 'name', main.name);
  const done = new Set<string>();
  for (const { record, role, name } of named) {
    const key = `${role}\0${name}`;
    if (done.has(key)) continue;
    done.add(key);
    if (role === 'former') addValues(entity, 'previousName', name);
    else if (name !== main.name) addValues(entity, 'alias', name);
    if (entity.schema === 'Person' && role === main.role && name === main.name)
      applyParts(entity, record);
  }
}

/**
 * FtM's name parts: Name 1 → firstName, Name 2 → secondName, Names 3–5 → middleName,
 * Name 6 → lastName.
 */
function applyParts(entity: ListedEntity, record: OfsiRecord): void {
  addValues(entity, 'firstName', tidy(record['Name 1']));
  addValues(entity, 'secondName', tidy(record['Name 2']));
  addValues(
    entity,
    'middleName',
    tidy(record['Name 3']),
    tidy(record['Name 4']),
    tidy(record['Name 5']),
  );
  addValues(entity, 'lastName', tidy(record['Name 6']));
}
