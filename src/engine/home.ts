/**
 * @module
 * Where Embargo keeps its state: EMBARGO_HOME (default ~/.embargo), holding the SQLite database.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The state folder: the given one, else $EMBARGO_HOME, else ~/.embargo. */
export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.EMBARGO_HOME ?? join(homedir(), '.embargo'));
}

/** Path of the SQLite database inside a home folder. */
export function databasePath(home: string): string {
  return join(home, 'embargo.db');
}
