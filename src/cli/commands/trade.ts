/**
 * @module
 * `embargo trade check`: one transaction (a JSON file), or a book (--input JSONL, --output JSONL),
 * judged against the regime's measures and the lists under the authorities that bind the user.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { EmbargoError, ERROR_CODES, isPartialDate } from '../../core/index.ts';
import {
  loadConfig,
  type Authority,
  type TradeOptions,
  type TradeVerdict,
} from '../../engine/index.ts';
import { bookRecords, readCapUsage, writeBook } from '../books.ts';
import { refuseOverwrite } from '../outputPath.ts';
import { EXIT } from '../exit.ts';
import { coverageLine, note, printJson, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { usage } from './lists.ts';

const AUTHORITIES: readonly Authority[] = ['un', 'us', 'eu', 'uk'];

/** Options of `embargo trade check`. */
interface TradeCliOptions extends CommonOptions {
  authority?: string;
  asOf?: string;
  listsAsOf?: string;
  capUsage?: string;
  ledger?: string;
  regime: string;
  failOn?: string;
  input?: string;
  output?: string;
  scenario?: string;
}

/** A full date YYYY-MM-DD, or a usage error naming the option. */
export function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isPartialDate(value))
    throw usage(`${option} ${value}: a date YYYY-MM-DD`);
  return value;
}

/**
 * The authorities that bind the user: `--authority`, else the configuration's
 * `trade.authorities` (`$EMBARGO_HOME/config.json`), else the UN alone.
 */
export function boundAuthorities(option: string | undefined, home: string): Authority[] {
  if (option !== undefined) return authorityOption(option);
  const config = loadConfig(home);
  const configured = config.trade?.authorities;
  if (!configured) return ['un'];
  const bad = configured.find((a) => !(AUTHORITIES as readonly string[]).includes(a));
  if (bad !== undefined || configured.length === 0)
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `${config.path}: trade.authorities: ${JSON.stringify(bad ?? [])} is not one of ${AUTHORITIES.join(', ')}`,
      { ...(config.path && { file: config.path }), field: 'trade.authorities' },
    );
  return configured as Authority[];
}

/** --authority un,us → ['un', 'us'], or a usage error. */
export function authorityOption(value: string): Authority[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.find((a) => !(AUTHORITIES as readonly string[]).includes(a));
  if (bad || list.length === 0)
    throw usage(`--authority ${value}: use ${AUTHORITIES.join(', ')} (comma-separated)`);
  return list as Authority[];
}

/** The options the engine takes. */
function tradeOptions(opts: TradeCliOptions, home: string): TradeOptions {
  const asOf = dateOption(opts.asOf, '--as-of');
  const listsAsOf = dateOption(opts.listsAsOf, '--lists-as-of');
  return {
    authorities: boundAuthorities(opts.authority, home),
    regime: opts.regime,
    ...(asOf && { asOf }),
    ...(listsAsOf && { listsAsOf }),
    ...(opts.capUsage && { openingBalances: readCapUsage(opts.capUsage) }),
    ...(opts.ledger && { ledger: opts.ledger }),
    ...(opts.scenario && { scenario: opts.scenario }),
  };
}

/** Exit 1 when a verdict reaches the level --fail-on names. */
function failOn(level: string | undefined, verdicts: TradeVerdict['verdict'][]): boolean {
  if (level === undefined) return false;
  if (level === 'block') return verdicts.includes('BLOCK');
  return verdicts.some((v) => v !== 'CLEAR');
}

