/**
 * @module
 * Lists: every source with its active snapshot, entity count and staleness (`GET /lists`), and
 * the differences between two snapshots of one (`GET /lists/{source}/diff`).
 */
import { api, errorText } from '../api.ts';
import { field, h, replace, section, select, status } from '../dom.ts';
import { age, count, day, daysSince } from '../format.ts';
import { go, href, type Route } from '../router.ts';
import type { SnapshotDiff, SourceStatus } from '../types.ts';

/** A source line as `GET /lists` sends it: the engine's status, files without their paths. */
type ListLine = SourceStatus;

/**
 * A list published longer ago than this is flagged stale. The lists here are republished weekly
 * to monthly (OFAC and the UN whenever they designate); a month without a new edition means the
 * mirror or the download is stuck, not that nothing happened.
 */
const STALE_DAYS = 30;

/** Downloads older than this are flagged (`lists watch` checks every few hours). */
const STALE_REFRESH_SECONDS = 2 * 86_400;

function linesOf(json: unknown): ListLine[] {
  if (Array.isArray(json)) return json as ListLine[];
  return (json as { lists?: ListLine[] }).lists ?? [];
}

/** A flag: ⚠ text in amber, or ✓ text in green. */
function flag(ok: boolean, text: string): HTMLElement {
  return h(
    'span',
    { class: ok ? 'flag flag-fresh' : 'flag flag-stale' },
    h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '⚠ '),
    text,
  );
}

/** How old the active edition of the list is, by the date it states. */
function editionAge(l: ListLine): HTMLElement | string {
  if (!l.active) return '—';
  const days = daysSince(l.active.date);
  const stale = days > STALE_DAYS;
  return flag(!stale, `${age(days)}${stale ? ' — stale' : ''}`);
}

/** When the list was last downloaded (`lists update`, `lists watch`), and how that went. */
function refreshState(l: ListLine): HTMLElement | string {
  const f = l.freshness as ListLine['freshness'] | undefined;
  if (!f?.lastAttemptAt) return h('span', { class: 'hint' }, 'never downloaded');
  const failed = f.lastOutcome === 'refused' || f.lastOutcome === 'failed';
  const old = f.staleSeconds === null || f.staleSeconds > STALE_REFRESH_SECONDS;
  const when =
    f.staleSeconds === null
      ? 'no successful download'
      : `${age(Math.floor(f.staleSeconds / 86_400))} ago`;
  return h(
    'span',
    { title: f.lastMessage ?? '' },
    flag(!failed && !old, failed ? `last attempt ${f.lastOutcome}` : `${f.lastOutcome}, ${when}`),
    failed && f.lastMessage ? h('small', { class: 'refresh-message' }, f.lastMessage) : null,
  );
}

function statusTable(lines: ListLine[]): HTMLElement {
  const cols = [
    'List',
    'Active snapshot',
    'Entities',
    'Warnings',
    'Loaded',
    'Edition age',
    'Last download',
    'Snapshots',
  ];
  return h(
    'table',
    { class: 'grid lists' },
    h('caption', { class: 'visually-hidden' }, 'Loaded lists'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        cols.map((c) =>
          h(
            'th',
            { scope: 'col', class: /Entities|Warnings|Snapshots/.test(c) ? 'num' : undefined },
            c,
          ),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      lines.map((l) => {
        const a = l.active;
        return h(
          'tr',
          { class: a ? undefined : 'unloaded' },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'source-id' }, l.source),
            h('br'),
            h('small', null, l.title),
          ),
          h('td', null, a ? a.id : 'not loaded'),
          h('td', { class: 'num' }, a ? count(a.entityCount) : '—'),
          h('td', { class: 'num' }, a ? count(a.warningCount) : '—'),
          h('td', null, a ? day(a.loadedAt) : '—'),
          h('td', null, editionAge(l)),
          h('td', null, refreshState(l)),
          h('td', { class: 'num' }, String(l.snapshots.length)),
        );
      }),
    ),
  );
}

