/**
 * @module
 * The `embargo` command line.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from './exit.ts';
import { run } from './run.ts';

const program = new Command('embargo')
  .description('Embargo: sanctions lists, screening and trade rules')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

// Each command's module is imported only when it runs: `embargo screen` would otherwise load the
// server (Fastify and its plugins) and every other command's code, a third of a cold screening's
// time once the index is stored (issue 17). Help and unknown commands load them all.
const COMMANDS: Record<string, () => Promise<Command[]>> = {
  lists: async () => [(await import('./commands/lists.ts')).listsCommand(run)],
  entity: async () => [(await import('./commands/entities.ts')).entityCommand(run)],
  export: async () => [(await import('./commands/entities.ts')).exportCommand(run)],
  screen: async () => [(await import('./commands/screen.ts')).screenCommand(run)],
  compare: async () => [(await import('./commands/screen.ts')).compareCommand(run)],
  trade: async () => [(await import('./commands/trade.ts')).tradeCommand(run)],
  regime: async () => [(await import('./commands/regime.ts')).regimeCommand(run)],
  scenario: async () => [(await import('./commands/scenario.ts')).scenarioCommand(run)],
  serve: async () => [(await import('./commands/serve.ts')).serveCommand(run)],
  keys: async () => [(await import('./commands/keys.ts')).keysCommand(run)],
};
/**
 * Runs the command line. A function rather than top-level `await`, so that the CLI can be bundled
 * as CommonJS, which V8's code cache can serve (scripts/build-cli.mjs, bin/embargo.js).
 */
async function main(): Promise<void> {
  const asked = process.argv[2];
  const wanted =
    asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
  for (const name of wanted) for (const cmd of await COMMANDS[name]!()) program.addCommand(cmd);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }

  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    } else throw err;
  }
}

void main();
