/**
 * @module
 * Validation of regime data files against the model of `types.ts`, by hand: every fault refuses
 * the file with an INPUT_REFUSED error naming the file, the JSON pointer of the fault
 * (`/measures/3/citation`) and, where known, the measure's id. Unknown keys are refused too, so a
 * misspelt field cannot silently drop a condition.
 */
import { isPartialDate, refused } from '../core/index.ts';
import type { ActFile, Authority, Citation, Direction, Exemption, Measure } from './types.ts';
import { MEASURE_TAGS } from './types.ts';

const AUTHORITIES: readonly Authority[] = ['un', 'us', 'eu', 'uk'];
const DIRECTIONS: readonly Direction[] = [
  'export',
  'import',
  'charter',
  'finance',
  'crew',
  'port-entry',
  'ship-to-ship',
  'labour',
  'joint-venture',
  'insurance',
  'registration',
  'other-service',
];
const FORCES: readonly Citation['force'][] = ['decides', 'calls-upon'];
const EXEMPTION_KINDS: readonly Exemption['kind'][] = [
  'livelihood',
  'humanitarian',
  'committee-approval',
  'rajin-transit',
  'notification',
  'contract-before',
  'other',
];
const EFFECTS: readonly Measure['effect'][] = ['prohibited', 'conditional'];
const PARTIES = ['designated', 'government', 'any'] as const;
const REACH = ['us-persons', 'into-us', 'us-items', 'us-facilitation', 'non-us-persons'] as const;
/** Kinds a transaction claims by their own name when the exemption gives no key. */
export const DECLARABLE_KINDS: readonly Exemption['kind'][] = [
  'livelihood',
  'humanitarian',
  'committee-approval',
  'rajin-transit',
  'notification',
];
const VESSELS = ['designated', 'flagged', 'any'] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const HS_CODE = /^(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/;
const COUNTRY = /^[A-Z]{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && FULL_DATE.test(value) && isPartialDate(value);
}

/** True for an HS code of 2, 4, 6, 8 or 10 digits, digits only. */
export function isHsCode(value: unknown): value is string {
  return typeof value === 'string' && HS_CODE.test(value);
}

type Json = Record<string, unknown>;

/** Walks one act file; `fail` throws with the file, pointer and measure id. */
class Checker {
  private measureId: string | undefined;

  constructor(private readonly file: string) {}

  fail(pointer: string, problem: string): never {
    const where = this.measureId ? ` (measure ${this.measureId})` : '';
    throw refused(`${this.file}: ${pointer || '/'}${where}: ${problem}`, {
      file: this.file,
      field: pointer || '/',
      ...(this.measureId !== undefined && { record: this.measureId }),
    });
  }

  object(v: unknown, p: string, what: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(p, `${what} must be an object`);
    return v as Json;
  }

  keys(o: Json, p: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.fail(`${p}/${k}`, `unknown field ${JSON.stringify(k)}`);
  }

  string(o: Json, k: string, p: string, required: boolean): string | undefined {
    const v = o[k];
    if (v === undefined) {
      if (required) this.fail(`${p}/${k}`, `${k} is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '')
      this.fail(`${p}/${k}`, `${k} must be a non-empty string`);
    return v;
  }

  oneOf<T extends string>(
    o: Json,
    k: string,
    p: string,
    values: readonly T[],
    required: boolean,
  ): T | undefined {
    const v = this.string(o, k, p, required);
    if (v !== undefined && !(values as readonly string[]).includes(v))
      this.fail(`${p}/${k}`, `${JSON.stringify(v)} is not one of ${values.join(', ')}`);
    return v as T | undefined;
  }

  date(o: Json, k: string, p: string, required: boolean): string | undefined {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (!isIsoDate(v))
      this.fail(`${p}/${k}`, `${JSON.stringify(v ?? null)} is not a real date YYYY-MM-DD`);
    return v;
  }

  array(o: Json, k: string, p: string, required: boolean, nonEmpty = true): unknown[] | undefined {
    const v = o[k];
    if (v === undefined) {
      if (required) this.fail(`${p}/${k}`, `${k} is required`);
      return undefined;
    }
    if (!Array.isArray(v)) this.fail(`${p}/${k}`, `${k} must be a list`);
    if (nonEmpty && v.length === 0) this.fail(`${p}/${k}`, `${k} must not be empty`);
    return v;
  }

  strings(o: Json, k: string, p: string, required: boolean): string[] | undefined {
    const list = this.array(o, k, p, required);
    list?.forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '')
        this.fail(`${p}/${k}/${i}`, 'must be a non-empty string');
    });
    return list as string[] | undefined;
  }

  positive(o: Json, k: string, p: string): number {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      this.fail(`${p}/${k}`, `${k} must be a positive number`);
    return v;
  }

  citation(v: unknown, p: string, what: string): void {
    if (v === undefined) this.fail(p, `${what} needs a citation (act, paragraph, force)`);
    const c = this.object(v, p, 'citation');
    this.keys(c, p, ['act', 'paragraph', 'text', 'force', 'url']);
    this.string(c, 'act', p, true);
    this.string(c, 'paragraph', p, true);
    this.string(c, 'text', p, false);
    this.oneOf(c, 'force', p, FORCES, true);
    this.string(c, 'url', p, false);
  }

  goods(v: unknown, p: string): void {
    const g = this.object(v, p, 'goods');
    this.keys(g, p, ['hs', 'exclude', 'hsEdition', 'hsSource', 'description', 'terms', 'items']);
    this.strings(g, 'terms', p, false);
    this.array(g, 'items', p, false)?.forEach((it, i) => this.item(it, `${p}/items/${i}`));
    for (const k of ['hs', 'exclude'] as const) {
      this.array(g, k, p, false)?.forEach((code, i) => {
        if (!isHsCode(code))
          this.fail(
            `${p}/${k}/${i}`,
            `${JSON.stringify(code)} is not an HS code of 2, 4, 6, 8 or 10 digits`,
          );
      });
    }
    const description = this.string(g, 'description', p, false);
    if (g.hs === undefined && description === undefined && g.items === undefined)
      this.fail(p, 'goods need HS codes, a description or items');
    if (g.items !== undefined && g.hsEdition === undefined)
      this.fail(`${p}/hsEdition`, 'items with HS codes need the HS edition they follow');
    if (g.exclude !== undefined && g.hs === undefined)
      this.fail(`${p}/exclude`, 'exclusions need HS codes to exclude from');
    if (g.hs !== undefined) this.string(g, 'hsEdition', p, true);
    if (g.hs !== undefined && g.hsSource === undefined)
      this.fail(`${p}/hsSource`, 'an HS mapping must say where it comes from');
    if (g.hsSource !== undefined) {
      const s = this.object(g.hsSource, `${p}/hsSource`, 'hsSource');
      this.keys(s, `${p}/hsSource`, ['citation', 'inferred']);
      this.string(s, 'citation', `${p}/hsSource`, true);
      if (typeof s.inferred !== 'boolean')
        this.fail(`${p}/hsSource/inferred`, 'inferred must be true or false');
    }
  }

  /** One goods item: its name and citation, how it is matched, and what it is matched by. */
  item(v: unknown, p: string): void {
    const it = this.object(v, p, 'a goods item');
    this.keys(it, p, [
      'name',
      'citation',
      'hs',
      'exclude',
      'terms',
      'match',
      'unless',
      'question',
      'valueOver',
      'hsText',
      'inferred',
    ]);
    this.string(it, 'name', p, true);
    this.string(it, 'citation', p, true);
    for (const k of ['hs', 'exclude'] as const)
      this.array(it, k, p, false)?.forEach((code, i) => {
        if (!isHsCode(code) || (code as string).length > 6)
          this.fail(
            `${p}/${k}/${i}`,
            `${JSON.stringify(code)} is not an HS code of 2, 4 or 6 digits`,
          );
      });
    const terms = this.strings(it, 'terms', p, false);
    this.strings(it, 'unless', p, false);
    const match = this.oneOf(it, 'match', p, ['hs', 'hs+terms', 'terms'] as const, true);
    if (match !== 'terms' && it.hs === undefined)
      this.fail(`${p}/hs`, `an item matched by ${match} needs HS codes`);
    if (match !== 'hs' && terms === undefined)
      this.fail(`${p}/terms`, `an item matched by ${match} needs description terms`);
    const question = this.string(it, 'question', p, false);
    if (match === 'hs+terms' && question === undefined)
      this.fail(`${p}/question`, 'an item the description decides needs the question to ask');
    if (it.hs !== undefined) this.string(it, 'hsText', p, true);
    this.string(it, 'inferred', p, false);
    if (it.valueOver !== undefined) {
      const q = this.object(it.valueOver, `${p}/valueOver`, 'valueOver');
      this.keys(q, `${p}/valueOver`, ['amount', 'currency']);
      this.positive(q, 'amount', `${p}/valueOver`);
      const cur = this.string(q, 'currency', `${p}/valueOver`, true);
      if (!/^[A-Z]{3}$/.test(cur ?? ''))
        this.fail(`${p}/valueOver/currency`, 'currency must be an ISO 4217 code');
    }
  }

  concerns(v: unknown, p: string): void {
    const c = this.object(v, p, 'concerns');
    this.keys(c, p, ['countries', 'parties', 'vessels', 'priorCall', 'reach']);
    this.oneOf(c, 'reach', p, REACH, false);
    this.strings(c, 'countries', p, false)?.forEach((cc, i) => {
      if (!COUNTRY.test(cc))
        this.fail(`${p}/countries/${i}`, `${JSON.stringify(cc)} is not an ISO 3166-1 alpha-2 code`);
    });
    this.oneOf(c, 'parties', p, PARTIES, false);
    this.oneOf(c, 'vessels', p, VESSELS, false);
    if (c.priorCall !== undefined) {
      const pp = `${p}/priorCall`;
      const pc = this.object(c.priorCall, pp, 'priorCall');
      this.keys(pc, pp, ['countries', 'lookbackDays', 'shipToShip']);
      this.strings(pc, 'countries', pp, true)?.forEach((cc, i) => {
        if (!COUNTRY.test(cc))
          this.fail(
            `${pp}/countries/${i}`,
            `${JSON.stringify(cc)} is not an ISO 3166-1 alpha-2 code`,
          );
      });
      if (!Number.isInteger(pc.lookbackDays) || (pc.lookbackDays as number) <= 0)
        this.fail(`${pp}/lookbackDays`, 'lookbackDays must be a whole number of days above 0');
      if (pc.shipToShip !== undefined && typeof pc.shipToShip !== 'boolean')
        this.fail(`${pp}/shipToShip`, 'shipToShip must be true or false');
    }
  }

  cap(v: unknown, p: string): void {
    const c = this.object(v, p, 'cap');
    this.keys(c, p, ['quantity', 'value', 'combine', 'period', 'conversions']);
    if (c.quantity === undefined && c.value === undefined)
      this.fail(p, 'a cap needs a quantity or a value');
    if (c.quantity !== undefined) {
      const q = this.object(c.quantity, `${p}/quantity`, 'quantity');
      this.keys(q, `${p}/quantity`, ['amount', 'unit']);
      this.positive(q, 'amount', `${p}/quantity`);
      this.string(q, 'unit', `${p}/quantity`, true);
    }
    if (c.value !== undefined) {
      const q = this.object(c.value, `${p}/value`, 'value');
      this.keys(q, `${p}/value`, ['amount', 'currency']);
      this.positive(q, 'amount', `${p}/value`);
      const cur = this.string(q, 'currency', `${p}/value`, true);
      if (!/^[A-Z]{3}$/.test(cur ?? ''))
        this.fail(`${p}/value/currency`, 'currency must be an ISO 4217 code');
    }
    this.oneOf(c, 'combine', p, ['lower'] as const, false);
    if (c.period === undefined) this.fail(`${p}/period`, 'a cap needs a period');
    const pp = `${p}/period`;
    const period = this.object(c.period, pp, 'period');
    this.keys(period, pp, ['from', 'to', 'recurrence', 'yearStart']);
    const from = this.date(period, 'from', pp, true);
    const to = this.date(period, 'to', pp, false);
    if (from && to && to < from) this.fail(`${pp}/to`, 'the period ends before it starts');
    const rec = this.oneOf(period, 'recurrence', pp, ['annual'] as const, false);
    const ys = this.string(period, 'yearStart', pp, rec !== undefined);
    if (ys !== undefined) {
      const md = MONTH_DAY.exec(ys);
      if (!md || !isIsoDate(`2001-${ys}`))
        this.fail(`${pp}/yearStart`, `${JSON.stringify(ys)} is not a month and day MM-DD`);
    }
    this.array(c, 'conversions', p, false)?.forEach((conv, i) => {
      const cp = `${p}/conversions/${i}`;
      const o = this.object(conv, cp, 'conversion');
      this.keys(o, cp, ['from', 'to', 'factor', 'citation']);
      this.string(o, 'from', cp, true);
      this.string(o, 'to', cp, true);
      this.positive(o, 'factor', cp);
      this.string(o, 'citation', cp, true);
    });
  }

  exemption(v: unknown, p: string): void {
    const e = this.object(v, p, 'exemption');
    this.keys(e, p, [
      'kind',
      'key',
      'recognise',
      'effective',
      'condition',
      'citation',
      'contractBefore',
      'until',
    ]);
    const kind = this.oneOf(e, 'kind', p, EXEMPTION_KINDS, true);
    const key = this.string(e, 'key', p, false);
    if (key !== undefined && !ID.test(key))
      this.fail(`${p}/key`, `${JSON.stringify(key)} is not a lowercase-hyphenated key`);
    this.strings(e, 'recognise', p, false);
    if (e.recognise !== undefined && key === undefined && !DECLARABLE_KINDS.includes(kind!))
      this.fail(`${p}/key`, 'an exemption the judge recognises needs a key to name it by');
    this.date(e, 'effective', p, false);
    this.string(e, 'condition', p, true);
    this.citation(e.citation, `${p}/citation`, 'an exemption');
    const before = this.date(e, 'contractBefore', p, false);
    this.date(e, 'until', p, false);
    if (kind === 'contract-before' && before === undefined)
      this.fail(`${p}/contractBefore`, 'a contract-before exemption needs contractBefore');
  }

  measure(v: unknown, p: string, act: string): Measure {
    this.measureId = undefined;
    const o = this.object(v, p, 'a measure');
    if (typeof o.id === 'string') this.measureId = o.id;
    this.keys(o, p, [
      'id',
      'title',
      'authority',
      'citation',
      'tags',
      'direction',
      'goods',
      'concerns',
      'effective',
      'ends',
      'cap',
      'exemptions',
      'replaces',
      'extends',
      'effect',
      'conditions',
      'notes',
    ]);
    const id = this.string(o, 'id', p, true);
    if (!ID.test(id ?? ''))
      this.fail(`${p}/id`, `${JSON.stringify(id)} is not a lowercase-hyphenated id`);
    this.string(o, 'title', p, true);
    this.oneOf(o, 'authority', p, AUTHORITIES, true);
    this.citation(o.citation, `${p}/citation`, 'a measure');
    const citedAct = (o.citation as Json).act;
    if (citedAct !== act)
      this.fail(
        `${p}/citation/act`,
        `cites ${JSON.stringify(citedAct)}, but the file is ${JSON.stringify(act)}`,
      );
    const tags = this.strings(o, 'tags', p, true) ?? [];
    tags.forEach((t, i) => {
      if (!(MEASURE_TAGS as readonly string[]).includes(t))
        this.fail(
          `${p}/tags/${i}`,
          `unknown tag ${JSON.stringify(t)} (allowed: ${MEASURE_TAGS.join(', ')})`,
        );
    });
    if (new Set(tags).size !== tags.length) this.fail(`${p}/tags`, 'a tag is repeated');
    this.oneOf(o, 'direction', p, DIRECTIONS, true);
    if (o.goods !== undefined) this.goods(o.goods, `${p}/goods`);
    if (o.concerns !== undefined) this.concerns(o.concerns, `${p}/concerns`);
    const effective = this.date(o, 'effective', p, true);
    const ends = this.date(o, 'ends', p, false);
    if (effective && ends && ends <= effective)
      this.fail(`${p}/ends`, 'a measure must end after it takes effect');
    if (o.cap !== undefined) this.cap(o.cap, `${p}/cap`);
    this.array(o, 'exemptions', p, false)?.forEach((e, i) =>
      this.exemption(e, `${p}/exemptions/${i}`),
    );
    for (const k of ['replaces', 'extends'] as const)
      this.strings(o, k, p, false)?.forEach((r, i) => {
        if (r === id) this.fail(`${p}/${k}/${i}`, `a measure cannot name itself in ${k}`);
      });
    const effect = this.oneOf(o, 'effect', p, EFFECTS, true);
    this.strings(o, 'conditions', p, false);
    if (effect === 'conditional' && o.conditions === undefined && o.cap === undefined)
      this.fail(`${p}/conditions`, 'a conditional measure must state its conditions or cap');
    this.string(o, 'notes', p, false);
    return o as unknown as Measure;
  }

  act(v: unknown): ActFile {
    const o = this.object(v, '', 'an act file');
    this.keys(o, '', ['regime', 'act', 'authority', 'adopted', 'title', 'url', 'measures']);
    this.string(o, 'regime', '', true);
    const act = this.string(o, 'act', '', true) ?? '';
    this.oneOf(o, 'authority', '', AUTHORITIES, true);
    this.date(o, 'adopted', '', true);
    this.string(o, 'title', '', true);
    this.string(o, 'url', '', false);
    const measures = this.array(o, 'measures', '', true) ?? [];
    const seen = new Map<string, number>();
    measures.forEach((m, i) => {
      const measure = this.measure(m, `/measures/${i}`, act);
      const first = seen.get(measure.id);
      if (first !== undefined)
        this.fail(`/measures/${i}/id`, `duplicate id, first used at /measures/${first}`);
      seen.set(measure.id, i);
    });
    this.measureId = undefined;
    return o as unknown as ActFile;
  }
}

/**
 * Validates parsed JSON as one act file and returns it typed. Throws INPUT_REFUSED naming `file`,
 * the JSON pointer of the first fault and the measure id, e.g. a measure without a citation.
 */
export function validateActFile(data: unknown, file: string): ActFile {
  return new Checker(file).act(data);
}

/**
 * Checks what no single file can: ids unique across the regime, every `replaces` pointing at a
 * measure of the regime, and one regime id for all files. `files` pairs each act with its path.
 */
export function validateRegime(files: { file: string; act: ActFile }[]): void {
  const where = new Map<string, string>();
  const regimes = new Set(files.map((f) => f.act.regime));
  if (regimes.size > 1) {
    const odd = files.find((f) => f.act.regime !== files[0]?.act.regime);
    throw refused(
      `${odd?.file}: /regime: files of one folder name different regimes (${[...regimes].join(', ')})`,
      {
        file: odd?.file,
        field: '/regime',
      },
    );
  }
  for (const { file, act } of files) {
    act.measures.forEach((m, i) => {
      const first = where.get(m.id);
      if (first !== undefined)
        throw refused(
          `${file}: /measures/${i}/id (measure ${m.id}): duplicate id, first used in ${first}`,
          {
            file,
            field: `/measures/${i}/id`,
            record: m.id,
          },
        );
      where.set(m.id, file);
    });
  }
  for (const { file, act } of files) {
    act.measures.forEach((m, i) => {
      for (const k of ['replaces', 'extends'] as const)
        m[k]?.forEach((r, j) => {
          if (!where.has(r))
            throw refused(
              `${file}: /measures/${i}/${k}/${j} (measure ${m.id}): ${k} unknown measure ${r}`,
              {
                file,
                field: `/measures/${i}/${k}/${j}`,
                record: m.id,
              },
            );
        });
    });
  }
}
