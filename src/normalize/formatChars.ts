/**
 * @module
 * Invisible characters (Unicode category Cf: zero-width space and joiners, word joiner, soft
 * hyphen, byte order mark, bidi controls) in a screened name. They change nothing a reader sees,
 * so a name carrying them must match as the name it shows (issue 11, point 5): `Kim\u200bJong\u200bUn`
 * shows "KimJongUn" and was meant as "Kim Jong Un"; `\u202enU gnoJ miK` shows "Kim Jong Un".
 *
 * {@link tokenizeName} drops them, which is right inside a word (a soft hyphen in "Schwarzen­egger",
 * a joiner in a Persian or Indic word). A query name holding them is also screened in two more
 * readings, so the evasion finds no gap between them:
 * - with each run of them read as a space, since put between the words of a name they hide the
 *   word breaks and a name run together matches nothing;
 * - in display order: what a right-to-left override (U+202E, up to its U+202C or the end)
 *   encloses is shown reversed, so it is read reversed. Only overrides reorder Latin letters (an
 *   embedding or isolate leaves their order alone), so only they are applied; the logical string
 *   is screened as well, since that is what a program copying the name would see.
 * Listed names go through the same tokenizer, which drops the characters, and are not reordered:
 * list publishers do not hide names, and the query side covers both readings.
 */

const FORMAT_RUN = /\p{Cf}+/gu;
const HAS_FORMAT = /\p{Cf}/u;
const RLO = 0x202e;
const LRO = 0x202d;
const RLE = 0x202b;
const LRE = 0x202a;
const PDF = 0x202c;
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);
const PDI = 0x2069;

/** True when `text` holds a format (Cf) character. */
export function hasFormatCharacters(text: string): boolean {
  return HAS_FORMAT.test(text);
}

/**
 * `text` as displayed where right-to-left overrides reorder it: each run of characters under an
 * innermost RLO is reversed (by grapheme, so accents stay on their letters). Controls are kept
 * in place; the tokenizer drops them.
 */
export function displayOrder(text: string): string {
  if (!text.includes('\u202e')) return text;
  const stack: ('rlo' | 'lro' | 'embedding' | 'isolate')[] = [];
  const reversed = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i] === 'rlo') return true;
      if (stack[i] === 'lro') return false;
    }
    return false;
  };
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    out.push(...run.reverse());
    run = [];
  };
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const c = segment.codePointAt(0)!;
    if (c === RLO || c === LRO || c === RLE || c === LRE || ISOLATES.has(c)) {
      flush();
      out.push(segment);
      stack.push(c === RLO ? 'rlo' : c === LRO ? 'lro' : ISOLATES.has(c) ? 'isolate' : 'embedding');
    } else if (c === PDF || c === PDI) {
      flush();
      out.push(segment);
      if (c === PDI) {
        const at = stack.lastIndexOf('isolate');
        if (at >= 0) stack.length = at;
      } else if (stack.length && stack[stack.length - 1] !== 'isolate') stack.pop();
    } else if (reversed()) run.push(segment);
    else {
      flush();
      out.push(segment);
    }
  }
  flush();
  return out.join('');
}

/**
 * The readings of a query name to screen: the name itself, then, when it holds format
 * characters, the name with them read as spaces and the name in display order (see the module
 * comment). Distinct readings only; the name itself always first.
 */
export function nameReadings(text: string): string[] {
  if (!hasFormatCharacters(text)) return [text];
  const readings = [text];
  const add = (s: string) => {
    if (!readings.includes(s)) readings.push(s);
  };
  add(text.replace(FORMAT_RUN, ' '));
  const shown = displayOrder(text);
  if (shown !== text) add(shown);
  return readings;
}
