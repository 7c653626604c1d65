/**
 * @module
 * Addresses of a target: Address 1–6, Post/Zip Code and Country of each row. A target's rows
 * repeat its addresses once per name, so identical addresses are merged.
 */
import type { AddressParts } from '../_related.ts';
import type { OfsiRecord } from './layout.ts';
import { resolveCountry } from './nations.ts';
import { tidy } from './names.ts';

const LINES = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5'] as const;

/** An address read from a row, with its country resolved. */
export interface RowAddress {
  parts: AddressParts;
  /** ISO code of the country, when the Country column (or a bare last line) names one. */
  code?: string;
  /** Country text that names no country we know ("Africa", "Central District, Pyongyang"). */
  unknownCountry?: string;
  /** Stable identity of the address, for merging identical ones across rows. */
  key: string;
}

/**
 * Reads the address of a row, or undefined when the row has none. The Country column often
 * carries a qualifier, "Afghanistan (since 2009)", "Syrian Arab Republic as of September 2015",
 * "In Syria as at June 2013": the country part gives the code and the qualifier goes to the
 * address remarks. Address 6 is the town in most rows (a province in some); it goes to `city`.
 */
export function rowAddress(record: OfsiRecord): RowAddress | undefined {
  const lines = LINES.map((c) => tidy(record[c])).filter(Boolean);
  let city = tidy(record['Address 6']);
  const postalCode = tidy(record['Post/Zip Code']);
  let countryText = tidy(record['Country']);
  if (!lines.length && !city && !postalCode && !countryText) return undefined;

  const { name, qualifier } = splitQualifier(countryText);
  let code = name ? resolveCountry(name) : undefined;
  // With no Country, a last line that is only a country ("Libya", "China") is the country.
  if (!countryText) {
    const last = city || lines[lines.length - 1];
    // Only a short line without digits can be a bare country name; others are not looked up.
    const lastCode = last && /^[^\d,]{2,40}$/.test(last) ? resolveCountry(last) : undefined;
    if (last && lastCode) {
      code = lastCode;
      countryText = last;
      if (city) city = '';
      else lines.pop();
    }
  }
  const parts: AddressParts = {
    street: lines.join(', ') || undefined,
    city: city || undefined,
    postalCode: postalCode || undefined,
    country: (code ? name || countryText : countryText) || undefined,
    remarks: qualifier || undefined,
  };
  const out: RowAddress = { parts, key: JSON.stringify([lines, city, postalCode, countryText]) };
  if (code) out.code = code;
  else if (countryText) out.unknownCountry = countryText;
  return out;
}

/** Splits "Afghanistan (since 2009)" into the country and its qualifier. */
function splitQualifier(text: string): { name: string; qualifier: string } {
  const qualifiers: string[] = [];
  let name = text.replace(/\(([^()]*)\)?/g, (m, inner: string) => {
    // "Iran (Islamic Republic of.)": that bracket is part of the name.
    if (/\bof\.?\s*$/i.test(inner)) return m;
    if (inner.trim()) qualifiers.push(inner.trim());
    return ' ';
  });
  name = name.replace(/\s+(as (?:at|of) .*)$/i, (_m, q: string) => {
    qualifiers.push(q);
    return '';
  });
  name = name.replace(/^In\s+/, '');
  return { name: tidy(name), qualifier: qualifiers.join('; ') };
}
