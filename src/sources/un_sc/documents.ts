/**
 * @module
 * Identity documents of an individual (`<INDIVIDUAL_DOCUMENT>`) → Passport / Identification
 * entities, with the number copied onto the person (passportNumber / idNumber).
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { xmlChildren, xmlText, type XmlElement } from '../_xml.ts';
import { attachIdentification } from '../_related.ts';
import { childDate, country, type RecordContext } from './fields.ts';

/**
 * TYPE_OF_DOCUMENT is "Passport" or "National Identification Number" in nearly every record, but
 * a few carry the French or Spanish words for passport.
 */
const PASSPORT = /pass(?:port|eport)|pasaporte/i;

/**
 * Adds one Passport or Identification per document that states a NUMBER. Keys are the document's
 * position among the record's INDIVIDUAL_DOCUMENT elements (1-based), so they are stable for the
 * same content. A document without a NUMBER (the number is then often inside the NOTE, e.g.
 * "Tunisian passport number L 191609 issued on …") is kept as a line of the person's `notes`,
 * since an identification without a number cannot be matched on.
 */
export function addDocuments(entity: ListedEntity, el: XmlElement, ctx: RecordContext): void {
  let key = 0;
  for (const doc of xmlChildren(el, 'INDIVIDUAL_DOCUMENT')) {
    key++;
    const type = xmlText(doc, 'TYPE_OF_DOCUMENT')?.replace(/\s+/g, ' ');
    const type2 = xmlText(doc, 'TYPE_OF_DOCUMENT2')?.replace(/\s+/g, ' ');
    const note = xmlText(doc, 'NOTE')?.replace(/\s+/g, ' ');
    const number = xmlText(doc, 'NUMBER');
    // The second type is a finer name ("federal identity card number") unless it repeats the first.
    const detail = type2 && type2.toLowerCase() !== type?.toLowerCase() ? type2 : undefined;
    const summary = [detail, note].filter(Boolean).join('; ') || undefined;
    if (!number) {
      if (summary) addValues(entity, 'notes', `${type ?? 'Document'}: ${summary}`);
      continue;
    }
    const issuer = xmlText(doc, 'ISSUING_COUNTRY') ?? xmlText(doc, 'COUNTRY_OF_ISSUE');
    const isPassport = PASSPORT.test(type ?? '') || (!type && PASSPORT.test(type2 ?? ''));
    attachIdentification(entity, String(key), {
      kind: isPassport ? 'passport' : 'national-id',
      number,
      type: type ?? type2,
      country: country(ctx, doc, 'ISSUING_COUNTRY', issuer),
      authority: xmlText(doc, 'CITY_OF_ISSUE'),
      startDate: childDate(ctx, doc, 'DATE_OF_ISSUE'),
      summary,
    });
  }
}
