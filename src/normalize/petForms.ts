/**
 * @module
 * East Slavic pet forms made by templatic truncation: the full name is cut down to one open
 * syllable of it, a consonant and its vowel, and a pet suffix is put on (Sa-sha from
 * Alek-sa-ndr, Lyo-sha from A-le-ksey, Ta-nya from Ta-tya-na, Ko-lya from Ni-ko-lay, Pe-tya from
 * Pyo-tr). Described so by Wiktionary's entry for the Russian suffix -ша ("when added to personal
 * names, the name is normally truncated, typically down to a single syllable consisting of a
 * consonant + vowel": Алекса́(ндр) → Алекса́ша → Са́ша, Але(ксей) → Алёша, Ма(рия) → Маша), and
 * as the templatic truncation of Russian hypocoristic formation by S. Soglasnova ("Russian
 * hypocoristic formation", AATSEEL 2002, over the name dictionaries of Benson 1992 and
 * Petrovskij 1995 and the studies of Danilina 1970 and Stankiewicz 1968), set against the
 * atemplatic truncation (Yerema from Yeremey) that the clipping of `shortForms.ts` covers.
 *
 * Two kinds of suffix are read here, each only where the letters leave little room for chance:
 * - `-sha`/`-zha`: a suffix of its own, so its consonant says nothing of the name. The syllable
 *   kept is a later one, the last before a cluster that the truncation cuts off (Aleksa|ndr,
 *   Ale|ksey), or a first one opening on two consonants (Gri-sha, Grigoriy). A first syllable of
 *   one consonant and a vowel is not credited: Masha is cut from Mariya, and as easily from
 *   Marina and Margarita, her sisters' names (the same risk as the two-letter clips).
 * - `-ya`/`-a` after a consonant the name has (the "echo" of Ta-n-ya, Va-n-ya, Pe-t-ya): that
 *   consonant closes the kept syllable or opens one of the next two (Tatya-n-a). The kept
 *   syllable must open on a consonant: Olya is cut from Olga and as easily from her brother Oleg.
 *
 * The evidence is weaker than a clip of the name as written, so the matcher credits it as it
 * credits a consonant clip: only beside a part spelled the same (a sure part), never alone.
 * Vova (Vladimir), Shura (Aleksandr), Misha (Mikhail, a first syllable of one consonant) are out
 * of reach of these rules. Ё is written yo, io, e or eo (Pyotr, Piotr, Petr; Fyodor, Fedor).
 */

/** Vowel letters here: j and y are the glide of ya/yo/ja/jo romanisations. */
const VOWELS = 'aeiouyj';

/** One consonant sound written with two or four letters in romanised Russian and Ukrainian. */
const DIGRAPHS = ['shch', 'sh', 'zh', 'ch', 'kh', 'ts'];

/** A name split into consonant clusters and vowel runs, alternating, a cluster first (maybe ''). */
interface Parsed {
  /** clusters[k] comes before runs[k]; a last cluster (maybe empty) closes the name. */
  clusters: string[][];
  runs: string[];
}

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch);
}

/** Splits a lower-case ASCII name; undefined for anything else. x is read as ks (Alexei). */
function parse(form: string): Parsed | undefined {
  const clusters: string[][] = [];
  const runs: string[] = [];
  let cluster: string[] = [];
  let i = 0;
  while (i < form.length) {
    const c = form.charCodeAt(i);
    if (c < 97 || c > 122) return undefined;
    if (isVowel(form[i]!)) {
      let j = i;
      while (j < form.length && isVowel(form[j]!)) j++;
      clusters.push(cluster);
      runs.push(form.slice(i, j));
      cluster = [];
      i = j;
      continue;
    }
    if (form[i] === 'x') {
      cluster.push('k', 's');
      i++;
      continue;
    }
    const d = DIGRAPHS.find((g) => form.startsWith(g, i));
    cluster.push(d ?? form[i]!);
    i += d ? d.length : 1;
  }
  clusters.push(cluster);
  return { clusters, runs };
}

/**
 * The vowel a run is heard as, or undefined for a run that is no single vowel: glides before and
 * after it dropped (ya → a, ey → e, iy → i), and an o after y or j read as ё, which is also
 * written e (Pyotr, Petr; Lyosha from Aleksey). Diphthongs (ei, au, ao: Reina, Laura, Paola) are
 * not the vowels of these names' syllables: a pet form is never read across one.
 */
function quality(run: string): string | undefined {
  let r = run;
  let yo = false;
  if (r.length >= 2 && 'yij'.includes(r[0]!)) {
    yo = r[0] !== 'i' && r[1] === 'o';
    r = r.slice(1);
  }
  if (r.length >= 2 && 'yij'.includes(r[r.length - 1]!)) r = r.slice(0, -1);
  if (r === 'eo') return 'e'; // Leonid, Feodor: ё written eo
  if (r.length !== 1) return undefined;
  if (r === 'j' || r === 'y') return 'i';
  return yo ? 'e' : r;
}

/**
 * The vowel of a pet form's kept syllable, which is open: one vowel, after a glide or not (Ta-,
 * Lyo-); undefined for one closed by a glide (Rei-na, Mai-ya), not a syllable cut so.
 */
