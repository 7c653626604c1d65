/**
 * @module
 * `embargo regime list` and `embargo regime show <id> [--as-of DATE]`: the regimes shipped, and the
 * measures of one in force on a day.
 */
import { Command } from 'commander';
import { listRegimes, showRegime } from '../../engine/index.ts';
import { EXIT } from '../exit.ts';
import { printJson, table, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { authorityOption, dateOption } from './trade.ts';

/** Builds `embargo regime`. */
export function regimeCommand(run: Run): Command {
  const regime = new Command('regime').description('sanctions regimes and their measures');
  regime.addCommand(
    common(new Command('list'))
      .description('the regimes shipped, with their acts')
      .action((opts: CommonOptions) =>
        run(opts, async () => {
          const regimes = listRegimes();
          if (opts.json) printJson(regimes);
          else
            process.stdout.write(
              table(
                ['regime', 'acts', 'measures', 'title'],
                regimes.map((r) => [r.id, String(r.acts.length), String(r.measures), r.title]),
              ) + '\n',
            );
          return EXIT.OK;
        }),
      ),
  );
  regime.addCommand(
    common(new Command('show'))
      .description('the measures of a regime in force on a day (default: today)')
      .argument('<id>', 'regime id, e.g. dprk')
      .option('--as-of <date>', 'the day (YYYY-MM-DD)')
      .option('--authority <list>', 'only these authorities (comma-separated)')
      .action((id: string, opts: CommonOptions & { asOf?: string; authority?: string }) =>
        run(opts, async () => {
          const asOf = dateOption(opts.asOf, '--as-of') ?? new Date().toISOString().slice(0, 10);
          const authorities = opts.authority ? authorityOption(opts.authority) : undefined;
          const shown = showRegime(id, asOf, authorities);
          if (opts.json) printJson(shown);
          else
            process.stdout.write(
              `${shown.title}: ${shown.measures.length} measures in force on ${asOf}\n` +
                table(
                  ['citation', 'effect', 'from', 'measure'],
                  shown.measures.map((m) => [
                    `${m.citation.act} ${m.citation.paragraph}`,
                    m.effect,
                    m.effective,
                    m.title,
                  ]),
                ) +
                '\n',
            );
          return EXIT.OK;
        }),
      ),
  );
  return regime;
}
