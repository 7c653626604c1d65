/**
 * @module
 * The details an entity's score compares besides its names (dates of birth, countries, gender),
 * packed as numbers into one typed array the first time a query compares an entity's: a screened
 * row compares them for each of its ten or so candidates, and reading them from each entity's
 * row (an object, an array and a string per value, scattered over the heap) was about a twentieth
 * of a distinct row's CPU (--cpu-prof over 20,000 distinct rows with dates and countries:
 * birthDateFeature 2.5%, the entity getters 1.9%). The packed comparisons give exactly what
 * {@link birthDateFeature}, {@link countryFeature} and {@link genderFeature} give on the strings;
 * a date that is not YYYY, YYYY-MM or YYYY-MM-DD (lists write some oddly) is compared as a
 * string, by those functions.
 */
import type { ParsedQuery } from '../query.ts';
import type { IndexedEntity } from '../types.ts';
import { birthDateFeature, WEIGHTS } from './features.ts';

/** A score part rounded as the explanation shows it (four decimals). */
export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Numbers per packed date: year, month, day (0 where absent), and how many of those it has. */
const DATE = 4;
/** `at` of an entity not packed yet. */
const NOT_PACKED = -1;
/** Code of a gender an entity or query does not give. */
const NO_GENDER = -1;

/**
 * A packed date, or undefined when `s` is not YYYY, YYYY-MM or YYYY-MM-DD: those the packed
 * comparison reads as the string one does (a prefix is the same date or a part of it; the year is
 * the first four digits).
 */
function packDate(s: string, out: Int32Array, at: number): boolean {
  const n = s.length;
  if (n !== 4 && n !== 7 && n !== 10) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return false;
    year = year * 10 + d;
  }
  const two = (i: number): number => {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i + 1) - 48;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  };
  const month = n >= 7 && s.charCodeAt(4) === 45 ? two(5) : n === 4 ? 0 : -1;
  const day = n === 10 && s.charCodeAt(7) === 45 ? two(8) : n < 10 ? 0 : -1;
  if (month < 0 || day < 0) return false;
  out[at] = year;
  out[at + 1] = month;
  out[at + 2] = day;
  out[at + 3] = n === 4 ? 1 : n === 7 ? 2 : 3;
  return true;
}

/**
 * What {@link birthDateFeature} gives for the packed dates `a[aFrom..aTo)` and `b[bFrom..bTo)`
 * (both non-empty): the best over every pair of a prefix match (exact where both are full dates),
 * the same or the next year, or a conflict.
 */
function packedBirthDate(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
): number {
  let best = -Infinity;
  for (let x = aFrom; x < aTo; x += DATE) {
    for (let y = bFrom; y < bTo; y += DATE) {
      const shared = Math.min(a[x + 3]!, b[y + 3]!);
      const year = a[x]! - b[y]!;
      if (
        year === 0 &&
        (shared < 2 || a[x + 1] === b[y + 1]) &&
        (shared < 3 || a[x + 2] === b[y + 2])
      ) {
        const v =
          a[x + 3] === 3 && b[y + 3] === 3 ? WEIGHTS.birthDateExact : WEIGHTS.birthDatePartial;
        if (v > best) best = v;
        continue;
      }
      const v = year >= -1 && year <= 1 ? WEIGHTS.birthDateNear : WEIGHTS.birthDateConflict;
      if (v > best) best = v;
    }
  }
  return best;
}

/** A query's details, packed once for all its candidates (see {@link EntityDetails.ofQuery}). */
export interface QueryDetails {
  /** Packed dates of birth; undefined when one is not packable (then compared as strings). */
  dates: Int32Array | undefined;
  countries: Int32Array;
  gender: number;
}

/**
 * The details of an index's entities, each packed on first use. Not safe to share across threads
 * (one per matcher).
 */
export class EntityDetails {
  private readonly entities: readonly IndexedEntity[];
  /** Per entity, where its details start in `pool`, or NOT_PACKED. */
  private readonly at: Int32Array;
  /**
   * Per packed entity: whether its dates are packed (1) or compared as strings (0); the number
   * of dates then DATE numbers each (none when 0); the number of countries then their codes;
   * its gender's code.
   */
  private pool = new Int32Array(4096);
  private used = 0;
  /** Codes of countries and genders: the same code is the same string. */
  private readonly codes = new Map<string, number>();

