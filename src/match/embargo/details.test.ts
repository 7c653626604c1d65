import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParsedQuery } from '../query.ts';
import type { IndexedEntity } from '../types.ts';
import { EntityDetails, round4 } from './details.ts';
import { birthDateFeature, countryFeature, genderFeature, WEIGHTS } from './features.ts';

const entity = (birthDates: string[], countries: string[], gender?: string): IndexedEntity => ({
  id: 'x',
  schema: 'Person',
  caption: 'x',
  source: 'un_sc',
  topics: [],
  programs: [],
  propertiesJson: '{}',
  birthDates,
  countries,
  gender,
  identifiers: [],
  firstSeen: '',
  lastChange: '',
});

const query = (birthDates: string[], countries: string[], gender?: string): ParsedQuery => ({
  schema: 'Person',
  names: [],
  birthDates,
  countries,
  gender,
  identifiers: [],
  warnings: [],
});

/** What the string features add, each where the query has that detail (as entityScore adds them). */
function byStrings(raw: number, q: ParsedQuery, e: IndexedEntity): number {
  if (q.birthDates.length) raw += round4(birthDateFeature(q.birthDates, e.birthDates));
  if (q.countries.length) raw += round4(countryFeature(q.countries, e.countries));
  if (q.gender) raw += round4(genderFeature(q.gender, e.gender));
  return raw;
}

const DATES = [
  [],
  ['1984-01-08'],
  ['1984'],
  ['1984-01'],
  ['1984-02-08'],
  ['1985'],
  ['1983-12-31'],
  ['1990-01-08', '1984'],
  ['1962', '1984-01-08'],
  // Dates lists write oddly are compared as strings.
  ['198'],
  ['19x4-01-08'],
  ['1984-1-8'],
  ['1984/01/08'],
  ['1984-01-08T00:00'],
  ['1984-01-08', 'circa 1984'],
];
const COUNTRIES = [[], ['ru'], ['kp', 'cn'], ['ir']];
const GENDERS = [undefined, '', 'male', 'female'];

test('packed details add exactly what the string features add, dates of any shape included', () => {
  const entities: IndexedEntity[] = [];
  for (const d of DATES)
    for (const c of COUNTRIES) for (const g of GENDERS) entities.push(entity(d, c, g));
  const details = new EntityDetails(entities);
  let compared = 0;
  for (const d of DATES)
    for (const c of COUNTRIES)
      for (const g of GENDERS) {
        const q = query(d, c, g);
        const qd = details.ofQuery(q);
        entities.forEach((e, i) => {
          const want = byStrings(0.6, q, e);
          assert.equal(details.add(0.6, q, qd, i), want, `${JSON.stringify(q)} ~ entity ${i}`);
          compared++;
        });
      }
  assert.ok(compared > 10_000);
});

test('packed dates of birth: exact, partial, near, conflicting', () => {
  const entities = [entity(['1984-01-08'], []), entity(['1962', '1984-01'], [])];
  const details = new EntityDetails(entities);
  const score = (dates: string[], e: number) => {
    const q = query(dates, []);
    return details.add(0, q, details.ofQuery(q), e);
  };
  assert.equal(score(['1984-01-08'], 0), WEIGHTS.birthDateExact);
  assert.equal(score(['1984'], 0), WEIGHTS.birthDatePartial);
  assert.equal(score(['1984-01-09'], 0), WEIGHTS.birthDateNear);
  assert.equal(score(['1985-01-08'], 0), WEIGHTS.birthDateNear);
  assert.equal(score(['1990-01-08'], 0), WEIGHTS.birthDateConflict);
  assert.equal(score(['1984-01-08'], 1), WEIGHTS.birthDatePartial);
  assert.equal(score(['1962-05-01'], 1), WEIGHTS.birthDatePartial);
});
