import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParsedQuery } from '../query.ts';
import type { IndexedEntity } from '../types.ts';
import { entityScore, scoreEntity } from './score.ts';

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
  identifiers: [{ prop: 'passportNumber', value: 'AB1234' }],
  firstSeen: '',
  lastChange: '',
});

test('the ranking score is the explained score, with and without each detail', () => {
  const dates = [[], ['1984-01-08'], ['1984'], ['1985-02'], ['1990'], ['19x4']];
  const countries = [[], ['ru'], ['kp', 'cn']];
  const genders = [undefined, '', 'male', 'female'];
  const ids = [[], [{ prop: 'passportNumber', value: 'AB1234' }]];
  const entities = dates.flatMap((d) =>
    countries.flatMap((c) => genders.map((g) => entity(d, c, g))),
  );
  let n = 0;
  for (const d of dates)
    for (const c of countries)
      for (const g of genders)
        for (const identifiers of ids) {
          const q: ParsedQuery = {
            schema: 'Person',
            names: [],
            birthDates: d,
            countries: c,
            gender: g,
            identifiers,
            warnings: [],
          };
          for (const e of entities)
            for (const name of [0, 0.3, 0.777, 1]) {
              const best = { score: name, aligner: undefined, name: undefined };
              assert.equal(entityScore(q, e, name), scoreEntity(q, e, [], [], best).score);
              n++;
            }
        }
  assert.ok(n > 10_000);
});
