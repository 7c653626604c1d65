/**
 * @module
 * A horizontal bar chart in SVG, drawn here (no chart library, no CDN): one bar per key, its
 * length the number of transactions whose verdict changed, split by the kind of change
 * (BLOCK→CLEAR…), with the count and the value written at its end. Labels are text in the SVG, so
 * the chart reads without colour and scales with the page.
 */
import { h, svg } from '../dom.ts';
import { count as fmtCount } from '../format.ts';

/** One bar. */
export interface Bar {
  key: string;
  label: string;
  /** Segments by kind of change, e.g. `{ 'BLOCK→CLEAR': 2 }`. */
  parts: Record<string, number>;
  /** Text after the bar (value of the goods…). */
  note?: string;
}

/** Colour classes of the changes the engine reports, the rest share one. */
const FLIP_CLASS: Record<string, string> = {
  'BLOCK→CLEAR': 'seg-block-clear',
  'BLOCK→REVIEW': 'seg-block-review',
  'REVIEW→CLEAR': 'seg-review-clear',
};

/**
 * The drawing's own units, close to the pixels it gets beside its twin on a 1366-pixel screen, so
 * the text keeps its size there (the SVG scales with its box).
 */
const ROW = 28;
const LABEL = 250;
const WIDTH = 640;
const NOTE = 150;

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The chart, with its legend, in a `<figure>` captioned `title`. */
export function barChart(title: string, bars: Bar[]): HTMLElement {
  const total = (b: Bar) => Object.values(b.parts).reduce((s, n) => s + n, 0);
  const max = Math.max(1, ...bars.map(total));
  const plot = WIDTH - LABEL - NOTE;
  const height = Math.max(1, bars.length) * ROW + 8;
  const flips = [...new Set(bars.flatMap((b) => Object.keys(b.parts)))].sort();
  const chart = svg(
    'svg',
    {
      class: 'barchart',
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-label': `${title}: ${
        bars.map((b) => `${b.label} ${total(b)}`).join(', ') || 'no changes'
      }`,
    },
    bars.length === 0
      ? svg('text', { x: 8, y: 22, class: 'chart-empty' }, 'No verdict changes.')
      : bars.map((b, i) => {
          const y = i * ROW + 4;
          let x = LABEL;
          const segs = Object.entries(b.parts)
            .sort(([a], [c]) => a.localeCompare(c))
            .map(([flip, n]) => {
              const w = (n / max) * plot;
              const rect = svg(
                'rect',
                {
                  x,
                  y: y + 3,
                  width: Math.max(w, 1),
                  height: ROW - 10,
                  class: `seg ${FLIP_CLASS[flip] ?? 'seg-other'}`,
                  'data-flip': flip,
                },
                svg('title', null, `${b.label}: ${n} × ${flip}`),
              );
              x += w;
              return rect;
            });
          return svg(
            'g',
            { class: 'bar-row', 'data-key': b.key },
            svg('title', null, `${b.label}: ${total(b)} changed`),
            svg(
              'text',
              { x: LABEL - 8, y: y + ROW / 2 + 1, class: 'bar-label', 'text-anchor': 'end' },
              ellipsis(b.label, 38),
            ),
            segs,
            svg(
              'text',
              { x: x + 6, y: y + ROW / 2 + 1, class: 'bar-note' },
              `${fmtCount(total(b))}${b.note ? ` · ${b.note}` : ''}`,
            ),
          );
        }),
  );
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    flips.map((f) =>
      h(
        'li',
        null,
        h('span', { class: `swatch ${FLIP_CLASS[f] ?? 'seg-other'}`, 'aria-hidden': 'true' }),
        f,
      ),
    ),
  );
  return h('figure', { class: 'chart' }, h('figcaption', null, title), chart, legend);
}
