/**
 * @module
 * `embargo screen` (one name, or a batch with --input) and `embargo compare`.
 */
import { Command } from 'commander';
import {
  ALGORITHMS,
  isSourceId,
  SOURCE_IDS,
  type Algorithm,
  type CompareResponse,
  type ScreenResponse,
  type ScreeningQuery,
  type SchemaName,
  type SourceId,
} from '../../core/index.ts';
import { EXIT } from '../exit.ts';
import { coverageLine, printJson, table, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { runBatch, type BatchOptions } from '../batch/index.ts';
import { usage } from './lists.ts';

/** Options of `embargo screen`. */
export interface ScreenCliOptions extends CommonOptions, Partial<BatchOptions> {
  schema?: string;
  dob?: string[];
  country?: string[];
  imo?: string;
  identifier?: string[];
  source?: string;
  algorithm: string;
  threshold?: string;
  limit: string;
  failOnMatch?: boolean;
  input?: string;
  output?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Parses the options shared by single and batch screening. */
export function screenOptions(opts: ScreenCliOptions): {
  algorithm: Algorithm;
  threshold?: number;
  limit: number;
  sources?: SourceId[];
} {
  if (!(ALGORITHMS as readonly string[]).includes(opts.algorithm))
    throw usage(`--algorithm ${opts.algorithm}: use ${ALGORITHMS.join(' or ')}`);
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw usage(`--limit ${opts.limit}: a whole number from 1 to 500`);
  let threshold: number | undefined;
  if (opts.threshold !== undefined) {
    threshold = Number(opts.threshold);
    if (!(threshold >= 0 && threshold <= 1))
      throw usage(`--threshold ${opts.threshold}: a number from 0 to 1`);
  }
  let sources: SourceId[] | undefined;
  if (opts.source) {
    sources = opts.source
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean) as SourceId[];
    const bad = sources.find((s) => !isSourceId(s));
    if (bad) throw usage(`--source ${bad}: unknown source; known: ${SOURCE_IDS.join(', ')}`);
  }
  return {
    algorithm: opts.algorithm as Algorithm,
    limit,
    ...(threshold !== undefined && { threshold }),
    ...(sources && { sources }),
  };
}

/** Builds `embargo screen`. */
export function screenCommand(run: Run): Command {
  return common(new Command('screen'))
    .description('screen a name (or a file of names with --input) against the active lists')
    .argument('[name]', 'the name to screen')
    .option(
      '--schema <schema>',
      'Person, Organization, Company, LegalEntity, Vessel, Airplane (default: any)',
    )
    .option('--dob <date>', 'date of birth (YYYY, YYYY-MM or YYYY-MM-DD); repeatable', collect)
    .option('--country <country>', 'nationality or country (code or name); repeatable', collect)
    .option('--imo <number>', "a vessel's IMO number (an exact match is decisive)")
    .option(
      '--identifier <value>',
      'a passport, national ID or registration number; repeatable',
      collect,
    )
    .option('--source <ids>', 'comma-separated source ids (default: all loaded)')
    .option('--algorithm <name>', 'embargo or ofac', 'embargo')
    .option(
      '--threshold <t>',
      "score at or above which a result is a match (default: the algorithm's)",
    )
    .option('--limit <n>', 'results per query', '5')
    .option('--fail-on-match', 'exit 1 when any result is a match')
    .option('--input <file>', 'batch: CSV or JSONL file of queries')
    .option('--output <file>', 'batch: where to write results (.jsonl or .csv)')
    .option('--name-col <col>', 'batch CSV: name column', 'name')
    .option('--dob-col <col>', 'batch CSV: date-of-birth column')
    .option('--country-col <col>', 'batch CSV: country column')
    .option('--schema-col <col>', 'batch CSV: schema column')
    .option('--id-col <col>', 'batch CSV: row id column')
    .option('--workers <n>', 'batch: worker processes (default: one per core)')
    .action((name: string | undefined, opts: ScreenCliOptions) =>
      run(opts, async (engine) => {
        const common = screenOptions(opts);
        if (opts.input) {
          if (name) throw usage('give either a name or --input, not both');
          if (!opts.output) throw usage('--input needs --output');
          const summary = await runBatch(
            engine,
            {
              ...(opts as BatchOptions),
              input: opts.input,
              output: opts.output,
              json: !!opts.json,
            },
            common,
          );
          return opts.failOnMatch && summary.matched > 0
            ? EXIT.FINDING
            : summary.failed > 0
              ? EXIT.REFUSED
              : EXIT.OK;
        }
        if (!name) throw usage('give a name to screen, or --input FILE');
        const query: ScreeningQuery = {
          schema: (opts.schema ?? 'Thing') as SchemaName,
          properties: {
            name: [name],
            ...(opts.dob && { birthDate: opts.dob }),
            ...(opts.country && { nationality: opts.country }),
            ...(opts.imo && { imoNumber: [opts.imo] }),
            ...(opts.identifier && { idNumber: opts.identifier }),
          },
        };
        const response = await engine.screen(query, common);
        if (opts.json) printJson(response);
        else process.stdout.write(screenText(response));
        return opts.failOnMatch && response.results.some((r) => r.match) ? EXIT.FINDING : EXIT.OK;
      }),
    );
}

/** Builds `embargo compare`. */
export function compareCommand(run: Run): Command {
  return common(new Command('compare'))
    .description('score two names against each other and explain the score')
    .argument('[name1]')
    .argument('[name2]')
    .option('--schema <schema>', 'schema of both names (default: any)')
    .option('--algorithm <name>', 'embargo or ofac', 'embargo')
    .option('--threshold <t>', 'match threshold (default: the algorithm’s)')
    .option('--input <file>', 'batch: CSV of pairs')
    .option('--output <file>', 'batch: JSONL output')
    .option('--name1-col <col>', 'batch: first name column', 'name1')
    .option('--name2-col <col>', 'batch: second name column', 'name2')
    .option('--schema-col <col>', 'batch: schema column', 'schema')
    .action(
      (
        name1: string | undefined,
        name2: string | undefined,
        opts: CommonOptions & Record<string, string | undefined>,
      ) =>
        run(opts, async (engine) => {
          const { algorithm, threshold } = screenOptions({
            ...opts,
            algorithm: opts.algorithm ?? 'embargo',
            limit: '1',
            ...(opts.threshold && { threshold: opts.threshold }),
          });
          const schema = (opts.schema ?? 'Thing') as SchemaName;
          if (opts.input) {
            if (!opts.output) throw usage('--input needs --output');
            const { compareBatch } = await import('../batch/compare.ts');
            const summary = await compareBatch(engine, {
              input: opts.input,
              output: opts.output,
              name1Col: opts.name1Col!,
              name2Col: opts.name2Col!,
              schemaCol: opts.schemaCol!,
              algorithm,
              schema,
              ...(threshold !== undefined && { threshold }),
            });
            return summary.failed > 0 ? EXIT.REFUSED : EXIT.OK;
          }
          if (!name1 || !name2) throw usage('give two names, or --input FILE');
          const r = await engine.compare(name1, name2, {
            schema,
            algorithm,
            ...(threshold !== undefined && { threshold }),
          });
          if (opts.json) printJson(r);
          else process.stdout.write(compareText(r));
          return EXIT.OK;
        }),
    );
}

function screenText(r: ScreenResponse & { warnings?: string[] }): string {
  const lines: string[] = [];
  for (const w of r.warnings ?? []) lines.push(`warning: ${w}`);
  if (!r.results.length) lines.push('no candidates');
  else
    lines.push(
      table(
        ['SCORE', 'MATCH', 'ID', 'SCHEMA', 'MATCHED NAME', 'PROGRAMS'],
        r.results.map((x) => [
          x.score.toFixed(3),
          x.match ? 'yes' : 'no',
          x.id,
          x.schema,
          x.matched_name,
          x.programs.join(' '),
        ]),
      ),
    );
  lines.push(
    `(${r.algorithm}, threshold ${r.threshold}; ${r.coverage ? coverageLine(r.coverage) : r.snapshots.join(', ')})`,
  );
  return lines.join('\n') + '\n';
}

function compareText(r: CompareResponse): string {
  const lines = [`${r.score.toFixed(3)} ${r.match ? 'match' : 'no match'} (${r.algorithm})`];
  for (const t of r.explanations.tokens)
    lines.push(`  ${t.query || '∅'} ~ ${t.list || '∅'}: ${t.method} ${t.score}`);
  for (const [k, v] of Object.entries(r.explanations.features)) lines.push(`  ${k}: ${v}`);
  return lines.join('\n') + '\n';
}
