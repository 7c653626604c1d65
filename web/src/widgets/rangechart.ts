/**
 * @module
 * A grouped horizontal bar chart of ranges in SVG (no chart library): one row per key, one bar
 * per series (scenario A, scenario B, their difference). A bar is solid up to the range's low end
 * and hatched from there to its high end, so a figure known only within bounds never reads as one
 * number; the range is written at the bar's end. Labels are SVG text: the chart reads without
 * colour.
 */
import { h, svg } from '../dom.ts';

/** A value known within bounds. */
export interface Span {
  low: number;
  high: number;
}

/** One row: a bar per series. */
export interface RangeRow {
  key: string;
  label: string;
  values: (Span | undefined)[];
}

/** A series: its name (legend) and colour class. */
export interface Series {
  name: string;
  cls: string;
}

const BAR = 13;
const GAP = 10;
const LABEL = 250;
const WIDTH = 640;
const NOTE = 130;

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The chart, captioned `title`, with `format` writing a range (`$1,180–1,200 mn`). Negative parts
 * of a difference are drawn from zero like positive ones; the text keeps the sign. `missing` is
 * written where the last series has no value (`no difference`).
 */
export function rangeChart(
  title: string,
  series: Series[],
  rows: RangeRow[],
  format: (s: Span) => string,
  missing?: string,
): HTMLElement {
  const max = Math.max(
    1,
    ...rows.flatMap((r) => r.values.flatMap((v) => (v ? [Math.abs(v.low), Math.abs(v.high)] : []))),
  );
  const plot = WIDTH - LABEL - NOTE;
  const rowH = series.length * BAR + GAP;
  const height = Math.max(1, rows.length) * rowH + 8;
  const chart = svg(
    'svg',
    {
      class: 'barchart rangechart',
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-label': `${title}: ${
        rows
          .map(
            (r) =>
              `${r.label}: ${r.values.map((v, i) => `${series[i]!.name} ${v ? format(v) : 'none'}`).join(', ')}`,
          )
          .join('; ') || 'nothing re-opened'
      }`,
    },
    rows.length === 0
      ? svg('text', { x: 8, y: 22, class: 'chart-empty' }, 'Nothing re-opened.')
      : rows.map((r, i) => {
          const y0 = i * rowH + 4;
          return svg(
            'g',
            { class: 'bar-row', 'data-key': r.key },
            svg(
              'text',
              {
                x: LABEL - 8,
                y: y0 + (series.length * BAR) / 2,
                class: 'bar-label',
                'text-anchor': 'end',
              },
              ellipsis(r.label, 34),
            ),
            r.values.map((v, j) => {
              const y = y0 + j * BAR;
              const s = series[j]!;
              if (!v)
                return svg(
                  'text',
                  { x: LABEL + 4, y: y + BAR / 2, class: 'bar-note' },
                  `${s.name}: ${j === series.length - 1 && missing ? missing : '—'}`,
                );
              const lo = (Math.abs(v.low) / max) * plot;
              const hi = (Math.abs(v.high) / max) * plot;
              const a = Math.min(lo, hi);
              const b = Math.max(lo, hi);
              return svg(
                'g',
                { class: `series ${s.cls}`, 'data-series': s.name },
                svg('title', null, `${r.label} — ${s.name}: ${format(v)}`),
                svg('rect', {
                  x: LABEL,
                  y: y + 1,
                  width: Math.max(a, 1),
                  height: BAR - 3,
                  class: 'range-low',
                }),
                b > a
                  ? svg('rect', {
                      x: LABEL + a,
                      y: y + 1,
                      width: b - a,
                      height: BAR - 3,
                      class: 'range-ext',
                    })
                  : null,
                svg(
                  'text',
                  { x: LABEL + Math.max(b, 1) + 5, y: y + BAR / 2, class: 'bar-note' },
                  format(v),
                ),
              );
            }),
          );
        }),
  );
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    series.map((s) =>
      h('li', null, h('span', { class: `swatch ${s.cls}`, 'aria-hidden': 'true' }), s.name),
    ),
    h(
      'li',
      null,
      h('span', { class: 'swatch range-swatch', 'aria-hidden': 'true' }),
      'hatched: the range’s upper part',
    ),
  );
  return h('figure', { class: 'chart' }, h('figcaption', null, title), chart, legend);
}