function openVowel(run: string): string | undefined {
  if (run.length === 1 || (run.length === 2 && 'yij'.includes(run[0]!) && !'yij'.includes(run[1]!)))
    return quality(run);
  return undefined;
}

/** Whether cluster `c` ends with the consonants `onset`. */
function endsWith(c: readonly string[], onset: readonly string[]): boolean {
  if (onset.length > c.length) return false;
  for (let i = 0; i < onset.length; i++)
    if (c[c.length - onset.length + i] !== onset[i]) return false;
  return true;
}

/** The vowel runs of a soft-sign syllable (-тья-) as romanised. */
const SOFT_RUNS = ['ya', 'ia', 'ja'];

/** Whether the pet form's opening syllable (Alyo-sha) is the name's (Ale-ksey): its consonants,
 * its vowel, and the consonants after it. */
function sameOpening(s: Parsed, f: Parsed): boolean {
  const v = openVowel(s.runs[0]!);
  return (
    v !== undefined &&
    v === quality(f.runs[0]!) &&
    f.clusters[0]!.join('') === s.clusters[0]!.join('') &&
    f.clusters[1]!.join('') === s.clusters[1]!.join('')
  );
}

/** Shortest and longest pet form read here (Tanya; Alyosha, Natasha). */
const MIN_PET = 4;
const MAX_PET = 7;

/**
 * Whether `short` is a pet form of `full` by the templatic truncation of East Slavic names (see
 * the module comment): one direction, lower-case ASCII forms.
 */
export function petFormOf(short: string, full: string): boolean {
  // A pet form may be longer than its name (Vanya, Ivan; Petya, Petr): no length is compared.
  if (short.length < MIN_PET || short.length > MAX_PET || full.length < MIN_PET) return false;
  if (short === full || short[short.length - 1] !== 'a') return false;
  // The pet form's first letter opens a syllable of the name (x is ks: Sasha, Alexander).
  if (!full.includes(short[0]!) && !('ks'.includes(short[0]!) && full.includes('x'))) return false;
  const s = parse(short);
  const f = parse(full);
  // The kept syllable (one, or the name's opening one before it: Alyo-sha) and -(y)a after one
  // consonant: two or three vowel runs, nothing after the last.
  if (!s || !f || s.runs.length < 2 || s.runs.length > 3) return false;
  const m = s.runs.length - 2;
  const suffix = s.clusters[m + 1]!;
  if (s.clusters[m + 2]!.length !== 0 || suffix.length !== 1) return false;
  if (quality(s.runs[m + 1]!) !== 'a' || (m === 0 && s.clusters[0]!.length === 0)) return false;
  const x = suffix[0]!;
  const onset = s.clusters[m]!;
  const vowel = openVowel(s.runs[m]!);
  const n = f.runs.length;
  // A name of one syllable only with a final cluster closing on r, as Greek names lose their -os
  // in East Slavic (Pyotr, Petr from Petros): a Chinese or Korean syllable (Tang, Kang) is no
  // name cut down.
  const last = f.clusters[n]!;
  if (vowel === undefined || (n < 2 && last[last.length - 1] !== 'r')) return false;
  // The last vowel of the name before two consonants or more: where -sha truncation cuts the
  // name (Aleksa|ndr, Ale|ksey).
  let lastCut = -1;
  for (let k = 0; k < n; k++) if (f.clusters[k + 1]!.length >= 2) lastCut = k;
  for (let k = m; k < n; k++) {
    // The kept syllable: the name's vowel run k with the pet form's onset before it, and some
    // of the name after it (the pet form is cut from the name, not from its last syllable).
    if (quality(f.runs[k]!) !== vowel || !endsWith(f.clusters[k]!, onset)) continue;
    // A kept opening syllable is the name's own, as written but for its vowel (A-lyo, A-le).
    if (m === 1 && (k !== 1 || !sameOpening(s, f))) continue;
    const after = f.clusters[k + 1]!;
    if (after.length === 0) continue;
    if (x === 'sh' || x === 'zh') {
      if (k > 0 && k === lastCut) return true;
      if (k === 0 && onset.length >= 2 && f.clusters[0]!.length === onset.length) return true;
      continue;
    }
    // The echo: the consonant closing the kept syllable, or opening the one after a soft-sign
    // syllable (Ta-tya-n-a, Татьяна).
    if (after.includes(x)) return true;
    const next = f.clusters[k + 2];
    const soft = k + 2 < n && after.length === 1 && SOFT_RUNS.includes(f.runs[k + 1]!);
    if (soft && next![next!.length - 1] === x) return true;
  }
  return false;
}

/**
 * Whether one of two given names is an East Slavic pet form of the other by templatic
 * truncation, either way round (Sasha/Aleksandr, Tanya/Tatyana, Kolya/Nikolay, Petya/Pyotr):
 * weak evidence, for a matcher to credit beside a part spelled the same.
 */
export function isPetForm(a: string, b: string): boolean {
  if (a === b) return false;
  return petFormOf(a, b) || petFormOf(b, a);
}
