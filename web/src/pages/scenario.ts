/**
 * @module
 * Scenario: choose a relief scenario, give a book of transactions (pasted, uploaded, or the
 * sample shipped with the UI), run it through `POST /scenarios/{id}/run`, and see what changes:
 * the totals before and after, bar charts by lifted measure and by HS chapter, and every
 * transaction whose verdict moved.
 */
import { api, errorText } from '../api.ts';
import { field, h, replace, section, select, status } from '../dom.ts';
import { count, money } from '../format.ts';
import { type Route } from '../router.ts';
import type { FlipSum, ScenarioRun, ScenarioSummary, ScenarioTxResult, Verdict } from '../types.ts';
import { chapterLabel } from '../hs-chapters.ts';
import { barChart, type Bar } from '../widgets/barchart.ts';
import { showAnswer } from '../widgets/answer.ts';
import { verdictBadge } from '../widgets/verdict.ts';
import { impactPanel } from './scenario-impact.ts';

/** The sample book shipped with the UI (invented traders, one real UN designation). */
const SAMPLE_BOOK = 'samples/hanoi-book.jsonl';

function summariesOf(json: unknown): ScenarioSummary[] {
  if (Array.isArray(json)) return json as ScenarioSummary[];
  return (json as { scenarios?: ScenarioSummary[] }).scenarios ?? [];
}

/**
 * The request the server takes: the book's lines parsed (a line that does not parse is sent as
 * its text so the server reports it by line, as it does for a file) and the options.
 */
function requestOf(book: string, authority: string) {
  const lines = book.split(/\r?\n/).filter((l) => l.trim() !== '');
  const transactions = lines.map((l) => {
    try {
      return JSON.parse(l) as unknown;
    } catch {
      return l;
    }
  });
  return { transactions, authorities: [authority] };
}

/** A scenario run as the server answers it: its errors as `{detail, code, line}`. */
type RunAnswer = Omit<ScenarioRun, 'errors'> & {
  errors: { detail: string; code: string; line?: number }[];
};

/**
 * Bars of a sum. Two measures of one paragraph (2371 OP8 bans coal and iron separately) share a
 * citation, so a repeated label gets the part of the measure id that tells them apart.
 */
function bars(sums: FlipSum[]): Bar[] {
  const seen = new Map<string, FlipSum[]>();
  for (const s of sums) seen.set(s.label, [...(seen.get(s.label) ?? []), s]);
  const label = (s: FlipSum): string => {
    const same = seen.get(s.label)!;
    if (same.length < 2) return s.label;
    let common = 0;
    const keys = same.map((x) => x.key);
    while (keys.every((k) => k[common] === keys[0]![common]) && common < s.key.length) common++;
    const cut = s.key.lastIndexOf('-', common) + 1;
    return `${s.label} ${s.key.slice(cut)}`;
  };
  return sums.map((s) => ({ key: s.key, label: label(s), parts: s.flips, note: money(s.value) }));
}

function totalsView(run: RunAnswer): HTMLElement {
  const verdicts: Verdict[] = ['BLOCK', 'REVIEW', 'CLEAR'];
  return h(
    'table',
    { class: 'grid totals' },
    h('caption', { class: 'visually-hidden' }, 'Verdicts before and after'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('td'),
        verdicts.map((v) => h('th', { scope: 'col' }, verdictBadge(v))),
      ),
    ),
    h(
      'tbody',
      null,
      (['before', 'after'] as const).map((when) =>
        h(
          'tr',
          null,
          h(
            'th',
            { scope: 'row' },
            when === 'before' ? 'As the regime stands' : 'Under the scenario',
          ),
          verdicts.map((v) => h('td', { class: 'num' }, count(run.totals[when][v]))),
        ),
      ),
    ),
  );
}

function txTable(txs: ScenarioTxResult[]): HTMLElement {
  return h(
    'table',
    { class: 'grid tx' },
    h('caption', { class: 'visually-hidden' }, 'Transactions'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Transaction', 'Date', 'Goods', 'Before', 'After', 'Lifted measures'].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      txs.map((t) =>
        h(
          'tr',
          { class: t.changed ? 'changed' : undefined },
          h(
            'th',
            { scope: 'row' },
            t.id,
            t.changed ? h('span', { class: 'visually-hidden' }, ' (changed)') : null,
          ),
          h('td', null, t.date),
          h(
            'td',
            null,
            t.goods
              .map((g) => `HS ${g.hs}${g.description ? ` ${g.description}` : ''}`)
              .join('; ') || t.kind,
          ),
          h('td', null, verdictBadge(t.before)),
          h('td', null, verdictBadge(t.after)),
          h('td', null, t.lifted.map((l) => l.citation).join(', ') || '—'),
        ),
      ),
    ),
  );
}

