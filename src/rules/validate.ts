/**
 * @module
 * Validation of regime data files: first against the model's schema (`types.ts`,
 * {@link ActFileSchema}: shapes, required fields, value lists, patterns, calendar dates, unknown
 * keys), then the rules a schema cannot say, as code (a measure cites its own file's act, `ends`
 * after `effective`, what goods items matched by their description need, unique ids…). Every fault
 * refuses the file with an INPUT_REFUSED error naming the file, the JSON pointer of the fault
 * (`/measures/3/citation`) and, where known, the measure's id.
 */
import {
  compileSchema,
  isPartialDate,
  pointerWords,
  refused,
  schemaFault,
  type SchemaCheck,
} from '../core/index.ts';
import { ActFileSchema } from './types.ts';
import type { ActFile, Cap, Exemption, GoodsItem, GoodsScope, Measure } from './types.ts';

/** Kinds a transaction claims by their own name when the exemption gives no key. */
export const DECLARABLE_KINDS: readonly Exemption['kind'][] = [
  'livelihood',
  'humanitarian',
  'committee-approval',
  'rajin-transit',
  'notification',
];

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HS_CODE = /^(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && FULL_DATE.test(value) && isPartialDate(value);
}

/** True for an HS code of 2, 4, 6, 8 or 10 digits, digits only. */
export function isHsCode(value: unknown): value is string {
  return typeof value === 'string' && HS_CODE.test(value);
}

/** The act file schema, compiled on first use (a process that never loads a regime skips it). */
let compiled: SchemaCheck<typeof ActFileSchema> | undefined;

/** Throws INPUT_REFUSED naming the file, the pointer and the measure whose fault it is. */
function fail(file: string, pointer: string, problem: string, measureId?: string): never {
  throw refused(`${file}: ${located(pointer, measureId)}: ${problem}`, {
    file,
    field: pointer || '/',
    ...(measureId !== undefined && { record: measureId }),
  });
}

/**
 * A field as a JSON pointer, then in words with the measure it belongs to:
 * `/measures/1/citation (measures[1].citation, measure fx-op2-widgets)`.
 */