function entityRows(
  list: { id: string; schema: string; caption: string }[],
  extra?: (i: number) => string,
) {
  const shown = list.slice(0, 200);
  return [
    h(
      'ul',
      { class: 'diff-list' },
      shown.map((e, i) =>
        h(
          'li',
          null,
          h('a', { href: href(['entity', e.id]) }, e.caption),
          ' ',
          h('span', { class: 'schema' }, e.schema),
          extra ? h('small', { class: 'changes' }, ` ${extra(i)}`) : null,
        ),
      ),
    ),
    list.length > shown.length
      ? h('p', { class: 'empty' }, `… and ${count(list.length - shown.length)} more.`)
      : null,
  ];
}

function diffView(d: SnapshotDiff): HTMLElement {
  return h(
    'div',
    { class: 'diff' },
    h(
      'p',
      { class: 'diff-summary' },
      h('strong', null, `${d.from} → ${d.to}: `),
      h('span', { class: 'diff-added' }, `${count(d.added.length)} added`),
      ' · ',
      h('span', { class: 'diff-removed' }, `${count(d.removed.length)} removed`),
      ' · ',
      h('span', { class: 'diff-changed' }, `${count(d.changed.length)} changed`),
    ),
    h(
      'div',
      { class: 'diff-cols' },
      section('Added', ...entityRows(d.added)),
      section('Removed', ...entityRows(d.removed)),
      section(
        'Changed',
        ...entityRows(d.changed, (i) =>
          d.changed[i]!.changes.map((c) => c.field)
            .slice(0, 6)
            .join(', '),
        ),
      ),
    ),
  );
}

/** Renders the lists page; `#/lists?source=…&from=…&to=…` also shows that diff. */
export function listsPage(root: HTMLElement, route: Route, rerender: () => void): void {
  const st = status();
  const table = h('div');
  const diffOut = h('div');
  const diffForm = h('div');
  replace(
    root,
    h('h1', { tabindex: '-1' }, 'Lists'),
    h(
      'p',
      { class: 'lede' },
      'The snapshots each list was loaded from, how big and how old they are, and what changed between two of them.',
    ),
    st,
    table,
    section('Differences between snapshots', diffForm, diffOut),
  );
  st.textContent = 'Loading…';
  api<unknown>('/lists')
    .then((json) => {
      const lines = linesOf(json);
      st.textContent = '';
      replace(table, statusTable(lines));
      const withTwo = lines.filter((l) => l.snapshots.length >= 2);
      if (!withTwo.length) {
        replace(
          diffForm,
          h(
            'p',
            { class: 'empty' },
            'No list has two snapshots loaded yet: there is nothing to compare.',
          ),
        );
        return;
      }
      const p = route.params;
      const chosen = withTwo.find((l) => l.source === p.get('source')) ?? withTwo[0]!;
      const src = select(
        'source',
        withTwo.map((l) => [l.source, l.source] as const),
        chosen.source,
      );
      const ids = chosen.snapshots;
      const from = select(
        'from',
        ids.map((i) => [i, i] as const),
        p.get('from') ?? ids[ids.length - 2],
      );
      const to = select(
        'to',
        ids.map((i) => [i, i] as const),
        p.get('to') ?? ids[ids.length - 1],
      );
      src.addEventListener('change', () => go(href(['lists'], { source: src.value }), rerender));
      replace(
        diffForm,
        h(
          'form',
          {
            class: 'row',
            'aria-label': 'Compare snapshots',
            onsubmit: (e: Event) => {
              e.preventDefault();
              go(href(['lists'], { source: src.value, from: from.value, to: to.value }), rerender);
            },
          },
          field('List', src),
          field('From snapshot', from),
          field('To snapshot', to),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', class: 'primary' }, 'Compare'),
          ),
        ),
      );
      if (!p.get('from')) return;
      const dst = status();
      replace(diffOut, dst);
      dst.textContent = 'Comparing…';
      api<SnapshotDiff>(`/lists/${encodeURIComponent(chosen.source)}/diff`, {
        query: { from: from.value, to: to.value },
      })
        .then((d) => {
          dst.textContent = '';
          diffOut.append(diffView(d));
        })
        .catch((err: unknown) => {
          dst.textContent = '';
          diffOut.append(h('p', { class: 'error', role: 'alert' }, errorText(err)));
        });
    })
    .catch((err: unknown) => {
      st.textContent = '';
      replace(table, h('p', { class: 'error', role: 'alert' }, errorText(err)));
    });
}