function runView(run: RunAnswer): HTMLElement {
  const changed = run.transactions.filter((t) => t.changed);
  return h(
    'div',
    { class: 'scenario-run' },
    h(
      'h2',
      { tabindex: '-1', class: 'run-heading' },
      `${count(run.totals.changed)} of ${count(run.totals.transactions)} transactions change verdict`,
    ),
    h(
      'div',
      { class: 'run-summary' },
      h(
        'p',
        { class: 'run-title' },
        h('strong', null, run.scenario.title),
        ` — from ${run.scenario.from}, judged by ${run.authorities.join(', ')}; goods of the changed transactions worth ${money(run.totals.value)}.`,
      ),
      totalsView(run),
    ),
    h(
      'div',
      { class: 'charts' },
      barChart('Changed verdicts by lifted measure', bars(run.by_measure)),
      barChart(
        'Changed verdicts by HS chapter',
        bars(run.by_chapter).map((b) => ({ ...b, label: chapterLabel(b.key, b.label) })),
      ),
    ),
    section(
      `Transactions whose verdict changes (${changed.length})`,
      changed.length ? txTable(changed) : h('p', { class: 'empty' }, 'None.'),
    ),
    h(
      'details',
      { class: 'more' },
      h('summary', null, `Every transaction (${run.transactions.length})`),
      txTable(run.transactions),
    ),
    run.errors.length
      ? section(
          'Lines not judged',
          h(
            'ul',
            { class: 'errors' },
            run.errors.map((e) => h('li', null, e.detail)),
          ),
        )
      : null,
  );
}

/** Renders the scenario page. */
export function scenarioPage(root: HTMLElement, route: Route): void {
  const scenarioSel = h('select', { name: 'scenario' });
  const about = h('p', { class: 'hint scenario-about' });
  const authority = select(
    'authority',
    [
      ['un', 'UN Security Council'],
      ['us', 'United States'],
    ] as const,
    'un',
  );
  const book = h('textarea', {
    name: 'book',
    rows: 6,
    wrap: 'off',
    spellcheck: 'false',
    class: 'code',
    placeholder: '{"id": "tx-1", "date": "2019-06-10", "kind": "shipment", …}\n{"id": "tx-2", …}',
  });
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: '.jsonl,.ndjson,.json,.txt,application/x-ndjson',
  });
  const st = status();
  const out = h('div', { class: 'scenario-result' });
  const impact = h('div', { class: 'scenario-impact' });
  let scenarios: ScenarioSummary[] = [];

  const describe = () => {
    const s = scenarios.find((x) => x.id === scenarioSel.value);
    about.textContent = s
      ? `${s.title} — from ${s.from}; lifts ${s.lifts} measures of the ${s.regime} regime.`
      : '';
  };
  scenarioSel.addEventListener('change', describe);

  const useSample = async () => {
    try {
      const res = await fetch(SAMPLE_BOOK);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      book.value = await res.text();
      st.textContent = `Sample book loaded: ${book.value.trim().split('\n').length} transactions.`;
    } catch (err) {
      st.textContent = `Could not load the sample book: ${errorText(err)}`;
    }
  };
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    f.text()
      .then((t) => {
        book.value = t;
        st.textContent = `${f.name} loaded: ${t.trim().split('\n').length} lines.`;
      })
      .catch((err: unknown) => (st.textContent = `Could not read ${f.name}: ${errorText(err)}`));
  });

  const submit = (e: Event) => {
    e.preventDefault();
    if (!book.value.trim()) {
      replace(
        out,
        h(
          'p',
          { class: 'error', role: 'alert' },
          'The book is empty: paste transactions (one JSON object a line), upload a file, or use the sample book.',
        ),
      );
      book.focus();
      return;
    }
    showAnswer(
      out,
      st,
      'Running the book before and after…',
      () =>
        api<RunAnswer>(`/scenarios/${encodeURIComponent(scenarioSel.value)}/run`, {
          body: requestOf(book.value, authority.value),
        }),
      runView,
      '.run-heading',
    );
  };

  replace(
    root,
    h('h1', { tabindex: '-1' }, 'Relief scenario'),
    h(
      'p',
      { class: 'lede' },
      'What a relief deal would change in a book of transactions: each judged as the regime stands and as if the scenario had been adopted.',
    ),
    h(
      'form',
      { class: 'scenario-form', 'aria-label': 'Run a scenario', onsubmit: submit },
      h(
        'div',
        { class: 'row' },
        h('div', { class: 'grow' }, field('Scenario', scenarioSel), about),
        field('Authority', authority),
      ),
      field(
        'Book (JSON Lines)',
        book,
        'One transaction a line, as `embargo scenario run --book` takes it.',
      ),
      h(
        'div',
        { class: 'row toolbar' },
        field('Upload a book', file),
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void useSample() },
          'Use sample book',
        ),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Run scenario'),
        ),
      ),
    ),
    st,
    out,
    impact,
  );

  api<unknown>('/scenarios')
    .then((json) => {
      scenarios = summariesOf(json);
      replace(
        scenarioSel,
        scenarios.map((s) => h('option', { value: s.id }, s.id)),
      );
      const wanted = route.params.get('id');
      if (wanted && scenarios.some((s) => s.id === wanted)) scenarioSel.value = wanted;
      describe();
      replace(impact, impactPanel(scenarios));
    })
    .catch((err: unknown) => {
      replace(out, h('p', { class: 'error', role: 'alert' }, errorText(err)));
    });
}
