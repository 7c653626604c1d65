/**
 * @module
 * Keeping what a command writes off what it reads. A user who names the same file twice, or
 * writes to a symlink or hard link of the input, must get a refusal, not a screened file in place
 * of the one they gave (issue 11, point 6). Paths are compared as files, not as strings: device
 * and inode when the output exists (which sees through symlinks and hard links alike), the
 * resolved path when it does not yet.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { refused } from '../core/index.ts';

/** The file an existing path is, as device and inode; undefined when it does not exist. */
function identity(path: string): string | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? `${s.dev}:${s.ino}` : undefined;
}

/** Where a path would be, its folder's symlinks resolved (the folder may be a link itself). */
function resolvedPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Throws INPUT_REFUSED (exit 3), naming both paths, when writing `output` would overwrite one of
 * `inputs`: the same path, a symlink to it, or a hard link of it.
 */
export function refuseOverwrite(output: string, inputs: (string | undefined)[]): void {
  const out = identity(output);
  const outPath = resolvedPath(output);
  for (const input of inputs) {
    if (input === undefined) continue;
    const same = resolvedPath(input) === outPath || (out !== undefined && identity(input) === out);
    if (same)
      throw refused(
        `--output ${output} is the input ${input} (the same file, or a link to it): writing it would destroy the input; choose another output file`,
        { file: output },
      );
  }
}

/**
 * A temporary file beside `output` to write to and rename into place at the end: beside it, so
 * the rename stays on one file system and is atomic; hidden and marked with the process id, so
 * two runs never share one. A failed run leaves no half-written output and never clobbers one.
 */
export function temporaryBeside(output: string): string {
  return join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
}
