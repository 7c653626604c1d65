/**
 * @module
 * One listed entity (`GET /entities/{id}`): every name, identifier, programme, source, address,
 * the related entities, and its listing history across the snapshots of its list.
 */
import { api, errorText } from '../api.ts';
import { h, replace, section, status } from '../dom.ts';
import { country, day } from '../format.ts';
import { href, type Route } from '../router.ts';
import type { entityResponse, NestedEntity } from '../types.ts';

/**
 * The server's answer: yente's nested entity (related Sanction, Address, Identification and link
 * entities inside its properties) with Embargo's listing fields and history.
 */
type EntityAnswer = Awaited<ReturnType<typeof entityResponse>>;

/** Properties holding related entities shown in their own sections. */
const OWN_SECTIONS = new Set(['addressEntity', 'sanctions', 'identification']);

const NAME_PROPS = [
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'firstName',
  'middleName',
  'secondName',
  'fatherName',
  'lastName',
  'title',
];
const ID_PROPS = [
  'passportNumber',
  'idNumber',
  'nationalId',
  'registrationNumber',
  'taxNumber',
  'imoNumber',
  'mmsi',
  'callSign',
  'swiftBic',
  'leiCode',
  'innCode',
  'ogrnCode',
  'unscId',
  'serialNumber',
  'registrationNumber',
];
/** Properties shown in a section of their own, left out of the details. */
const SKIP = new Set([...NAME_PROPS, ...ID_PROPS, 'address', 'country', 'topics']);

/** `passportNumber` → `passport number`. */
function words(prop: string): string {
  return prop.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function dl(rows: [string, string | Node][]): HTMLElement {
  return rows.length
    ? h(
        'dl',
        { class: 'props' },
        rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      )
    : h('p', { class: 'empty' }, 'None stated.');
}

/** The text values of a property (nested entities left out). */
function values(e: NestedEntity, prop: string): string[] {
  return (e.properties[prop] ?? []).filter((v): v is string => typeof v === 'string');
}

/** The nested entities of a property. */
function nested(e: NestedEntity, prop: string): NestedEntity[] {
  return (e.properties[prop] ?? []).filter((v): v is NestedEntity => typeof v !== 'string');
}

/** A nested entity's text properties as `key: value` rows (its pointers left out). */
function textRows(
  e: NestedEntity,
  skip: (prop: string) => boolean = () => false,
): [string, string][] {
  return Object.keys(e.properties)
    .filter((k) => !skip(k))
    .map((k) => [k, values(e, k)] as const)
    .filter(([, v]) => v.length)
    .map(([k, v]) => [words(k), v.map((x) => countryValue(k, x)).join('; ')]);
}

function countryValue(prop: string, v: string): string {
  return /country|nationality|jurisdiction|flag|citizenship/i.test(prop) ? country(v) : v;
}

/** Scripts other than Latin get no `lang=en`, so the browser picks a font that has them. */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}]/u;

function namesSection(e: EntityAnswer): HTMLElement {
  const items = NAME_PROPS.flatMap((p) =>
    values(e, p).map((v) =>
      h(
        'li',
        null,
        h('span', { class: 'name', lang: NON_LATIN.test(v) ? undefined : 'en' }, v),
        ' ',
        h('span', { class: 'kind' }, words(p)),
      ),
    ),
  );
  return section('Names', items.length ? h('ul', { class: 'names-list' }, items) : dl([]));
}

function identifiersSection(e: EntityAnswer): HTMLElement {
  const rows: [string, string][] = [];
  for (const p of new Set(ID_PROPS)) for (const v of values(e, p)) rows.push([words(p), v]);
  for (const r of nested(e, 'identification')) {
    const kind = values(r, 'type')[0] ?? r.schema.toLowerCase();
    const extra = [
      ...values(r, 'country').map(country),
      ...values(r, 'issueDate').map((d) => `issued ${d}`),
      ...values(r, 'expiryDate').map((d) => `expires ${d}`),
      ...values(r, 'summary'),
    ];
    for (const n of values(r, 'number')) {
      // The entity's own passportNumber/idNumber often repeats the Identification's number:
      // keep one line, the one that says more.
      const same = rows.findIndex(([, v]) => v === n);
      if (same >= 0 && !extra.length) continue;
      if (same >= 0) rows.splice(same, 1);
      rows.push([kind, extra.length ? `${n} (${extra.join('; ')})` : n]);
    }
  }
  return section('Identifiers', dl(rows));
}

function programmesSection(e: EntityAnswer): HTMLElement {
  return section(
    'Programmes',
    h(
      'p',
      null,
      e.programs.length ? h('strong', null, e.programs.join(', ')) : 'No programme stated.',
      e.topics.length ? h('span', { class: 'topics' }, ` · topics: ${e.topics.join(', ')}`) : '',
    ),
    nested(e, 'sanctions').map((s) => h('div', { class: 'sanction' }, dl(textRows(s)))),
  );
}

