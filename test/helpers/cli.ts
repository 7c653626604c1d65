/**
 * @module
 * Runs the real `embargo` binary in a child process, for end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = resolve(fileURLToPath(import.meta.url), '../../../bin/embargo.js');

/** Result of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `embargo <args>` with EMBARGO_HOME set to `home`. */
export function embargo(home: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    // From the sources, so tests see the code as it is, not the last build.
    env: { ...process.env, EMBARGO_HOME: home, EMBARGO_FROM_SOURCE: '1' },
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `embargo <args>` with `env` over the test process's environment (a value of undefined
 * removes the variable): for tests about settings such as EMBARGO_MAX_LIST_AGE_DAYS, which the
 * test runner sets to 0 for every other test.
 */
export function embargoEnv(
  home: string,
  env: Record<string, string | undefined>,
  ...args: string[]
): CliResult {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    EMBARGO_HOME: home,
    EMBARGO_FROM_SOURCE: '1',
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: merged,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `embargo <args> --json` and parses stdout. */
export function embargoJson<T = unknown>(home: string, ...args: string[]): T {
  const r = embargo(home, ...args, '--json');
  if (r.status !== 0) throw new Error(`embargo ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'embargo-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
