/**
 * @module
 * Names in any script → tokens with their Latin spellings, the input of name matching.
 *
 * The steps, and why:
 * 1. Unicode NFKC (fullwidth letters, ligatures and presentation forms become plain letters);
 *    control characters (tab, newline, NUL…) separate words like spaces, since in list data they
 *    stand where a space or a lost character was; format characters (soft hyphen, zero-width and
 *    bidi marks) are dropped, since they sit inside words. Input beyond
 *    {@link MAX_NAME_LENGTH} characters is ignored: no real name is that long, and the cut keeps
 *    hostile input cheap.
 * 2. Words are runs of letters, marks and digits; everything else separates them, including
 *    hyphens ("Jong-un" → jong, un), dots ("V.V." → v, v), apostrophes between words,
 *    quotes, commas and parentheses; an apostrophe inside a word joins it (Sa'id → said, So'ng →
 *    song, O'Brien → obrien). The matcher rejoins adjacent tokens ("Jongun"), so tokens are
 *    kept small; word order is left alone ("PUTIN, Vladimir").
 * 3. A word is cut into runs of one script, each transliterated its own way: Latin by stripping
 *    diacritics (with umlaut and háček spellings as extra forms), Cyrillic and Greek with their
 *    transliteration variants, Arabic with a table of common names, Hangul and Han one token per
 *    syllable with Revised and McCune–Reischauer spellings and Sino-Korean readings, Burmese per
 *    syllable, Hebrew vocalised, Khmer, Thai, Georgian, Armenian and kana by their own tables
 *    (see each module), the rest through any-ascii. Digits of any script become ASCII digits.
 * 4. Tokens are classified (see {@link TokenKind}): digits are numbers, single letters initials,
 *    then titles, particles and legal forms by word list; legal forms of several words ("joint
 *    stock company", "S.A.") are marked over the whole token sequence.
 *
 * Tokens are cached per distinct word (lower-cased), so a list of 150,000 names, which repeats
 * its words, costs a few microseconds a name. Cached tokens are frozen and shared.
 */
import anyAscii from 'any-ascii';
import { arabicTokens } from './arabic.ts';
import { armenianTokens } from './armenian.ts';
import { burmeseTokens } from './burmese.ts';
import { cyrillicForms } from './cyrillic.ts';
import { georgianTokens } from './georgian.ts';
import { greekForms } from './greek.ts';
import { hanTokens } from './han.ts';
import { hangulTokens } from './hangul.ts';
import { hebrewTokens, prepareHebrew } from './hebrew.ts';
import { kanaTokens } from './kana.ts';
import { khmerTokens } from './khmer.ts';
import { latinForms } from './latin.ts';
import { asciiKey, makeToken, withKind, type NameToken, type TokenKind } from './nameToken.ts';
import { DOTTED_TITLES, HYPHEN_ARTICLES, LEGAL_PHRASES, wordKind } from './nameWords.ts';
import {
  expandCompanyWord,
  LEGAL_FORM_ABBREVIATIONS,
  LEGAL_FORM_PHRASES,
  truncatedBusinessWords,
} from './companyWords.ts';
import { cjkValue, numberValue } from './numbers.ts';
import { scriptOf, type Script } from './script.ts';
import { thaiTokens } from './thai.ts';

