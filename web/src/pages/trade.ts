/**
 * @module
 * Trade check: a shipment described in a form (or pasted as JSON) judged by `POST /trade/check`;
 * the verdict overall and per authority, each reason with its measure's citation, the list
 * entities that were hit, and the state of every cap the goods count against.
 */
import { api, errorText } from '../api.ts';
import { field, h, replace, section, status } from '../dom.ts';
import { count } from '../format.ts';
import { href, type Route } from '../router.ts';
import type { AuthorityVerdict, CapState, Reason, TradeVerdict } from '../types.ts';
import { showAnswer } from '../widgets/answer.ts';
import { coverageNote } from '../widgets/coverage.ts';
import { verdictBadge } from '../widgets/verdict.ts';
import { shipmentForm, type TxJson } from './trade-form.ts';

const AUTHORITIES = [
  ['un', 'UN Security Council'],
  ['us', 'United States'],
] as const;

const AUTHORITY_NAME: Record<string, string> = Object.fromEntries(AUTHORITIES);

/** The sample shipment shipped with the UI: coal from North Korea in March 2018. */
const SAMPLE = 'samples/coal-shipment.json';

/**
 * The request the server takes: the transaction with the options beside it. Kept in one place so
 * a change of the route's body is one edit.
 */
function requestOf(tx: TxJson, authorities: string[], asOf: string | undefined) {
  return { transaction: tx, authorities, ...(asOf && { as_of: asOf }) };
}

function reasonItem(r: Reason): HTMLElement {
  return h(
    'li',
    { class: `reason reason-${r.verdict.toLowerCase()}` },
    h(
      'div',
      { class: 'reason-head' },
      verdictBadge(r.verdict),
      ' ',
      r.citation ? h('cite', { class: 'citation' }, r.citation) : null,
      h('span', { class: 'kind' }, r.kind),
      r.subject ? h('code', { class: 'subject' }, r.subject) : null,
    ),
    h('p', { class: 'detail' }, r.detail),
    r.hits?.length
      ? h(
          'ul',
          { class: 'hits', 'aria-label': 'List entities hit' },
          r.hits.map((hit) =>
            h(
              'li',
              null,
              h('a', { href: href(['entity', hit.id]) }, hit.caption),
              ` — ${hit.strength}, score ${hit.score.toFixed(2)}, ${hit.sources.join(', ')}`,
              hit.programs?.length ? `, ${hit.programs.join(', ')}` : '',
            ),
          ),
        )
      : null,
  );
}

function authorityView(id: string, v: AuthorityVerdict): HTMLElement {
  return h(
    'section',
    {
      class: `panel authority verdict-edge-${v.verdict.toLowerCase()}`,
      'aria-label': `${AUTHORITY_NAME[id] ?? id} verdict`,
    },
    h(
      'h3',
      null,
      `${AUTHORITY_NAME[id] ?? id} `,
      verdictBadge(v.verdict),
      h(
        'small',
        { class: 'bound' },
        v.bound ? ' binds this transaction' : ' does not bind this transaction',
      ),
    ),
    v.reasons.length
      ? h('ol', { class: 'reasons' }, v.reasons.map(reasonItem))
      : h('p', { class: 'empty' }, 'No measure of this authority reaches the transaction.'),
  );
}

function capsView(caps: CapState[]): HTMLElement | null {
  if (!caps.length) return null;
  const limit = (c: CapState) =>
    [
      c.limit.quantity !== undefined ? `${count(c.limit.quantity)} ${c.limit.unit ?? ''}` : '',
      c.limit.value !== undefined ? `${c.limit.currency ?? ''} ${count(c.limit.value)}` : '',
    ]
      .filter(Boolean)
      .join(' / ');
  return section(
    'Caps',
    h(
      'table',
      { class: 'grid caps' },
      h('caption', { class: 'visually-hidden' }, 'Cap states'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Measure', 'Period', 'State', 'Limit', 'Used before', 'This transaction', 'Detail'].map(
            (c) => h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        caps.map((c) =>
          h(
            'tr',
            null,
            h('td', null, h('cite', null, c.citation)),
            h('td', null, `${c.period.from} – ${c.period.to}`),
            h(
              'td',
              null,
              h(
                'span',
                { class: `flag cap-${c.state}` },
                c.state === 'over' ? '✖ over' : c.state === 'under' ? '✓ under' : '? unknown',
              ),
            ),
            h('td', null, limit(c)),
            h('td', { class: 'num' }, count(c.used_before.quantity)),
            h('td', { class: 'num' }, count(c.this_transaction.quantity)),
            h('td', null, c.detail),
          ),
        ),
      ),
    ),
  );
}

