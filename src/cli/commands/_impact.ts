/**
 * @module
 * `embargo scenario impact` and `scenario compare` as text: what a scenario re-opens on the trade
 * baseline, by measure and by HS chapter, with fuel, income streams and the rows it rests on; and
 * two scenarios side by side with the measures and dollars on which they differ.
 */
import type {
  Figures,
  ImpactComparison,
  Range,
  ScenarioImpact,
  Trace,
} from '../../engine/index.ts';
import { table } from '../output.ts';

/** US dollars in millions: `$1,180.0 mn`, or a range `$0.0–439.0 mn`. */
export function usd(r: Range): string {
  const mn = (n: number) =>
    (n / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return r.low === r.high ? `$${mn(r.low)} mn` : `$${mn(r.low)}–${mn(r.high)} mn`;
}

/** Barrels: `4,000,000 bbl`, or a range. */
export function bbl(r: Range): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return r.low === r.high ? `${n(r.low)} bbl` : `${n(r.low)}–${n(r.high)} bbl`;
}

const isZero = (r: Range) => r.low === 0 && r.high === 0;

function trace(t: Trace): string {
  const v = t.value === undefined ? '' : ` ${t.value.toLocaleString('en-US')} ${t.unit}`;
  return `${t.file}:${t.line} (${t.year}, ${t.by}${t.tag ? `, ${t.tag}` : ''})${v} <${t.source_url}>`;
}

function fuelCell(f: Figures['fuel_bbl']): string {
  return (
    [
      isZero(f.refined) ? '' : `refined ${bbl(f.refined)}`,
      isZero(f.crude) ? '' : `crude ${bbl(f.crude)}`,
    ]
      .filter(Boolean)
      .join('; ') || '-'
  );
}

/** `scenario impact` as text. */
export function impactText(r: ScenarioImpact): string {
  const t = r.totals;
  const out = [
    `${r.scenario.id}: ${r.scenario.title}`,
    `regime on ${r.as_of}, authority ${r.authorities.join(',')}; baseline ${r.baseline.year} (${r.baseline.dir}, version ${r.baseline.version.slice(0, 12)})`,
    '',
    `re-opened per year: income ${usd(t.income)} (goods ${usd(t.income_goods)}; beyond goods, estimates, ${usd(t.income_streams)}); supplies ${usd(t.supplies)}; fuel ${fuelCell(t.fuel_bbl)}`,
    '',
    'by measure:',
    table(
      ['measures', 'income (exports)', 'income (estimates)', 'supplies (imports)', 'fuel a year'],
      r.by_measure.map((s) => [
        s.label,
        usd(s.income_goods),
        usd(s.income_streams),
        usd(s.supplies),
        fuelCell(s.fuel_bbl),
      ]),
    ),
    '',
    'by HS chapter:',
    table(
      ['flow', 'chapter', 're-opened', 'range because', 'rows'],
      r.by_chapter.map((c) => [
        c.kind,
        c.label,
        usd(c.reopened),
        c.partial
          ? 'chapter only partly covered'
          : c.reopened.low !== c.reopened.high
            ? 'sources disagree'
            : '',
        c.rows.map((x) => `${x.file}:${x.line}`).join(' '),
      ]),
    ),
    '',
    'fuel:',
    ...r.fuel.map(
      (f) =>
        `  ${f.label} (HS ${f.heading}): ${f.status}, ${bbl(f.reopened_bbl)} a year; ${f.note}`,
    ),
    '',
    'income beyond goods (estimates):',
    ...r.streams.map(
      (s) =>
        `  ${s.label}: ${s.status}${s.status === 'reopened' ? ` ${usd(s.reopened)} a year` : ''}${s.value ? ` (estimates ${usd(s.value)})` : ''}${s.still.length ? `; still: ${s.still.join(', ')}` : ''}`,
    ),
    '',
    'lifted measures:',
    table(
      ['measure', 'citation', 'status', 'why'],
      r.measures.map((m) => [m.id, m.citation, m.status, m.reason]),
    ),
  ];
  const noFigure = r.measures.filter((m) => m.context.length > 0);
  if (noFigure.length) {
    out.push('', 'no baseline figure; rows shown as such, not summed:');
    for (const m of noFigure) {
      out.push(`  ${m.citation} (${m.id}):`);
      for (const c of m.context) out.push(`    ${c.what}: ${trace(c)}`);
    }
  }
  out.push('', 'figures rest on:');
  for (const f of [
    ...r.flows.filter((x) => x.lifted.length),
    ...r.fuel.filter((x) => x.lifted.length),
    ...r.streams.filter((x) => x.lifted.length),
  ])
    for (const row of f.rows) out.push(`  ${f.label}: ${trace(row)}`);
  out.push('', 'baseline rows:');
  for (const f of r.rows)
    out.push(
      `  ${f.file}: ${f.rows} rows, ${f.in_figures} read as annual figures, ${f.in_context} shown as context, ${f.not_used} not used (other years, partial periods or estimates no lifted measure reaches)`,
    );
  out.push('', ...r.notes.map((n) => `note: ${n}`));
  return out.join('\n') + '\n';
}

/** `scenario compare` as text. */
export function compareText(c: ImpactComparison): string {
  const row = (name: string, f: Figures) => [
    name,
    usd(f.income),
    usd(f.income_streams),
    usd(f.supplies),
    fuelCell(f.fuel_bbl),
  ];
  const out = [
    `a: ${c.a.id}: ${c.a.title}`,
    `b: ${c.b.id}: ${c.b.title}`,
    `regime on ${c.as_of}, authority ${c.authorities.join(',')}; baseline ${c.baseline.year} (${c.baseline.dir})`,
    '',
    table(
      ['', 'income', 'of which estimates', 'supplies', 'fuel a year'],
      [row('a', c.totals.a), row('b', c.totals.b), row('b − a', c.totals.difference)],
    ),
    '',
    'where they differ (value at stake, b − a):',
    table(
      ['measures', 'differing', 'income', 'supplies', 'fuel a year'],
      c.gap.map((g) => [
        g.label,
        g.differing.join(', ') || '-',
        usd(g.difference.income),
        usd(g.difference.supplies),
        fuelCell(g.difference.fuel_bbl),
      ]),
    ),
    '',
    'measures lifted by one account only:',
    table(
      ['measure', 'citation', 'lifted by', 'value at stake'],
      c.measures.map((m) => [
        m.id,
        m.citation,
        m.lifted_by === 'a' ? c.a.id : c.b.id,
        m.gap.length
          ? `see ${m.gap.length === 1 ? 'row' : 'rows'} above`
          : `${m.status}: ${m.reason}`,
      ]),
    ),
    '',
    `${c.common.length} measures are lifted by both.`,
  ];
  return out.join('\n') + '\n';
}
