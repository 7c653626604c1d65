/**
 * @module
 * The impact panel of the scenario page: two scenarios (by default the two Hanoi accounts) measured
 * against North Korea's trade baseline through `GET /scenarios/compare`: the totals side by side,
 * SVG charts of the income and fuel each re-opens by measure with their difference, and the
 * measures on which they differ with the value at stake in each.
 */
import { api, errorText } from '../api.ts';
import { field, h, replace, section, select, status } from '../dom.ts';
import type { Figures, ImpactComparison, MeasureSum, ScenarioSummary } from '../types.ts';
import { showAnswer } from '../widgets/answer.ts';
import { rangeChart, type RangeRow, type Span } from '../widgets/rangechart.ts';

const DEFAULT_A = 'hanoi-2019-dprk-proposal';
const DEFAULT_B = 'hanoi-2019-us-account';

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `$1,180–1,200 mn`, `$752 mn`. */
export function usd(s: Span): string {
  const mn = (n: number) => numbers.format(n / 1e6);
  return s.low === s.high ? `$${mn(s.low)} mn` : `$${mn(s.low)}–${mn(s.high)} mn`;
}

/** `4,000,000 bbl`, or a range. */
export function barrels(s: Span): string {
  const n = (x: number) => numbers.format(x);
  return s.low === s.high ? `${n(s.low)} bbl` : `${n(s.low)}–${n(s.high)} bbl`;
}

const plus = (a: Span, b: Span): Span => ({ low: a.low + b.low, high: a.high + b.high });
const zero = (s: Span) => s.low === 0 && s.high === 0;
const fuel = (f: Figures | MeasureSum) => plus(f.fuel_bbl.refined, f.fuel_bbl.crude);

function totalsTable(c: ImpactComparison): HTMLElement {
  const row = (name: string, f: Figures, cls?: string) =>
    h(
      'tr',
      cls ? { class: cls } : null,
      h('th', { scope: 'row' }, name),
      [
        usd(f.income),
        usd(f.income_streams),
        usd(f.supplies),
        barrels(f.fuel_bbl.refined),
        barrels(f.fuel_bbl.crude),
      ].map((v) => h('td', { class: 'num' }, v)),
    );
  return h(
    'table',
    { class: 'grid impact-totals' },
    h('caption', null, 'Re-opened per year, against the baseline'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('td'),
        [
          'Income',
          'of which estimates (workers, fishing rights…)',
          'Supplies (imports)',
          'Refined fuel',
          'Crude oil',
        ].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      null,
      row(c.a.id, c.totals.a),
      row(c.b.id, c.totals.b),
      row('Difference (B − A)', c.totals.difference, 'difference'),
    ),
  );
}

/** Rows of a chart: every key of either scenario with a non-zero figure, A, B and their gap. */
function rows(c: ImpactComparison, pick: (f: Figures | MeasureSum) => Span): RangeRow[] {
  const a = c.impacts.a.by_measure;
  const b = c.impacts.b.by_measure;
  const keys = [...new Set([...a, ...b].map((s) => s.key))];
  return keys
    .map((key) => {
      const sa = a.find((s) => s.key === key);
      const sb = b.find((s) => s.key === key);
      const gap = c.gap.find((g) => g.key === key);
      return {
        key,
        label: (sb ?? sa)!.label,
        values: [
          sa ? pick(sa) : undefined,
          sb ? pick(sb) : undefined,
          gap && !zero(pick(gap.difference)) ? pick(gap.difference) : undefined,
        ],
      };
    })
    .filter((r) => r.values.some((v) => v && !zero(v)))
    .sort(
      (x, y) =>
        Math.max(...y.values.map((v) => v?.high ?? 0)) -
        Math.max(...x.values.map((v) => v?.high ?? 0)),
    );
}

function gapTable(c: ImpactComparison): HTMLElement {
  return h(
    'table',
    { class: 'grid impact-gap' },
    h('caption', null, 'Where the two accounts differ: the value at stake (B − A)'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Measures', 'Lifted by one account only', 'Income', 'Supplies', 'Fuel'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      c.gap.map((g) =>
        h(
          'tr',
          { 'data-key': g.key },
          h('th', { scope: 'row' }, g.label),
          h('td', null, g.differing.join(', ') || '—'),
          h('td', { class: 'num' }, usd(g.difference.income)),
          h('td', { class: 'num' }, usd(g.difference.supplies)),
          h('td', { class: 'num' }, barrels(fuel(g.difference))),
        ),
      ),
    ),
  );
}

