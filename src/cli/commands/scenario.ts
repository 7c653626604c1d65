/**
 * @module
 * `embargo scenario list|show|run|impact|compare`: the relief scenarios shipped, what one lifts
 * (with the rule, its sources and whether it is our inference), a book judged before and after
 * one, and what one re-opens on the trade baseline, alone or beside another.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { FlipSum, ScenarioRun, ScenarioView } from '../../engine/index.ts';
import {
  compareScenarios,
  impactOfScenario,
  scenarioSummaries,
  showScenario,
} from '../../engine/index.ts';
import { bookRecords, readCapUsage } from '../books.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { EXIT } from '../exit.ts';
import { note, printJson, table, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { usage } from './lists.ts';
import { boundAuthorities, dateOption } from './trade.ts';
import { compareText, impactText } from './_impact.ts';

/** Options of `embargo scenario impact` and `compare`. */
interface ImpactCliOptions extends CommonOptions {
  baseline?: string;
  asOf?: string;
  authority?: string;
}

/** Options of `embargo scenario run`. */
interface RunCliOptions extends CommonOptions {
  book?: string;
  authority?: string;
  asOf?: string;
  listsAsOf?: string;
  capUsage?: string;
  output?: string;
}

/** Builds `embargo scenario`. */
export function scenarioCommand(run: Run): Command {
  const scenario = new Command('scenario').description(
    'relief scenarios: what they lift, and what a book would gain',
  );
  scenario.addCommand(
    common(new Command('list'))
      .description('the scenarios shipped')
      .action((opts: CommonOptions) =>
        run(opts, async () => {
          const all = scenarioSummaries();
          if (opts.json) printJson(all);
          else
            process.stdout.write(
              table(
                ['scenario', 'regime', 'from', 'lifts', 'title'],
                all.map((s) => [s.id, s.regime, s.from, String(s.lifts), s.title]),
              ) + '\n',
            );
          return EXIT.OK;
        }),
      ),
  );
  scenario.addCommand(
    common(new Command('show'))
      .description('the measures a scenario lifts, with the rule, its sources and inferences')
      .argument('<id>', 'scenario id, e.g. hanoi-2019-dprk-proposal')
      .action((id: string, opts: CommonOptions) =>
        run(opts, async () => {
          const view = showScenario(id);
          if (opts.json) printJson(view);
          else process.stdout.write(showText(view));
          return EXIT.OK;
        }),
      ),
  );
  scenario.addCommand(
    common(new Command('run'))
      .description('judge a book before and after the scenario, and sum what changes')
      .argument('<id>', 'scenario id')
      .option('--book <file>', 'the book: one transaction per line (JSONL)')
      .option(
        '--authority <list>',
        'authorities that bind you: un, us, eu, uk (comma-separated; default: trade.authorities of the configuration, else un)',
      )
      .option('--as-of <date>', "judge the measures on this date instead of each transaction's")
      .option('--lists-as-of <date>', 'keep only entities evidenced as listed by this date')
      .option('--cap-usage <file>', 'opening cap balances (JSON array)')
      .option('--output <file>', 'also write the full result as JSON to this file')
      .action((id: string, opts: RunCliOptions) =>
        run(opts, async (engine) => {
          if (!opts.book) throw usage('scenario run needs --book FILE');
          if (opts.output) refuseOverwrite(opts.output, [opts.book, opts.capUsage]);
          const asOf = dateOption(opts.asOf, '--as-of');
          const listsAsOf = dateOption(opts.listsAsOf, '--lists-as-of');
          const result = await engine.runScenario(bookRecords(opts.book), {
            scenario: id,
            book: opts.book,
            authorities: boundAuthorities(opts.authority, engine.home),
            ...(asOf && { asOf }),
            ...(listsAsOf && { listsAsOf }),
            ...(opts.capUsage && { openingBalances: readCapUsage(opts.capUsage) }),
          });
          for (const e of result.errors.slice(0, 20)) note(`embargo: ${e.message}`);
          if (opts.output) {
            const tmp = `${opts.output}.${process.pid}.tmp`;
            writeFileSync(tmp, JSON.stringify(result, null, 2) + '\n');
            renameSync(tmp, opts.output);
          }
          if (opts.json) printJson(result);
          else process.stdout.write(runText(result));
          return result.errors.length > 0 ? EXIT.REFUSED : EXIT.OK;
        }),
      ),
  );
  const impactOptions = (cmd: Command): Command =>
    common(cmd)
      .option(
        '--baseline <dir>',
        'trade baseline folder (default: $EMBARGO_DATA_DIR/trade, else ../shared/data/trade)',
      )
      .option('--as-of <date>', "read the regime on this date (default: the scenario's first day)")
      .option(
        '--authority <list>',
        'authorities whose measures count: un, us (comma-separated; default: trade.authorities of the configuration, else un)',
      );
  scenario.addCommand(
    impactOptions(new Command('impact'))
      .description(
        'what a scenario re-opens on the trade baseline: income, supplies, fuel and income streams, by measure and HS chapter',
      )
      .argument('<id>', 'scenario id, e.g. hanoi-2019-dprk-proposal')
      .action((id: string, opts: ImpactCliOptions) =>
        run(opts, async (engine) => {
          const asOf = dateOption(opts.asOf, '--as-of');
          const result = impactOfScenario(id, {
            ...(opts.baseline && { baseline: opts.baseline }),
            ...(asOf && { asOf }),
            authorities: boundAuthorities(opts.authority, engine.home),
          });
          if (opts.json) printJson(result);
          else process.stdout.write(impactText(result));
          return EXIT.OK;
        }),
      ),
  );
  scenario.addCommand(
    impactOptions(new Command('compare'))
      .description('two scenarios side by side on the trade baseline, and where they differ')
      .argument('<a>', 'scenario id, e.g. hanoi-2019-dprk-proposal')
      .argument('<b>', 'scenario id, e.g. hanoi-2019-us-account')
      .action((a: string, b: string, opts: ImpactCliOptions) =>
        run(opts, async (engine) => {
          const asOf = dateOption(opts.asOf, '--as-of');
          const result = compareScenarios(a, b, {
            ...(opts.baseline && { baseline: opts.baseline }),
            ...(asOf && { asOf }),
            authorities: boundAuthorities(opts.authority, engine.home),
          });
          if (opts.json) printJson(result);
          else process.stdout.write(compareText(result));
          return EXIT.OK;
        }),
      ),
  );
  return scenario;
}

