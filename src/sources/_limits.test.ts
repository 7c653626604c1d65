import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EmbargoError } from '../core/index.ts';
import { readCsv } from './_csv.ts';
import { MAX_FIELD_LENGTH, MAX_XML_DEPTH, MAX_XML_TEXT } from './_limits.ts';
import { readLines } from './_text.ts';
import { readXmlElements } from './_xml.ts';

const dir = mkdtempSync(join(tmpdir(), 'embargo-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string): string {
  const path = join(dir, `f${++n}`);
  writeFileSync(path, content);
  return path;
}

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function refusedAt(line: number, message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof EmbargoError, String(err));
    assert.equal(err.code, 'E_INPUT_REFUSED');
    assert.equal(err.line, line, err.message);
    assert.match(err.message, message);
    return true;
  };
}

const head = '<?xml version="1.0"?>\n<LIST>\n<RECORD>\n';

test('XML nested deeper than the limit is refused at the line, naming the record', async () => {
  const deep = head + '<a>'.repeat(MAX_XML_DEPTH) + '\n' + '</a>'.repeat(MAX_XML_DEPTH);
  const path = file(deep + '</RECORD></LIST>');
  await assert.rejects(
    drain(readXmlElements(path, { elements: ['RECORD'] })),
    refusedAt(4, /nested more than 256 levels deep inside <RECORD> opened at line 3/),
  );
});

test('XML at the depth limit, and the real files far inside it, are read', async () => {
  // The record sits at depth 2; 253 more levels bring the deepest element to the limit.
  const depth = MAX_XML_DEPTH - 3;
  const path = file(head + '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth) + '</RECORD></LIST>');
  const [record] = await drain(readXmlElements(path, { elements: ['RECORD'] }));
  assert.equal(record?.children[0]?.name, 'a');
});

test('a text node longer than the limit is refused, inside a record or outside any', async () => {
  const big = 'x'.repeat(MAX_XML_TEXT + 10);
  const inRecord = file(head + '<NAME>' + big + '</NAME></RECORD></LIST>');
  await assert.rejects(
    drain(readXmlElements(inRecord, { elements: ['RECORD'] })),
    refusedAt(4, /longer than 1,000,000 characters inside <RECORD> opened at line 3/),
  );
  const outside = file('<LIST>\n<NOTE>' + big + '</NOTE></LIST>');
  await assert.rejects(
    drain(readXmlElements(outside, { elements: ['RECORD'] })),
    refusedAt(2, /longer than 1,000,000 characters inside <NOTE> opened at line 2/),
  );
  const attribute = file(`<LIST>\n<RECORD name="${big}"/></LIST>`);
  await assert.rejects(
    drain(readXmlElements(attribute, { elements: ['RECORD'] })),
    refusedAt(2, /longer than 1,000,000 characters/),
  );
});

test('a CSV field longer than the limit is refused at the line of its record', async () => {
  const path = file(`a,b\r\n1,"${'y'.repeat(MAX_FIELD_LENGTH + 10)}"\r\n2,z\r\n`);
  await assert.rejects(
    drain(readCsv(path, { encoding: 'utf-8' })),
    refusedAt(2, /field 2 longer than 4,000,000 characters/),
  );
  const unquoted = file(`a,b\n1,2\n${'y'.repeat(MAX_FIELD_LENGTH + 10)}\n`);
  await assert.rejects(drain(readCsv(unquoted, { encoding: 'utf-8' })), refusedAt(3, /field 1/));
});

test('a CSV record of too many fields, and a text line too long, are refused', async () => {
  const wide = file(`a\n${','.repeat(20_000)}\n`);
  await assert.rejects(
    drain(readCsv(wide, { encoding: 'utf-8' })),
    refusedAt(2, /more than 10,000 fields/),
  );
  const long = file(`a\nb\n${'y'.repeat(MAX_FIELD_LENGTH + 10)}`);
  await assert.rejects(drain(readLines(long, 'utf-8')), refusedAt(3, /longer than 4,000,000/));
});