function sourcesSection(e: EntityAnswer): HTMLElement {
  const rows: [string, string][] = [
    ['lists', e.datasets.join(', ') || '—'],
    ['record in the list', e.source_record_id],
    ['snapshot', e.snapshot],
  ];
  if (e.listing_date) rows.push(['listed on', e.listing_date]);
  return section('Sources', dl(rows));
}

function addressesSection(e: EntityAnswer): HTMLElement {
  const rel = nested(e, 'addressEntity');
  const lines = rel.length
    ? rel.map((a) => {
        const full = values(a, 'full')[0];
        const parts = ['street', 'city', 'region', 'postalCode']
          .flatMap((p) => values(a, p))
          .join(', ');
        const c = values(a, 'country').map(country).join(', ');
        return h('li', null, [full || parts, c ? ` — ${c}` : ''].join(''));
      })
    : values(e, 'address').map((a) => h('li', null, a));
  const countries = values(e, 'country').map(country);
  return section(
    'Addresses',
    lines.length ? h('ul', null, lines) : h('p', { class: 'empty' }, 'None stated.'),
    countries.length ? h('p', null, `Countries: ${countries.join(', ')}`) : null,
  );
}

function detailsSection(e: EntityAnswer): HTMLElement {
  const rows = textRows(e, (k) => SKIP.has(k));
  return section(
    'Details',
    dl(rows),
    e.remarks.length
      ? [h('h3', null, 'Remarks'), e.remarks.map((r) => h('p', { class: 'remark' }, r))]
      : null,
  );
}

/** Link entities (UnknownLink…) and the listed entities they reach, each a link to its page. */
function relatedSection(e: EntityAnswer): HTMLElement | null {
  const links = Object.keys(e.properties)
    .filter((p) => !OWN_SECTIONS.has(p))
    .flatMap((p) => nested(e, p).map((n) => [p, n] as const));
  if (!links.length) return null;
  const describe = (n: NestedEntity): HTMLElement => {
    const targets = Object.keys(n.properties).flatMap((p) => nested(n, p));
    return h(
      'li',
      null,
      n.target
        ? h('a', { href: href(['entity', n.id]) }, n.caption)
        : h('span', { class: 'schema' }, n.schema),
      ' ',
      textRows(n, (k) => n.target && !['position', 'country'].includes(k))
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · '),
      targets.length ? h('ul', null, targets.map(describe)) : null,
    );
  };
  return section(
    'Related entities',
    h(
      'ul',
      { class: 'related' },
      links.map(([, n]) => describe(n)),
    ),
  );
}

function historySection(e: EntityAnswer): HTMLElement {
  return section(
    'Listing history',
    dl([
      ['first seen', day(e.first_seen ?? undefined)],
      ['last changed', day(e.last_change ?? undefined)],
      ['last seen', day(e.last_seen ?? undefined)],
    ]),
    e.history.length
      ? h(
          'table',
          { class: 'grid history' },
          h('caption', { class: 'visually-hidden' }, 'Snapshots of the list'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['snapshot', 'list date', 'this entity'].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            e.history.map((l) =>
              h(
                'tr',
                { class: `history-${l.status}` },
                h('td', null, l.snapshot),
                h('td', null, day(l.date)),
                h('td', null, l.status),
              ),
            ),
          ),
        )
      : null,
  );
}

/** Renders the entity page for `#/entity/<id>`. */
export function entityPage(root: HTMLElement, route: Route): void {
  const id = route.path[1] ?? '';
  const st = status();
  const heading = h('h1', { tabindex: '-1' }, id);
  replace(
    root,
    h(
      'p',
      { class: 'crumbs' },
      h('button', { type: 'button', class: 'link', onclick: () => history.back() }, '← Back'),
    ),
    heading,
    st,
  );
  st.textContent = 'Loading…';
  api<EntityAnswer>(`/entities/${encodeURIComponent(id)}`)
    .then((e) => {
      st.textContent = '';
      heading.textContent = e.caption;
      document.title = `${e.caption} — Embargo`;
      root.append(
        h(
          'p',
          { class: 'entity-meta' },
          h('span', { class: 'schema' }, e.schema),
          ' ',
          h('code', null, e.id),
        ),
        h(
          'div',
          { class: 'entity-grid' },
          namesSection(e),
          programmesSection(e),
          identifiersSection(e),
          sourcesSection(e),
          addressesSection(e),
          historySection(e),
          detailsSection(e),
          relatedSection(e),
        ),
      );
    })
    .catch((err: unknown) => {
      st.textContent = '';
      root.append(h('p', { class: 'error', role: 'alert' }, errorText(err)));
    });
}
