/**
 * @module
 * A score bar: the score as a filled bar with a tick at the threshold, and the number beside it
 * (the bar is decoration; the number and the `meter` role carry the value).
 */
import { h } from '../dom.ts';
import { score } from '../format.ts';

/** A bar for `value` in [0, 1], with the threshold marked. */
export function scoreBar(value: number, threshold: number, match: boolean): HTMLDivElement {
  const fill = h('span', { class: `bar-fill${match ? ' bar-match' : ''}` });
  fill.style.width = `${Math.max(0, Math.min(1, value)) * 100}%`;
  const tick = h('span', { class: 'bar-threshold', title: `threshold ${score(threshold)}` });
  tick.style.left = `${threshold * 100}%`;
  return h(
    'div',
    {
      class: 'scorebar',
      role: 'meter',
      'aria-valuemin': 0,
      'aria-valuemax': 1,
      'aria-valuenow': value,
      'aria-label': `score ${score(value)}, threshold ${score(threshold)}`,
    },
    h('span', { class: 'bar', 'aria-hidden': 'true' }, fill, tick),
    h('span', { class: 'bar-value', 'aria-hidden': 'true' }, score(value)),
  );
}
