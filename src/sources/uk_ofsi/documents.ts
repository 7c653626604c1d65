/**
 * @module
 * Identity-document numbers pulled out of OFSI's free-text "Passport Details" and "NI Number"
 * cells, e.g. "(1) K929139 (Tunisian). Issued on 14 Feb 1995. Expired on 13 Feb 2000. (2) 00319547
 * (Tunisian) Issued on 8 December 1994." → K929139 (tn), 00319547 (tn). The cell text itself is
 * kept verbatim in each document's summary, so a number read wrongly is never the only record.
 */
import { resolveCountry } from './nations.ts';

/** One document number found in a cell. */
export interface FoundDocument {
  number: string;
  kind: 'passport' | 'national-id' | 'tax';
  /** ISO code of the issuing country when the text names it next to the number. */
  country?: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// Dates and years are removed before looking for numbers: "Issued 12.3.2008", "on 2 Sept 1989",
// "(2000-2001)", "born in 1965". Each is replaced by spaces of the same length. Day and month
// are bounded so that military numbers such as "1-64-86-22311-29" are not taken for dates.
const DATES = [
  /(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])([./])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d./-]\d)/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{2,4}\\b`, 'gi'),
  new RegExp(`\\b${MONTH},? \\d{4}\\b`, 'gi'),
  /(?<![\w/.-])(?:19|20)\d{2}-(?:19|20)\d{2}(?![\w/-])/g,
  /(?<![\w/.-])(?:19|20)\d{2}(?![\w/-])/g,
];
// Not document numbers: a visa, issue or reference number; a spreadsheet's "2.81083E+11".
const OTHER_NUMBERS =
  /\b(?:visa|issue number|reference)\b\s*(?:no\.?|number)?\s*:?\s*\S+|\b\d+\.\d+E\+\d+\b/gi;
// Italian fiscal codes (codice fiscale), sometimes written in groups: "JMM MDI 68A25 Z352D".
const FISCAL_CODE = /\b[A-Z]{3} ?[A-Z]{3} ?\d{2}[A-Z]\d{2} ?[A-Z]\d{3}[A-Z]\b/g;
// "(1)", "(a)", "a)", "(A)": the list markers that separate documents.
const MARKER = /\(\s*(?:\d{1,2}|[a-zA-Z])\s*\)|(?<![\w(])[a-hA-H]\)/g;
// A number: optional short upper-case series ("L 191609", "OR 1961825", "TR-P 614 166"; not a
// label such as "SSN" or "NIC"), then a token holding a digit ("AAISO40158", "TR-M842033",
// "x599070", "B/001897"), then groups that start with a digit ("842 781", "911- 10-77").
const NUMBER =
  /(?<![\w/-])(?:(?!(?:SSN|NIC|ID|NI|NO)\b)[A-Z]{1,4}(?:-[A-Z]{1,2})? )?(?:[A-Z]{0,6}(?:-[A-Z]{1,6})?|[a-z])[/-]?\d[\dA-Z/.-]*(?: \d[\dA-Z/.-]*)*/g;
// Sentence breaks, but not the full stop of "passport no. K475336".
const SENTENCE = /(?<!\bno)\.\s/i;
// Short forms that name a country in these cells; other words of three letters or fewer ("in",
// "and", "ID", "NIC") must not be read as ISO codes.
const SHORT_COUNTRIES = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'CAR']);
const LABEL_WORDS =
  /\b(?:holder of|passport|diplomatic|number|numbers|no|nat|national|identity|identification|card|id|certificate|civil|travel|document|alien|registration|personal|social|security|military|armed forces)\b/gi;

/** Passport Details: documents are passports unless the text calls them an identity card. */
export function passportNumbers(text: string): FoundDocument[] {
  return findNumbers(text, 'passport');
}

/** NI Number: national identity numbers, Italian fiscal codes as tax numbers. */
export function nationalIdNumbers(text: string): FoundDocument[] {
  return findNumbers(text, 'national-id');
}

function findNumbers(text: string, defaultKind: FoundDocument['kind']): FoundDocument[] {
  const found: FoundDocument[] = [];
  for (const m of text.matchAll(FISCAL_CODE))
    found.push({ number: m[0].replace(/ /g, ''), kind: 'tax', country: 'it' });
  let blanked = text;
  for (const re of [FISCAL_CODE, ...DATES, OTHER_NUMBERS])
    blanked = blanked.replace(re, (m) => ' '.repeat(m.length));
  const segments = splitAtMarkers(blanked);
  // "Jordanian passport numbers (1) K048787 (2) 486298": the words before the first marker
  // speak for every listed number.
  const lead = segments.length > 1 ? text.slice(0, segments[0]!.end) : '';
  for (const { start, end } of segments) {
    const matches = [...blanked.slice(start, end).matchAll(NUMBER)];
    let from = start;
    matches.forEach((m, i) => {
      const at = start + (m.index ?? 0);
      const to = at + m[0].length;
      const before = text.slice(from, at);
      from = to;
      const number = m[0].replace(/[\s./-]+$/, '');
      if ((number.match(/\d/g)?.length ?? 0) < 3) return;
      if (found.some((d) => d.number === number)) return;
      const nextAt = i + 1 < matches.length ? start + (matches[i + 1]!.index ?? 0) : end;
      const after = text.slice(to, nextAt);
      const doc: FoundDocument = { number, kind: kindOf(before, after, defaultKind) };
      const country = countryNear(before, after) ?? countryInLabel(lead);
      if (country) doc.country = country;
      found.push(doc);
    });
  }
  return found;
}

function splitAtMarkers(text: string): { start: number; end: number }[] {
  const cuts = [0];
  for (const m of text.matchAll(MARKER)) cuts.push((m.index ?? 0) + m[0].length);
  cuts.push(text.length);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push({ start: cuts[i]!, end: cuts[i + 1]! });
  return out;
}

const ID_WORDS = /identity|identification|\bNIC\b|\bID\b|tazkira|civil id/i;
const TAX_WORDS = /fiscal code|tax/i;

function kindOf(
  before: string,
  after: string,
  fallback: FoundDocument['kind'],
): FoundDocument['kind'] {
  // The label just before the number wins ("Holder of French Passport No 11CK51319"); otherwise
  // what follows it up to the end of the sentence ("W374031, Tunisian national identity number").
  const label = before.split(SENTENCE).pop() ?? '';
  if (TAX_WORDS.test(label)) return 'tax';
  if (/passport/i.test(label)) return 'passport';
  if (ID_WORDS.test(label)) return 'national-id';
  const tail = after.split(/(?<!\bno)\.\s|\(\d\)/i)[0] ?? '';
  if (TAX_WORDS.test(tail)) return 'tax';
  if (ID_WORDS.test(tail) && !/passport/i.test(tail)) return 'national-id';
  return fallback;
}

function countryNear(before: string, after: string): string | undefined {
  // "K929139 (Tunisian)", "2863795S, expires 23 Aug 2005 (Iraq)", "592667 (Qatari passport issued
  // on 3 May 2007)": a bracket soon after the number, whose first words may name the country.
  const paren = /^[^()]{0,30}?\(([^()]+)\)/.exec(after);
  const fromParen = paren ? leadingCountry(paren[1]!.split(/[,;:]/)[0]!) : undefined;
  // "Libyan passport no.", "Iraq number", "United Kingdom of Great Britain and Northern Ireland".
  return fromParen ?? countryInLabel(before.split(SENTENCE).pop() ?? '');
}

function countryInLabel(label: string): string | undefined {
  return leadingCountry(label.replace(/\([^()]*\)/g, ' '));
}

/** The country named by the first words of a phrase, once label words are set aside. */
function leadingCountry(phrase: string): string | undefined {
  const words = phrase
    .replace(LABEL_WORDS, ' ')
    .replace(/\b(?:false)\b/gi, ' ')
    .replace(/[^A-Za-z' -]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  for (let n = Math.min(words.length, 8); n > 0; n--) {
    const candidate = words.slice(0, n).join(' ');
    if (candidate.length <= 3 && !SHORT_COUNTRIES.has(candidate)) continue;
    const code = resolveCountry(candidate);
    if (code) return code;
  }
  return undefined;
}
