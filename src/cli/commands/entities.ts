/**
 * @module
 * `embargo entity <id>` and `embargo export --format ftm`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { EXIT } from '../exit.ts';
import { note, printJson, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { usage } from './lists.ts';

/** `embargo entity <id>`: one entity as FtM JSON with its source metadata and history. */
export function entityCommand(run: Run): Command {
  return common(new Command('entity'))
    .description('show one listed entity (FtM JSON) from the active snapshot of its source')
    .argument('<id>', 'entity id, e.g. ofac_sdn-12345 or un_sc-KPi.033')
    .option('--snapshot <id>', 'read it from this snapshot instead of the active one')
    .option('--no-raw', 'leave out the raw source record')
    .action((id: string, opts: CommonOptions & { snapshot?: string; raw: boolean }) =>
      run(opts, async (engine) => {
        const e = await engine.entity(id, opts.snapshot);
        const { raw, ...rest } = e;
        printJson(opts.raw ? { ...rest, raw } : rest);
        return EXIT.OK;
      }),
    );
}

/** `embargo export --format ftm`: every active entity, one JSON object per line. */
export function exportCommand(run: Run): Command {
  return common(new Command('export'))
    .description('export the active snapshots as FollowTheMoney entities, one per line')
    .option('--format <format>', 'output format (ftm)', 'ftm')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((opts: CommonOptions & { format: string; output?: string }) =>
      run(opts, async (engine) => {
        if (opts.format !== 'ftm') throw usage(`--format ${opts.format}: only ftm is supported`);
        const out = opts.output ? createWriteStream(opts.output) : process.stdout;
        // Values moved to stay valid FtM are said on stderr, one line each.
        for await (const record of engine.exportFtm((w) => note(`warning: ${w}`))) {
          if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
        }
        if (opts.output)
          await new Promise<void>((res, rej) =>
            out.end((err?: Error | null) => (err ? rej(err) : res())),
          );
        return EXIT.OK;
      }),
    );
}
