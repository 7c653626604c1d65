/**
 * @module
 * A transaction to judge (issue 4): a shipment, payment, charter or service, as JSON, and its
 * validation. Every fault names the JSON pointer of the field (`/goods/0/hs`) and, in a book, the
 * line, so an operator can fix the record; nothing is guessed.
 */
import {
  compileSchema,
  EmbargoError,
  ERROR_CODES,
  schemaFault,
  type SchemaCheck,
} from '../../core/index.ts';
import { countryCode } from '../../normalize/index.ts';
import { normalizeHs } from '../load.ts';
import { isIsoDate } from '../validate.ts';
import { TransactionInput } from './schema.ts';

/** What the transaction is. Charter and service are services; shipment moves goods. */
export const TRANSACTION_KINDS = ['shipment', 'payment', 'charter', 'service'] as const;

/** One of {@link TRANSACTION_KINDS}. */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** A party to the transaction. Countries are lower-case ISO 3166 alpha-2 once parsed. */
export interface TxParty {
  /** exporter, importer, consignee, shipper, carrier, owner, bank, notify, agent… */
  role: string;
  name: string;
  country?: string;
  nationality?: string;
  /** Identifiers by kind: `imo`, `passport`, `registration`, `tax`, `swift`… */
  identifiers?: Record<string, string>;
}

/** A ship-to-ship transfer the vessel took part in. */
export interface TxSts {
  imo?: string;
  name?: string;
  date?: string;
}

/** The vessel carrying the goods. */
export interface TxVessel {
  name?: string;
  /** Seven digits, without the `IMO` prefix once parsed. */
  imo?: string;
  flag?: string;
  sts?: TxSts[];
}

/** A port call on the way. */
export interface TxPortCall {
  port?: string;
  country: string;
  date?: string;
}

/** Where the goods go. */
export interface TxRoute {
  origin?: string;
  destination?: string;
  transshipment?: string[];
  port_calls?: TxPortCall[];
}

/** Units the tool knows, after normalisation. */
export type Unit = 't' | 'kg' | 'g' | 'bbl' | 'l' | 'm3' | 'pcs' | 'pair' | 'dozen' | 'set' | 'm2';

/** One goods line. */
export interface TxGoods {
  /** HS code, digits only once parsed (`2701`, `271012`). */
  hs: string;
  description?: string;
  origin?: string;
  quantity?: number;
  /**
   * A unit the tool knows (see {@link normalizeUnit}), or any other unit as given, lower case: it
   * counts against a cap only where it converts, and the line is judged all the same.
   */
  unit?: Unit | (string & {});
  value?: { amount: number; currency: string };
}

/** The US nexus: what makes a US measure bind whatever the user's own authority. */
export interface TxNexus {
  /** A US person (citizen, permanent resident, US entity or anyone in the US) exports, supplies or serves. */
  us_person?: boolean;
  usd?: boolean;
  /** The goods are US-origin items (subject to the EAR, 15 CFR 746.4). */
  us_origin?: boolean;
  /**
   * A US person approves, finances, facilitates or guarantees the transaction of a foreign person
   * (EO 13722 sec. 3(a)(iii)).
   */
  us_facilitation?: boolean;
}

/** What the parties declare; the tool cannot confirm any of it, so it leads to REVIEW at best. */
export interface TxDeclarations {
  /** `livelihood`, `humanitarian`… */
  purpose?: string;
  /** Date the contract was signed (wind-downs: "contracts finalized prior to the adoption"). */
  contract_date?: string;
  /**
   * Exemption keys claimed (`livelihood`, `humanitarian`, `committee-approval`, `rajin-transit`,
   * `civil-aircraft-spares`, `aviation-fuel-return-flight`…): a string or an array in the JSON.
   */
  exemption?: string[];
  /** Reference of a Committee approval or licence. */
  approval_ref?: string;
}

/** A transaction, validated. */
export interface Transaction {
  id: string;
  date: string;
  kind: TransactionKind;
  parties: TxParty[];
  vessel?: TxVessel;
  route?: TxRoute;
  goods: TxGoods[];
  nexus?: TxNexus;
  /**
   * What a service or charter provides, in words (`ship management`, `chartering`, `brokering`,
   * `insurance`, `registration`, `flagging`, `ownership`, `leasing`, `operation`…).
   */
  services?: string[];
  declarations?: TxDeclarations;
}

