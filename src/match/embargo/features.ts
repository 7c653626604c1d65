/**
 * @module
 * What besides the name moves a score: date of birth, nationality and country, gender and
 * identifiers. Each returns its contribution so the explanation can show it. The kind of party
 * does not score: a query only meets entities its schema can describe ({@link schemaCompatible}).
 */
import { isA, type SchemaName } from '../../core/index.ts';
import type { IndexedIdentifier } from '../types.ts';

/** Contribution of each supporting feature (named constants, so a reviewer can read the model). */
export const WEIGHTS = {
  /** Same full date of birth. */
  birthDateExact: 0.05,
  /** Same year (and month where both give one), where one side gives only part of a date. */
  birthDatePartial: 0.03,
  /** Dates of birth years apart: likely another person with the same name. */
  birthDateConflict: -0.2,
  /** Same year, different month or day: a typo is possible, so a smaller penalty. */
  birthDateNear: -0.08,
  countryMatch: 0.03,
  countryConflict: -0.08,
  genderConflict: -0.1,
  /** A vessel's IMO number that differs from the queried one: another ship of the same name. */
  identifierConflict: -0.3,
} as const;

/**
 * The most the details besides the name and identifiers can add: a full date of birth and a
 * country, both matching (gender, schema and identifier conflicts only take away).
 */
export const MAX_SUPPORT = WEIGHTS.birthDateExact + WEIGHTS.countryMatch;

/** Compares query dates of birth with the entity's; returns the contribution. */
export function birthDateFeature(query: string[], listed: string[]): number {
  if (!query.length || !listed.length) return 0;
  let best = -Infinity;
  for (const a of query) {
    for (const b of listed) {
      // One is the other's prefix (the same date, or a part of it): compared in place, since
      // slicing both for every candidate of every row was most of this function's time.
      if (a.length <= b.length ? b.startsWith(a) : a.startsWith(b)) {
        best = Math.max(
          best,
          a.length === 10 && b.length === 10 ? WEIGHTS.birthDateExact : WEIGHTS.birthDatePartial,
        );
        continue;
      }
      const years = Math.abs(yearOf(a) - yearOf(b));
      best = Math.max(
        best,
        years === 0
          ? WEIGHTS.birthDateNear
          : years === 1
            ? WEIGHTS.birthDateNear
            : WEIGHTS.birthDateConflict,
      );
    }
  }
  return best;
}

/** `Number(date.slice(0, 4))`, read from the digits without a slice where they are four digits. */
function yearOf(date: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = date.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number(date.slice(0, 4));
    year = year * 10 + d;
  }
  return year;
}

/** Compares query countries with the entity's. */
export function countryFeature(query: string[], listed: string[]): number {
  if (!query.length || !listed.length) return 0;
  return query.some((c) => listed.includes(c)) ? WEIGHTS.countryMatch : WEIGHTS.countryConflict;
}

/** Compares genders. */
export function genderFeature(query: string | undefined, listed: string | undefined): number {
  return query && listed && query !== listed ? WEIGHTS.genderConflict : 0;
}

/** Whether a query of schema `q` can describe a listed entity of schema `e`. */
export function schemaCompatible(q: SchemaName, e: SchemaName): boolean {
  if (q === 'Thing') return true;
  if (isA(e, q) || isA(q, e)) return true;
  // LegalEntity on either side covers people and organisations alike (the DPL does not say which).
  return (
    (q === 'LegalEntity' && isA(e, 'LegalEntity')) || (e === 'LegalEntity' && isA(q, 'LegalEntity'))
  );
}

/** Identifier classes that are compared with each other: a vessel's numbers only with vessel numbers. */
function idClass(prop: string): string {
  return prop === 'imoNumber' || prop === 'mmsi' ? prop : 'document';
}

/** Outcome of comparing identifiers. */
export interface IdentifierOutcome {
  /** The identifier that matched exactly, if any. */
  match: IndexedIdentifier | undefined;
  /** Contribution when no identifier matched but the vessel numbers conflict. */
  contribution: number;
}

/** Compares identifiers: an exact match is decisive; a different IMO number on a vessel counts against. */
export function identifierFeature(
  query: IndexedIdentifier[],
  listed: IndexedIdentifier[],
): IdentifierOutcome {
  for (const a of query)
    for (const b of listed)
      if (a.value === b.value && idClass(a.prop) === idClass(b.prop))
        return { match: b, contribution: 0 };
  const conflict = query.some(
    (a) =>
      a.prop === 'imoNumber' &&
      listed.some((b) => b.prop === 'imoNumber') &&
      !listed.some((b) => b.value === a.value),
  );
  return { match: undefined, contribution: conflict ? WEIGHTS.identifierConflict : 0 };
}
