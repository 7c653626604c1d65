/**
 * @module
 * Lines of an EU FSF v1.0 CSV → rows of 59 fields. Two physical layouts are read:
 *
 * - plain: the official export, `;`-separated with `"`-quoting where a value holds a `;`;
 * - wrapped: a copy that went through a spreadsheet. There each line was cut at commas into cells,
 *   the cells joined again with tabs (so every `,` of the data became a tab, and short lines were
 *   padded with tabs to the widest row), and the whole line was quoted as one cell, doubling its
 *   inner quotes. The published 2018 sample is of this kind: every line carries exactly 31 tabs and
 *   the file holds no comma at all. Unwrapping restores the plain line, commas included.
 *
 * The layout is taken from line 1: a header that starts with `"` means wrapped.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { refused } from '../../core/index.ts';
import { readLines, type TextEncoding } from '../_text.ts';
import { checkHeader, COLUMN_COUNT, COLUMNS, otherListHint } from './layout.ts';

/** A data row and the line it stands on. */
export interface Row {
  line: number;
  fields: string[];
}

/** What the reader yields: rows, then possibly one cut-off last line, then the end. */
export type RowEvent =
  | ({ kind: 'row' } & Row)
  | {
      /** The last line is an incomplete record: the file was cut inside it. */
      kind: 'cut';
      line: number;
      reason: string;
      /** Entity id read from the fragment, when enough of it is left. */
      entityId: string | undefined;
    }
  | {
      kind: 'end';
      /** Number of the last non-blank line. */
      lastLine: number;
      /** Whether the file's last byte is a line feed. */
      terminated: boolean;
    };

/**
 * Streams the data rows of a v1.0 file after checking its header. A malformed line refuses the
 * file naming the line, except the very last one: a file cut short ends in a broken line, which is
 * reported as a `cut` event so the caller can warn and keep the complete rows.
 */
export async function* readRows(path: string, encoding: TextEncoding): AsyncGenerator<RowEvent> {
  const terminated = endsWithNewline(path);
  let wrapped: boolean | undefined;
  let pending: { line: number; text: string } | undefined;
  let lastLine = 0;

  const handle = (item: { line: number; text: string }, isLast: boolean): RowEvent | undefined => {
    if (wrapped === undefined) {
      wrapped = item.text.startsWith('"');
      readHeader(path, item.text, wrapped);
      return undefined;
    }
    const decoded = decodeLine(item.text, wrapped);
    if (decoded.error === undefined)
      return { kind: 'row', line: item.line, fields: decoded.fields };
    if (isLast) {
      const id = decoded.fields[1]?.trim();
      return { kind: 'cut', line: item.line, reason: decoded.error, entityId: id || undefined };
    }
    throw refused(`${path}: line ${item.line}: ${decoded.error}`, { file: path, line: item.line });
  };

  // One line of look-ahead: a broken line is a truncation only if nothing follows it.
  for await (const item of readLines(path, encoding)) {
    if (item.text.trim() === '') continue;
    if (pending) {
      const ev = handle(pending, false);
      if (ev) yield ev;
    }
    pending = item;
    lastLine = item.line;
  }
  if (pending) {
    const ev = handle(pending, true);
    if (ev) yield ev;
  }
  yield { kind: 'end', lastLine, terminated };
}

function readHeader(path: string, text: string, wrapped: boolean): void {
  const decoded = decodeLine(text, wrapped);
  const first = (decoded.fields[0] ?? '').trim();
  if (!/^Date_file/i.test(first)) {
    const hint = otherListHint(text);
    if (hint)
      throw refused(`${path}: line 1: this looks like ${hint}, not the EU FSF CSV v1.0`, {
        file: path,
        line: 1,
      });
  }
  if (decoded.error !== undefined && decoded.fields.length === COLUMN_COUNT)
    throw refused(`${path}: line 1: header is malformed: ${decoded.error}`, {
      file: path,
      line: 1,
    });
  checkHeader(path, decoded.fields);
}

interface Decoded {
  fields: string[];
  /** Why the line is not a sound record; undefined when it is. */
  error?: string;
}

/** Turns one physical line into its fields, undoing the spreadsheet wrapping when present. */
export function decodeLine(text: string, wrapped: boolean): Decoded {
  let body = text;
  if (wrapped) {
    const t = text.replace(/[\t ]+$/, '');
    if (!t.startsWith('"'))
      return {
        fields: splitFields(t).fields,
        error: 'line is not wrapped in double quotes like the rest of the file',
      };
    if (t.length < 2 || !t.endsWith('"'))
      return {
        fields: splitFields(t.slice(1)).fields,
        error: 'the double quote that closes the line is missing (line cut short?)',
      };
    body = t.slice(1, -1);
    if (body.replaceAll('""', '').includes('"'))
      return {
        fields: splitFields(body).fields,
        error: 'a lone double quote inside the line breaks its quote wrapping',
      };
    // Padding tabs go; the remaining tabs are the commas the spreadsheet split the line at.
    body = body.replace(/\t+$/, '').replaceAll('""', '"').replaceAll('\t', ',');
  }
  const split = splitFields(body);
  if (split.error) return split;
  if (split.fields.length !== COLUMN_COUNT)
    return {
      fields: split.fields,
      error: `expected ${COLUMN_COUNT} fields (${COLUMNS[0]};${COLUMNS[1]};…), found ${split.fields.length}`,
    };
  return split;
}

/** Splits a `;`-separated line; a field that starts with `"` runs to its closing quote. */
export function splitFields(body: string): Decoded {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (body.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const q = body.indexOf('"', i);
        if (q < 0) return { fields, error: `quoted field ${fields.length + 1} is not closed` };
        value += body.slice(i, q);
        if (body.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text between a closing quote and the next separator is kept rather than lost.
      const semi = body.indexOf(';', i);
      fields.push(value + body.slice(i, semi < 0 ? body.length : semi));
      if (semi < 0) break;
      i = semi + 1;
    } else {
      const semi = body.indexOf(';', i);
      if (semi < 0) {
        fields.push(body.slice(i));
        break;
      }
      fields.push(body.slice(i, semi));
      i = semi + 1;
    }
  }
  return { fields };
}

/** Whether the file's last byte is `\n`: a file cut at an arbitrary byte usually is not. */
function endsWithNewline(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, size - 1);
    return buf[0] === 10;
  } finally {
    closeSync(fd);
  }
}