/** `scenario show` as text. */
function showText(v: ScenarioView): string {
  const out = [`${v.id} (${v.regime}, from ${v.from}): ${v.title}`, ''];
  v.rules.forEach((r, i) => {
    const what = [
      r.ids?.length ? `ids ${r.ids.join(', ')}` : '',
      r.tags?.length ? `tags ${r.tags.join(', ')}` : '',
      r.acts?.length ? `acts ${r.acts.join(', ')}` : '',
      r.authority ? `authority ${r.authority}` : '',
      r.adoptedFrom ? `adopted from ${r.adoptedFrom}` : '',
    ].filter(Boolean);
    out.push(`rule ${i}${r.inferred ? ' (INFERRED)' : ''}: ${what.join('; ')}`);
    out.push(`  why: ${r.reason}`);
    for (const s of r.sources) out.push(`  source: ${s.citation}${s.url ? ` <${s.url}>` : ''}`);
  });
  if (v.keeps)
    out.push(
      `keeps${v.keeps.inferred ? ' (INFERRED)' : ''}: ${v.keeps.tags.join(', ')}`,
      `  why: ${v.keeps.reason}`,
    );
  out.push('', `${v.lifted.length} measures lifted:`);
  out.push(
    table(
      ['measure', 'citation', 'rule', 'by', 'inferred', 'tags'],
      v.lifted.map((l) => [
        l.id,
        l.citation,
        String(l.rule),
        l.by,
        l.inferred ? 'yes' : 'no',
        l.tags.join(','),
      ]),
    ),
  );
  if (v.notes) out.push('', `note: ${v.notes}`);
  return out.join('\n') + '\n';
}

/** Values by currency: `USD 640,000; EUR 90,000`. */
function money(value: Record<string, number>): string {
  const parts = Object.entries(value)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, n]) => `${c} ${n.toLocaleString('en-US')}`);
  return parts.join('; ') || '-';
}

function sums(rows: FlipSum[]): string[][] {
  return rows.map((s) => [
    s.key,
    s.label,
    String(s.count),
    Object.entries(s.flips)
      .map(([f, n]) => `${f} ${n}`)
      .join(', '),
    money(s.value),
  ]);
}

/** `scenario run` as text: the changed transactions, then the sums. */
function runText(r: ScenarioRun): string {
  const changed = r.transactions.filter((t) => t.changed);
  const out = [
    `${r.scenario.id} from ${r.scenario.from}, authority ${r.authorities.join(',')}: ${r.totals.changed} of ${r.totals.transactions} transactions change`,
    '',
  ];
  if (changed.length)
    out.push(
      table(
        ['id', 'date', 'goods', 'before → after', 'lifted measures'],
        changed.map((t) => [
          t.id,
          t.date,
          t.goods.length
            ? t.goods.map((g) => `${g.hs}${g.description ? ` ${g.description}` : ''}`).join('; ')
            : t.kind,
          `${t.before} → ${t.after}`,
          t.lifted.map((l) => l.citation).join('; ') || '-',
        ]),
      ),
      '',
    );
  const same = r.transactions.filter((t) => !t.changed);
  if (same.length) out.push(`unchanged: ${same.map((t) => `${t.id} ${t.before}`).join(', ')}`, '');
  out.push('by measure:');
  out.push(table(['measure', 'citation', 'count', 'flips', 'value'], sums(r.by_measure)), '');
  out.push('by HS chapter:');
  out.push(table(['chapter', 'label', 'count', 'flips', 'value'], sums(r.by_chapter)), '');
  const v = (x: Record<string, number>) => `${x.BLOCK} BLOCK, ${x.REVIEW} REVIEW, ${x.CLEAR} CLEAR`;
  out.push(`before: ${v(r.totals.before)}`);
  out.push(`after:  ${v(r.totals.after)}`);
  out.push(`value of the changed transactions: ${money(r.totals.value)}`);
  return out.join('\n') + '\n';
}