/**
 * Units: the usual words and their UN/CEFACT Recommendation 20 codes (TNE tonne, KGM kilogram,
 * GRM gram, BLL barrel (US) petroleum, LTR litre, MTQ cubic metre, H87 piece, C62 one).
 */
const UNITS: Record<string, Unit> = {
  t: 't',
  tonne: 't',
  tonnes: 't',
  ton: 't',
  tons: 't',
  mt: 't',
  tne: 't',
  kg: 'kg',
  kgm: 'kg',
  g: 'g',
  grm: 'g',
  bbl: 'bbl',
  barrel: 'bbl',
  barrels: 'bbl',
  bll: 'bbl',
  l: 'l',
  litre: 'l',
  liter: 'l',
  ltr: 'l',
  m3: 'm3',
  mtq: 'm3',
  pcs: 'pcs',
  pc: 'pcs',
  piece: 'pcs',
  pieces: 'pcs',
  h87: 'pcs',
  c62: 'pcs',
  pair: 'pair',
  pairs: 'pair',
  pr: 'pair',
  npr: 'pair',
  dozen: 'dozen',
  dozens: 'dozen',
  dz: 'dozen',
  dzn: 'dozen',
  set: 'set',
  sets: 'set',
  set1: 'set',
  m2: 'm2',
  mtk: 'm2',
  sqm: 'm2',
};

/** The unit for a word or Rec. 20 code, or undefined. */
export function normalizeUnit(unit: string): Unit | undefined {
  return UNITS[unit.trim().toLowerCase()];
}

type Json = Record<string, unknown>;

/** Walks one record; `fail` throws naming the pointer and the line. */
class Reader {
  constructor(
    private readonly code: typeof ERROR_CODES.INVALID_QUERY | typeof ERROR_CODES.INPUT_REFUSED,
    private readonly line: number | undefined,
    private readonly file: string | undefined,
  ) {}

  fail(pointer: string, problem: string): never {
    const where = this.line !== undefined ? `line ${this.line}: ` : '';
    throw new EmbargoError(this.code, `${where}${pointer || '/'}: ${problem}`, {
      field: pointer || '/',
      ...(this.line !== undefined && { line: this.line }),
      ...(this.file !== undefined && { file: this.file }),
    });
  }

  object(v: unknown, p: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(p, 'must be an object');
    return v as Json;
  }

  array(v: unknown, p: string): unknown[] {
    if (!Array.isArray(v)) this.fail(p, 'must be an array');
    return v;
  }

  string(v: unknown, p: string): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(p, 'must be a non-empty string');
    return v.trim();
  }

  optString(v: unknown, p: string): string | undefined {
    return v === undefined || v === null ? undefined : this.string(v, p);
  }

  date(v: unknown, p: string): string {
    if (v === undefined || v === null) this.fail(p, 'missing date (YYYY-MM-DD)');
    if (!isIsoDate(v)) this.fail(p, `${JSON.stringify(v)} is not a date YYYY-MM-DD`);
    return v;
  }

  optDate(v: unknown, p: string): string | undefined {
    return v === undefined || v === null ? undefined : this.date(v, p);
  }

  /** ISO 3166 alpha-2 only (the rule): names and alpha-3 codes are refused. */
  country(v: unknown, p: string): string {
    const s = this.string(v, p);
    const code = /^[A-Za-z]{2}$/.test(s) ? countryCode(s) : undefined;
    if (!code || code !== s.toLowerCase())
      this.fail(p, `${JSON.stringify(s)} is not an ISO 3166 alpha-2 country code`);
    return code;
  }

  optCountry(v: unknown, p: string): string | undefined {
    return v === undefined || v === null ? undefined : this.country(v, p);
  }

  number(v: unknown, p: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) this.fail(p, 'must be a number ≥ 0');
    return v;
  }

  bool(v: unknown, p: string): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.fail(p, 'must be true or false');
    return v;
  }
}

/** Where the record came from, for error messages. */
export interface ParseOrigin {
  /** 1-based line in a book. */
  line?: number;
  /** File the record was read from: errors are INPUT_REFUSED then, INVALID_QUERY otherwise. */
  file?: string;
}

/**
 * Validates a transaction (parsed JSON or its text). Throws an EmbargoError naming the JSON
 * pointer of the first fault and the line: INPUT_REFUSED when read from a file, else
 * INVALID_QUERY. Countries come back lower-case, HS codes as digits, units normalised.
 */
