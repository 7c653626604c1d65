/**
 * End-to-end: structurally bad files are refused with exit 3, an error naming the file (and line
 * where there is one), and the active snapshot untouched.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { SourceStatus } from '../../src/engine/index.ts';
import { embargo, embargoJson, tempDir } from '../helpers/cli.ts';
import { listPath, needsData } from '../helpers/data.ts';

interface CliError {
  error: { code: string; message: string; file?: string; line?: number };
}

describe('bad input leaves the active snapshot untouched', needsData(), () => {
  const home = tempDir();
  const work = tempDir('embargo-bad-');
  const unXml = listPath('un_sc', '2026-02-27', 'consolidated.xml');
  const sdnCsv = listPath('ofac_sdn', '2024-05-02', 'sdn.csv');

  before(() => {
    assert.equal(
      embargo(home, 'lists', 'load', 'un_sc', listPath('un_sc', '2026-02-27')).status,
      0,
    );
    assert.equal(
      embargo(home, 'lists', 'load', 'ofac_sdn', listPath('ofac_sdn', '2024-05-02')).status,
      0,
    );
  });

  /** Writes a file into a fresh folder dated later than anything loaded, so it would become active. */
  function folderWith(name: string, content: Buffer | string): string {
    const dir = join(tempDir('embargo-bad-'), '2030-01-01');
    mkdirSync(dir);
    writeFileSync(join(dir, name), content);
    return dir;
  }

  function assertRefused(
    args: string[],
    file: RegExp,
    line?: number,
    code = 'E_INPUT_REFUSED',
  ): CliError['error'] {
    const r = embargo(home, ...args, '--json');
    assert.equal(r.status, 3, `exit code; stderr: ${r.stderr}`);
    const err = (JSON.parse(r.stderr.trim().split('\n').pop()!) as CliError).error;
    assert.equal(err.code, code, err.message);
    assert.match(err.file ?? '', file);
    if (line !== undefined) assert.equal(err.line, line, err.message);
    const status = embargoJson<SourceStatus[]>(home, 'lists', 'status');
    const bySource = Object.fromEntries(status.map((s) => [s.source, s]));
    assert.equal(bySource.un_sc?.active?.id, 'un_sc@2026-02-27');
    assert.equal(bySource.un_sc?.snapshots.length, 1);
    assert.equal(bySource.ofac_sdn?.active?.id, 'ofac_sdn@2024-05-02');
    assert.equal(bySource.ofac_sdn?.snapshots.length, 1);
    return err;
  }

  test('truncated XML is refused, naming the file and a line', () => {
    const bytes = readFileSync(unXml);
    const dir = folderWith('consolidated.xml', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = assertRefused(['lists', 'load', 'un_sc', dir], /consolidated\.xml$/);
    assert.ok((err.line ?? 0) > 1000, `line ${err.line}`);
  });

  test('an HTML page saved in place of the list is refused', () => {
    const dir = folderWith(
      'sdn.csv',
      '<!DOCTYPE html>\n<html><body>503 Service Unavailable</body></html>\n',
    );
    const err = assertRefused(['lists', 'load', 'ofac_sdn', dir], /sdn\.csv$/, 1);
    assert.match(err.message, /HTML/);
  });

  test('an empty file is refused', () => {
    const err = assertRefused(
      ['lists', 'load', 'ofac_sdn', folderWith('sdn.csv', '')],
      /sdn\.csv$/,
    );
    assert.match(err.message, /empty/);
  });

  test('a UTF-16 file is refused as the wrong encoding', () => {
    const text = readFileSync(unXml, 'utf8').slice(0, 5000);
    const err = assertRefused(
      [
        'lists',
        'load',
        'un_sc',
        folderWith(
          'consolidated.xml',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        ),
      ],
      /consolidated\.xml$/,
    );
    assert.match(err.message, /UTF-16/);
  });

  test('XML declared UTF-8 holding Latin-1 bytes is refused with the line of the first bad byte', () => {
    const text = readFileSync(unXml, 'utf8');
    const lines = text.split('\n');
    lines[40] = lines[40] + ' ';
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, 40).join('\n') + '\n', 'utf8'),
      Buffer.from('<!-- caf\xe9 -->\n', 'latin1'),
      Buffer.from(lines.slice(40).join('\n'), 'utf8'),
    ]);
    assertRefused(
      ['lists', 'load', 'un_sc', folderWith('consolidated.xml', bytes)],
      /consolidated\.xml$/,
      41,
    );
  });

  test('rows with missing columns are refused, naming the line', () => {
    const lines = readFileSync(sdnCsv, 'latin1').split('\r\n');
    lines[99] = '12345,"CUT SHORT",-0- ';
    const err = assertRefused(
      [
        'lists',
        'load',
        'ofac_sdn',
        folderWith('sdn.csv', Buffer.from(lines.join('\r\n'), 'latin1')),
      ],
      /sdn\.csv$/,
      100,
    );
    assert.match(err.message, /column/);
  });

  test('a file of another source is refused', () => {
    const dir = join(tempDir(), '2030-01-01');
    mkdirSync(dir);
    copyFileSync(unXml, join(dir, 'consolidated.xml'));
    assertRefused(['lists', 'load', 'ofac_sdn', dir], /consolidated\.xml$/);
    // The same content under the expected name is recognised by its content.
    const dir2 = folderWith('sdn.csv', readFileSync(unXml));
    assertRefused(['lists', 'load', 'ofac_sdn', dir2], /sdn\.csv$/);
  });

  test('a missing path and an incomplete set are refused; usage errors exit 2', () => {
    assertRefused(
      ['lists', 'load', 'un_sc', join(work, 'nope')],
      /nope$/,
      undefined,
      'E_NOT_FOUND',
    );
    assertRefused(
      ['lists', 'load', 'ofac_sdn', listPath('ofac_sdn', '2025-12-24_no-primary')],
      /no-primary/,
    );
    const unknown = embargo(home, 'lists', 'load', 'ofac_xyz', work, '--json');
    assert.equal(unknown.status, 2);
    assert.equal(JSON.parse(unknown.stderr).error.code, 'E_UNKNOWN_SOURCE');
    assert.equal(embargo(home, 'lists', 'status', '--bogus').status, 2);
    assert.equal(
      embargo(
        home,
        'lists',
        'load',
        'un_sc',
        listPath('un_sc', '2026-02-27'),
        '--date',
        '2026-13-01',
      ).status,
      2,
    );
  });
});
