/**
 * @module
 * How OFAC's Sanctions List Search reads a name before scoring it, as far as the recorded scores
 * show (see `parity.test.ts`): upper case; apostrophes and full stops vanish ("O'BRIEN" → OBRIEN,
 * "J.P." → JP); every other non-alphanumeric character, the comma of "SURNAME, Given" included,
 * separates parts ("BASHIR-UD-DIN" → BASHIR UD DIN). Letters of other scripts are kept as they are:
 * the tool does not transliterate, so "Владимир Путин" finds nothing, and nor does this emulation.
 * Accents are dropped ("Vladímír" → VLADIMIR): the recorded scores say nothing about them, the list
 * writes names in plain ASCII, and dropping them can only find more, which is the safe side.
 */

/** A name read the OFAC way, ready to be scored many times. */
export interface OfacName {
  /** The name as given. */
  readonly raw: string;
  /** Its parts, upper-cased and stripped, in their written order (the list's SURNAME first). */
  readonly parts: readonly string[];
  /** The parts run together with no spaces: what the whole-string technique compares. */
  readonly joined: string;
  /**
   * The parts a query is scored with: those of 3 characters or more (OFAC drops "UN" from "KIM
   * JONG UN"), or all of them when every part is that short ("Z" is still searched).
   */
  readonly searchParts: readonly string[];
}

/** Combining marks left by NFD decomposition: the accents. */
const MARKS = /\p{M}+/gu;
/** Characters removed outright; joining, not splitting, is what the tool's scores show for them. */
const JOINERS = /['’‘`.]/gu;
/** Runs of anything but letters and digits: part separators. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Longest part the tool ignores in a query (FAQ-undocumented; "KIM JONG UN" scores as KIM JONG). */
export const SHORT_PART = 2;

/** Reads `name` as OFAC's tool does. */
export function prepareOfacName(name: string): OfacName {
  const parts = name
    .normalize('NFD')
    .replace(MARKS, '')
    .toUpperCase()
    .replace(JOINERS, '')
    .split(SEPARATORS)
    .filter((p) => p.length > 0);
  const long = parts.filter((p) => p.length > SHORT_PART);
  return {
    raw: name,
    parts,
    joined: parts.join(''),
    searchParts: long.length > 0 ? long : parts,
  };
}
