/**
 * @module
 * `embargo lists load|update|status|diff`.
 */
import { Command } from 'commander';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import type {
  Engine,
  FolderOutcome,
  LoadResult,
  SnapshotDiff,
  SourceStatus,
} from '../../engine/index.ts';
import { EXIT } from '../exit.ts';
import {
  int,
  note,
  printJson,
  printWarnings,
  progressLine,
  table,
  type CommonOptions,
} from '../output.ts';
import { common, type Run } from '../run.ts';

/** Builds the `lists` command group. */
export function listsCommand(run: Run): Command {
  const lists = new Command('lists').description(
    'load official sanctions lists and inspect their snapshots',
  );

  common(lists.command('load'))
    .description('load one list from a folder or files into a new snapshot')
    .argument(
      '<source>',
      'source id: ofac_sdn, ofac_consolidated, un_sc, uk_ofsi, eu_fsf, us_bis_dpl',
    )
    .argument('<paths...>', 'a folder holding the list files, or the files')
    .option(
      '--date <date>',
      'date of the list (YYYY-MM-DD) when the files and folder name state none',
    )
    .action((source: string, paths: string[], opts: CommonOptions & { date?: string }) =>
      run(opts, async (engine) => {
        const progress = progressLine(`loading ${source}`);
        const result = await engine.loadList({
          source,
          paths,
          ...(opts.date && { date: opts.date }),
          onProgress: progress.update,
        });
        progress.done();
        if (opts.json) printJson(result);
        else reportLoad(result);
        return EXIT.OK;
      }),
    );

  common(lists.command('update'))
    .description(
      'load every dated folder of a mirror (<source>/<YYYY-MM-DD>/<files>) not yet loaded',
    )
    .requiredOption('--from <mirror>', 'mirror folder, e.g. ../shared/data/lists')
    .option('--source <ids>', 'comma-separated source ids (default: all)')
    .action((opts: CommonOptions & { from: string; source?: string }) =>
      run(opts, async (engine) => {
        const outcomes = await engine.updateFromMirror({
          from: opts.from,
          ...(opts.source && {
            sources: opts.source
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }),
          onFolder: (o) => (opts.json ? undefined : reportFolder(o)),
        });
        if (opts.json) printJson(outcomes.map(outcomeJson));
        return outcomes.some((o) => o.outcome === 'failed') ? EXIT.REFUSED : EXIT.OK;
      }),
    );

  common(lists.command('status'))
    .description('show the active snapshot of every source')
    .action((opts: CommonOptions) =>
      run(opts, async (engine) => {
        const status = engine.status();
        if (opts.json) printJson(status);
        else process.stdout.write(statusTable(status) + '\n');
        return EXIT.OK;
      }),
    );

  common(lists.command('diff'))
    .description('entities added, removed and changed between two snapshots of a source')
    .argument('<source>', 'source id')
    .option('--from <id>', 'snapshot to compare from (default: the one before --to)')
    .option('--to <id>', 'snapshot to compare to (default: the active one)')
    .action((source: string, opts: CommonOptions & { from?: string; to?: string }) =>
      run(opts, async (engine: Engine) => {
        const diff = engine.diff({
          source,
          ...(opts.from && { from: opts.from }),
          ...(opts.to && { to: opts.to }),
        });
        if (opts.json) printJson(diff);
        else process.stdout.write(diffText(diff));
        return EXIT.OK;
      }),
    );
  return lists;
}

function reportLoad(r: LoadResult): void {
  const s = r.snapshot;
  if (r.status === 'unchanged') note(`${s.source}: files identical to ${s.id}; no new snapshot`);
  else
    note(
      `${s.source}: loaded ${s.id} (${int(s.entityCount)} entities, ${s.warningCount} warnings, ${(s.loadMs / 1000).toFixed(2)} s)${r.active ? ', active' : ', not active: a newer snapshot exists'}`,
    );
  printWarnings(r.warnings);
}

function reportFolder(o: FolderOutcome): void {
  if (o.outcome === 'skipped') note(`${o.source}: skipped ${o.folder}: ${o.reason}`);
  else if (o.outcome === 'failed') note(`${o.source}: refused ${o.folder}: ${o.error.message}`);
  else reportLoad(o.result);
}

function outcomeJson(o: FolderOutcome): Record<string, unknown> {
  if (o.outcome === 'failed')
    return { source: o.source, folder: o.folder, outcome: o.outcome, error: o.error.toJSON() };
  if (o.outcome === 'skipped')
    return { source: o.source, folder: o.folder, outcome: o.outcome, reason: o.reason };
  return {
    source: o.source,
    folder: o.folder,
    outcome: o.outcome,
    snapshot: o.result.snapshot,
    active: o.result.active,
    warnings: o.result.warnings,
  };
}

function statusTable(status: SourceStatus[]): string {
  const rows = status.map((s) => [
    s.source,
    s.active?.id ?? '(not loaded)',
    s.active ? int(s.active.entityCount) : '-',
    s.active ? String(s.active.warningCount) : '-',
    String(s.snapshots.length),
    s.active?.loadedAt.slice(0, 19).replace('T', ' ') ?? '-',
  ]);
  return table(
    ['SOURCE', 'ACTIVE SNAPSHOT', 'ENTITIES', 'WARNINGS', 'SNAPSHOTS', 'LOADED AT (UTC)'],
    rows,
  );
}

function diffText(d: SnapshotDiff): string {
  const out = [
    `${d.source}: ${d.from} → ${d.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`,
  ];
  for (const e of d.added) out.push(`+ ${e.id}  ${e.schema}  ${e.caption}`);
  for (const e of d.removed) out.push(`- ${e.id}  ${e.schema}  ${e.caption}`);
  for (const e of d.changed) {
    out.push(`~ ${e.id}  ${e.schema}  ${e.caption}`);
    for (const c of e.changes)
      out.push(`    ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  }
  return out.join('\n') + '\n';
}

/** Thrown for a malformed value of an option. */
export function usage(message: string): EmbargoError {
  return new EmbargoError(ERROR_CODES.USAGE, message);
}
