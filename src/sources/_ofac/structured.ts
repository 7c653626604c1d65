/**
 * @module
 * The XML formats state as labelled values what the CSV writes as remark statements
 * (`<idType>Passport</idType><idNumber>123</idNumber><idCountry>Cuba</idCountry>` for
 * "Passport 123 (Cuba)"). These helpers write such a value back as the statement OFAC prints in
 * the remarks and sort it with the remarks reader, so that every format maps a value alike.
 */
import { readStatement, type RemarkFacts } from './remarks.ts';
import { isCountry } from './values.ts';

/** An identifier as the XML formats state it. */
export interface IdItem {
  /** idType / IDRegDocType, e.g. "Passport", "Vessel Registration Identification", "Gender". */
  type: string | undefined;
  number: string | undefined;
  country?: string | undefined;
  /** Dates as OFAC writes them in remarks ("01 Feb 2015"). */
  issued?: string | undefined;
  expires?: string | undefined;
}

/**
 * Sorts one identifier into `facts`, as the remark statement
 * "<type> <number> (<country>) issued <date> expires <date>".
 */
export function readIdItem(facts: RemarkFacts, item: IdItem): void {
  const type = item.type?.trim();
  const number = item.number?.trim();
  if (!type || !number) return;
  let text = `${type} ${number}`;
  if (item.country) text += ` (${item.country.trim()})`;
  if (item.issued) text += ` issued ${item.issued.trim()}`;
  if (item.expires) text += ` expires ${item.expires.trim()}`;
  readStatement(facts, text, isCountry);
}

/** Sorts one labelled value ("Gender" + "Male", "DOB" + "1961") into `facts`. */
export function readLabelled(facts: RemarkFacts, label: string, value: string | undefined): void {
  const v = value?.replace(/\s+/g, ' ').trim();
  if (v) readStatement(facts, `${label.trim()} ${v}`, isCountry);
}

/** A name as the CSV writes it: "LAST, First Middle", or the one part there is. */
export function joinName(last: string | undefined, first: string | undefined): string {
  const l = last?.replace(/\s+/g, ' ').trim();
  const f = first?.replace(/\s+/g, ' ').trim();
  return l && f ? `${l}, ${f}` : l || f || '';
}

/** Address lines as add.csv joins them: "a, b, c". */
export function joinStreet(...lines: (string | undefined)[]): string | undefined {
  const parts = lines.map((l) => l?.replace(/\s+/g, ' ').trim()).filter((l): l is string => !!l);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * The City/State/Province/Postal Code column of add.csv from its parts, as OFAC composes it:
 * "Richardson, TX 75081", "Tehran 11365", "Madrid E-28036".
 */
export function cityLine(
  city: string | undefined,
  state: string | undefined,
  postalCode: string | undefined,
): string | undefined {
  const place = joinStreet(city, state);
  const postal = postalCode?.trim();
  if (place && postal) return `${place} ${postal}`;
  return place ?? (postal || undefined);
}
