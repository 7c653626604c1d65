/**
 * @module
 * Turning what a user names on the command line (a folder, or files) into the files of a source,
 * with their sha256 sums, and reading dates from mirror folder names.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  EmbargoError,
  ERROR_CODES,
  isPartialDate,
  refused,
  sourceFormats,
  type ListSource,
  type SourceFormat,
} from '../core/index.ts';
import type { SnapshotFile } from '../store/index.ts';

/** Files of a source matched to the roles of one of its formats. */
export interface ResolvedFiles {
  /** The format whose file names the files fit. */
  format: SourceFormat;
  /** role → absolute path. */
  byRole: Record<string, string>;
  /** Required roles of that format with no file. */
  missing: string[];
}

/** Expands folders to the files inside them (not recursive) and checks that every path exists. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st)
      throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${abs}: no such file or folder`, {
        file: abs,
      });
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        const child = join(abs, name);
        if (statSync(child).isFile() && !name.startsWith('.')) out.push(child);
      }
    } else out.push(abs);
  }
  return out;
}

/**
 * Assigns files to the roles of the source's format that every file fits, by name (the primary
 * format first). A file that fits no format is refused (it is likely a file of another list), and
 * two files for one role are refused too; files of two formats are never mixed.
 */
export function assignFiles(source: ListSource, files: string[]): ResolvedFiles {
  const formats = sourceFormats(source);
  const fits = (f: SourceFormat, file: string) =>
    f.files.some((s) => s.pattern.test(basename(file)));
  const format = formats.find((f) => files.every((file) => fits(f, file)));
  if (!format) {
    const stray = files.find((file) => !formats.some((f) => fits(f, file)));
    const expected = formats
      .map((f) => `${f.formatId}: ${f.files.map((s) => s.pattern.source).join(', ')}`)
      .join('; ');
    throw refused(
      stray
        ? `${stray}: not a file of ${source.id} (expected ${expected})`
        : `${files.join(', ')}: files of different ${source.id} formats cannot be loaded together (${expected})`,
      { file: stray ?? files[0]! },
    );
  }
  const byRole: Record<string, string> = {};
  for (const file of files) {
    const spec = format.files.find((s) => s.pattern.test(basename(file)))!;
    if (byRole[spec.role])
      throw refused(`${file}: two files for ${source.id} ${spec.role} (${byRole[spec.role]} too)`, {
        file,
      });
    byRole[spec.role] = file;
  }
  const missing = format.files.filter((s) => s.required && !byRole[s.role]).map((s) => s.role);
  return { format, byRole, missing };
}

/** sha256 and size of a file, streamed. */
export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Snapshot file records (records filled in after parsing). */
export async function describeFiles(byRole: Record<string, string>): Promise<SnapshotFile[]> {
  const out: SnapshotFile[] = [];
  for (const [role, path] of Object.entries(byRole)) {
    const { sha256, size } = await fileDigest(path);
    out.push({ role, name: basename(path), path, sha256, size, records: 0 });
  }
  return out;
}

/** The date in a mirror folder name `YYYY-MM-DD[_suffix]`, or undefined. */
export function folderDate(folder: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:_.*)?$/.exec(basename(folder));
  return m && isPartialDate(m[1]!) ? m[1] : undefined;
}
