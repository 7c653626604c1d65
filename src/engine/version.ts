/**
 * @module
 * The engine version stamped on every screening response, read from package.json.
 */
import { readFileSync } from 'node:fs';

/** `embargo@<version>`. */
export const ENGINE_VERSION: string = `embargo@${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;
