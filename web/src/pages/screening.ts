/**
 * @module
 * Screening: a name with optional birth date, country and kind of party, sent to
 * `POST /match/default` in yente's shape; each result with its score bar, match flag,
 * programmes, datasets and the explanation as highlighted token matches.
 */
import { api, errorText } from '../api.ts';
import { field, h, replace, select, status } from '../dom.ts';
import { country, count, score } from '../format.ts';
import { go, href, type Route } from '../router.ts';
import type { Coverage, YenteScored } from '../types.ts';
import { coverageNote } from '../widgets/coverage.ts';
import { explanationView, tokenLegend } from '../widgets/explanation.ts';
import { scoreBar } from '../widgets/scorebar.ts';
import { matchBadge } from '../widgets/verdict.ts';

/** Id of the name field, which `/` focuses from anywhere. */
export const SEARCH_FIELD_ID = 'screen-name';

const SCHEMAS = [
  ['', 'Any party'],
  ['Person', 'Person'],
  ['Company', 'Company'],
  ['Organization', 'Organization'],
  ['LegalEntity', 'Legal entity'],
  ['Vessel', 'Vessel'],
  ['Airplane', 'Airplane'],
] as const;

const ALGORITHMS = [
  ['embargo', 'embargo (default, threshold 0.75)'],
  ['ofac', 'ofac (OFAC Sanctions List Search emulation, 0.85)'],
] as const;

/** The engine's default thresholds, for the tick on the bar when the answer does not say. */
const DEFAULT_THRESHOLD: Record<string, number> = { embargo: 0.75, ofac: 0.85 };

/**
 * Lowest score shown by default. yente's `cutoff` defaults to the threshold (matches only); an
 * analyst also wants the near misses, flagged as such.
 */
const DEFAULT_CUTOFF = '0.5';

/** yente's answer (the parts the page reads). */
interface MatchAnswer {
  responses: Record<string, { results: YenteScored[]; total?: { value: number } }>;
  threshold?: number;
  algorithm?: string;
  coverage?: Coverage;
}

/** The query the form describes, in yente's shape. */
function queryOf(p: URLSearchParams) {
  const schema = p.get('schema') || 'Thing';
  const properties: Record<string, string[]> = { name: [p.get('name') ?? ''] };
  const dob = p.get('dob');
  if (dob) properties.birthDate = [dob];
  const c = p.get('country');
  // A person's country is a nationality; for anything else, where it is based or flagged.
  if (c) properties[schema === 'Person' ? 'nationality' : 'country'] = [c];
  return { schema, properties };
}

function resultItem(r: YenteScored, rank: number, query: string, threshold: number) {
  const dob = r.properties.birthDate ?? [];
  const countries = [
    ...new Set([...(r.properties.nationality ?? []), ...(r.properties.country ?? [])]),
  ];
  return h(
    'li',
    { class: `result${r.match ? ' is-match' : ''}` },
    h(
      'article',
      { 'aria-labelledby': `res-${rank}` },
      h(
        'header',
        { class: 'result-head' },
        h('span', { class: 'rank', 'aria-hidden': 'true' }, `${rank}.`),
        h(
          'h3',
          { id: `res-${rank}` },
          h('a', { href: href(['entity', r.id]), class: 'entity-link' }, r.caption),
        ),
        h('span', { class: 'schema' }, r.schema),
        matchBadge(r.match),
        scoreBar(r.score, threshold, r.match),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Programmes'),
        h('dd', null, r.programs.length ? r.programs.join(', ') : '—'),
        h('dt', null, 'Datasets'),
        h('dd', null, r.datasets.join(', ')),
        dob.length ? [h('dt', null, 'Born'), h('dd', null, dob.join(', '))] : null,
        countries.length
          ? [h('dt', null, 'Countries'), h('dd', null, countries.map(country).join(', '))]
          : null,
        h('dt', null, 'Id'),
        h('dd', null, h('code', null, r.id)),
      ),
      explanationView(query, r.matched_name, {
        tokens: r.tokens ?? [],
        features: r.features ?? {},
      }),
    ),
  );
}

