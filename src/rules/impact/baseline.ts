/**
 * @module
 * A trade baseline: North Korea's recorded trade by HS chapter, its fuel supply and its income
 * beyond goods, each row with its source. A baseline is data, read in place from a folder (the
 * shipped one is `$EMBARGO_DATA_DIR/trade`, never copied into the repository) and validated like
 * the regimes: a fault names the file, the line and the field. The folder holds
 * `dprk-exports-<year>.csv`, `dprk-imports-<year>.csv`, `fuel.csv`, `other-income.csv` and the
 * `SOURCES.md` that explains them; the year in the file names is the baseline year, and the
 * sha256 of the five files is its version.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EmbargoError, ERROR_CODES, refused, sha256 } from '../../core/index.ts';

/** Where a figure comes from: the baseline file, its line (1-based, the header is line 1), the source. */
export interface RowRef {
  file: string;
  line: number;
  source_url: string;
  /** The source's figure, restated (a paraphrase, as the baseline gives it). */
  source_note: string;
}

/** How a trade row's description marks a figure that is not a full-year recorded one. */
export type RowTag = 'PARTIAL' | 'ESTIMATE' | 'NOT RECORDED';

/** One row of an exports or imports file. */
export interface TradeRow extends RowRef {
  year: string;
  partner: string;
  /** `27`, `03;16`, `50-63`, `TOTAL` or `n/a`, as the file gives it. */
  hs_chapter: string;
  description: string;
  value_usd?: number;
  quantity?: number;
  unit?: string;
  /** `[PARTIAL …]`, `[ESTIMATE]` or `[NOT RECORDED]` at the start of the description. */
  tag?: RowTag;
}

/** One row of `fuel.csv`. */
export interface FuelRow extends RowRef {
  year: string;
  flow: string;
  product: string;
  measure: string;
  value: number;
  unit: string;
  status: string;
}

/** One row of `other-income.csv`. */
export interface IncomeRow extends RowRef {
  year: string;
  stream: string;
  metric: string;
  value: number;
  unit: string;
  is_estimate: boolean;
  estimator: string;
}

/** A loaded baseline. */
export interface Baseline {
  /** The folder it was read from. */
  dir: string;
  /** The year of the annual figures (from the file names). */
  year: number;
  /** sha256 over the files, in name order: the baseline's version. */
  version: string;
  /** The file that gives every source and caveat. */
  sources: string;
  files: { name: string; sha256: string; rows: number }[];
  exports: TradeRow[];
  imports: TradeRow[];
  fuel: FuelRow[];
  income: IncomeRow[];
}

const TRADE_COLUMNS = [
  'year',
  'partner',
  'hs_chapter',
  'description',
  'value_usd',
  'quantity',
  'unit',
  'source_url',
  'source_note',
];
const FUEL_COLUMNS = [
  'year',
  'flow',
  'product',
  'measure',
  'value',
  'unit',
  'status',
  'source_url',
  'source_note',
];
const INCOME_COLUMNS = [
  'year',
  'stream',
  'metric',
  'value',
  'unit',
  'is_estimate',
  'estimator',
  'source_url',
  'source_note',
];

/** `27`, `03;16`, `50-63`, `01-24;25;44`: two-digit chapters and ranges, `;`-separated. */
const CHAPTERS = /^(?:\d{2}(?:-\d{2})?)(?:;\d{2}(?:-\d{2})?)*$/;

type Cells = Record<string, string>;

function bad(file: string, line: number, field: string, problem: string): never {
  throw refused(`${file}:${line}: ${field}: ${problem}`, { file, line, field });
}

/** Parses one CSV file into records with their line numbers; checks the header. */
function records(file: string, columns: string[]): { line: number; cells: Cells }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `${file}: cannot read the baseline file`,
      { file },
      err,
    );
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw refused(
      `${file}${line ? `:${line}` : ''}: not valid CSV (${(err as Error).message})`,
      { file, ...(line && { line }) },
      err,
    );
  }
  const header = rows[0]?.record ?? [];
  if (header.join(',') !== columns.join(','))
    bad(file, 1, 'header', `expected the columns ${columns.join(',')}, found ${header.join(',')}`);
  return rows.slice(1).map(({ record, info }) => {
    const cells: Cells = {};
    columns.forEach((c, i) => (cells[c] = (record[i] ?? '').trim()));
    return { line: info.lines, cells };
  });
}

function text(file: string, line: number, cells: Cells, field: string): string {
  const v = cells[field] ?? '';
  if (v === '') bad(file, line, field, 'must not be empty');
  return v;
}

function number(file: string, line: number, cells: Cells, field: string, required: boolean) {
  const v = cells[field] ?? '';
  if (v === '') {
    if (required) bad(file, line, field, 'must not be empty');
    return undefined;
  }
  if (!/^\d+(?:\.\d+)?$/.test(v))
    bad(file, line, field, `${JSON.stringify(v)} is not a plain non-negative number`);
  return Number(v);
}