  constructor(entities: readonly IndexedEntity[]) {
    this.entities = entities;
    this.at = new Int32Array(entities.length).fill(NOT_PACKED);
  }

  /** Entity `e`. */
  entity(e: number): IndexedEntity {
    return this.entities[e]!;
  }

  /** The code of `s` (a country or gender), the same for equal strings. */
  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) this.codes.set(s, (c = this.codes.size));
    return c;
  }

  /** The query's details, packed for comparing with entities' (see {@link score}). */
  ofQuery(query: ParsedQuery): QueryDetails {
    let dates: Int32Array | undefined = new Int32Array(query.birthDates.length * DATE);
    for (let i = 0; i < query.birthDates.length; i++)
      if (!packDate(query.birthDates[i]!, dates, i * DATE)) {
        dates = undefined;
        break;
      }
    return {
      dates,
      countries: Int32Array.from(query.countries, (c) => this.code(c)),
      gender: query.gender ? this.code(query.gender) : NO_GENDER,
    };
  }

  /** Where entity `e`'s details start in the pool, packing them on first use. */
  private offset(e: number): number {
    const o = this.at[e]!;
    return o === NOT_PACKED ? this.pack(e) : o;
  }

  private pack(e: number): number {
    const entity = this.entities[e]!;
    const dates = entity.birthDates;
    const countries = entity.countries;
    const need = 4 + dates.length * DATE + countries.length;
    if (this.used + need > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.used + need));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const pool = this.pool;
    const start = this.used;
    let k = start + 2;
    let packed = 1;
    for (const d of dates) {
      if (!packDate(d, pool, k)) {
        packed = 0;
        break;
      }
      k += DATE;
    }
    if (!packed) k = start + 2;
    pool[start] = packed;
    pool[start + 1] = packed ? dates.length : 0;
    pool[k++] = countries.length;
    for (const c of countries) pool[k++] = this.code(c);
    // A gender the list leaves empty says nothing, as genderFeature reads it.
    pool[k++] = entity.gender ? this.code(entity.gender) : NO_GENDER;
    this.used = k;
    this.at[e] = start;
    return start;
  }

  /**
   * The rounded contributions of entity `e`'s date of birth, country and gender to its score
   * against `query` (packed as `qd`), added in that order to `raw`: what adding
   * `round(birthDateFeature(...))`, `round(countryFeature(...))` and `round(genderFeature(...))`
   * to `raw` gives (see features.ts), each only where the query has that detail.
   */
  add(raw: number, query: ParsedQuery, qd: QueryDetails, e: number): number {
    const hasDates = query.birthDates.length > 0;
    const hasCountries = qd.countries.length > 0;
    if (!hasDates && !hasCountries && qd.gender === NO_GENDER) return raw;
    const o = this.offset(e);
    const pool = this.pool;
    const datesPacked = pool[o] === 1;
    const nDates = pool[o + 1]!;
    const datesEnd = o + 2 + nDates * DATE;
    if (hasDates) {
      if (qd.dates && datesPacked) {
        if (nDates > 0)
          raw += round4(packedBirthDate(qd.dates, 0, qd.dates.length, pool, o + 2, datesEnd));
        else raw += round4(0);
      } else raw += round4(birthDateFeature(query.birthDates, this.entities[e]!.birthDates));
    }
    const nCountries = pool[datesEnd]!;
    if (hasCountries) {
      let v = 0;
      if (nCountries > 0) {
        v = WEIGHTS.countryConflict;
        for (let i = 0; i < qd.countries.length && v !== WEIGHTS.countryMatch; i++)
          for (let j = datesEnd + 1; j <= datesEnd + nCountries; j++)
            if (pool[j] === qd.countries[i]) {
              v = WEIGHTS.countryMatch;
              break;
            }
      }
      raw += round4(v);
    }
    if (qd.gender !== NO_GENDER) {
      const g = pool[datesEnd + 1 + nCountries]!;
      raw += round4(g !== NO_GENDER && g !== qd.gender ? WEIGHTS.genderConflict : 0);
    }
    return raw;
  }
}
