/**
 * @module
 * The `embargo` command line.
 */
import { Command, CommanderError } from 'commander';
import { listsCommand } from './commands/lists.ts';
import { entityCommand, exportCommand } from './commands/entities.ts';
import { compareCommand, screenCommand } from './commands/screen.ts';
import { tradeCommand } from './commands/trade.ts';
import { regimeCommand } from './commands/regime.ts';
import { scenarioCommand } from './commands/scenario.ts';
import { serveCommand } from './commands/serve.ts';
import { keysCommand } from './commands/keys.ts';
import { EXIT } from './exit.ts';
import { run } from './run.ts';

const program = new Command('embargo')
  .description('Embargo: sanctions lists, screening and trade rules')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program.addCommand(listsCommand(run));
program.addCommand(entityCommand(run));
program.addCommand(exportCommand(run));
program.addCommand(screenCommand(run));
program.addCommand(compareCommand(run));
program.addCommand(tradeCommand(run));
program.addCommand(regimeCommand(run));
program.addCommand(scenarioCommand(run));
program.addCommand(serveCommand(run));
program.addCommand(keysCommand(run));
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
