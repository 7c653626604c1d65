import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameIndex, nameKey } from './names.ts';

test('names resolve by primary name first, then alias, ignoring case and spacing', () => {
  const idx = new NameIndex();
  idx.addPrimary('EXAMPLE SHIPPING CO., LTD.', '1');
  idx.addAlias('EXAMPLE SHIPPING CO., LTD.', '2');
  idx.addAlias('OLD NAME', '3');
  idx.addPrimary('Twin Name', '4');
  idx.addPrimary('TWIN NAME', '5');
  assert.equal(nameKey('  Example  Shipping\tCo. '), 'EXAMPLE SHIPPING CO.');
  assert.deepEqual(idx.resolve('example shipping co.,  ltd.'), { id: '1' });
  assert.deepEqual(idx.resolve('OLD NAME'), { id: '3' });
  assert.deepEqual(idx.resolve('TWIN NAME'), { ambiguous: ['4', '5'] });
  // An entry is never linked to itself: its own name falls through to the other holder.
  assert.deepEqual(idx.resolve('EXAMPLE SHIPPING CO., LTD.', '1'), { id: '2' });
  assert.deepEqual(idx.resolve('TWIN NAME', '4'), { id: '5' });
  assert.deepEqual(idx.resolve('NOBODY'), { missing: true });
});
