/**
 * @module
 * Lookup keys for a token form. A query form reaches a list token through any shared key:
 * the form itself, its phonetic keys (sound-alike spellings), its consonant skeleton (names
 * transliterated from Arabic or Hebrew, which write no short vowels) and its deletion
 * neighbourhood (one typo: a letter dropped, added, changed or two swapped).
 */
import { phoneticKeys, skeleton } from '../../normalize/index.ts';

/** Forms shorter than this get no deletion keys: a one-letter edit of a short token is another name. */
export const MIN_DELETE_LENGTH = 5;

/** Every string obtained by deleting one character (SymSpell's distance-1 neighbourhood). */
export function deletes(form: string): string[] {
  if (form.length < MIN_DELETE_LENGTH) return [];
  const out: string[] = [];
  for (let i = 0; i < form.length; i++) {
    const d = form.slice(0, i) + form.slice(i + 1);
    if (d !== out[out.length - 1]) out.push(d);
  }
  return out;
}

/** Forms remembered by each cache; past it the cache starts over, so memory stays bounded. */
const CACHE_LIMIT = 60_000;

const phoneticCache = new Map<string, string[]>();

/** Phonetic keys of a form, cached (forms repeat a lot across names). */
export function cachedPhonetic(form: string): string[] {
  let keys = phoneticCache.get(form);
  if (!keys) {
    keys = form.length >= 2 && !/^\d+$/.test(form) ? phoneticKeys(form) : [];
    if (phoneticCache.size >= CACHE_LIMIT) phoneticCache.clear();
    phoneticCache.set(form, keys);
  }
  return keys;
}

const skeletonCache = new Map<string, string>();

/** Consonant skeleton of a form, cached; '' when too short to be telling. */
export function cachedSkeleton(form: string): string {
  let s = skeletonCache.get(form);
  if (s === undefined) {
    s = skeleton(form);
    if (s.length < 2) s = '';
    if (skeletonCache.size >= CACHE_LIMIT) skeletonCache.clear();
    skeletonCache.set(form, s);
  }
  return s;
}

/**
 * Spellings one slip away from a short form (three or four letters, which get no deletion keys):
 * two neighbouring letters swapped ("hea" → "hae"), a letter doubled ("kim" → "kimm") or a
 * doubled one written once. Retrieval looks them up as written, so a short token's typo reaches
 * the list token the scorer will pair it with.
 */
export function shortSlips(form: string): string[] {
  if (form.length < 3 || form.length >= MIN_DELETE_LENGTH) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < form.length; i++) {
    if (form[i] !== form[i + 1])
      out.add(form.slice(0, i) + form[i + 1] + form[i] + form.slice(i + 2));
    else out.add(form.slice(0, i) + form.slice(i + 1));
  }
  for (let i = 0; i < form.length; i++) out.add(form.slice(0, i + 1) + form.slice(i));
  out.delete(form);
  return [...out];
}