/** Builds `embargo trade`. */
export function tradeCommand(run: Run): Command {
  const trade = new Command('trade').description('judge shipments, payments and services');
  trade.addCommand(
    common(new Command('check'))
      .description('judge a transaction (JSON file) or a book (--input JSONL --output JSONL)')
      .argument('[file]', 'a transaction as JSON')
      .option(
        '--authority <list>',
        'authorities that bind you: un, us, eu, uk (comma-separated; default: trade.authorities of the configuration, else un)',
      )
      .option('--as-of <date>', "judge the measures on this date instead of the transaction's")
      .option('--lists-as-of <date>', 'keep only entities evidenced as listed by this date')
      .option(
        '--cap-usage <file>',
        'opening cap balances (JSON array of {measure, period, quantity, unit, value})',
      )
      .option('--ledger <name>', 'keep the cap ledger under this name in the database between runs')
      .option('--regime <id>', 'regime', 'dprk')
      .option('--scenario <id>', 'judge as if this relief scenario had been adopted')
      .option(
        '--fail-on <level>',
        'exit 1 on a BLOCK verdict (block) or on REVIEW or BLOCK (review)',
      )
      .option('--input <file>', 'book: one transaction per line (JSONL)')
      .option('--output <file>', 'book: where to write one verdict per line (JSONL)')
      .action((file: string | undefined, opts: TradeCliOptions) =>
        run(opts, async (engine) => {
          if (opts.failOn !== undefined && !['block', 'review'].includes(opts.failOn))
            throw usage(`--fail-on ${opts.failOn}: use block or review`);
          const options = tradeOptions(opts, engine.home);
          if (opts.input) {
            if (file) throw usage('give either a file or --input, not both');
            if (!opts.output) throw usage('--input needs --output');
            refuseOverwrite(opts.output, [opts.input]);
            const records = bookRecords(opts.input);
            const s = await writeBook(
              opts.output,
              engine.checkTradeStream(records, options, { source: opts.input }),
            );
            for (const e of s.errors.slice(0, 20)) note(`embargo: ${e.message}`);
            if (s.errors.length > 20) note(`… and ${s.errors.length - 20} more bad lines`);
            const summary = {
              checked: s.checked,
              failed: s.failed,
              verdicts: s.verdicts,
              output: opts.output,
            };
            if (opts.json) printJson(summary);
            else
              process.stdout.write(
                `${s.checked} checked: ${s.verdicts.BLOCK} BLOCK, ${s.verdicts.REVIEW} REVIEW, ${s.verdicts.CLEAR} CLEAR; ${s.failed} bad lines → ${opts.output}\n`,
              );
            const found: TradeVerdict['verdict'][] = [];
            if (s.verdicts.BLOCK) found.push('BLOCK');
            if (s.verdicts.REVIEW) found.push('REVIEW');
            if (failOn(opts.failOn, found)) return EXIT.FINDING;
            return s.failed > 0 ? EXIT.REFUSED : EXIT.OK;
          }
          if (!file) throw usage('give a transaction file, or --input FILE --output FILE');
          let text: string;
          try {
            text = readFileSync(file, 'utf8');
          } catch (err) {
            throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${file}: cannot read`, { file }, err);
          }
          let verdict: TradeVerdict;
          try {
            verdict = await engine.checkTrade(text, options);
          } catch (err) {
            // Name the file in errors about the transaction's fields.
            if (err instanceof EmbargoError && err.field !== undefined && err.file === undefined)
              throw new EmbargoError(
                ERROR_CODES.INPUT_REFUSED,
                `${file}: ${err.message}`,
                { file, field: err.field },
                err,
              );
            throw err;
          }
          if (opts.json) printJson(verdict);
          else process.stdout.write(verdictText(verdict));
          return failOn(opts.failOn, [verdict.verdict]) ? EXIT.FINDING : EXIT.OK;
        }),
      ),
  );
  return trade;
}

/** A verdict as text: the verdict, then each authority's reasons and the caps. */
export function verdictText(v: TradeVerdict): string {
  const out = [`${v.id}: ${v.verdict} (judged on ${v.date})`];
  for (const [a, av] of Object.entries(v.by_authority)) {
    out.push(`  ${a.toUpperCase()}${av.bound ? '' : ' (not binding)'}: ${av.verdict}`);
    for (const r of av.reasons)
      out.push(`    ${r.verdict} ${r.kind}${r.citation ? ` [${r.citation}]` : ''}: ${r.detail}`);
  }
  for (const c of v.caps) out.push(`  cap ${c.measure} [${c.citation}]: ${c.state}, ${c.detail}`);
  if (v.coverage) out.push(`  ${coverageLine(v.coverage)}`);
  return out.join('\n') + '\n';
}
