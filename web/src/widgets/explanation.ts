/**
 * @module
 * A score's explanation as the analyst reads it: the query and the matched list name with their
 * matched words highlighted, each query token aligned to the list token it was paired with (by
 * which method, with what score), and the features that add up to the score.
 */
import { h } from '../dom.ts';
import { score } from '../format.ts';
import type { Explanation, TokenExplanation } from '../types.ts';

/** A method's colour family: how close the pairing is. */
function methodClass(method: string, s: number): string {
  if (method === 'none' || s <= 0) return 'tok-none';
  if (method === 'exact') return 'tok-exact';
  if (method === 'fuzzy' || method === 'initial' || method === 'skeleton') return 'tok-weak';
  return 'tok-variant'; // variant, phonetic, translit, joined…
}

/** Lower case, no diacritics, no punctuation: the form the engine's tokens roughly take. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * `text` split into words, each word that folds to one of `tokens` wrapped in a `<mark>` of its
 * pairing's class. Words that do not fold to a token (another script, a joined form) stay plain.
 */
function highlight(text: string, tokens: Map<string, TokenExplanation>): HTMLSpanElement {
  const out = h('span', { class: 'hl' });
  for (const part of text.split(/(\s+|,|-)/)) {
    const t = tokens.get(fold(part));
    if (t && part.trim())
      out.append(
        h(
          'mark',
          { class: methodClass(t.method, t.score), title: `${t.method} ${score(t.score)}` },
          part,
        ),
      );
    else out.append(part);
  }
  return out;
}

/** Signed contribution: `+0.03`, `−0.08`, and the name's share without a sign. */
function contribution(name: string, v: number): string {
  if (name === 'name') return score(v);
  return `${v < 0 ? '−' : '+'}${score(Math.abs(v))}`;
}

/** A key to the highlight colours, shown once above the results. */
export function tokenLegend(): HTMLElement {
  const item = (cls: string, text: string) => h('li', null, h('mark', { class: cls }, text));
  return h(
    'ul',
    { class: 'legend token-legend', 'aria-label': 'Token highlight colours' },
    h('li', { class: 'label' }, 'Token pairs:'),
    item('tok-exact', 'exact'),
    item('tok-variant', 'variant, phonetic, transliteration'),
    item('tok-weak', 'fuzzy, initial, skeleton'),
    item('tok-none', 'unmatched'),
  );
}

/** The explanation block of one result. */
export function explanationView(
  query: string,
  matchedName: string,
  explanation: Explanation,
): HTMLElement {
  const byQuery = new Map<string, TokenExplanation>();
  const byList = new Map<string, TokenExplanation>();
  for (const t of explanation.tokens) {
    if (t.query) byQuery.set(fold(t.query), t);
    if (t.list && t.method !== 'none') byList.set(fold(t.list), t);
  }
  const pairs = explanation.tokens.map((t) =>
    h(
      'li',
      { class: `pair ${methodClass(t.method, t.score)}` },
      h('span', { class: 'tok' }, t.query || '—'),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'visually-hidden' }, ' paired with '),
      t.list ? h('span', { class: 'tok' }, t.list) : h('em', null, 'unmatched'),
      h('small', { class: 'how' }, ` ${t.method} ${score(t.score)}`),
    ),
  );
  const features = Object.entries(explanation.features).map(([name, v]) =>
    h(
      'li',
      { class: v < 0 ? 'neg' : undefined },
      h('span', { class: 'feature' }, name),
      ' ',
      contribution(name, v),
    ),
  );
  return h(
    'div',
    { class: 'explanation' },
    h(
      'p',
      { class: 'names' },
      h('span', { class: 'label' }, 'Query '),
      highlight(query, byQuery),
      h('span', { class: 'label' }, ' · listed as '),
      highlight(matchedName, byList),
    ),
    h('ol', { class: 'pairs', 'aria-label': 'Token alignment' }, pairs),
    features.length
      ? h(
          'ul',
          { class: 'features', 'aria-label': 'Score features' },
          h('li', { class: 'label' }, 'features:'),
          features,
        )
      : null,
  );
}
