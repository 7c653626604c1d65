import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryCode } from './countries.ts';

test('country names as sanctions lists write them map to ISO codes', () => {
  const cases: [string, string][] = [
    ['Korea, North', 'kp'],
    ["Democratic People's Republic of Korea", 'kp'],
    ['North Korea', 'kp'],
    ['Iran (Islamic Republic of)', 'ir'],
    ['Syrian Arab Republic', 'sy'],
    ['Burma', 'mm'],
    ['Congo, Democratic Republic of the', 'cd'],
    // The FCDO's spelling: the bare form "Congo" is the other Congo.
    ['Congo (Democratic Republic)', 'cd'],
    ['Congo (Republic)', 'cg'],
    ['Democratic Republic of Congo', 'cd'],
    ['Occupied Palestinian Territories', 'ps'],
    ['St Vincent', 'vc'],
    ['Micronesia', 'fm'],
    ['Russian Federation', 'ru'],
    ['United Kingdom', 'gb'],
    ['PRK', 'kp'],
    ['kp', 'kp'],
  ];
  for (const [name, code] of cases) assert.equal(countryCode(name), code, name);
});

test('unknown names and blanks give undefined rather than a guess', () => {
  assert.equal(countryCode('Atlantis'), undefined);
  assert.equal(countryCode(''), undefined);
  assert.equal(countryCode(undefined), undefined);
});