export function parseTransaction(json: unknown, origin: ParseOrigin | number = {}): Transaction {
  const where = typeof origin === 'number' ? { line: origin } : origin;
  const r = new Reader(
    where.file !== undefined ? ERROR_CODES.INPUT_REFUSED : ERROR_CODES.INVALID_QUERY,
    where.line,
    where.file,
  );
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (err) {
      r.fail('', `not valid JSON (${(err as Error).message})`);
    }
  }
  // The shape is the schema's (src/rules/check/schema.ts, also in /openapi.json); what a schema
  // cannot say (country codes that exist, calendar dates, HS digits, units) is checked below.
  const fault = schemaFault((compiled ??= compileSchema(TransactionInput)), data);
  if (fault) r.fail(fault.pointer, fault.problem);
  const o = r.object(data, '');
  const id = typeof o.id === 'number' ? String(o.id) : r.string(o.id, '/id');
  const date = r.date(o.date, '/date');
  const kind = r.string(o.kind ?? 'shipment', '/kind');
  if (!(TRANSACTION_KINDS as readonly string[]).includes(kind))
    r.fail('/kind', `${JSON.stringify(kind)}: use ${TRANSACTION_KINDS.join(', ')}`);

  const parties = r.array(o.parties ?? [], '/parties').map((v, i) => {
    const p = `/parties/${i}`;
    const x = r.object(v, p);
    const party: TxParty = {
      role: r.string(x.role, `${p}/role`),
      name: r.string(x.name, `${p}/name`),
    };
    const country = r.optCountry(x.country, `${p}/country`);
    if (country) party.country = country;
    const nationality = r.optCountry(x.nationality, `${p}/nationality`);
    if (nationality) party.nationality = nationality;
    if (x.identifiers !== undefined) {
      const ids = r.object(x.identifiers, `${p}/identifiers`);
      party.identifiers = {};
      for (const [k, val] of Object.entries(ids))
        party.identifiers[k] =
          typeof val === 'number' ? String(val) : r.string(val, `${p}/identifiers/${k}`);
    }
    return party;
  });

  const tx: Transaction = { id, date, kind: kind as TransactionKind, parties, goods: [] };

  if (o.vessel !== undefined && o.vessel !== null) {
    const x = r.object(o.vessel, '/vessel');
    const vessel: TxVessel = {};
    const name = r.optString(x.name, '/vessel/name');
    if (name) vessel.name = name;
    const imo = imoNumber(r, x.imo, '/vessel/imo');
    if (imo) vessel.imo = imo;
    const flag = r.optCountry(x.flag, '/vessel/flag');
    if (flag) vessel.flag = flag;
    if (x.sts !== undefined)
      vessel.sts = r.array(x.sts, '/vessel/sts').map((v, i) => {
        const p = `/vessel/sts/${i}`;
        const s = r.object(v, p);
        const sts: TxSts = {};
        const simo = imoNumber(r, s.imo, `${p}/imo`);
        if (simo) sts.imo = simo;
        const sname = r.optString(s.name, `${p}/name`);
        if (sname) sts.name = sname;
        const sdate = r.optDate(s.date, `${p}/date`);
        if (sdate) sts.date = sdate;
        return sts;
      });
    tx.vessel = vessel;
  }

  if (o.route !== undefined && o.route !== null) {
    const x = r.object(o.route, '/route');
    const route: TxRoute = {};
    const origin = r.optCountry(x.origin, '/route/origin');
    if (origin) route.origin = origin;
    const destination = r.optCountry(x.destination, '/route/destination');
    if (destination) route.destination = destination;
    if (x.transshipment !== undefined)
      route.transshipment = r
        .array(x.transshipment, '/route/transshipment')
        .map((c, i) => r.country(c, `/route/transshipment/${i}`));
    if (x.port_calls !== undefined)
      route.port_calls = r.array(x.port_calls, '/route/port_calls').map((v, i) => {
        const p = `/route/port_calls/${i}`;
        const c = r.object(v, p);
        const call: TxPortCall = { country: r.country(c.country, `${p}/country`) };
        const port = r.optString(c.port, `${p}/port`);
        if (port) call.port = port;
        const cdate = r.optDate(c.date, `${p}/date`);
        if (cdate) call.date = cdate;
        return call;
      });
    tx.route = route;
  }

  tx.goods = r.array(o.goods ?? [], '/goods').map((v, i) => {
    const p = `/goods/${i}`;
    const x = r.object(v, p);
    const raw = typeof x.hs === 'number' ? String(x.hs) : r.string(x.hs, `${p}/hs`);
    const hs = hsCode(r, raw, `${p}/hs`);
    const g: TxGoods = { hs };
    const description = r.optString(x.description, `${p}/description`);
    if (description) g.description = description;
    const origin = r.optCountry(x.origin, `${p}/origin`);
    if (origin) g.origin = origin;
    if (x.quantity !== undefined && x.quantity !== null) {
      g.quantity = r.number(x.quantity, `${p}/quantity`);
      if (x.unit === undefined || x.unit === null) r.fail(`${p}/unit`, 'a quantity needs a unit');
    }
    if (x.unit !== undefined && x.unit !== null) {
      // Any unit is kept: only a cap needs the conversion, and it says so when it cannot make it.
      const u = r.string(x.unit, `${p}/unit`);
      g.unit = normalizeUnit(u) ?? u.toLowerCase();
    }
    if (x.value !== undefined && x.value !== null) {
      const val = r.object(x.value, `${p}/value`);
      const currency = r.string(val.currency, `${p}/value/currency`);
      if (!/^[A-Za-z]{3}$/.test(currency))
        r.fail(`${p}/value/currency`, `${JSON.stringify(currency)} is not an ISO 4217 code`);
      g.value = {
        amount: r.number(val.amount, `${p}/value/amount`),
        currency: currency.toUpperCase(),
      };
    }
    return g;
  });
  if (tx.kind === 'shipment' && tx.goods.length === 0)
    r.fail('/goods', 'a shipment needs at least one goods line');

  if (o.nexus !== undefined && o.nexus !== null) {
    const x = r.object(o.nexus, '/nexus');
    const nexus: TxNexus = {};
    for (const k of ['us_person', 'usd', 'us_origin', 'us_facilitation'] as const) {
      const b = r.bool(x[k], `/nexus/${k}`);
      if (b !== undefined) nexus[k] = b;
    }
    tx.nexus = nexus;
  }

  if (o.services !== undefined && o.services !== null)
    tx.services = r
      .array(o.services, '/services')
      .map((v, i) => r.string(v, `/services/${i}`).toLowerCase());

  if (o.declarations !== undefined && o.declarations !== null) {
    const x = r.object(o.declarations, '/declarations');
    const d: TxDeclarations = {};
    const purpose = r.optString(x.purpose, '/declarations/purpose');
    if (purpose) d.purpose = purpose.toLowerCase();
    const contract = r.optDate(x.contract_date, '/declarations/contract_date');
    if (contract) d.contract_date = contract;
    if (x.exemption !== undefined && x.exemption !== null) {
      const claims = Array.isArray(x.exemption)
        ? x.exemption.map((e, i) => r.string(e, `/declarations/exemption/${i}`))
        : [r.string(x.exemption, '/declarations/exemption')];
      d.exemption = claims.map((c) => c.toLowerCase());
    }
    const ref = r.optString(x.approval_ref, '/declarations/approval_ref');
    if (ref) d.approval_ref = ref;
    tx.declarations = d;
  }
  return tx;
}

/**
 * The transaction schema, compiled on first use (TypeBox's compiler: no Ajv, no coercion), as
 * the act and scenario schemas are: every CLI command loads this module, and compiling it cost
 * a cold `embargo screen`, which checks no transaction, 6–11 ms CPU (issue 17).
 */
let compiled: SchemaCheck<typeof TransactionInput> | undefined;

/** An IMO number: seven digits, optionally written `IMO 1234567`. */
function imoNumber(r: Reader, v: unknown, p: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'number' ? String(v) : r.string(v, p);
  const digits = s.replace(/^IMO\s*/i, '');
  if (!/^\d{7}$/.test(digits)) r.fail(p, `${JSON.stringify(s)} is not an IMO number (7 digits)`);
  return digits;
}

/** The digits of an HS code, or a failure naming the field. */
function hsCode(r: Reader, raw: string, p: string): string {
  try {
    return normalizeHs(raw);
  } catch {
    return r.fail(p, `${JSON.stringify(raw)} is not an HS code of 2, 4, 6, 8 or 10 digits`);
  }
}
