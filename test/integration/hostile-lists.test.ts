/**
 * End-to-end: list files built to exhaust the reader (nesting 100,000 levels deep, a 20 MB text
 * node, a 20 MB CSV field) are refused with exit 3 and an error naming the file, the line and the
 * record, and nothing is loaded. The files are generated here, streamed to a temporary folder.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { SourceStatus } from '../../src/engine/index.ts';
import { embargo, embargoJson, tempDir } from '../helpers/cli.ts';

interface CliError {
  error: { code: string; message: string; file?: string; line?: number };
}

/** Writes `parts` to a new file in a dated folder, a part at a time, and returns the folder. */
function folderWith(name: string, parts: Iterable<string>): { dir: string; file: string } {
  const dir = join(tempDir('embargo-hostile-'), '2030-01-01');
  mkdirSync(dir);
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  return { dir, file };
}

const UN_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<CONSOLIDATED_LIST dateGenerated="2030-01-01T00:00:00.000Z">\n<INDIVIDUALS>\n' +
  '<INDIVIDUAL>\n<DATAID>1</DATAID>\n<REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER>\n';

function* repeated(part: string, times: number): Generator<string> {
  const block = part.repeat(10_000);
  for (let i = 0; i < times / 10_000; i++) yield block;
}

describe('hostile list files are refused while streaming', () => {
  const home = tempDir();

  function assertRefused(source: string, dir: string, file: string, line: number, what: RegExp) {
    const r = embargo(home, 'lists', 'load', source, dir, '--json');
    assert.equal(r.status, 3, `exit code; stderr: ${r.stderr.slice(0, 2000)}`);
    const err = (JSON.parse(r.stderr.trim().split('\n').pop()!) as CliError).error;
    assert.equal(err.code, 'E_INPUT_REFUSED', err.message);
    assert.equal(err.file, file);
    assert.equal(err.line, line, err.message);
    assert.match(err.message, what);
    const status = embargoJson<SourceStatus[]>(home, 'lists', 'status');
    assert.equal(status.find((s) => s.source === source)?.snapshots.length ?? 0, 0);
  }

  test('XML nested 100,000 levels deep: exit 3 naming the record, not a stack overflow', () => {
    const { dir, file } = folderWith('consolidated.xml', [
      UN_HEAD,
      '<FIRST_NAME>\n',
      ...repeated('<a>', 100_000),
      ...repeated('</a>', 100_000),
      '</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n',
    ]);
    assertRefused(
      'un_sc',
      dir,
      file,
      8,
      /nested more than 256 levels deep inside <INDIVIDUAL> opened at line 4/,
    );
  });

  test('a 20 MB text node: exit 3 naming the record, not gigabytes of memory', () => {
    const { dir, file } = folderWith('consolidated.xml', [
      UN_HEAD,
      '<FIRST_NAME>',
      ...repeated('KIM ', 5_000_000),
      '</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n',
    ]);
    assertRefused(
      'un_sc',
      dir,
      file,
      7,
      /longer than 1,000,000 characters inside <INDIVIDUAL> opened at line 4/,
    );
  });

  test('a 20 MB CSV field: exit 3 naming the line of its record', () => {
    const { dir, file } = folderWith('sdn.csv', [
      '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
      '173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"',
      ...repeated('KIM ', 5_000_000),
      '"\r\n',
    ]);
    assertRefused('ofac_sdn', dir, file, 2, /field 12 longer than 4,000,000 characters/);
  });
});