/** Characters of a name looked at; the rest is ignored. */
export const MAX_NAME_LENGTH = 1000;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;
const DIGITS = /^[0-9]+$/;
// Digits of other scripts (Burmese ၁၂၃, Khmer ១២៣, Thai ๑๒๓, Arabic-Indic…) are the same numbers:
// written as ASCII digits they compare with the numbers of Latin names and identifiers.
const NATIVE_DIGIT = /(?![0-9])\p{Nd}/gu;
const FORMAT = /\p{Cf}/gu;
// Modifier letters used as apostrophes and for ayin/hamza (ʻ ʼ ʾ ʿ ˈ): separators like "'".
const APOSTROPHE_LETTERS = /[\u02b9-\u02bf\u02c8\u02ee]/g;
const INNER_APOSTROPHE = /(?<=[\p{L}\p{M}])['\u2018\u2019`\u02b9-\u02bf\u02c8](?=\p{L})/gu;
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
// Generic transliteration output: any-ascii's ayin/hamza and ejective marks go, the rest splits.
const MARKS = /['`]/g;
const NON_ALNUM = /[^a-z0-9]+/;

const cache = new Map<string, readonly NameToken[]>();
const CACHE_LIMIT = 60_000;

/** Splits a name (any script) into tokens with their alternative Latin spellings. */
export function tokenizeName(name: string): NameToken[] {
  if (!name) return [];
  let text = name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
  // Hebrew geresh and gershayim are apostrophes and quotes inside words: read them first.
  if (!PRINTABLE_ASCII.test(text)) text = prepareHebrew(text);
  // An apostrophe inside a word marks a lost letter or sign (Sa'id, So'ng for Sŏng, O'Brien):
  // the word stays one word.
  if (text.includes("'") || !PRINTABLE_ASCII.test(text)) text = text.replace(INNER_APOSTROPHE, '');
  if (!PRINTABLE_ASCII.test(text)) text = clean(text);
  const out: NameToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const tokens = wordTokens(m[0]);
    if (tokens.length !== 1) {
      out.push(...tokens);
      continue;
    }
    // What follows the word decides two kinds: "Gen." is a title where "Gen" may be a name, and
    // "as-Sahab" has an article where "As" alone may be a name or a legal form.
    let token = tokens[0]!;
    const next = text[WORD.lastIndex];
    if (next === '.' && DOTTED_TITLES.has(token.text)) token = withKind(token, 'title');
    else if (next === '.' && token.kind === 'word' && token.script === 'latin') {
      // "Volta River Fish. Ltd": a word cut short with a dot may be a business word; its full
      // spellings join the token's, so retrieval and comparison reach "Fisheries".
      const full = truncatedBusinessWords(token.text);
      if (full.length)
        token = makeToken(token.text, [...token.forms, ...full], token.kind, token.script);
    } else if (next && DASHES.has(next) && HYPHEN_ARTICLES.has(token.text))
      token = withKind(token, 'stop');
    out.push(token);
  }
  abbreviateLegalForms(out);
  markLegalPhrases(out);
  markNumbers(out);
  return out;
}

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FORMAT, '')
    .replace(APOSTROPHE_LETTERS, ' ')
    .replace(NATIVE_DIGIT, (d) => anyAscii(d));
}

/** The tokens of one word, from the cache or {@link computeWordTokens}. */
function wordTokens(word: string): readonly NameToken[] {
  const key = word.toLowerCase();
  let tokens = cache.get(key);
  if (!tokens) {
    tokens = Object.freeze(computeWordTokens(key));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, tokens);
  }
  return tokens;
}

function computeWordTokens(word: string): NameToken[] {
  const cjk = cjkValue(word);
  if (cjk !== undefined) {
    // A word of Chinese numerals only is a number ("YU JONG 二"), with its readings as spellings.
    const readings = [...word].length === 1 ? (hanTokens(word)[0]?.forms ?? []) : [];
    return [makeToken(String(cjk), readings, 'number', 'han')];
  }
  if (ASCII_WORD.test(word)) return [alphabetToken([word], word.length === 1, 'latin')];
  const tokens: NameToken[] = [];
  for (const [script, run] of scriptRuns(word)) tokens.push(...runTokens(script, run));
  return tokens;
}

/**
 * A word cut into runs of one script. Digits and combining marks belong to no script: they join
 * the run they stand in (or the next one at the start of a word); a word of digits only is
 * `other`.
 */
function scriptRuns(word: string): [Script, string][] {
  const runs: [Script, string][] = [];
  let script: Script | undefined;
  let start = 0;
  let i = 0;
  for (const ch of word) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s && s !== script) {
      if (script) {
        runs.push([script, word.slice(start, i)]);
        start = i;
      }
      script = s;
    }
    i += ch.length;
  }
  runs.push([script ?? 'other', word.slice(start)]);
  return runs;
}

function runTokens(script: Script, run: string): readonly NameToken[] {
  const single = [...run].length === 1;
  switch (script) {
    case 'latin':
      return [alphabetToken(latinForms(run), single, script)];
    case 'cyrillic':
      return [alphabetToken(cyrillicForms(run), single, script)];
    case 'greek':
      return [alphabetToken(greekForms(run), single, script)];
    case 'arabic':
      return arabicTokens(run);
    case 'hangul':
      return hangulTokens(run);
    case 'han':
      return hanTokens(run);
    case 'kana':
      return kanaTokens(run);
    case 'burmese':
      return burmeseTokens(run);
    case 'hebrew':
      return hebrewTokens(run);
    case 'khmer':
      return khmerTokens(run);
    case 'georgian':
      return georgianTokens(run);
    case 'armenian':
      return armenianTokens(run);
    case 'thai':
      return thaiTokens(run);
    default:
      return genericTokens(script, run);
  }
}

