/**
 * @module
 * Whether a goods line is goods a measure names (issue 14): by HS code, by the words of its
 * description, or both where the code alone cannot tell (HS 2709 holds crude oil and condensates,
 * HS 8901 new and used vessels), with the annexes' value thresholds applied per item.
 */
import { hsRelation } from '../load.ts';
import type { GoodsItem, GoodsScope } from '../types.ts';
import type { TxGoods } from './transaction.ts';

/** A line's standing against a measure's goods. */
export type GoodsMatch =
  | { state: 'in'; item?: GoodsItem }
  | { state: 'out' }
  /** The line may be covered: `question` says in words what the analyst must find out. */
  | { state: 'ask'; question: string; item?: GoodsItem; kind: 'hs-unclassified' | 'description' };

const fold = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9$.]+/g, ' ')
    .trim();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first of `terms` the description names, as whole words (case, accents, hyphens and
 * punctuation aside; a plural `s` or `es` allowed), or undefined.
 */
export function namedTerm(
  description: string | undefined,
  terms: string[] = [],
): string | undefined {
  if (!description) return undefined;
  const text = ` ${fold(description)} `;
  return terms.find((t) => new RegExp(` ${escape(fold(t))}(?:s|es)? `).test(text));
}

/** How many items a line holds, where its unit counts items. */
const PER_UNIT: Record<string, number> = { pcs: 1, pair: 2, dozen: 12 };

/** Whether the line's items are each valued above the item's threshold, or the question. */
function overThreshold(item: GoodsItem, g: TxGoods): GoodsMatch {
  const t = item.valueOver!;
  const limit = `${t.currency} ${t.amount.toLocaleString('en-US')}`;
  const ask = (why: string): GoodsMatch => ({
    state: 'ask',
    kind: 'description',
    item,
    question: `${item.citation} names ${item.name} valued greater than ${limit} each: ${why}; confirm the value of each item`,
  });
  if (!g.value) return ask('the line states no value');
  if (g.value.currency !== t.currency)
    return ask(`the line is valued in ${g.value.currency}, the threshold is in ${t.currency}`);
  // A total at or under the threshold cannot hold an item above it.
  if (g.value.amount <= t.amount) return { state: 'out' };
  if (g.quantity === undefined) return ask('the line states no quantity to divide its value by');
  const per = g.unit !== undefined ? PER_UNIT[g.unit] : undefined;
  if (per === undefined) return ask(`the line counts in ${g.unit ?? 'no unit'}, not in items`);
  const each = g.value.amount / (g.quantity * per);
  return each > t.amount ? { state: 'in', item } : { state: 'out' };
}

/** One item against one line. */
export function matchItem(item: GoodsItem, g: TxGoods): GoodsMatch {
  const rel = item.hs ? hsRelation({ hs: item.hs, exclude: item.exclude }, g.hs) : 'out';
  const named = namedTerm(g.description, item.terms);
  const ruledOut = namedTerm(g.description, item.unless);
  let m: GoodsMatch;
  if (ruledOut && (rel !== 'out' || named)) return { state: 'out' };
  if (item.match === 'hs') {
    // A code broader than the item's is decided by a description naming the item.
    if (rel === 'in' || (rel === 'partial' && named)) m = { state: 'in', item };
    else if (rel === 'partial')
      m = {
        state: 'ask',
        kind: 'hs-unclassified',
        item,
        question: `HS ${g.hs} is broader than ${item.name} (HS ${item.hs!.join(', ')}${item.exclude ? `; not ${item.exclude.join(', ')}` : ''}): ${item.question ?? 'confirm the six-digit subheading of the goods'}`,
      };
    else return { state: 'out' };
  } else if (item.match === 'terms') {
    if (named || rel === 'in') m = { state: 'in', item };
    else return { state: 'out' };
  } else {
    if (rel === 'out') return { state: 'out' };
    if (named) m = { state: 'in', item };
    else
      m = {
        state: 'ask',
        kind: 'description',
        item,
        question: `${item.question!} (HS ${g.hs}${g.description ? `, described as "${g.description}"` : ', no description'})`,
      };
  }
  if (m.state === 'in' && item.valueOver) return overThreshold(item, g);
  return m;
}

/**
 * A line against a measure's goods: by its items when it has them (the first covering item wins,
 * else the first question), else by its HS codes, the description's terms deciding a code broader
 * than the scope, else by the terms alone for goods defined only in words.
 */
export function matchGoods(goods: GoodsScope | undefined, g: TxGoods): GoodsMatch {
  if (!goods) return { state: 'out' };
  if (goods.items?.length) {
    let ask: GoodsMatch | undefined;
    for (const item of goods.items) {
      const m = matchItem(item, g);
      if (m.state === 'in') return m;
      if (m.state === 'ask') ask ??= m;
    }
    return ask ?? { state: 'out' };
  }
  if (goods.hs) {
    const rel = hsRelation(goods, g.hs);
    if (rel === 'in') return { state: 'in' };
    if (rel === 'out') return { state: 'out' };
    if (namedTerm(g.description, goods.terms)) return { state: 'in' };
    return {
      state: 'ask',
      kind: 'hs-unclassified',
      question: `HS ${g.hs} is broader than the measure's goods (${goods.hs.join(', ')}${goods.exclude ? `; not ${goods.exclude.join(', ')}` : ''}) and the description names none of them${goods.terms ? ` (${goods.terms.join(', ')})` : ''}: confirm the six-digit subheading of the goods`,
    };
  }
  const named = namedTerm(g.description, goods.terms);
  if (named)
    return {
      state: 'ask',
      kind: 'description',
      question: `the description names "${named}"; the act defines the goods only in words ("${goods.description ?? named}"): confirm whether these goods are such goods`,
    };
  return { state: 'out' };
}
