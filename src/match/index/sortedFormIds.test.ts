/**
 * A loaded index's form lookup (binary search over the stored order, then a Map once a process
 * looks up a lot) answers exactly as the Map a built index uses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formOrder, SortedFormIds } from './vocabulary.ts';

test('SortedFormIds answers as a Map of the forms, before and after it builds one', () => {
  // Mixed scripts, prefixes of each other, upper before lower case, astral characters.
  const forms = [
    'kim',
    'ким',
    '김',
    'jong',
    'Kim',
    'ki',
    'kimm',
    'un',
    '金',
    '𠀀',
    'a',
    'z',
    'jon',
  ];
  const map = new Map(forms.map((f, id) => [f, id]));
  const ids = new SortedFormIds(forms, formOrder(forms));
  const asked = [...forms, 'k', 'kimmy', '', 'Z', 'ки', '金正恩', 'jongu'];
  // Past the number of lookups after which it switches to a Map, and on through it.
  for (let round = 0; round < 1_700; round++)
    for (const f of asked) {
      assert.equal(ids.get(f), map.get(f), f);
      assert.equal(ids.has(f), map.has(f), f);
    }
});
