import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allows, hashApiKey, keyFromHeader } from './keys.ts';

test('the Authorization header: ApiKey or Bearer, any case; anything else is malformed', () => {
  assert.equal(keyFromHeader('ApiKey emb_abc'), 'emb_abc');
  assert.equal(keyFromHeader('bearer emb_abc'), 'emb_abc');
  assert.equal(keyFromHeader('  APIKEY   emb_abc  '), 'emb_abc');
  assert.equal(keyFromHeader(undefined), undefined);
  for (const h of ['Basic dXNlcg==', 'ApiKey', 'emb_abc', 'Bearer a b', ''])
    assert.equal(keyFromHeader(h), '', h);
});

test('roles: read < analyst < admin', () => {
  assert.ok(allows('admin', 'read') && allows('admin', 'analyst') && allows('admin', 'admin'));
  assert.ok(allows('analyst', 'read') && allows('analyst', 'analyst'));
  assert.ok(!allows('analyst', 'admin'));
  assert.ok(allows('read', 'read') && !allows('read', 'analyst') && !allows('read', 'admin'));
});

test('keys are stored as their sha256', () => {
  assert.equal(
    hashApiKey('abc'),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});
