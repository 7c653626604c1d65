/**
 * @module
 * East Slavic pet forms made by templatic truncation: the full name is cut down to one open
 * syllable of it, a consonant and its vowel, and a pet suffix is put on (Sa-sha from
 * Alek-sa-ndr, Lyo-sha from A-le-ksey, Ta-nya from Ta-tya-na, Va-nya from I-va-n, Pe-tya from
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
 *   kept is a later one of a name that opens on a vowel alone, the last before a cluster that the
 *   truncation cuts off (A-leksa|ndr, A-le|ksey), or a first one opening on two consonants
 *   (Gri-sha, Grigoriy). A first syllable of one consonant and a vowel is not credited: Masha is
 *   cut from Mariya, and as easily from Marina and Margarita, her sisters' names (the same risk
 *   as the two-letter clips).
 * - `-ya`/`-a` after a consonant the name has (the "echo" of Ta-n-ya, Va-n-ya, Pe-t-ya): that
 *   consonant closes the kept syllable or opens the one after a soft syllable (Ta-tya-n-a). The
 *   kept syllable is the first, or the second after a vowel alone (I-va-n, E-ka-terina), and
 *   opens on a consonant: Olya is cut from Olga and as easily from her brother Oleg.
 * Syllables are read as Russian divides them (a medial cluster opens the next syllable with its
 * last consonant, or a consonant and r or l); a doubled letter is one consonant; patronymics and
 * surnames made of given names (Aleksandrovich, Ivanov) are no names a pet form is cut from.
 * Measured over the Latin given-name forms of the loaded lists, these limits leave Sasha with
 * the Aleksandr forms and a few chance names, where a looser reading also met Sultan, Konstantin,
 * Valencia and Guillermo.
 *
 * The evidence is weaker than a clip of the name as written, so the matcher credits it as it
 * credits a consonant clip: only beside a part spelled the same (a sure part), never alone.
 * Vova (Vladimir), Shura (Aleksandr), Misha (Mikhail, a first syllable of one consonant) and Tolya
 * (Anatoliy, a third syllable) are out of reach of these rules; Kolya (Ni-kol-ay) is a clip. Ё is
 * written yo, jo, e or eo (Pyotr, Petr; Fyodor, Fedor).
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
    // A doubled letter is one consonant (Gennady, Abdallah): it closes no syllable.
    if (!d && cluster[cluster.length - 1] === form[i]) i++;
    else {
      cluster.push(d ?? form[i]!);
      i += d ? d.length : 1;
    }
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

/** Consonants that open a syllable before r or l (Pyo-tr, A-le-ksandr is Alek-sandr). */
const BEFORE_LIQUID = ['p', 'b', 't', 'd', 'k', 'g', 'f', 'v', 'kh'];

/**
 * The onset of the syllable after a cluster inside a name: its last consonant, or the last two
 * where they are a consonant and r or l (Gri-go, Ale-ksa, Sul-ta, Kon-stan: the s of ks and the
 * n of nst close the syllable before).
 */
function onsetOf(c: readonly string[]): string {
  const last = c[c.length - 1] ?? '';
  const before = c[c.length - 2];
  if (before && (last === 'r' || last === 'l') && BEFORE_LIQUID.includes(before))
    return before + last;
  return last;
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

/**
 * Endings of patronymics and surnames made of given names (Aleksandrovich, Nikolayevna, the
 * Belarusian Aliaksandrauna, Petrovych, Ivanov, Petrenko): such a word is another person's name,
 * not one a pet form is cut from. The short ones only after four letters (Yakov, Lev are given
 * names).
 */
const DERIVED = ['vich', 'vych', 'vna', 'ivna', 'auna', 'enko', 'chuk', 'skiy', 'sky', 'skaya'];
const DERIVED_SHORT = ['ov', 'ev', 'ova', 'eva'];

/** Whether `full` ends as a patronymic or a surname made of a given name (see DERIVED). */
function isDerived(full: string): boolean {
  for (const e of DERIVED) if (full.endsWith(e)) return true;
  for (const e of DERIVED_SHORT) if (full.endsWith(e) && full.length - e.length >= 4) return true;
  return false;
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
  // A pet form of this template has no doubled letter (Villa, Bella, Alla are names of their own).
  for (let i = 1; i < short.length; i++) if (short[i] === short[i - 1]) return false;
  if (isDerived(full)) return false;
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
  // A name that opens on a vowel and an open syllable, whose pet forms drop it (I-va-n, E-ka-terina).
  const open0 =
    f.clusters[0]!.length === 0 && 'aeiouy'.includes(full[0]!) && f.clusters[1]!.length === 1;
  const sure = onset.join('');
  for (let k = m; k < n; k++) {
    // The kept syllable: the name's vowel run k opening on the pet form's onset, and some of the
    // name after it (the pet form is cut from the name, not from its last syllable).
    if (quality(f.runs[k]!) !== vowel) continue;
    if ((k === 0 ? f.clusters[0]!.join('') : onsetOf(f.clusters[k]!)) !== sure) continue;
    // A kept opening syllable is the name's own, as written but for its vowel (A-lyo, A-le).
    if (m === 1 && (k !== 1 || !sameOpening(s, f))) continue;
    const after = f.clusters[k + 1]!;
    if (after.length === 0) continue;
    if (x === 'sh' || x === 'zh') {
      if (k > 0 && k === lastCut && open0) return true;
      if (k === 0 && onset.length >= 2 && f.clusters[0]!.length === onset.length) return true;
      continue;
    }
    // The echo: the consonant closing the kept syllable, or opening the one after a soft-sign
    // syllable (Ta-tya-n-a, Татьяна). Kept from the name's first syllable, or from its second
    // where the first is a vowel alone and the vowel is written the same (I-va-n; not Sul-ta-n,
    // Gen-na-dy, Ye-le-na for Lyonya): later syllables of a name meet a pet form by chance.
    if (k > 1 || (k === 1 && (!open0 || f.runs[1]![f.runs[1]!.length - 1] !== s.runs[m]!.at(-1))))
      continue;
    if (after.includes(x)) return true;
    const next = f.clusters[k + 2];
    const soft = k + 2 < n && after.length === 1 && SOFT_RUNS.includes(f.runs[k + 1]!);
    if (soft && next![next!.length - 1] === x) return true;
  }
  return false;
}

/**
 * Whether one of two given names is an East Slavic pet form of the other by templatic
 * truncation, either way round (Sasha/Aleksandr, Tanya/Tatyana, Vanya/Ivan, Petya/Pyotr):
 * weak evidence, for a matcher to credit beside a part spelled the same.
 */
export function isPetForm(a: string, b: string): boolean {
  if (a === b) return false;
  return petFormOf(a, b) || petFormOf(b, a);
}
