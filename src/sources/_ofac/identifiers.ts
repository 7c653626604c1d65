/**
 * @module
 * Identity documents and registration numbers as OFAC writes them in remarks:
 * `<label> <number>[ (<country>)][ issued <date>][ expires <date>]`, e.g.
 * `Passport 472330208 (Korea, North) expires 04 Jul 2017`. The label says what kind of number it
 * is; the table below lists the labels seen in the published files.
 */
import type { IdentificationParts } from '../_related.ts';

/** How a labelled number is filed (see `attachIdentification`). */
export type IdKind = IdentificationParts['kind'];

/** One identifier read from the remarks. */
export interface IdFact {
  kind: IdKind;
  /** The label as OFAC writes it, used as the Identification `type`. */
  type: string;
  number: string;
  /** Country name as written in the trailing parentheses. */
  country?: string;
  /** Date texts after "issued" / "expires", still to be parsed. */
  issued?: string;
  expires?: string;
}

// [label, kind]. Labels are matched at the start of a remark part (after "alt."), longest first.
const LABELS: [string, IdKind][] = [
  ['Passport', 'passport'],
  ['Passport No.:', 'passport'],
  ['Passport Booklet', 'passport'],
  ['Passport Booklet:', 'passport'],
  ['Diplomatic Passport', 'passport'],
  ['British National Overseas Passport', 'passport'],
  ['Stateless Person Passport', 'passport'],
  ['National ID No.', 'national-id'],
  ['National ID No.:', 'national-id'],
  ['Cedula No.', 'national-id'],
  ['D.N.I.', 'national-id'],
  ['C.U.R.P.', 'national-id'],
  ['C.U.R.P. #', 'national-id'],
  ['C.U.I.', 'national-id'],
  ['C.U.I.P.', 'national-id'],
  ['Personal ID Card', 'national-id'],
  ['Turkish Identification Number', 'national-id'],
  ['Numero de Identidad', 'national-id'],
  ['Kenyan ID No.', 'national-id'],
  ["Citizen's Card Number", 'national-id'],
  ['Tazkira National ID Card', 'national-id'],
  ['Credencial electoral', 'national-id'],
  ['Electoral Registry No.', 'national-id'],
  ['I.F.E.', 'national-id'],
  ['SSN', 'national-id'],
  ['National Foreign ID Number', 'national-id'],
  ['Residency Number', 'national-id'],
  ['Birth Certificate Number', 'national-id'],
  ['Identification Number', 'national-id'],
  ['Refugee ID Card', 'national-id'],
  ['Bosnian Personal ID No.', 'national-id'],
  ['Moroccan Personal ID No.', 'national-id'],
  ['CNP (Personal Numerical Code)', 'national-id'],
  ['N.I.E.', 'national-id'],
  ['UAE Identification', 'national-id'],
  ['Stateless Person ID Card', 'national-id'],
  ['Romanian Permanent Resident CAN', 'national-id'],
  ["Driver's License No.", 'other'],
  ['Cartilla de Servicio Militar Nacional', 'other'],
  ['VisaNumberID', 'other'],
  ['Military Registration Number', 'other'],
  ["Seafarer's Identification Document", 'other'],
  ['Pilot License Number', 'other'],
  ['Immigration No.', 'other'],
  ['Public Security and Immigration No.', 'other'],
  ['Travel Document Number', 'other'],
  ['SRE Permit No.', 'other'],
  ['BIK (RU)', 'other'],
  ['Tax ID No.', 'tax'],
  ['NIT #', 'tax'],
  ['RUC #', 'tax'],
  ['R.F.C.', 'tax'],
  ['R.F.C. #', 'tax'],
  ['RFC', 'tax'],
  ['V.A.T. Number', 'tax'],
  ['US FEIN', 'tax'],
  ['C.U.I.T.', 'tax'],
  ['RIF #', 'tax'],
  ['RTN', 'tax'],
  ['Paraguayan tax identification number', 'tax'],
  ['Italian Fiscal Code', 'tax'],
  ['Italian Fiscal Code:', 'tax'],
  ['Fiscal Code', 'tax'],
  ['Romanian Tax Registration', 'tax'],
  ['Numero Unico de Identificacao Tributaria (NUIT)', 'tax'],
  ['C.I.F.', 'tax'],
  ['N.I.F.', 'tax'],
  ['Registration Number', 'registration'],
  ['Registration ID', 'registration'],
  ['Business Registration Number', 'registration'],
  ['Company Number', 'registration'],
  ['UK Company Number', 'registration'],
  ['Commercial Registry Number', 'registration'],
  ['C.R. No.', 'registration'],
  ['Romanian C.R.', 'registration'],
  ['Folio Mercantil No.', 'registration'],
  ['Matricula Mercantil No', 'registration'],
  ['Government Gazette Number', 'registration'],
  ['Unified Social Credit Code (USCC)', 'registration'],
  ['United Social Credit Code Certificate (USCCC)', 'registration'],
  ['Trade License No.', 'registration'],
  ['License', 'registration'],
  ['Chamber of Commerce Number', 'registration'],
  ['Business Registration Document #', 'registration'],
  ['Central Registration System Number', 'registration'],
  ['Istanbul Chamber of Comm. No.', 'registration'],
  ['Business Number', 'registration'],
  ['Enterprise Number', 'registration'],
  ['Public Registration Number', 'registration'],
  ['Registered Charity No.', 'registration'],
  ['Dubai Chamber of Commerce Membership No.', 'registration'],
  ['Branch Unit Number', 'registration'],
  ['Permit Number', 'registration'],
  ['Certificate of Incorporation Number', 'registration'],
  ['LE Number', 'registration'],
  ['Organization Code', 'registration'],
  ['File Number', 'registration'],
  ['MSB Registration Number', 'registration'],
  ['Afghan Money Service Provider License Number', 'registration'],
  ['Tourism License No.', 'registration'],
  ['Trademark number', 'registration'],
  ['Economic Register Number (CBLS)', 'registration'],
  ['Legal Entity Number', 'registration'],
  ['Vessel Registration Identification', 'registration'],
];

