/**
 * @module
 * Verdict badges: colour for the glance, a symbol and the word for everyone else (colour is never
 * the only signal).
 */
import { h } from '../dom.ts';
import type { Verdict } from '../types.ts';

const SYMBOL: Record<Verdict, string> = { BLOCK: '✖', REVIEW: '!', CLEAR: '✓' };

/** `✖ BLOCK`, `! REVIEW`, `✓ CLEAR` in their colours. */
export function verdictBadge(v: Verdict, size: 'small' | 'large' = 'small'): HTMLSpanElement {
  return h(
    'span',
    { class: `verdict verdict-${v.toLowerCase()} verdict-${size}` },
    h('span', { 'aria-hidden': 'true', class: 'verdict-symbol' }, SYMBOL[v]),
    ' ',
    v,
  );
}

/** A match flag for a screening result: `MATCH` or `no match`. */
export function matchBadge(match: boolean): HTMLSpanElement {
  return match
    ? h('span', { class: 'flag flag-match' }, h('span', { 'aria-hidden': 'true' }, '● '), 'MATCH')
    : h(
        'span',
        { class: 'flag flag-nomatch' },
        h('span', { 'aria-hidden': 'true' }, '○ '),
        'no match',
      );
}
