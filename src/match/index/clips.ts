/**
 * @module
 * Retrieval of the full given names a short form is clipped from (normalize's `clippedFrom`:
 * Sveta → SVETLANA, Mide → OLUMIDE, Concha → CONCEPCION). A query naming a person by a short form
 * and a surname shared by many listed people ("Sveta Savchenko") must still reach the one whose
 * given name the short form is cut from; the surname alone ranks her among the others, below
 * names that match a typo of the short form. The scorer credits the clip only beside a part that
 * agrees (see the aligner); here it only brings the candidate in.
 *
 * The vocabulary's forms are filed under three-letter keys (`fullNameKeys`) on the first lookup,
 * not when the index is built or loaded: a process that screens nothing pays nothing, and the
 * stored index keeps its layout.
 */
import { clippedFrom, fullNameKeys, shortFormKeys, STRONG_CLIP } from '../../normalize/index.ts';
import type { CandidateIndex } from './build.ts';

/** Longest query form looked up as a short form: pet forms are short (Seryozha has eight). */
export const MAX_SHORT_FORM = 8;
/** Longest vocabulary form filed as a full name. */
const MAX_FULL_NAME = 16;

/** Forms filed under a key, at most: a key shared by more (Moha-, Abdu-) is not looked through. */
const MAX_BUCKET = 96;
/** A key's forms, or null once it holds more than MAX_BUCKET. */
type Buckets = Map<string, number[] | null>;
const keysByIndex = new WeakMap<CandidateIndex, Buckets>();

function fullNames(index: CandidateIndex): Buckets {
  let keys = keysByIndex.get(index);
  if (keys) return keys;
  keys = new Map();
  const forms = index.vocab.forms;
  for (let id = 0; id < forms.length; id++) {
    const f = forms[id]!;
    if (f.length > MAX_FULL_NAME) continue;
    for (const k of fullNameKeys(f)) {
      const ids: number[] | null | undefined = keys.get(k);
      if (ids === undefined) keys.set(k, [id]);
      else if (ids === null || ids[ids.length - 1] === id) continue;
      else if (ids.length >= MAX_BUCKET) keys.set(k, null);
      else ids.push(id);
    }
  }
  keysByIndex.set(index, keys);
  return keys;
}

/**
 * Full names one short form may stand for, at most: a stem cut from more list names than this
 * tells none of them apart, and bringing them all in would crowd out the names the rest of the
 * query finds.
 */
const MAX_TARGETS = 24;

/**
 * Vocabulary ids of the forms `form` is a strong clip of: none for long forms, or for a stem
 * shared by too many names. A form the lists hold as written is looked up too: the lists write
 * short forms as names of their own (SVETA in another name than Svetlana SAVCHENKO's).
 */
export function clipTargets(index: CandidateIndex, form: string): number[] {
  if (form.length < 4 || form.length > MAX_SHORT_FORM) return [];
  const keys = fullNames(index);
  const forms = index.vocab.forms;
  const out: number[] = [];
  for (const k of shortFormKeys(form))
    for (const id of keys.get(k) ?? []) {
      const full = forms[id]!;
      if (!out.includes(id) && clippedFrom(form, full) === STRONG_CLIP) out.push(id);
    }
  return out.length > MAX_TARGETS ? [] : out;
}
