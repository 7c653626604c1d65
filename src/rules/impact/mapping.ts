/**
 * @module
 * The mapping layer between a baseline and the measures: which HS codes a baseline row concerns,
 * how far a measure's goods cover them (wholly, in part, or not), which measures reach an income
 * stream, and which fuel a row measures. The measures are read through their HS scope
 * ({@link hsRelation}), so a change to a measure's goods changes the impact without touching this
 * file; what is ours here is the reading of the baseline's words.
 */
import { hsRelation } from '../load.ts';
import type { Measure } from '../types.ts';
import type { FuelRow, IncomeRow, TradeRow } from './baseline.ts';

/** The HS codes a trade row concerns, or why it has none. */
export interface RowScope {
  /** Two-digit chapters, or a heading the description names. Empty for TOTAL and n/a. */
  codes: string[];
  /** Key of the flow: rows with the same key and file are the same flow from several sources. */
  key: string;
  /** `27`, `27 (2701)`, `50-63`: the chapter as the baseline gives it, with the heading read. */
  label: string;
  /** Why the row maps to no code (`TOTAL`, `n/a`). */
  unmapped?: string;
}

/**
 * Products the baseline names by word, not code, under a chapter, and the heading they are: the
 * EIA's "coal exports" is the same flow as the Chinese customs' "Coal (anthracite, HS 2701)".
 */
const PRODUCT_HEADINGS: { chapter: string; words: RegExp; heading: string }[] = [
  { chapter: '27', words: /\bcoal\b/i, heading: '2701' },
  { chapter: '26', words: /\biron ore\b/i, heading: '2601' },
  { chapter: '26', words: /\blead ore\b/i, heading: '2607' },
];

function chapters(field: string): string[] {
  return field.split(';').flatMap((part) => {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    const out: string[] = [];
    for (let c = a; c <= (b ?? a); c++) out.push(String(c).padStart(2, '0'));
    return out;
  });
}

/** The HS scope of a trade row: its chapters, narrowed to a heading its description names. */
export function rowScope(row: TradeRow): RowScope {
  if (row.hs_chapter === 'TOTAL')
    return { codes: [], key: 'TOTAL', label: 'all goods', unmapped: 'a total of all goods' };
  if (row.hs_chapter === 'n/a')
    return {
      codes: [],
      key: `n/a:${row.description}`,
      label: 'no HS chapter',
      unmapped: 'the source gives a category that maps to no HS chapter',
    };
  const chs = chapters(row.hs_chapter);
  const named = /\bHS (\d{4,6})\b/.exec(row.description)?.[1];
  const word = PRODUCT_HEADINGS.find(
    (p) => chs.length === 1 && chs[0] === p.chapter && p.words.test(row.description),
  );
  const heading = named && chs.some((c) => named.startsWith(c)) ? named : word?.heading;
  if (heading) return { codes: [heading], key: heading, label: `${row.hs_chapter} (${heading})` };
  return { codes: chs, key: row.hs_chapter, label: row.hs_chapter };
}

/** How far a measure covers a scope: wholly, in part (a range), not at all, or not by HS. */
export type Coverage = 'full' | 'partial' | 'none' | 'unmapped';

/**
 * Measures that name no HS code yet cover every good moving their way: the US bans on all imports
 * from North Korea (EO 13570 sec. 1) and all exports to it (EO 13722 sec. 3(a)(i)).
 */
const ALL_GOODS = new Set(['us-eo13570-sec1-imports', 'us-eo13722-sec3a-i-exports']);

/**
 * How far `measure` covers the codes of a scope. `unmapped` when the measure defines its goods by
 * description only (aviation fuel, luxury goods): the baseline cannot be read against it.
 */
export function coverage(codes: string[], measure: Measure): Coverage {
  if (ALL_GOODS.has(measure.id)) return 'full';
  if (!measure.goods?.hs?.length) return measure.goods ? 'unmapped' : 'none';
  const rel = codes.map((c) => hsRelation(measure.goods, c));
  if (rel.length > 0 && rel.every((r) => r === 'in')) return 'full';
  return rel.some((r) => r !== 'out') ? 'partial' : 'none';
}

/** The measure direction a trade file's flows move in, seen from North Korea. */
export function directionOf(kind: 'exports' | 'imports'): Measure['direction'] {
  return kind === 'exports' ? 'export' : 'import';
}

/** An income stream beyond goods and the measures that reach it. */
export interface StreamMapping {
  stream: RegExp;
  label: string;
  reaches: (m: Measure) => boolean;
  /** Why these measures reach the stream (the legal text). */
  why: string;
}

/** Income streams relief can re-open, and the measures that close them. */
export const STREAMS: StreamMapping[] = [
  {
    stream: /^overseas workers$/,
    label: 'overseas workers',
    reaches: (m) => m.direction === 'labour',
    why: 'S/RES/2371 (2017) OP11 freezes work authorisations, S/RES/2375 (2017) OP17 bans new ones, S/RES/2397 (2017) OP8 orders the workers home.',
  },
  {
    stream: /^fishing rights sales$/,
    label: 'fishing rights',
    reaches: (m) => m.direction === 'export' && coverage(['03'], m) === 'full',
    why: 'S/RES/2397 (2017) OP6 "clarifies that the full sectoral ban on seafood in paragraph 9 of resolution 2371 (2017) prohibits the DPRK from selling or transferring … fishing rights".',
  },
  {
    stream: /^statues and monuments/,
    label: 'statues and monuments',
    reaches: (m) => m.direction === 'export' && coverage(['9703'], m) === 'full',
    why: 'S/RES/2321 (2016) OP29 bans the supply of statues (HS 9703) by the DPRK.',
  },
  {
    stream: /^arms sales$/,
    label: 'arms sales',
    reaches: (m) => m.direction === 'export' && m.tags.includes('arms'),
    why: 'S/RES/1718 (2006) OP8(b) and later resolutions ban the procurement of arms from the DPRK.',
  },
];

/** Why an income stream is not counted as re-opened by relief. */
export const ILLICIT_STREAM =
  'proceeds of evasion or crime (illicit coal, cyber theft): lifting a measure makes no such income lawful, and the legal trade it replaces is counted under its HS chapter';

/**
 * Whether an income row gives an annual revenue in US dollars (not a head count, a price, a
 * cumulative sum or a part of a year).
 */
export function isAnnualRevenue(row: IncomeRow): boolean {
  return (
    /revenue/i.test(row.metric) &&
    /^USD/.test(row.unit) &&
    !/cumulative|price|\bJan\b|-\w{3} \d{4}|single/i.test(row.metric)
  );
}

/** Fuel products the caps concern, by HS heading. */
export const FUELS: {
  key: 'refined' | 'crude';
  heading: string;
  label: string;
  product: RegExp;
}[] = [
  {
    key: 'refined',
    heading: '2710',
    label: 'refined petroleum products',
    product: /^refined petroleum/,
  },
  { key: 'crude', heading: '2709', label: 'crude oil', product: /^crude oil/ },
];

/**
 * Whether a fuel row gives an annual supply in barrels before the caps (`firstCapYear` or earlier):
 * not a cap, not a part of a year, not a daily rate.
 */
export function isPreCapSupply(row: FuelRow, firstCapYear: number): boolean {
  const year = Number(/\d{4}/.exec(row.year)?.[0] ?? NaN);
  return (
    row.unit === 'barrels/year' &&
    /^annual volume/.test(row.measure) &&
    !/^cap/.test(row.status) &&
    !/^UN cap/.test(row.flow) &&
    year <= firstCapYear
  );
}