function located(pointer: string, measureId?: string): string {
  const words = pointer ? pointerWords(pointer) : '';
  const notes = [words, measureId !== undefined ? `measure ${measureId}` : ''].filter(Boolean);
  return `${pointer || '/'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** The id of the measure a pointer lies in, when the data gives it as a string. */
function measureAt(data: unknown, pointer: string): string | undefined {
  const m = /^\/measures\/(\d+)(?:\/|$)/.exec(pointer);
  if (!m) return undefined;
  const measures = (data as { measures?: unknown }).measures;
  const measure = Array.isArray(measures) ? (measures[Number(m[1])] as unknown) : undefined;
  const id = (measure as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Validates parsed JSON as one act file and returns it typed. Throws INPUT_REFUSED naming `file`,
 * the JSON pointer of the first fault and the measure id, e.g. a measure without a citation.
 */
export function validateActFile(data: unknown, file: string): ActFile {
  compiled ??= compileSchema(ActFileSchema);
  const fault = schemaFault(compiled, data);
  if (fault) fail(file, fault.pointer, fault.problem, measureAt(data, fault.pointer));
  const act = data as ActFile;
  const seen = new Map<string, number>();
  act.measures.forEach((m, i) => {
    const p = `/measures/${i}`;
    const bad = (pointer: string, problem: string): never => fail(file, pointer, problem, m.id);
    measure(m, p, act.act, bad);
    const first = seen.get(m.id);
    if (first !== undefined) bad(`${p}/id`, `duplicate id, first used at /measures/${first}`);
    seen.set(m.id, i);
  });
  return act;
}

type Bad = (pointer: string, problem: string) => never;

/** What a schema cannot say about a measure: how its fields relate. */
function measure(m: Measure, p: string, act: string, bad: Bad): void {
  if (m.citation.act !== act)
    bad(
      `${p}/citation/act`,
      `cites ${JSON.stringify(m.citation.act)}, but the file is ${JSON.stringify(act)}`,
    );
  if (m.goods !== undefined) goods(m.goods, `${p}/goods`, bad);
  if (m.ends !== undefined && m.ends <= m.effective)
    bad(`${p}/ends`, 'a measure must end after it takes effect');
  if (m.cap !== undefined) cap(m.cap, `${p}/cap`, bad);
  m.exemptions?.forEach((e, i) => exemption(e, `${p}/exemptions/${i}`, bad));
  for (const k of ['replaces', 'extends'] as const)
    m[k]?.forEach((r, i) => {
      if (r === m.id) bad(`${p}/${k}/${i}`, `a measure cannot name itself in ${k}`);
    });
  if (m.effect === 'conditional' && m.conditions === undefined && m.cap === undefined)
    bad(`${p}/conditions`, 'a conditional measure must state its conditions or cap');
}

function goods(g: GoodsScope, p: string, bad: Bad): void {
  g.items?.forEach((it, i) => item(it, `${p}/items/${i}`, bad));
  if (g.hs === undefined && g.description === undefined && g.items === undefined)
    bad(p, 'goods need HS codes, a description or items');
  if (g.items !== undefined && g.hsEdition === undefined)
    bad(`${p}/hsEdition`, 'items with HS codes need the HS edition they follow');
  if (g.exclude !== undefined && g.hs === undefined)
    bad(`${p}/exclude`, 'exclusions need HS codes to exclude from');
  if (g.hs !== undefined && g.hsEdition === undefined)
    bad(`${p}/hsEdition`, 'HS codes need the HS edition they follow');
  if (g.hs !== undefined && g.hsSource === undefined)
    bad(`${p}/hsSource`, 'an HS mapping must say where it comes from');
}

/** One goods item: what its way of matching needs. */
function item(it: GoodsItem, p: string, bad: Bad): void {
  if (it.match !== 'terms' && it.hs === undefined)
    bad(`${p}/hs`, `an item matched by ${it.match} needs HS codes`);
  if (it.match !== 'hs' && it.terms === undefined)
    bad(`${p}/terms`, `an item matched by ${it.match} needs description terms`);
  if (it.match === 'hs+terms' && it.question === undefined)
    bad(`${p}/question`, 'an item the description decides needs the question to ask');
  if (it.hs !== undefined && it.hsText === undefined)
    bad(`${p}/hsText`, 'an item with HS codes needs the HS texts they come from (hsText)');
}

function cap(c: Cap, p: string, bad: Bad): void {
  if (c.quantity === undefined && c.value === undefined)
    bad(p, 'a cap needs a quantity or a value');
  const { from, to, recurrence, yearStart } = c.period;
  if (to !== undefined && to < from) bad(`${p}/period/to`, 'the period ends before it starts');
  if (recurrence !== undefined && yearStart === undefined)
    bad(`${p}/period/yearStart`, 'an annual cap needs the day its year starts (MM-DD)');
  if (yearStart !== undefined && !isIsoDate(`2001-${yearStart}`))
    bad(`${p}/period/yearStart`, `${JSON.stringify(yearStart)} is not a month and day MM-DD`);
}

function exemption(e: Exemption, p: string, bad: Bad): void {
  if (e.recognise !== undefined && e.key === undefined && !DECLARABLE_KINDS.includes(e.kind))
    bad(`${p}/key`, 'an exemption the judge recognises needs a key to name it by');
  if (e.kind === 'contract-before' && e.contractBefore === undefined)
    bad(`${p}/contractBefore`, 'a contract-before exemption needs contractBefore');
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
          `${file}: ${located(`/measures/${i}/id`, m.id)}: duplicate id, first used in ${first}`,
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
              `${file}: ${located(`/measures/${i}/${k}/${j}`, m.id)}: ${k} unknown measure ${r}`,
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