/** A token of an alphabetic script: its kind from its forms and the word lists. */
function alphabetToken(written: string[], singleLetter: boolean, script: Script): NameToken {
  // Business-word abbreviations ("Corp", "Intl", "Trdg") are weighed and matched as the word.
  const forms = singleLetter ? written : expandCompanyWord(written);
  const text = forms[0] ?? '';
  let kind: TokenKind;
  if (DIGITS.test(text)) kind = 'number';
  else if (singleLetter) kind = 'initial';
  else kind = wordKind(forms);
  return makeToken(text, forms, kind, script);
}

/**
 * Scripts without a module of their own (Devanagari, Ethiopic, Sinhala…): any-ascii's spelling,
 * split where it puts spaces or punctuation.
 */
function genericTokens(script: Script, run: string): NameToken[] {
  const pieces = anyAscii(run).toLowerCase().replace(MARKS, '').split(NON_ALNUM);
  const tokens: NameToken[] = [];
  for (const piece of pieces) {
    const text = asciiKey(piece);
    if (!text) continue;
    const kind: TokenKind = DIGITS.test(text)
      ? 'number'
      : script === 'other'
        ? wordKind([text])
        : 'word';
    tokens.push(makeToken(text, [text], kind, script));
  }
  return tokens;
}

/**
 * Legal forms spelled out ("besloten vennootschap", "obshchestvo s ogranichennoy
 * otvetstvennostyu") become their abbreviation's tokens ("bv", "ooo"), in place; see
 * LEGAL_FORM_ABBREVIATIONS. Words are compared by any of their spellings ("limited" is spelled
 * out from "ltd" already).
 */
function abbreviateLegalForms(tokens: NameToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const phrases = LEGAL_FORM_PHRASES.get(tokens[i]!.text);
    if (!phrases) continue;
    for (const phrase of phrases) {
      const end = i + phrase.length;
      if (end > tokens.length || !phrase.every((w, k) => tokens[i + k]!.forms.includes(w)))
        continue;
      const abbreviation = LEGAL_FORM_ABBREVIATIONS.get(phrase.join(' '))!;
      const words = abbreviation
        .split(' ')
        .map((w) => makeToken(w, [w], 'legal', tokens[i]!.script));
      tokens.splice(i, phrase.length, ...words);
      i += words.length - 1;
      break;
    }
  }
}

/**
 * Numbers written as Roman numerals, words or with leading zeros become number tokens of their
 * value, in place, keeping the written form as a spelling ("YU JONG II" → yu, jong, 2|ii); see
 * {@link numberValue} for why position matters.
 */
function markNumbers(tokens: NameToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A particle stands before a name part, so a last word is no particle: "SEA FALCON TEN" ends
    // with a number, though "ten" is a Dutch particle ("ten Brink").
    const last = i === tokens.length - 1 && i > 0;
    if (t.kind !== 'word' && t.kind !== 'number' && !(last && t.kind === 'stop')) continue;
    const value = numberValue(t.text, i);
    if (value === undefined || (value === t.text && t.kind === 'number')) continue;
    tokens[i] = makeToken(value, t.forms, 'number', t.script);
  }
}

/**
 * Marks legal forms of several words ("joint stock company", "sdn bhd", "s a") as `legal`, in
 * place. Forms made of single letters only ("S.A.", "L.L.C.", "A/S") count only at the end of
 * the name, where legal forms stand; elsewhere they are a person's initials.
 */
function markLegalPhrases(tokens: NameToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const phrases = LEGAL_PHRASES.get(tokens[i]!.text);
    if (!phrases) continue;
    for (const phrase of phrases) {
      const end = i + phrase.length;
      if (end > tokens.length) continue;
      if (!phrase.every((w, k) => tokens[i + k]!.text === w)) continue;
      if (end !== tokens.length && phrase.every((w) => w.length === 1)) continue;
      for (let k = i; k < end; k++) tokens[k] = withKind(tokens[k]!, 'legal');
      i = end - 1;
      break;
    }
  }
}
