/**
 * @module
 * Runs a command's action with an engine, turns errors into messages and exit codes.
 */
import type { Command } from 'commander';
import { asEmbargoError } from '../core/index.ts';
import { createEngine, type Engine } from '../engine/index.ts';
import { exitCodeFor } from './exit.ts';
import { note, printError, type CommonOptions } from './output.ts';

/** Runs an action with an open engine and sets the exit code it returns. */
export type Run = (
  opts: CommonOptions,
  action: (engine: Engine) => Promise<number>,
) => Promise<void>;

/** The runner every command uses. */
export const run: Run = async (opts, action) => {
  let engine: Engine | undefined;
  try {
    engine = createEngine({
      ...(opts.home && { home: opts.home }),
      ...(opts.database && { database: opts.database }),
      // On stderr, --json or not: the wait may be long, and says why nothing happens.
      onLockWait: (holder) =>
        note(`waiting: ${holder.describe ?? 'another writer holds the lock'}`),
    });
    process.exitCode = await action(engine);
  } catch (err) {
    const e = asEmbargoError(err);
    printError(e, !!opts.json);
    if (e.code === 'E_INTERNAL' && process.env.EMBARGO_DEBUG) console.error(err);
    process.exitCode = exitCodeFor(e);
  } finally {
    await engine?.close();
  }
};

/** Adds the options every command takes. */
export function common(cmd: Command): Command {
  return cmd
    .option('--json', 'machine-readable output on stdout; errors as JSON on stderr')
    .option('--home <dir>', 'state folder (default: $EMBARGO_HOME or ~/.embargo)')
    .option(
      '--database <url>',
      'postgres://… or a SQLite file (default: $EMBARGO_DATABASE_URL, else embargo.db in the home)',
    );
}
