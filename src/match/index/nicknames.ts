/**
 * @module
 * Short forms of a name written in another language's spelling of it: "Alex" for ALEKSANDR,
 * "Mike" for MIKHAIL, "Fred" for FRIEDRICH. The vendored nicknames table (normalize's
 * `nameVariants`, the carltonnorthern/nicknames dataset) relates Alex to Alexander, not to the
 * Russian romanisation a list writes; here a name related in the table that is the same name
 * spelled otherwise (same first two letters, a shared phonetic key or the same consonant skeleton,
 * both at least {@link MIN_SPELLED_LENGTH} letters) carries the relation over. One hop of
 * spelling only: the table's relations are not chained, and short names' keys collide too
 * much (Paul/Pavel are both PL) to be trusted.
 */
import { nameVariants, tableGivenNames } from '../../normalize/index.ts';
import { cachedPhonetic, cachedSkeleton } from './keys.ts';

/**
 * Names shorter than this are not carried to another spelling: their phonetic keys and
 * skeletons are shared by unrelated names.
 */
export const MIN_SPELLED_LENGTH = 5;

/**
 * Score (and retrieval similarity) of a short form against another spelling of its full name: a
 * step below the table's own relations (0.9), as the spelling is inferred, not listed.
 */
export const SPELLED_NICKNAME_SCORE = 0.85;

/** Whether two forms are the same name spelled otherwise (Alexander/Aleksandr, Michael/Mikhail). */
export function spelledAlike(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_SPELLED_LENGTH || b.length < MIN_SPELLED_LENGTH) return false;
  // The same opening letters: keys alone make different names alike (Rupert and Robert are both
  // RPRT), and the table relates Roger to Rupert, so Roger would be Robert.
  if (a[0] !== b[0] || a[1] !== b[1]) return false;
  const sa = cachedSkeleton(a);
  if (sa.length >= 3 && sa === cachedSkeleton(b)) return true;
  const kb = cachedPhonetic(b);
  for (const k of cachedPhonetic(a)) if (k.length >= 3 && kb.includes(k)) return true;
  return false;
}

/**
 * Whether one form is a diminutive or short form, in the table, of a name the other form is a
 * spelling of (Alex → Alexander ≈ Aleksandr), either way round. Direct relations of the table
 * (Alex/Alexander) are not this: `areNameVariants` answers those.
 */
export function nicknameOfSpelling(a: string, b: string): boolean {
  return viaSpelling(a, b) || viaSpelling(b, a);
}

function viaSpelling(short: string, other: string): boolean {
  const related = nameVariants(short);
  if (!related || other.length < MIN_SPELLED_LENGTH) return false;
  for (const n of related) if (n !== other && spelledAlike(n, other)) return true;
  return false;
}

let byKey: Map<string, string[]> | undefined;

/** The table's names long enough to carry over, by each of their phonetic keys and skeleton. */
function tableKeys(): Map<string, string[]> {
  if (byKey) return byKey;
  byKey = new Map();
  const add = (key: string, name: string) => {
    let names = byKey!.get(key);
    if (!names) byKey!.set(key, (names = []));
    names.push(name);
  };
  for (const name of tableGivenNames()) {
    if (name.length < MIN_SPELLED_LENGTH) continue;
    for (const k of new Set(cachedPhonetic(name))) if (k.length >= 3) add(`p:${k}`, name);
    const s = cachedSkeleton(name);
    if (s.length >= 3) add(`s:${s}`, name);
  }
  return byKey;
}

/**
 * Table names spelled like a form (Aleksandr → alexander), whose short forms a list may carry:
 * retrieval looks those short forms up as written.
 */
export function tableNamesSpelledLike(form: string): readonly string[] {
  if (form.length < MIN_SPELLED_LENGTH) return [];
  const keys = tableKeys();
  const out: string[] = [];
  const consider = (n: string) => {
    if (n !== form && !out.includes(n) && spelledAlike(n, form)) out.push(n);
  };
  for (const k of cachedPhonetic(form)) for (const n of keys.get(`p:${k}`) ?? []) consider(n);
  const s = cachedSkeleton(form);
  for (const n of keys.get(`s:${s}`) ?? []) consider(n);
  return out;
}
