/**
 * @module
 * Variants of a listed name as customers and clerks write them: tokens reordered, a typo, the
 * middle name dropped, a different romanisation. Generated with a fixed seed so every run of the
 * harness screens the same variants.
 */

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Kinds of variant generated. */
export type VariantKind = 'reordered' | 'typo' | 'middle-dropped' | 're-romanised';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Spelling alternations between romanisation conventions (Arabic, Persian, Pashto, Russian,
 * Korean names in Latin letters). Applied one at a time, left to right, where they occur.
 */
const ROMANISATIONS: [RegExp, string][] = [
  [/ou/, 'u'],
  [/oo/, 'u'],
  [/ee/, 'i'],
  [/kh/, 'h'],
  [/q/, 'k'],
  [/dh/, 'z'],
  [/mm/, 'm'],
  [/ph/, 'f'],
  [/ai/, 'ay'],
  [/y/, 'i'],
  [/ch/, 'sh'],
  [/w/, 'v'],
  [/j/, 'dj'],
  [/u/, 'o'],
  [/e/, 'a'],
];

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** Token order changed (last token first, as in "SURNAME Given"). */
export function reorder(name: string): string | undefined {
  const w = words(name);
  if (w.length < 2) return undefined;
  return [w[w.length - 1]!, ...w.slice(0, -1)].join(' ');
}

/** One typo (substitution, deletion, insertion or transposition) in a token of 5+ letters. */
export function typo(name: string, rand: () => number): string | undefined {
  const w = words(name);
  const long = w.map((t, i) => [t, i] as const).filter(([t]) => t.length >= 5);
  if (!long.length) return undefined;
  const [tok, idx] = long[Math.floor(rand() * long.length)]!;
  const p = 1 + Math.floor(rand() * (tok.length - 2));
  const c = ALPHABET[Math.floor(rand() * 26)]!;
  const kind = Math.floor(rand() * 4);
  const edited =
    kind === 0
      ? tok.slice(0, p) + c + tok.slice(p + 1)
      : kind === 1
        ? tok.slice(0, p) + tok.slice(p + 1)
        : kind === 2
          ? tok.slice(0, p) + c + tok.slice(p)
          : tok.slice(0, p) + tok[p + 1]! + tok[p]! + tok.slice(p + 2);
  if (edited.toLowerCase() === tok.toLowerCase()) return undefined;
  w[idx] = edited;
  return w.join(' ');
}

/** A middle token dropped from a name of three or more tokens. */
export function dropMiddle(name: string, rand: () => number): string | undefined {
  const w = words(name);
  if (w.length < 3) return undefined;
  const i = 1 + Math.floor(rand() * (w.length - 2));
  return [...w.slice(0, i), ...w.slice(i + 1)].join(' ');
}

/** One romanisation alternation applied to one token where a rule fits. */
export function reRomanise(name: string, rand: () => number): string | undefined {
  const w = words(name);
  const order = w.map((_, i) => i).sort(() => rand() - 0.5);
  for (const i of order) {
    const lower = w[i]!.toLowerCase();
    for (const [re, to] of ROMANISATIONS) {
      if (re.test(lower)) {
        w[i] = lower.replace(re, to).toUpperCase();
        return w.join(' ');
      }
    }
  }
  return undefined;
}

/** All variants of one name, each with its kind. */
export function variantsOf(
  name: string,
  rand: () => number,
): { kind: VariantKind; name: string }[] {
  const out: { kind: VariantKind; name: string }[] = [];
  const push = (kind: VariantKind, v: string | undefined) => {
    if (v && v !== name) out.push({ kind, name: v });
  };
  push('reordered', reorder(name));
  push('typo', typo(name, rand));
  push('middle-dropped', dropMiddle(name, rand));
  push('re-romanised', reRomanise(name, rand));
  return out;
}
