import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areNameVariants, nameVariants } from './givenNames.ts';

test('a given name and its diminutives and short forms are related, both ways', () => {
  for (const [name, short] of [
    ['rebecca', 'becky'],
    ['andrew', 'drew'],
    ['samuel', 'sam'],
    ['william', 'bill'],
    ['elizabeth', 'liz'],
    ['margaret', 'peggy'],
    ['alexander', 'sandy'],
  ] as const) {
    assert.ok(areNameVariants(name, short), `${name}/${short}`);
    assert.ok(areNameVariants(short, name), `${short}/${name}`);
  }
});

test('relations are not chained, and other names are not related', () => {
  assert.ok(areNameVariants('al', 'albert') && areNameVariants('al', 'alexander'));
  assert.equal(areNameVariants('albert', 'alexander'), false);
  assert.equal(areNameVariants('andrew', 'andrea'), true, 'on the same line of the table');
  assert.equal(areNameVariants('rebecca', 'robert'), false);
  assert.equal(nameVariants('kim jong'), undefined);
  // Initials written with dots in the table ("k.c.") are not names.
  assert.equal(nameVariants('casey')?.has('kc') ?? false, false);
});
