/**
 * @module
 * `embargo lists load|update|watch|status|diff|changes`.
 */
import { Command } from 'commander';
import { asEmbargoError, EmbargoError, ERROR_CODES } from '../../core/index.ts';
import {
  BUILD_NICE,
  lowerPriority,
  parseDuration,
  runSchedule,
  type Engine,
  type FolderOutcome,
  type ListChange,
  type LoadResult,
  type RefreshOutcome,
  type SnapshotDiff,
  type SourceStatus,
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

/**
 * After a load: the screening index of the lists now active stored at once (by this process,
 * which activated them), so that a server following the store, and the next command, load it
 * rather than build it (issue 17). Cheap when it is stored already. A failure does not undo the
 * load: it is said, and the next process that screens builds the index.
 */
async function storeIndex(engine: Engine): Promise<void> {
  try {
    await engine.storeScreeningIndex();
  } catch (err) {
    note(
      `the lists are loaded, but their screening index could not be stored (${asEmbargoError(err).message}); the next process that screens builds it`,
    );
  }
}

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
        // The process ends with its load: its parsing, writing and index build (and their
        // garbage collection) yield the cores to a server answering requests on this machine;
        // at normal priority the parse competed with the server's workers for its whole length
        // (issue 17). On an idle machine it costs nothing.
        lowerPriority(BUILD_NICE);
        const progress = progressLine(`loading ${source}`);
        const result = await engine.loadList({
          source,
          paths,
          ...(opts.date && { date: opts.date }),
          onProgress: progress.update,
          // A server following the store then loads the new index, never builds it (issue 17).
          storeIndex: true,
        });
        progress.done();
        if (opts.json) printJson(result);
        else reportLoad(result);
        await storeIndex(engine);
        return EXIT.OK;
      }),
    );

  common(lists.command('update'))
    .description(
      'download every source from its address and load what changed; with --from, load every ' +
        'dated folder of a mirror (<source>/<YYYY-MM-DD>/<files>) not yet loaded',
    )
    .option('--from <mirror>', 'load from a mirror folder instead, e.g. ../shared/data/lists')
    .option('--source <ids>', 'comma-separated source ids (default: all)')
    .option('--force', 'activate a download even if its list shrank by more than allowed')
    .option(
      '--config <file>',
      'configuration file (default: $EMBARGO_CONFIG or <home>/config.json)',
    )
    .action(
      (
        opts: CommonOptions & { from?: string; source?: string; force?: boolean; config?: string },
      ) =>
        run(opts, async (engine) => {
          const sources = idList(opts.source);
          if (opts.from !== undefined) {
            if (opts.force || opts.config)
              throw usage('--force and --config apply to downloads, not to --from');
            const outcomes = await engine.updateFromMirror({
              from: opts.from,
              ...(sources && { sources }),
              onFolder: (o) => (opts.json ? undefined : reportFolder(o)),
            });
            if (opts.json) printJson(outcomes.map(outcomeJson));
            await storeIndex(engine);
            return outcomes.some((o) => o.outcome === 'failed') ? EXIT.REFUSED : EXIT.OK;
          }
          const outcomes = await engine.refreshLists({
            ...(sources && { sources }),
            ...(opts.force && { force: true }),
            ...(opts.config && { config: opts.config }),
            onOutcome: (o) => {
              if (opts.json) return;
              note(refreshLine(o));
              printWarnings(o.warnings);
            },
            onRetry: (r) =>
              opts.json
                ? undefined
                : note(`${r.source}: ${r.url}: ${r.reason}; retry ${r.attempt} in ${r.delayMs} ms`),
          });
          if (opts.json) printJson(outcomes);
          else if (!outcomes.length)
            note('no source has a download address; set sources.<id>.urls in the configuration');
          await storeIndex(engine);
          return refreshExit(outcomes);
        }),
    );

  common(lists.command('watch'))
    .description(
      'download and load the lists on a schedule (first round at once), one log line per ' +
        'source and round (JSON lines with --json); stops on SIGINT or SIGTERM',
    )
    .option('--every <duration>', 'pause between rounds: 1h, 30m, 1h30m, 45s…', '1h')
    .option('--source <ids>', 'comma-separated source ids (default: all with an address)')
    .option(
      '--config <file>',
      'configuration file (default: $EMBARGO_CONFIG or <home>/config.json)',
    )
    .action((opts: CommonOptions & { every: string; source?: string; config?: string }) =>
      run(opts, async (engine) => {
        const everyMs = parseDuration(opts.every);
        const sources = idList(opts.source);
        await watch(engine, { everyMs, json: !!opts.json, sources, config: opts.config });
        return EXIT.OK;
      }),
    );

  common(lists.command('status'))
    .description(
      'show the active snapshot of every source, and when its download last succeeded (staleness)',
    )
    .action((opts: CommonOptions) =>
      run(opts, async (engine) => {
        const status = await engine.status();
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
        const diff = await engine.diff({
          source,
          ...(opts.from && { from: opts.from }),
          ...(opts.to && { to: opts.to }),
        });
        if (opts.json) printJson(diff);
        else process.stdout.write(diffText(diff));
        return EXIT.OK;
      }),
    );

  common(lists.command('changes'))
    .description(
      'entities added, removed and changed by every snapshot activated since a day (its list date)',
    )
    .requiredOption('--since <date>', 'YYYY-MM-DD')
    .option('--source <id>', 'one source only')
    .action((opts: CommonOptions & { since: string; source?: string }) =>
      run(opts, async (engine) => {
        const changes = await engine.listChanges({
          since: opts.since,
          ...(opts.source && { source: opts.source }),
        });
        if (opts.json) printJson(changes);
        else process.stdout.write(changesText(changes));
        return EXIT.OK;
      }),
    );
  return lists;
}