interface Label {
  label: string;
  kind: IdKind;
}

// Labels grouped by first word, longest first, so each part is compared with a handful only.
const BY_FIRST_WORD = new Map<string, Label[]>();
for (const [label, kind] of LABELS) {
  const word = label.split(' ')[0]!;
  const list = BY_FIRST_WORD.get(word) ?? [];
  list.push({ label, kind });
  BY_FIRST_WORD.set(word, list);
}
for (const list of BY_FIRST_WORD.values()) list.sort((a, b) => b.label.length - a.label.length);

/** The identifier label a remark part starts with, and the text after it; undefined if none. */
export function matchIdLabel(
  part: string,
  firstWord: string,
): { label: string; kind: IdKind; rest: string } | undefined {
  const list = BY_FIRST_WORD.get(firstWord);
  if (!list) return undefined;
  for (const { label, kind } of list) {
    if (!part.startsWith(label)) continue;
    const next = part.charCodeAt(label.length);
    // The label must end at a word boundary: "Passport" is not the start of "PassportX1".
    if (part.length > label.length && next !== 32 && next !== 58 && !label.endsWith(':')) continue;
    const rest = part.slice(label.length).replace(/^[\s:]+/, '');
    if (!rest) return undefined;
    return { label: label.replace(/[\s:]+$/, ''), kind, rest };
  }
  return undefined;
}

const DATES = /^(.*?)(?:,?\s+issued\s+(.+?))?(?:,?\s+expires?\s+(.+?))?$/i;
const TRAILING_PARENS = /\s*\(([^()]+)\)\s*$/;

/**
 * Splits the text after a label into number, country, issue and expiry date. `isCountry` says
 * whether a parenthesised text is a country: "(Stuttgart) (Germany)" keeps "(Stuttgart)" in the
 * number and takes Germany as the country.
 */
export function parseIdValue(
  label: string,
  kind: IdKind,
  rest: string,
  isCountry: (name: string) => boolean,
): IdFact | undefined {
  const m = DATES.exec(rest.trim())!;
  let number = (m[1] ?? '').trim();
  let country: string | undefined;
  const paren = TRAILING_PARENS.exec(number);
  if (paren && isCountry(paren[1]!)) {
    country = paren[1]!.trim();
    number = number.slice(0, paren.index).trim();
  }
  number = number.replace(/[.,]$/, '').trim();
  if (!number || !/[0-9A-Za-z]/.test(number)) return undefined;
  return {
    kind,
    type: label,
    number,
    ...(country && { country }),
    ...(m[2] && { issued: m[2] }),
    ...(m[3] && { expires: m[3] }),
  };
}