function verdictView(v: TradeVerdict): HTMLElement {
  return h(
    'div',
    { class: 'verdict-view' },
    h(
      'h2',
      { class: 'overall', tabindex: '-1' },
      h('span', { class: 'label' }, `Transaction ${v.id} on ${v.date}: `),
      verdictBadge(v.verdict, 'large'),
    ),
    h(
      'div',
      { class: 'authorities' },
      Object.entries(v.by_authority).map(([id, av]) => (av ? authorityView(id, av) : null)),
    ),
    capsView(v.caps),
    coverageNote(v.coverage),
  );
}

/** Renders the trade check page. */
export function tradePage(root: HTMLElement, _route: Route): void {
  const form = shipmentForm();
  const json = h('textarea', { name: 'json', rows: 18, spellcheck: 'false', class: 'code' });
  const jsonField = field(
    'Transaction JSON',
    json,
    'One transaction as the API and `embargo trade check` take it.',
  );
  const mode = { value: 'form' as 'form' | 'json' };
  const modeForm = h('input', { type: 'radio', name: 'mode', value: 'form', checked: true });
  const modeJson = h('input', { type: 'radio', name: 'mode', value: 'json' });
  const authorities = AUTHORITIES.map(([id, label]) => ({
    id,
    box: h('input', { type: 'checkbox', name: 'authority', value: id, checked: id === 'un' }),
    label,
  }));
  const asOf = h('input', { type: 'date', name: 'as_of', class: 'narrow' });
  const st = status();
  const out = h('div', { class: 'trade-result', 'aria-live': 'polite' });
  const formPane = h('div', null, form.element);
  const jsonPane = h('div', { hidden: true }, jsonField);

  const switchTo = (m: 'form' | 'json') => {
    if (m === mode.value) return;
    if (m === 'json') json.value = JSON.stringify(form.read(), null, 2);
    else {
      try {
        form.fill(JSON.parse(json.value) as TxJson);
      } catch (err) {
        st.textContent = `The JSON does not parse, so the form keeps its values: ${(err as Error).message}`;
        modeJson.checked = true;
        return;
      }
    }
    mode.value = m;
    formPane.hidden = m !== 'form';
    jsonPane.hidden = m !== 'json';
  };
  modeForm.addEventListener('change', () => switchTo('form'));
  modeJson.addEventListener('change', () => switchTo('json'));

  const loadSample = async () => {
    try {
      const res = await fetch(SAMPLE);
      const tx = (await res.json()) as TxJson;
      form.fill(tx);
      json.value = JSON.stringify(tx, null, 2);
      st.textContent = 'Sample shipment loaded: coal from North Korea, March 2018.';
    } catch (err) {
      st.textContent = `Could not load the sample: ${errorText(err)}`;
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    let tx: TxJson;
    if (mode.value === 'json') {
      try {
        tx = JSON.parse(json.value) as TxJson;
      } catch (err) {
        replace(
          out,
          h('p', { class: 'error', role: 'alert' }, `Not valid JSON: ${(err as Error).message}`),
        );
        return;
      }
    } else tx = form.read();
    const chosen = authorities.filter((a) => a.box.checked).map((a) => a.id);
    if (!chosen.length) {
      replace(out, h('p', { class: 'error', role: 'alert' }, 'Choose at least one authority.'));
      return;
    }
    showAnswer(
      out,
      st,
      'Checking…',
      () =>
        api<TradeVerdict>('/trade/check', { body: requestOf(tx, chosen, asOf.value || undefined) }),
      verdictView,
      '.overall',
    );
  };

  replace(
    root,
    h('h1', { tabindex: '-1' }, 'Trade check'),
    h(
      'p',
      { class: 'lede' },
      'Judge a shipment, payment or charter against the UN and US measures on North Korea on its date: goods by HS code, parties and vessels by screening, caps on the quantities.',
    ),
    h(
      'form',
      { class: 'trade-form', 'aria-label': 'Transaction', onsubmit: submit },
      h(
        'div',
        { class: 'row toolbar' },
        h(
          'fieldset',
          { class: 'inline' },
          h('legend', null, 'Input'),
          h('label', { class: 'check' }, modeForm, ' Form'),
          h('label', { class: 'check' }, modeJson, ' Paste JSON'),
        ),
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void loadSample() },
          'Load sample shipment',
        ),
      ),
      formPane,
      jsonPane,
      h(
        'div',
        { class: 'row' },
        h(
          'fieldset',
          { class: 'inline' },
          h('legend', null, 'Authorities that bind you'),
          authorities.map((a) => h('label', { class: 'check' }, a.box, ` ${a.label}`)),
        ),
        field('Judge as of', asOf, 'Optional: instead of the transaction’s date.'),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Check')),
      ),
    ),
    st,
    out,
  );
}