/** Renders the screening page; runs the search the hash describes, if any. */
export function screeningPage(root: HTMLElement, route: Route, rerender: () => void): void {
  const p = route.params;
  const name = h('input', {
    id: SEARCH_FIELD_ID,
    name: 'name',
    type: 'search',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
    value: p.get('name') ?? '',
    placeholder: 'e.g. Kim Jong Un, 김정은, KOMID',
  });
  const dob = h('input', {
    name: 'dob',
    type: 'text',
    inputmode: 'numeric',
    pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
    placeholder: 'YYYY-MM-DD or YYYY',
    value: p.get('dob') ?? '',
  });
  const ctry = h('input', {
    name: 'country',
    type: 'text',
    placeholder: 'KP or North Korea',
    value: p.get('country') ?? '',
  });
  const schema = select('schema', SCHEMAS, p.get('schema') ?? '');
  const algorithm = select('algorithm', ALGORITHMS, p.get('algorithm') ?? 'embargo');
  const limit = h('input', {
    name: 'limit',
    type: 'number',
    min: 1,
    max: 50,
    value: p.get('limit') ?? '10',
  });
  const cutoff = h('input', {
    name: 'cutoff',
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    value: p.get('cutoff') ?? DEFAULT_CUTOFF,
  });
  const out = h('div', { class: 'results-wrap' });
  const st = status();
  const form = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      'aria-label': 'Screen a name',
      onsubmit: (e: Event) => {
        e.preventDefault();
        go(
          href(['screen'], {
            name: name.value.trim(),
            dob: dob.value.trim(),
            country: ctry.value.trim(),
            schema: schema.value,
            algorithm: algorithm.value === 'embargo' ? '' : algorithm.value,
            limit: limit.value === '10' ? '' : limit.value,
            cutoff: cutoff.value === DEFAULT_CUTOFF ? '' : cutoff.value,
          }),
          rerender,
        );
      },
    },
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'grow' }, field('Name', name)),
      field('Birth date', dob),
      field('Country', ctry),
      field('Schema', schema),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Screen')),
    ),
    h(
      'details',
      { class: 'more', open: p.has('algorithm') || p.has('limit') || p.has('cutoff') },
      h('summary', null, 'Options'),
      h(
        'div',
        { class: 'row' },
        field('Algorithm', algorithm),
        field('Results', limit),
        field('Show scores from', cutoff, 'Results below the threshold are shown as “no match”.'),
      ),
    ),
  );
  replace(
    root,
    h('h1', { tabindex: '-1' }, 'Screening'),
    h(
      'p',
      { class: 'lede' },
      'Screen a person, company, vessel or aircraft against every loaded list, in any spelling or script. Press ',
      h('kbd', null, '/'),
      ' anywhere to come back here.',
    ),
    form,
    st,
    out,
  );
  const q = p.get('name');
  if (!q) {
    name.focus();
    return;
  }
  const algo = p.get('algorithm') || 'embargo';
  st.textContent = `Screening “${q}”…`;
  const started = performance.now();
  api<MatchAnswer>('/match/default', {
    body: { queries: { q: queryOf(p) } },
    query: {
      limit: p.get('limit') || 10,
      algorithm: algo,
      cutoff: p.get('cutoff') || DEFAULT_CUTOFF,
    },
  })
    .then((res) => {
      const answer = res.responses.q;
      const results = answer?.results ?? [];
      const threshold = res.threshold ?? DEFAULT_THRESHOLD[algo] ?? 0.75;
      const matches = results.filter((r) => r.match).length;
      st.textContent = `${count(results.length)} result${results.length === 1 ? '' : 's'} for “${q}”, ${matches} at or above the threshold ${score(threshold)} (${algo}), in ${Math.round(performance.now() - started)} ms.`;
      replace(
        out,
        results.length ? tokenLegend() : null,
        results.length
          ? h(
              'ol',
              { class: 'results', 'aria-label': 'Results' },
              results.map((r, i) => resultItem(r, i + 1, q, threshold)),
            )
          : h('p', { class: 'empty' }, 'Nothing on the lists comes close to this name.'),
        coverageNote(res.coverage),
      );
    })
    .catch((err: unknown) => {
      st.textContent = '';
      replace(out, h('p', { class: 'error', role: 'alert' }, errorText(err)));
    });
}
