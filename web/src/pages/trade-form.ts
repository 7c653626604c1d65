/**
 * @module
 * The shipment form of the trade check: date, parties, vessel, route, goods lines, US nexus and
 * declarations, read into and filled from the transaction JSON the engine takes. Repeated rows
 * (parties, goods) are labelled `Party 1 name`, `Goods 1 HS code`… for assistive technology and
 * tests, under visible column headings.
 */
import { h, select, uid } from '../dom.ts';

/** A transaction as the API takes it (the engine validates; the form only shapes it). */
export type TxJson = Record<string, unknown> & {
  id?: string;
  date?: string;
  kind?: string;
  parties?: {
    role?: string;
    name?: string;
    country?: string;
    identifiers?: Record<string, string>;
  }[];
  vessel?: { name?: string; imo?: string; flag?: string };
  route?: { origin?: string; destination?: string; transshipment?: string[] };
  goods?: {
    hs?: string | number;
    description?: string;
    quantity?: number;
    unit?: string;
    value?: { amount?: number; currency?: string };
  }[];
  nexus?: { us_person?: boolean; usd?: boolean; us_origin?: boolean };
  declarations?: { exemption?: string; contract_date?: string; purpose?: string };
};

const KINDS = [
  ['shipment', 'shipment (goods)'],
  ['payment', 'payment'],
  ['charter', 'charter (vessel)'],
  ['service', 'service'],
] as const;
const UNITS = ['', 't', 'kg', 'g', 'bbl', 'l', 'm3', 'pcs'].map((u) => [u, u || '—'] as const);
const ROLES = [
  'exporter',
  'importer',
  'consignee',
  'shipper',
  'carrier',
  'owner',
  'charterer',
  'bank',
  'payer',
  'payee',
  'agent',
  'notify',
];

/** A labelled control in a table-like row; the label is for screen readers and tests only. */
function cell(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id ||= uid();
  return h(
    'div',
    { class: 'cell' },
    h('label', { for: control.id, class: 'visually-hidden' }, label),
    control,
  );
}

function input(name: string, attrs: Record<string, string | number | boolean> = {}) {
  return h('input', { name, type: 'text', autocomplete: 'off', ...attrs });
}

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id ||= uid();
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

const str = (el: HTMLInputElement | HTMLSelectElement) => el.value.trim() || undefined;
const num = (el: HTMLInputElement) => (el.value.trim() === '' ? undefined : Number(el.value));

/** The form, with `read()` to get the transaction and `fill()` to show one. */
export interface ShipmentForm {
  element: HTMLElement;
  read(): TxJson;
  fill(tx: TxJson): void;
}

