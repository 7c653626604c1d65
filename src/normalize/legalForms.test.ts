import assert from 'node:assert/strict';
import { test } from 'node:test';
import { legalFormsIn, looksLikeCompany } from './legalForms.ts';

test('legal forms are found whatever their punctuation', () => {
  assert.deepEqual(legalFormsIn('ANGLO-CARIBBEAN CO., LTD.'), ['ltd', 'co']);
  assert.ok(looksLikeCompany('Korea Mining Development Trading Corporation'));
  assert.ok(looksLikeCompany('OOO Rosneft'));
  assert.ok(looksLikeCompany('Bank Melli Iran S.A.'));
  assert.ok(looksLikeCompany('DATASAAB CONTRACTING AB'));
  assert.ok(looksLikeCompany('PT Kaltim Prima'));
});

test('groups, persons and name particles are not companies', () => {
  assert.equal(looksLikeCompany('Salafist Group for Call and Combat'), false);
  assert.equal(looksLikeCompany('AS-SAHAB MEDIA'), false);
  assert.equal(looksLikeCompany('KIM Jong Un'), false);
});
