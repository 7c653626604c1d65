/**
 * @module
 * Words run together ("CARMENMARTINEZ", "DARALSALAM"): a long query token that no list name
 * holds is split into known words, the fewest that spell it, so the split name can be screened
 * beside the name as written. Split on the index's vocabulary, since letters alone cannot tell
 * where one name ends and the next begins.
 */
import { TABLE_READ_SCRIPTS, type NameToken } from '../normalize/index.ts';

/** Tokens shorter than this are not split: two known words of three letters or more make six. */
export const MIN_SPLIT_LENGTH = 6;
/** Pieces shorter than this are not words to split on ("al", "ul" are: the Arabic article). */
const MIN_PIECE = 2;
/** More pieces than this is noise, not a name run together. */
const MAX_PIECES = 4;

/**
 * The fewest known words that spell `text` (at least two), or undefined. `isWord` says whether a
 * piece is a known word.
 */
export function splitWords(text: string, isWord: (piece: string) => boolean): string[] | undefined {
  const n = text.length;
  // parts[i]: fewest pieces spelling text[0, i); from[i]: where the last of them starts.
  const parts = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  parts[0] = 0;
  for (let i = MIN_PIECE; i <= n; i++)
    for (let j = 0; j <= i - MIN_PIECE; j++) {
      if (parts[j]! + 1 >= parts[i]! || parts[j]! >= MAX_PIECES) continue;
      if (j === 0 && i === n) continue; // the whole token is not a split
      if (isWord(text.slice(j, i))) {
        parts[i] = parts[j]! + 1;
        from[i] = j;
      }
    }
  if (!Number.isFinite(parts[n])) return undefined;
  const pieces: string[] = [];
  for (let i = n; i > 0; i = from[i]!) pieces.unshift(text.slice(from[i]!, i));
  // One short piece joins a name ("dar al salam", "kim jong un"); several make any word out of
  // syllables that happen to be names ("jurado" is not "ju ra do").
  if (pieces.filter((p) => p.length < 3).length > 1) return undefined;
  return pieces;
}

/**
 * The name with each long unknown word token split into known words, as text to tokenise, or
 * undefined when no token splits. `split` is {@link splitWords} on `known`, or a memo of it.
 */
export function splitName(
  tokens: readonly NameToken[],
  known: (form: string) => boolean,
  split: (text: string) => string[] | undefined = (text) => splitWords(text, known),
): string | undefined {
  let changed = false;
  const words = tokens.map((t) => {
    if (
      t.kind !== 'word' ||
      t.text.length < MIN_SPLIT_LENGTH ||
      TABLE_READ_SCRIPTS.has(t.script) ||
      known(t.text)
    )
      return t.text;
    const pieces = split(t.text);
    if (!pieces) return t.text;
    changed = true;
    return pieces.join(' ');
  });
  return changed ? words.join(' ') : undefined;
}