function idList(text: string | undefined): string[] | undefined {
  const ids = text
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids?.length ? ids : undefined;
}

/** 70 if a source failed, 3 if one was refused, else 0. */
function refreshExit(outcomes: RefreshOutcome[]): number {
  if (outcomes.some((o) => o.outcome === 'failed')) return EXIT.INTERNAL;
  return outcomes.some((o) => o.outcome === 'refused') ? EXIT.REFUSED : EXIT.OK;
}

/** One line per source and refresh, for people. */
function refreshLine(o: RefreshOutcome): string {
  const s = o.snapshot;
  switch (o.outcome) {
    case 'activated': {
      const d = o.delta;
      const what = !d
        ? ''
        : d.previous
          ? `; +${int(d.added)} -${int(d.removed)} ~${int(d.changed)} against ${d.previous}`
          : '; first snapshot';
      return `${o.source}: activated ${s!.id} (${int(s!.entityCount)} entities${what})`;
    }
    case 'loaded':
      return `${o.source}: loaded ${s!.id} (${int(s!.entityCount)} entities), ${o.message}`;
    case 'unchanged':
      return `${o.source}: unchanged, ${o.message}`;
    default:
      return `${o.source}: ${o.outcome} ${o.message}`;
  }
}

/** One JSON line per source and refresh, for log collectors. */
function refreshJson(o: RefreshOutcome): Record<string, unknown> {
  return {
    time: o.finishedAt,
    event: 'refresh',
    source: o.source,
    outcome: o.outcome,
    ...(o.snapshot && { snapshot: o.snapshot.id, entityCount: o.snapshot.entityCount }),
    ...(o.delta && { delta: o.delta }),
    ...(o.message && { message: o.message }),
    ...(o.file && { file: o.file }),
    ...(o.url && { url: o.url }),
    ...(o.error && { error: o.error.toJSON() }),
    durationMs: Date.parse(o.finishedAt) - Date.parse(o.startedAt),
  };
}

