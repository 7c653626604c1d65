/**
 * @module
 * First look at a file before parsing: catches empty files, HTML error pages saved in place of a
 * list (a common failed-download result) and UTF-16 or binary content, with a message that says so.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { refused } from '../core/index.ts';

/** Reads up to `n` bytes from the start of a file. */
export function head(path: string, n = 4096): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws INPUT_REFUSED when the file is empty, an HTML page, UTF-16 or binary.
 * @param what what the file should be, e.g. "OFAC sdn.csv", for the message.
 */
export function sniff(path: string, what: string): Buffer {
  if (statSync(path).size === 0)
    throw refused(`${path}: file is empty, expected ${what}`, { file: path, line: 1 });
  const start = head(path);
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff))
    throw refused(`${path}: file is UTF-16 encoded, expected ${what}`, { file: path, line: 1 });
  const text = start
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    /^<\?xml[^>]*>\s*<html/.test(text)
  )
    throw refused(`${path}: file is an HTML page, not ${what} (a failed download?)`, {
      file: path,
      line: 1,
    });
  const nul = start.indexOf(0);
  if (nul >= 0) {
    const line = start.subarray(0, nul).toString('latin1').split('\n').length;
    throw refused(`${path}: file holds binary data (a NUL byte), not ${what}`, {
      file: path,
      line,
    });
  }
  return start;
}
