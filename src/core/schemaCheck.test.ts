import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type, type Static } from '@sinclair/typebox';
import { compileSchema, oneOf, pointerWords, schemaFault } from './schemaCheck.ts';

const Colour = oneOf(['red', 'green'] as const);
const Thing = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z]+$', errorMessage: 'is not a lowercase word' }),
    colour: Colour,
    day: Type.Optional(Type.String({ format: 'date' })),
    size: Type.Optional(
      Type.Integer({ minimum: 1, errorMessage: 'expected {value} to be above 0' }),
    ),
    part: Type.Optional(
      Type.Union([
        Type.Object(
          { name: Type.String({ description: 'the part name' }) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false, unknownMessage: 'unknown thing field' },
);
const CHECK = compileSchema(Thing);
const fault = (v: unknown) => schemaFault(CHECK, v);
const ok = { id: 'a', colour: 'red' };

test('a value that fits has no fault, and its type is the schema’s', () => {
  assert.equal(fault(ok), undefined);
  const typed: Static<typeof Thing> = { id: 'a', colour: 'green' };
  assert.equal(fault(typed), undefined);
});

test('faults name the JSON pointer and read as the schema says', () => {
  assert.deepEqual(fault({ ...ok, id: 'A1' }), {
    pointer: '/id',
    problem: '"A1" is not a lowercase word',
  });
  assert.deepEqual(fault({ ...ok, colour: 'blue' }), {
    pointer: '/colour',
    problem: '"blue" is not one of red, green',
  });
  assert.deepEqual(fault({ ...ok, size: 0 }), {
    pointer: '/size',
    problem: 'expected 0 to be above 0',
  });
  assert.deepEqual(fault({ colour: 'red' }), { pointer: '/id', problem: 'id is required' });
  assert.deepEqual(fault({ ...ok, hue: 1 }), {
    pointer: '/hue',
    problem: 'unknown thing field "hue" (known: id, colour, day, size, part)',
  });
  assert.deepEqual(fault([]), { pointer: '', problem: 'must be an object' });
});

test('a union names the fault of the variant that went deepest, with the description of a missing field', () => {
  assert.deepEqual(fault({ ...ok, part: {} }), {
    pointer: '/part/name',
    problem: 'name is required: the part name',
  });
  assert.equal(fault({ ...ok, part: null }), undefined);
});

test('a required property may say how its absence reads (missingMessage)', () => {
  const Cited = Type.Object({
    citation: Type.Object({ act: Type.String() }, { missingMessage: 'a rule needs a citation' }),
  });
  assert.deepEqual(schemaFault(compileSchema(Cited), {}), {
    pointer: '/citation',
    problem: 'a rule needs a citation',
  });
});

test('format "date" is a day on the calendar', () => {
  assert.equal(fault({ ...ok, day: '2024-02-29' }), undefined);
  assert.deepEqual(fault({ ...ok, day: '2023-02-29' }), {
    pointer: '/day',
    problem: '"2023-02-29" is not a real date YYYY-MM-DD',
  });
});

test('pointerWords names a field the way a person does', () => {
  assert.equal(pointerWords(''), 'the top level');
  assert.equal(pointerWords('/sources/un_sc/maxShrink'), 'sources.un_sc.maxShrink');
  assert.equal(pointerWords('/measures/3/tags/0'), 'measures[3].tags[0]');
  assert.equal(pointerWords('/urls/a~1b'), 'urls.a/b');
});
