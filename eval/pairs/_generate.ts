/**
 * @module
 * The generator of the labelled pairs: for each category of issue 12, match and non-match pairs
 * built from the made-up name material of `_pools.ts` with a fixed seed. Each builder constructs
 * both names from one entity, so the label is true by construction: a match pair is one entity
 * written two ways; a non-match pair is two entities that differ in something an analyst would
 * not call a spelling (another given name, another business, another number, another ship).
 */
import { seededRandom } from '../variants.ts';
import {
  annotation,
  branch,
  businessWords,
  differentNumber,
  formerName,
  paymentLabel,
  roman,
  runTogether,
  siblingCompany,
  sisterShips,
  vesselPrefix,
  voyage,
} from './_documents.ts';
import {
  diminutive,
  honorific,
  initials,
  phonetic,
  resetPhonetic,
  sameCulture,
  sameSurname,
  shortToken,
  transliteration,
  wordOrder,
} from './_persons.ts';
import { PAIRS_SEED, pick, reseed } from './_random.ts';
import { typoPair } from './_typos.ts';

/** One labelled pair; `name2` plays the listed name. */
export interface Pair {
  id: string;
  category: string;
  polarity: 'match' | 'nonmatch';
  schema: 'Person' | 'Company' | 'Organization' | 'Vessel';
  name1: string;
  name2: string;
  note: string;
}

/** A pair as a builder makes it, before it is numbered and categorised. */
export type Draft = Omit<Pair, 'id' | 'category' | 'polarity'>;

/** Builds one pair of a category in the polarity asked, or null to try again. */
export type Builder = (polarity: 'match' | 'nonmatch') => Draft | null;

/** Pairs generated per category and polarity. */
export const PER_GROUP = 26;

/** The categories of issue 12, each with its builder. */
export const CATEGORIES: [string, Builder][] = [
  ['typo-transposition', (p) => typoPair('transposition', p)],
  ['typo-doubled', (p) => typoPair('doubled', p)],
  ['typo-dropped', (p) => typoPair('dropped', p)],
  ['typo-substitution', (p) => typoPair('substitution', p)],
  [
    'typo-korean',
    (p) =>
      typoPair(pick(['transposition', 'doubled', 'dropped', 'substitution'] as const), p, true),
  ],
  ['initials', initials],
  ['diminutive', diminutive],
  ['run-together', runTogether],
  ['word-order', wordOrder],
  ['honorific', honorific],
  ['vessel-prefix', vesselPrefix],
  ['voyage-number', voyage],
  ['annotation', annotation],
  ['former-name', formerName],
  ['payment-label', paymentLabel],
  ['branch-suffix', branch],
  ['roman-numeral', roman],
  ['business-word', businessWords],
  ['transliteration', transliteration],
  ['same-surname', sameSurname],
  ['sibling-company', siblingCompany],
  ['sister-ship', sisterShips],
  ['different-number', differentNumber],
  ['phonetic-lookalike', phonetic],
  ['short-token', shortToken],
  ['same-culture', sameCulture],
];

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every pair, in category order, numbered p0001…; deterministic for the seed. */
export function generatePairs(): Pair[] {
  reseed();
  resetPhonetic();
  const out: Pair[] = [];
  const seen = new Set<string>();
  for (const [category, build] of CATEGORIES) {
    for (const polarity of ['match', 'nonmatch'] as const) {
      let n = 0;
      for (let attempt = 0; attempt < 5000 && n < PER_GROUP; attempt++) {
        const d = build(polarity);
        if (!d) continue;
        const name1 = clean(d.name1);
        const name2 = clean(d.name2);
        const key = `${name1.toLowerCase()}|${name2.toLowerCase()}`;
        if (name1 === name2 || seen.has(key)) continue;
        seen.add(key);
        n++;
        out.push({ id: '', category, polarity, schema: d.schema, name1, name2, note: d.note });
      }
    }
  }
  out.forEach((p, i) => (p.id = `p${String(i + 1).padStart(4, '0')}`));
  return out;
}

/**
 * Splits the pairs into tuning and held-out halves, stratified by category and polarity: each
 * group is shuffled with the seed and dealt alternately, the first to held-out.
 */
export function splitPairs(pairs: Pair[]): { tuning: Pair[]; heldout: Pair[] } {
  const r = seededRandom(PAIRS_SEED + 1);
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) {
    const k = `${p.category}|${p.polarity}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const tuning: Pair[] = [];
  const heldout: Pair[] = [];
  for (const g of groups.values()) {
    const order = g.map((p) => [r(), p] as const).sort((a, b) => a[0] - b[0]);
    order.forEach(([, p], i) => (i % 2 === 0 ? heldout : tuning).push(p));
  }
  const byId = (a: Pair, b: Pair) => a.id.localeCompare(b.id);
  return { tuning: tuning.sort(byId), heldout: heldout.sort(byId) };
}

const COLUMNS = ['id', 'category', 'polarity', 'schema', 'name1', 'name2', 'note'] as const;
const field = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Pairs as the CSV text of eval/pairs/ (header line, quoted where needed, final newline). */
export const pairsCsv = (pairs: Pair[]): string =>
  [COLUMNS.join(','), ...pairs.map((p) => COLUMNS.map((c) => field(p[c])).join(','))].join('\n') +
  '\n';