function measuresList(c: ImpactComparison): HTMLElement {
  return h(
    'details',
    { class: 'more impact-measures' },
    h('summary', null, `Measures lifted by one account only (${c.measures.length})`),
    h(
      'ul',
      null,
      c.measures.map((m) =>
        h(
          'li',
          { 'data-measure': m.id },
          h('strong', null, m.citation),
          ` ${m.title} — lifted by ${m.lifted_by === 'a' ? c.a.id : c.b.id}: `,
          m.gap.length ? 'value at stake in the table above' : `${m.status} (${m.reason})`,
        ),
      ),
    ),
  );
}

function comparisonView(c: ImpactComparison): HTMLElement {
  const series = [
    { name: `A: ${c.a.id}`, cls: 'series-a' },
    { name: `B: ${c.b.id}`, cls: 'series-b' },
    { name: 'B − A', cls: 'series-diff' },
  ];
  const income = rows(c, (f) => f.income);
  const fuelRows = rows(c, fuel);
  return h(
    'div',
    { class: 'impact-result' },
    h('h3', { tabindex: '-1', class: 'impact-heading' }, `${c.a.id} and ${c.b.id}, on ${c.as_of}`),
    totalsTable(c),
    h(
      'div',
      { class: 'charts' },
      rangeChart(
        'Income re-opened by measure, US dollars a year',
        series,
        income,
        usd,
        'no difference',
      ),
      rangeChart(
        'Fuel caps lifted by measure, barrels a year',
        series,
        fuelRows,
        barrels,
        'no difference',
      ),
    ),
    c.gap.length
      ? gapTable(c)
      : h('p', { class: 'empty' }, 'The two scenarios re-open the same figures.'),
    measuresList(c),
    h(
      'ul',
      { class: 'hint impact-notes' },
      c.impacts.a.notes.map((n) => h('li', null, n)),
      h(
        'li',
        null,
        `Baseline ${c.baseline.year}, version ${c.baseline.version.slice(0, 12)}; every figure's rows and sources are in the JSON answer and in \`embargo scenario impact\`.`,
      ),
    ),
  );
}

/** The panel, comparing the two Hanoi accounts when the server ships them. */
export function impactPanel(scenarios: ScenarioSummary[]): HTMLElement {
  const ids = scenarios.map((s) => [s.id, s.id] as const);
  const has = (id: string) => scenarios.some((s) => s.id === id);
  const a = select('a', ids, has(DEFAULT_A) ? DEFAULT_A : scenarios[0]?.id);
  const b = select('b', ids, has(DEFAULT_B) ? DEFAULT_B : scenarios[1]?.id);
  const authority = select(
    'impact-authority',
    [
      ['un', 'UN Security Council'],
      ['us', 'United States'],
    ] as const,
    'un',
  );
  const st = status();
  const out = h('div', { class: 'impact-out' });
  const ask = () =>
    api<ImpactComparison>('/scenarios/compare', {
      query: { a: a.value, b: b.value, authority: authority.value },
    });
  const run = (e?: Event) => {
    e?.preventDefault();
    showAnswer(
      out,
      st,
      'Measuring both scenarios against the baseline…',
      ask,
      comparisonView,
      '.impact-heading',
    );
  };
  const panel = section(
    "What each account is worth: North Korea's trade, fuel and income re-opened",
    h(
      'p',
      { class: 'hint' },
      'Each scenario measured against the trade baseline (2016 recorded trade, pre-cap fuel supply, published income estimates). Ranges are sources that disagree, or chapters a measure covers only in part.',
    ),
    h(
      'form',
      { class: 'impact-form', 'aria-label': 'Compare two scenarios', onsubmit: run },
      h(
        'div',
        { class: 'row' },
        field('Scenario A', a),
        field('Scenario B', b),
        field('Authority (comparison)', authority),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Compare'),
        ),
      ),
    ),
    st,
    out,
  );
  panel.classList.add('impact-panel');
  if (a.value && b.value) {
    // Shown without a click (a GET on shipped data, and the page's main question), but without
    // taking the focus or the scroll from the form above, as a clicked answer does.
    st.textContent = 'Measuring both scenarios against the baseline…';
    ask()
      .then((c) => {
        st.textContent = '';
        replace(out, comparisonView(c));
      })
      .catch((err: unknown) => {
        st.textContent = '';
        replace(out, h('p', { class: 'error', role: 'alert' }, errorText(err)));
      });
  }
  return panel;
}
