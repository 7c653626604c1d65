import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import { readCsv, readCsvBatches, type CsvRow } from './_csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'embargo-csv-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  return path;
}

async function rows(path: string): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const batch of readCsvBatches(path, { encoding: 'latin1' })) out.push(...batch);
  return out;
}

test('reads quoted and unquoted fields, CRLF, Latin-1 and the trailing Ctrl-Z', async () => {
  const got = await rows(file('1,"A, B",-0- \r\n2,"MU\xD1OZ, Jos\xE9","x"\r\n\x1a'));
  assert.deepEqual(got, [
    { line: 1, fields: ['1', 'A, B', '-0- '] },
    { line: 2, fields: ['2', 'MUÑOZ, José', 'x'] },
  ]);
});

test('doubled quotes, empty fields, blank lines and a last line without a line end', async () => {
  const got = await rows(file('1,"say ""hi""",,""\r\n\r\n2,x'));
  assert.deepEqual(got, [
    { line: 1, fields: ['1', 'say "hi"', '', ''] },
    { line: 3, fields: ['2', 'x'] },
  ]);
});

test('a quoted field spanning lines keeps the line where its record starts', async () => {
  const got = await rows(file('1,"a\r\nb"\r\n2,"c"\r\n'));
  assert.deepEqual(got, [
    { line: 1, fields: ['1', 'a\r\nb'] },
    { line: 3, fields: ['2', 'c'] },
  ]);
});

test('a doubled quote split across chunk boundaries is read as one quote', async () => {
  // The reader decodes 1 MiB chunks: put the two quotes on either side of the boundary.
  const size = 1 << 20;
  const head = '1,"' + 'x'.repeat(size - 4) + '"';
  const path = file(head + '"y"\r\n2,"z"\r\n');
  const got = await rows(path);
  assert.equal(got.length, 2);
  assert.equal(got[0]!.fields[1], 'x'.repeat(size - 4) + '"y');
  assert.deepEqual(got[1], { line: 2, fields: ['2', 'z'] });
});

test('a file ending inside a quoted field is refused as truncated, naming the line', async () => {
  const path = file('1,"a"\r\n2,"b"\r\n3,"cut here');
  await assert.rejects(rows(path), (err: unknown) => {
    assert.ok(err instanceof EmbargoError);
    assert.equal(err.code, 'E_INPUT_REFUSED');
    assert.equal(err.line, 3);
    assert.match(err.message, /truncated/);
    assert.match(err.message, /line 3/);
    return true;
  });
});

test('text after a closing quote is refused as malformed, naming the line', async () => {
  await assert.rejects(rows(file('1,"a"\r\n2,"b"c,d\r\n')), (err: unknown) => {
    assert.ok(err instanceof EmbargoError);
    assert.equal(err.line, 2);
    assert.match(err.message, /after a closing quote/);
    return true;
  });
});

test('another delimiter: tab-separated quoted values, as the DPL writes them', async () => {
  const got: CsvRow[] = [];
  for await (const r of readCsv(file('"Name"\t"City"\n"A, B"\t""\n'), {
    encoding: 'latin1',
    delimiter: '\t',
  }))
    got.push(r);
  assert.deepEqual(got, [
    { line: 1, fields: ['Name', 'City'] },
    { line: 2, fields: ['A, B', ''] },
  ]);
});
