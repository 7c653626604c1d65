/**
 * @module
 * What an answer was judged on (issue 11): the snapshots with their age, the lists missing and
 * the stale ones. Shown under every screening and verdict, highlighted when something is missing
 * or stale, since a "nothing found" then proves less than it seems.
 */
import { h } from '../dom.ts';
import type { Coverage } from '../types.ts';

/** One line of coverage, or nothing when the answer carries none. */
export function coverageNote(c: Coverage | undefined): HTMLElement | null {
  if (!c) return null;
  const partial = c.stale.length > 0 || c.missing.length > 0;
  const used = c.snapshots
    .map((s) => `${s.id} (${s.age_days} days old${s.stale ? ', stale' : ''})`)
    .join(', ');
  return h(
    'p',
    { class: `coverage${partial ? ' coverage-partial' : ''}`, role: partial ? 'note' : null },
    `Judged on ${used || 'no list'}.`,
    c.missing.length ? ` Not loaded: ${c.missing.join(', ')}.` : '',
    c.stale.length && c.max_age_days !== null
      ? ` Older than ${c.max_age_days} days: confirm against the current ${c.stale.map((s) => s.source).join(', ')} before relying on a “nothing found”.`
      : '',
  );
}
