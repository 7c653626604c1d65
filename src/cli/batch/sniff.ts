/**
 * @module
 * Deciding what a batch input is (CSV or JSON lines) from its name and its first character, and
 * what the output should be from its name.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { EmbargoError, ERROR_CODES, refused } from '../../core/index.ts';
import type { InputFormat, OutputFormat } from '../../engine/index.ts';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
};

/** Bytes looked at to find the first non-blank character. */
const SNIFF_BYTES = 64 * 1024;

/** The first non-blank character of a file (after a UTF-8 BOM), or undefined if it is blank. */
function firstChar(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    const text = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /\S/.exec(text)?.[0];
  } finally {
    closeSync(fd);
  }
}

/**
 * The format of an input file, and its size. The extension says what the caller meant; the first
 * character says what the file is. When both speak and disagree the file is refused, because
 * reading JSON as CSV (or the reverse) would turn every row into an error.
 */
export function detectInput(path: string): { format: InputFormat; size: number } {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${path}: no such file`, { file: path });
  if (!stat.isFile()) throw refused(`${path}: not a file`, { file: path });
  const byName = BY_EXTENSION[extname(path).toLowerCase()];
  const first = firstChar(path);
  const byContent: InputFormat | undefined =
    first === undefined ? undefined : first === '{' ? 'jsonl' : 'csv';
  if (byName && byContent && byName !== byContent)
    throw refused(
      `${path}: the name says ${byName.toUpperCase()} but the file starts with ${JSON.stringify(first)}, which is ${byContent === 'jsonl' ? 'JSON' : 'not JSON'}`,
      { file: path, line: 1 },
    );
  const format = byName ?? byContent;
  if (!format) throw refused(`${path}: the file is empty`, { file: path });
  return { format, size: stat.size };
}

/** The output format: CSV when the name ends in .csv, JSON lines otherwise. */
export function outputFormat(path: string): OutputFormat {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'jsonl';
}
