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

test('legal forms written in Hebrew, Burmese, Georgian, Armenian, Khmer and Thai', () => {
  assert.deepEqual(legalFormsIn('טבע בע״מ'), ['ltd']);
  assert.deepEqual(legalFormsIn('אסם בע"מ'), ['ltd']);
  assert.deepEqual(legalFormsIn('פרטנר בערבון מוגבל'), ['ltd']);
  assert.deepEqual(legalFormsIn('ရွှေတောင် ကုမ္ပဏီလီမိတက်'), ['limited', 'company']);
  assert.deepEqual(legalFormsIn('შპს ქართუ'), ['llc']);
  assert.deepEqual(legalFormsIn('«Տաշիր» ՍՊԸ'), ['llc']);
  assert.deepEqual(legalFormsIn('«Արարատ» ՓԲԸ'), ['cjsc']);
  assert.ok(looksLikeCompany('ក្រុមហ៊ុន សុខា'));
  assert.ok(looksLikeCompany('บริษัท ปตท. จำกัด'));
  // The letters of a legal form inside a word are not one.
  assert.equal(looksLikeCompany('בעמק'), false);
  assert.equal(looksLikeCompany('სსიპ'), false);
  assert.equal(looksLikeCompany('חמאס'), false);
});
