import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFtmRules, e164, withScheme } from './_ftmRules.ts';
import type { FtmRecord } from './export.ts';

const record = (id: string, schema: string, properties: Record<string, string[]>): FtmRecord => ({
  id,
  schema,
  caption: id,
  properties,
  datasets: ['ofac_sdn'],
  referents: [],
  target: schema !== 'Identification',
  first_seen: '2024-05-03',
  last_seen: '2024-05-03',
  last_change: '2024-05-03',
});

test('phones: international ones rewritten to E.164, national ones kept in notes with a warning', () => {
  assert.equal(e164('+7 (495) 123-45-67'), '+74951234567');
  assert.equal(e164('0049 30 1234567'), '+49301234567');
  assert.equal(e164('495 123 45 67'), undefined);
  const warnings: string[] = [];
  const [p] = applyFtmRules(
    [record('p', 'Organization', { name: ['X'], phone: ['+7 495 123 45 67', '(495) 1234567'] })],
    (w) => warnings.push(w),
  );
  assert.deepEqual(p!.properties.phone, ['+74951234567']);
  assert.deepEqual(p!.properties.notes, ['Phone (not in international form): (495) 1234567']);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /\(495\) 1234567/);
});

test('websites get a scheme (FtM assumes http); overlong values move to notes', () => {
  assert.equal(withScheme('www.example.com'), 'http://www.example.com');
  assert.equal(withScheme('https://example.com'), 'https://example.com');
  const long = 'A'.repeat(70);
  const warnings: string[] = [];
  const [o] = applyFtmRules(
    [record('o', 'Organization', { name: ['X'], website: ['example.ru'], idNumber: [long] })],
    (w) => warnings.push(w),
  );
  assert.deepEqual(o!.properties.website, ['http://example.ru']);
  assert.equal(o!.properties.idNumber, undefined);
  assert.deepEqual(o!.properties.notes, [`idNumber: ${long}`]);
  assert.equal(warnings.length, 2);
});

test("a vessel's identification becomes its registrationNumber; a person's stays", () => {
  const warnings: string[] = [];
  const out = applyFtmRules(
    [
      record('v', 'Vessel', { name: ['SEA'] }),
      record('v-id', 'Identification', { holder: ['v'], number: ['123'], type: ['Registration'] }),
      record('p', 'Person', { name: ['P'] }),
      record('p-id', 'Identification', { holder: ['p'], number: ['456'] }),
    ],
    (w) => warnings.push(w),
  );
  assert.deepEqual(
    out.map((r) => r.id),
    ['v', 'p', 'p-id'],
  );
  assert.deepEqual(out[0]!.properties.registrationNumber, ['123']);
  assert.deepEqual(out[0]!.properties.notes, ['Identification Registration: 123']);
  assert.equal(warnings.length, 1);
});