/** `lists watch`: rounds until SIGINT or SIGTERM, each outcome logged as one line on stdout. */
async function watch(
  engine: Engine,
  o: { everyMs: number; json: boolean; sources: string[] | undefined; config: string | undefined },
): Promise<void> {
  const log = (line: Record<string, unknown>, text: string) =>
    process.stdout.write((o.json ? JSON.stringify(line) : `${String(line.time)} ${text}`) + '\n');
  const now = () => new Date().toISOString();
  const stop = new AbortController();
  let fatal: EmbargoError | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    log({ time: now(), event: 'stopping', signal }, `stopping (${signal})`);
    stop.abort();
  };
  // `once`: a second signal falls through to the default handler and ends the process at once.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  log(
    { time: now(), event: 'started', everyMs: o.everyMs },
    `watching the lists, one round every ${o.everyMs / 1000} s`,
  );
  try {
    await runSchedule({
      everyMs: o.everyMs,
      signal: stop.signal,
      round: async (round, signal) => {
        await engine.refreshLists({
          ...(o.sources && { sources: o.sources }),
          ...(o.config && { config: o.config }),
          signal,
          onOutcome: (r) => log({ ...refreshJson(r), round }, refreshLine(r)),
        });
        await storeIndex(engine);
      },
      onError: (err, round) => {
        const e = asEmbargoError(err);
        // A mistake in the command or the configuration will not fix itself: stop at once, unless
        // it appears later (the file edited while watching), when the next round may find it fixed.
        if (round === 1 && SETUP_ERRORS.has(e.code)) {
          fatal = e;
          stop.abort();
          return;
        }
        log(
          { time: now(), event: 'round-failed', round, error: e.toJSON() },
          `round ${round} failed: ${e.message}`,
        );
      },
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  if (fatal) throw fatal;
  log({ time: now(), event: 'stopped' }, 'stopped');
}

const SETUP_ERRORS = new Set<string>([
  ERROR_CODES.USAGE,
  ERROR_CODES.UNKNOWN_SOURCE,
  ERROR_CODES.NOT_FOUND,
]);

function changesText(changes: ListChange[]): string {
  const out: string[] = [];
  for (const a of changes) {
    const when = `list date ${a.date}, activated ${a.activatedAt.slice(0, 19).replace('T', ' ')} UTC`;
    if (!a.previous) {
      out.push(
        `${a.snapshot} (${when}): first snapshot of ${a.source}, ${int(a.entityCount)} entities`,
      );
      continue;
    }
    out.push(
      `${a.snapshot} (${when}) against ${a.previous}: ${a.added.length} added, ${a.removed.length} removed, ${a.changed.length} changed`,
    );
    for (const e of a.added) out.push(`+ ${e.id}  ${e.schema}  ${e.caption}`);
    for (const e of a.removed) out.push(`- ${e.id}  ${e.schema}  ${e.caption}`);
    for (const e of a.changed)
      out.push(`~ ${e.id}  ${e.schema}  ${e.caption}  [${(e.fields ?? []).join(', ')}]`);
  }
  if (!out.length) out.push('no snapshot was activated since then');
  return out.join('\n') + '\n';
}

function reportLoad(r: LoadResult): void {
  const s = r.snapshot;
  if (r.status === 'unchanged') note(`${s.source}: files identical to ${s.id}; no new snapshot`);
  else {
    const d = r.delta;
    const delta = d?.previous
      ? ` (+${int(d.added)} -${int(d.removed)} ~${int(d.changed)} against ${d.previous})`
      : '';
    note(
      `${s.source}: loaded ${s.id} (${int(s.entityCount)} entities, ${s.warningCount} warnings, ${(s.loadMs / 1000).toFixed(2)} s)${r.active ? `, active${delta}` : ', not active: a newer snapshot exists'}`,
    );
  }
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
    ...(o.result.delta && { delta: o.result.delta }),
    warnings: o.result.warnings,
  };
}

function statusTable(status: SourceStatus[]): string {
  const time = (iso: string | null | undefined) => iso?.slice(0, 19).replace('T', ' ') ?? '-';
  const rows = status.map((s) => [
    s.source,
    s.active?.id ?? '(not loaded)',
    s.active ? int(s.active.entityCount) : '-',
    s.active ? String(s.active.warningCount) : '-',
    String(s.snapshots.length),
    time(s.active?.loadedAt),
    time(s.freshness.lastSuccessAt),
    s.freshness.staleSeconds === null ? '-' : age(s.freshness.staleSeconds),
    s.ageDays === null ? '-' : `${s.ageDays}d${s.stale ? ' STALE' : ''}`,
    s.freshness.lastOutcome ?? '-',
  ]);
  const out = table(
    [
      'SOURCE',
      'ACTIVE SNAPSHOT',
      'ENTITIES',
      'WARNINGS',
      'SNAPSHOTS',
      'LOADED AT (UTC)',
      'LAST REFRESH (UTC)',
      'AGE',
      'LIST AGE',
      'LAST ATTEMPT',
    ],
    rows,
  );
  const problems = status
    .filter((s) => s.freshness.lastOutcome === 'refused' || s.freshness.lastOutcome === 'failed')
    .map(
      (s) =>
        `${s.source}: last attempt ${s.freshness.lastOutcome} at ${time(s.freshness.lastAttemptAt)}: ${s.freshness.lastMessage ?? ''}`,
    );
  const stale = status.filter((s) => s.stale).map((s) => s.active?.id ?? s.source);
  const limit = status[0]?.maxAgeDays;
  if (stale.length)
    problems.push(
      `stale (list older than ${limit} days; lists.maxAgeDays or EMBARGO_MAX_LIST_AGE_DAYS): ` +
        `${stale.join(', ')}; screenings warn and trade verdicts relying on them are REVIEW`,
    );
  return [out, ...problems].join('\n');
}

/** An age in seconds as `3d 4h`, `2h 5m`, `4m 10s` or `12s`. */
function age(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [u, n] of units) {
    const q = Math.floor(rest / n);
    if (q || (u === 's' && !parts.length)) parts.push(`${q}${u}`);
    rest -= q * n;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
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