/** Builds the shipment form. */
export function shipmentForm(): ShipmentForm {
  const id = input('id', { value: 'ui-check-1' });
  const date = input('date', { type: 'date', required: true });
  const kind = select('kind', KINDS, 'shipment');
  const vessel = {
    name: input('vessel-name'),
    imo: input('vessel-imo', { placeholder: '7 digits', inputmode: 'numeric' }),
    flag: input('vessel-flag', { placeholder: 'ISO code', maxlength: 2, size: 3 }),
  };
  const route = {
    origin: input('origin', { placeholder: 'KP', maxlength: 2, size: 3 }),
    destination: input('destination', { placeholder: 'CN', maxlength: 2, size: 3 }),
    transshipment: input('transshipment', { placeholder: 'RU, CN' }),
  };
  const nexus = {
    us_person: h('input', { type: 'checkbox', name: 'us_person' }),
    usd: h('input', { type: 'checkbox', name: 'usd' }),
    us_origin: h('input', { type: 'checkbox', name: 'us_origin' }),
  };
  const decl = {
    exemption: input('exemption', { placeholder: 'livelihood, humanitarian…' }),
    contract_date: input('contract_date', { type: 'date' }),
  };
  const roleList = h(
    'datalist',
    { id: uid('roles') },
    ROLES.map((r) => h('option', { value: r })),
  );

  const parties = h('div', { class: 'rows', role: 'group', 'aria-label': 'Parties' });
  const goods = h('div', { class: 'rows', role: 'group', 'aria-label': 'Goods' });
  type PartyRow = {
    el: HTMLElement;
    role: HTMLInputElement;
    name: HTMLInputElement;
    country: HTMLInputElement;
  };
  type GoodsRow = {
    el: HTMLElement;
    hs: HTMLInputElement;
    description: HTMLInputElement;
    quantity: HTMLInputElement;
    unit: HTMLSelectElement;
    amount: HTMLInputElement;
    currency: HTMLInputElement;
  };
  const partyRows: PartyRow[] = [];
  const goodsRows: GoodsRow[] = [];

  /** Row labels follow their position, so they are renumbered after a removal. */
  const relabel = () => {
    partyRows.forEach((r, i) => {
      const n = i + 1;
      r.el.querySelectorAll('label').forEach((l, j) => {
        l.textContent = `Party ${n} ${['role', 'name', 'country'][j]}`;
      });
      r.el.querySelector('button')?.setAttribute('aria-label', `Remove party ${n}`);
    });
    goodsRows.forEach((r, i) => {
      const n = i + 1;
      r.el.querySelectorAll('label').forEach((l, j) => {
        l.textContent = `Goods ${n} ${['HS code', 'description', 'quantity', 'unit', 'value', 'currency'][j]}`;
      });
      r.el.querySelector('button')?.setAttribute('aria-label', `Remove goods line ${n}`);
    });
  };

  const addParty = (p: NonNullable<TxJson['parties']>[number] = {}) => {
    const row: PartyRow = {
      el: h('div', { class: 'row-line party-line' }),
      role: input('role', { list: roleList.id, value: p.role ?? '' }),
      name: input('name', { value: p.name ?? '' }),
      country: input('country', {
        maxlength: 2,
        size: 3,
        placeholder: 'ISO',
        value: p.country ?? '',
      }),
    };
    row.el.append(
      cell('role', row.role),
      cell('name', row.name),
      cell('country', row.country),
      h(
        'button',
        {
          type: 'button',
          class: 'icon',
          onclick: () => {
            partyRows.splice(partyRows.indexOf(row), 1);
            row.el.remove();
            relabel();
          },
        },
        '×',
      ),
    );
    partyRows.push(row);
    parties.append(row.el);
    relabel();
    return row;
  };

  const addGoods = (g: NonNullable<TxJson['goods']>[number] = {}) => {
    const row: GoodsRow = {
      el: h('div', { class: 'row-line goods-line' }),
      hs: input('hs', { placeholder: '2701.12', value: g.hs === undefined ? '' : String(g.hs) }),
      description: input('description', { value: g.description ?? '' }),
      quantity: input('quantity', { type: 'number', min: 0, step: 'any', value: g.quantity ?? '' }),
      unit: select('unit', UNITS, g.unit ?? ''),
      amount: input('amount', {
        type: 'number',
        min: 0,
        step: 'any',
        value: g.value?.amount ?? '',
      }),
      currency: input('currency', {
        maxlength: 3,
        size: 4,
        placeholder: 'USD',
        value: g.value?.currency ?? '',
      }),
    };
    row.el.append(
      cell('hs', row.hs),
      cell('description', row.description),
      cell('quantity', row.quantity),
      cell('unit', row.unit),
      cell('value', row.amount),
      cell('currency', row.currency),
      h(
        'button',
        {
          type: 'button',
          class: 'icon',
          onclick: () => {
            goodsRows.splice(goodsRows.indexOf(row), 1);
            row.el.remove();
            relabel();
          },
        },
        '×',
      ),
    );
    goodsRows.push(row);
    goods.append(row.el);
    relabel();
    return row;
  };

  const element = h(
    'div',
    { class: 'shipment-form' },
    roleList,
    h(
      'div',
      { class: 'row' },
      labelled('Transaction id', id),
      labelled('Date', date),
      labelled('Kind', kind),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Parties'),
      h(
        'div',
        { class: 'row-line row-head', 'aria-hidden': 'true' },
        h('span', null, 'role'),
        h('span', null, 'name'),
        h('span', null, 'country'),
        h('span'),
      ),
      parties,
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => addParty().role.focus() },
        '+ Add party',
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'fieldset',
        null,
        h('legend', null, 'Vessel'),
        h(
          'div',
          { class: 'row' },
          labelled('Vessel name', vessel.name),
          labelled('Vessel IMO', vessel.imo),
          labelled('Vessel flag', vessel.flag),
        ),
      ),
      h(
        'fieldset',
        null,
        h('legend', null, 'Route'),
        h(
          'div',
          { class: 'row' },
          labelled('Origin', route.origin),
          labelled('Destination', route.destination),
          labelled('Transshipment', route.transshipment),
        ),
      ),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Goods'),
      h(
        'div',
        { class: 'row-line goods-line row-head', 'aria-hidden': 'true' },
        ['HS code', 'description', 'quantity', 'unit', 'value', 'currency', ''].map((c) =>
          h('span', null, c),
        ),
      ),
      goods,
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => addGoods().hs.focus() },
        '+ Add goods line',
      ),
    ),
    h(
      'details',
      { class: 'more' },
      h('summary', null, 'US nexus and declarations'),
      h(
        'div',
        { class: 'row' },
        h(
          'fieldset',
          null,
          h('legend', null, 'US nexus'),
          ...(
            [
              ['us_person', 'a US person takes part'],
              ['usd', 'paid in US dollars'],
              ['us_origin', 'US-origin goods'],
            ] as const
          ).map(([k, label]) => h('label', { class: 'check' }, nexus[k], ` ${label}`)),
        ),
        h(
          'fieldset',
          null,
          h('legend', null, 'Declarations'),
          h(
            'div',
            { class: 'row' },
            labelled('Exemption claimed', decl.exemption),
            labelled('Contract date', decl.contract_date),
          ),
        ),
      ),
    ),
  );
  addParty();
  addGoods();

  const read = (): TxJson => {
    const tx: TxJson = { id: str(id), date: str(date), kind: kind.value };
    tx.parties = partyRows
      .filter((r) => r.name.value.trim())
      .map((r) => ({
        role: str(r.role) ?? 'party',
        name: r.name.value.trim(),
        ...(str(r.country) && { country: str(r.country) }),
      }));
    const v = { name: str(vessel.name), imo: str(vessel.imo), flag: str(vessel.flag) };
    if (v.name || v.imo || v.flag) tx.vessel = JSON.parse(JSON.stringify(v));
    const ts = route.transshipment.value.split(/[\s,;]+/).filter(Boolean);
    const rt = {
      origin: str(route.origin),
      destination: str(route.destination),
      ...(ts.length && { transshipment: ts }),
    };
    if (rt.origin || rt.destination || ts.length) tx.route = JSON.parse(JSON.stringify(rt));
    tx.goods = goodsRows
      .filter((r) => r.hs.value.trim())
      .map((r) => {
        const amount = num(r.amount);
        return JSON.parse(
          JSON.stringify({
            hs: r.hs.value.trim(),
            description: str(r.description),
            quantity: num(r.quantity),
            unit: str(r.unit),
            value:
              amount === undefined ? undefined : { amount, currency: str(r.currency) ?? 'USD' },
          }),
        );
      });
    const nx = Object.fromEntries(
      Object.entries(nexus)
        .filter(([, c]) => c.checked)
        .map(([k]) => [k, true]),
    );
    if (Object.keys(nx).length) tx.nexus = nx;
    const d = { exemption: str(decl.exemption), contract_date: str(decl.contract_date) };
    if (d.exemption || d.contract_date) tx.declarations = JSON.parse(JSON.stringify(d));
    return tx;
  };

  const fill = (tx: TxJson) => {
    id.value = tx.id ?? '';
    date.value = tx.date ?? '';
    kind.value = tx.kind ?? 'shipment';
    partyRows.splice(0).forEach((r) => r.el.remove());
    goodsRows.splice(0).forEach((r) => r.el.remove());
    for (const p of tx.parties ?? []) addParty(p);
    if (!partyRows.length) addParty();
    for (const g of tx.goods ?? []) addGoods(g);
    if (!goodsRows.length) addGoods();
    vessel.name.value = tx.vessel?.name ?? '';
    vessel.imo.value = tx.vessel?.imo ?? '';
    vessel.flag.value = tx.vessel?.flag ?? '';
    route.origin.value = tx.route?.origin ?? '';
    route.destination.value = tx.route?.destination ?? '';
    route.transshipment.value = (tx.route?.transshipment ?? []).join(', ');
    for (const [k, c] of Object.entries(nexus)) c.checked = !!tx.nexus?.[k as keyof typeof nexus];
    decl.exemption.value = tx.declarations?.exemption ?? '';
    decl.contract_date.value = tx.declarations?.contract_date ?? '';
  };

  return { element, read, fill };
}