function ref(file: string, line: number, cells: Cells): RowRef {
  const url = text(file, line, cells, 'source_url');
  if (!/^https?:\/\/\S+$/.test(url))
    bad(file, line, 'source_url', `${JSON.stringify(url)} is not a URL`);
  return { file, line, source_url: url, source_note: text(file, line, cells, 'source_note') };
}

function tradeRows(file: string): TradeRow[] {
  return records(file, TRADE_COLUMNS).map(({ line, cells }) => {
    const year = text(file, line, cells, 'year');
    if (!/^\d{4}$/.test(year)) bad(file, line, 'year', `${JSON.stringify(year)} is not a year`);
    const hs = text(file, line, cells, 'hs_chapter');
    if (hs !== 'TOTAL' && hs !== 'n/a' && !CHAPTERS.test(hs))
      bad(
        file,
        line,
        'hs_chapter',
        `${JSON.stringify(hs)} is not TOTAL, n/a or chapters like 27, 03;16, 50-63`,
      );
    const description = text(file, line, cells, 'description');
    const tag = /^\[(PARTIAL|ESTIMATE|NOT RECORDED)\b[^\]]*\]/.exec(description)?.[1] as
      RowTag | undefined;
    const value = number(file, line, cells, 'value_usd', false);
    const quantity = number(file, line, cells, 'quantity', false);
    return {
      ...ref(file, line, cells),
      year,
      partner: text(file, line, cells, 'partner'),
      hs_chapter: hs,
      description,
      ...(value !== undefined && { value_usd: value }),
      ...(quantity !== undefined && { quantity }),
      ...(cells.unit && { unit: cells.unit }),
      ...(tag && { tag }),
    };
  });
}

function fuelRows(file: string): FuelRow[] {
  return records(file, FUEL_COLUMNS).map(({ line, cells }) => ({
    ...ref(file, line, cells),
    year: text(file, line, cells, 'year'),
    flow: text(file, line, cells, 'flow'),
    product: text(file, line, cells, 'product'),
    measure: text(file, line, cells, 'measure'),
    value: number(file, line, cells, 'value', true)!,
    unit: text(file, line, cells, 'unit'),
    status: text(file, line, cells, 'status'),
  }));
}

function incomeRows(file: string): IncomeRow[] {
  return records(file, INCOME_COLUMNS).map(({ line, cells }) => {
    const est = text(file, line, cells, 'is_estimate');
    if (!/^(yes|no)\b/.test(est))
      bad(file, line, 'is_estimate', `${JSON.stringify(est)} does not start with yes or no`);
    return {
      ...ref(file, line, cells),
      year: text(file, line, cells, 'year'),
      stream: text(file, line, cells, 'stream'),
      metric: text(file, line, cells, 'metric'),
      value: number(file, line, cells, 'value', true)!,
      unit: text(file, line, cells, 'unit'),
      is_estimate: est.startsWith('yes'),
      estimator: text(file, line, cells, 'estimator'),
    };
  });
}

/**
 * Reads and validates the baseline in `dir`. NOT_FOUND naming the folder or the file that is
 * missing; INPUT_REFUSED naming the file, line and field of the first fault.
 */
export function loadBaseline(dir: string): Baseline {
  const folder = resolve(dir);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `${folder}: no trade baseline folder (set EMBARGO_DATA_DIR, or pass --baseline DIR)`,
      { file: folder },
    );
  const names = readdirSync(folder);
  const years = names.map((n) => /^dprk-exports-(\d{4})\.csv$/.exec(n)?.[1]).filter(Boolean);
  if (years.length !== 1)
    throw new EmbargoError(
      ERROR_CODES.NOT_FOUND,
      `${folder}: expected one dprk-exports-<year>.csv, found ${years.length}`,
      { file: folder },
    );
  const year = years[0]!;
  const files = {
    exports: `dprk-exports-${year}.csv`,
    imports: `dprk-imports-${year}.csv`,
    fuel: 'fuel.csv',
    income: 'other-income.csv',
    sources: 'SOURCES.md',
  };
  for (const name of Object.values(files))
    if (!names.includes(name))
      throw new EmbargoError(
        ERROR_CODES.NOT_FOUND,
        `${join(folder, name)}: missing from the baseline`,
        {
          file: join(folder, name),
        },
      );
  const path = (n: string) => join(folder, n);
  const exports = tradeRows(path(files.exports));
  const imports = tradeRows(path(files.imports));
  const fuel = fuelRows(path(files.fuel));
  const income = incomeRows(path(files.income));
  const rows: Record<string, number> = {
    [files.exports]: exports.length,
    [files.imports]: imports.length,
    [files.fuel]: fuel.length,
    [files.income]: income.length,
    [files.sources]: 0,
  };
  const listed = Object.values(files)
    .sort()
    .map((name) => ({ name, sha256: sha256(readFileSync(path(name))), rows: rows[name]! }));
  return {
    dir: folder,
    year: Number(year),
    version: sha256(listed.map((f) => `${f.name} ${f.sha256}`).join('\n')),
    sources: path(files.sources),
    files: listed,
    exports,
    imports,
    fuel,
    income,
  };
}
