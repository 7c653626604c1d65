import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { OutputFile } from './output.ts';

const dir = mkdtempSync(join(tmpdir(), 'embargo-out-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('texts and bytes, small and over the buffer size, land in order', async () => {
  const path = join(dir, 'out.txt');
  const out = await OutputFile.open(path);
  const big = 'x'.repeat(3 * 1024 * 1024);
  await out.write('a\n', Buffer.from('Müller\n'));
  await out.write(Buffer.from(big), 'é\n', big.slice(0, 400_000));
  await out.write(new Uint8Array([0x7a, 0x0a]));
  await out.close();
  assert.equal(readFileSync(path, 'utf8'), `a\nMüller\n${big}é\n${big.slice(0, 400_000)}z\n`);
});

test('an output in a missing folder fails at open, as not found', async () => {
  await assert.rejects(
    OutputFile.open(join(dir, 'no', 'out.jsonl')),
    (e: Error & { code?: string }) => e.code === 'E_NOT_FOUND',
  );
});
