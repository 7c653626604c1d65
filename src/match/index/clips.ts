/**
 * @module
 * Retrieval of the full given names a short form is clipped from (normalize's `clippedFrom`:
 * Sveta → SVETLANA, Mide → OLUMIDE, Concha → CONCEPCION). A query naming a person by a short form
 * and a surname shared by many listed people ("Sveta Savchenko") must still reach the one whose
 * given name the short form is cut from; the surname alone ranks her among the others, below
 * names that match a typo of the short form. The scorer credits the clip only beside a part that
 * agrees (see the aligner); here it only brings the candidate in.
 *
 * The vocabulary's forms are filed under four-letter keys (`fullNameKeys`) on the first
 * lookup, not when the index is built or loaded: a process that screens nothing pays nothing, and
 * the stored index keeps its layout. Three-letter stems (Bor-ya, Ser-yozha) are not looked up:
 * hundreds of list words open so, and the query's other name parts find those.
 */
import {
  CLIP_KEY_SPACE,
  CLIP_SCRIPTS,
  clippedFrom,
  consonantClipKeys,
  fullNameKeys,
  isConsonantClip,
  shortFormKeys,
  STRONG_CLIP,
} from '../../normalize/index.ts';
import type { CandidateIndex } from './build.ts';

/** Longest query form looked up as a short form: pet forms are short (Seryozha has eight). */
export const MAX_SHORT_FORM = 8;
/**
 * Longest vocabulary form filed as a full name: given names are shorter (Chukwuemeka has eleven
 * letters, Konstantinos twelve); longer forms are mostly two list words joined (svetlanapetrovna).
 */
const MAX_FULL_NAME = 12;
/** Forms filed under a key, at most: a key shared by more (Moha-, Abdu-) is not looked through. */
const MAX_BUCKET = 96;

/** The vocabulary's forms by key, packed: key `k` holds `ids[start[k] .. start[k + 1])`. */
export interface ClipBuckets {
  start: Int32Array;
  ids: Int32Array;
}
const keysByIndex = new WeakMap<CandidateIndex, ClipBuckets>();

/**
 * Files every vocabulary form under its keys: their keys first, then counted and placed. The
 * stored index keeps the result ({@link adoptClipBuckets}), so a process that loads it does not
 * file the forms again on its first lookup (~45 ms CPU, a sixth of a cold `embargo screen`).
 */
export function clipBuckets(index: CandidateIndex): ClipBuckets {
  let b = keysByIndex.get(index);
  if (b) return b;
  const forms = index.vocab.forms;
  // Only the words of names in scripts that clip so: the vocabulary also holds two words joined
  // ("udaysaddam"), which would make Saddam a short form of his sons' names.
  const words = new Uint8Array(forms.length);
  index.forEachSlot((_slot, t, id) => {
    if (id >= 0 && t.kind === 'word' && CLIP_SCRIPTS.has(t.script)) words[id] = 1;
  });
  const keys = new Int32Array(4 * forms.length);
  const owner = new Int32Array(4 * forms.length);
  let n = 0;
  for (let id = 0; id < forms.length; id++) {
    const f = forms[id]!;
    if (words[id] === 0 || f.length > MAX_FULL_NAME) continue;
    const added = fullNameKeys(f, keys, n);
    owner.fill(id, n, n + added);
    n += added;
  }
  const start = new Int32Array(2 * CLIP_KEY_SPACE + 1);
  for (let x = 0; x < n; x++) start[keys[x]! + 1]!++;
  for (let k = 0; k < 2 * CLIP_KEY_SPACE; k++) start[k + 1]! += start[k]!;
  const ids = new Int32Array(n);
  const fill = start.slice(0, 2 * CLIP_KEY_SPACE);
  for (let x = 0; x < n; x++) ids[fill[keys[x]!]!++] = owner[x]!;
  b = { start, ids };
  keysByIndex.set(index, b);
  return b;
}

/**
 * Gives `index` the buckets its stored form kept, checked for their shape: a loaded index does not
 * file its forms again.
 */
export function adoptClipBuckets(index: CandidateIndex, b: ClipBuckets): void {
  const n = b.start[b.start.length - 1];
  if (b.start.length !== 2 * CLIP_KEY_SPACE + 1 || n !== b.ids.length)
    throw new Error('stored index: short-form keys do not match their forms');
  keysByIndex.set(index, b);
}

/**
 * Full names one short form may stand for, at most: a stem cut from more list names than this
 * tells none of them apart, and bringing them all in would crowd out the names the rest of the
 * query finds.
 */
const MAX_TARGETS = 24;

/**
 * Vocabulary ids of the forms `form` is a strong clip of, or a consonant clip of (Dima →
 * DMITRIY): none for long forms, or for a stem shared by too many names. A form the lists hold as written is looked up too: the lists write
 * short forms as names of their own (SVETA in another name than Svetlana SAVCHENKO's).
 */
export function clipTargets(index: CandidateIndex, form: string): number[] {
  if (form.length < 4 || form.length > MAX_SHORT_FORM) return [];
  const { start, ids } = clipBuckets(index);
  const forms = index.vocab.forms;
  const out: number[] = [];
  for (const k of shortFormKeys(form)) {
    if (start[k + 1]! - start[k]! > MAX_BUCKET) continue;
    for (let x = start[k]!; x < start[k + 1]!; x++) {
      const id = ids[x]!;
      if (!out.includes(id) && clippedFrom(form, forms[id]!) === STRONG_CLIP) out.push(id);
    }
  }
  // Names it is a consonant clip of (Dima → DMITRIY, DMYTRO): their front keys are one run, and
  // so one slice of the packed ids. The scorer credits these only beside a part spelled the same.
  const run = consonantClipKeys(form);
  if (run && start[run[1] + 1]! - start[run[0]]! <= MAX_BUCKET)
    for (let x = start[run[0]]!; x < start[run[1] + 1]!; x++) {
      const id = ids[x]!;
      if (!out.includes(id) && isConsonantClip(form, forms[id]!)) out.push(id);
    }
  return out.length > MAX_TARGETS ? [] : out;
}
