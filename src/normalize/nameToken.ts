/**
 * @module
 * The token a name is split into, shared by the tokenizer and its script-specific helpers.
 */
import type { Script } from './script.ts';

/**
 * What a token is, so the matcher can weigh it: `word` a name part; `title` an honorific or rank
 * (Mr, Dr, Sheikh, General); `legal` a legal form or generic company word (LLC, Ltd, Trading);
 * `stop` a connector or particle (of, the, bin, al, von); `initial` a single letter; `number`
 * digits only.
 */
export type TokenKind = 'word' | 'title' | 'legal' | 'stop' | 'initial' | 'number';

/** One token of a name, with every Latin spelling it may be written as. */
export interface NameToken {
  /** Primary form: lower-case ASCII letters/digits only, no spaces. */
  text: string;
  /** Every Latin spelling this token may be written as, `text` first; lower-case ASCII. */
  forms: string[];
  kind: TokenKind;
  /** Script the token was written in. */
  script: Script;
}

/** Keeps lower-case ASCII letters and digits only. */
export function asciiKey(s: string): string {
  return s.toLowerCase().replace(NON_KEY, '');
}
const NON_KEY = /[^a-z0-9]+/g;

/**
 * A frozen token: tokens are cached per raw word and shared between the names that contain it,
 * so nobody may change one in place. `forms` is deduplicated, emptied of '' and starts with
 * `text`.
 */
export function makeToken(
  text: string,
  forms: readonly string[],
  kind: TokenKind,
  script: Script,
): NameToken {
  const all = [text];
  for (const f of forms) if (f && !all.includes(f)) all.push(f);
  return Object.freeze({ text, forms: Object.freeze(all) as string[], kind, script });
}

/** The same token with another kind (the original is frozen and shared). */
export function withKind(token: NameToken, kind: TokenKind): NameToken {
  return token.kind === kind ? token : Object.freeze({ ...token, kind });
}
