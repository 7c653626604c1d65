/**
 * @module
 * The engine version stamped on every screening response, read from Embargo's package.json: the
 * nearest one above this module, which runs from src/, dist/ or a benchmark build.
 */
import { existsSync, readFileSync } from 'node:fs';

function findVersion(): string {
  let dir = new URL('./', import.meta.url);
  for (let i = 0; i < 6; i++) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'embargo' && pkg.version) return pkg.version;
    }
    dir = new URL('../', dir);
  }
  return '0.0.0';
}

/** `embargo@<version>`. */
export const ENGINE_VERSION: string = `embargo@${findVersion()}`;
