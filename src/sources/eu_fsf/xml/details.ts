/**
 * @module
 * The sub-records of a `<sanctionEntity>`: `<citizenship>`, `<birthdate>`, `<address>` and
 * `<identification>`. Each becomes what the CSV's `Citi_*`, `Birt_*`, `Addr_*` and `Iden_*`
 * sections become (see `../map.ts`), with the same related-entity ids (`<id>-addr-<logicalId>`,
 * `<id>-id-<logicalId>`), since both formats carry the same logical ids.
 */
import { addValues, partialDate, type ListedEntity } from '../../../core/index.ts';
import { attachAddress, attachIdentification } from '../../_related.ts';
import { xmlChildren, type XmlElement } from '../../_xml.ts';
import type { Report } from '../../_report.ts';
import { identityKind } from '../values.ts';
import { attr, country, dateAttr, flag, remarks } from './values.ts';

/** `<citizenship>` → `citizenship` of a person, `country` of anything else (as the CSV path). */
export function mapCitizenship(entity: ListedEntity, el: XmlElement, report: Report): void {
  const c = country(el, report);
  addValues(entity, entity.schema === 'Person' ? 'citizenship' : 'country', c?.code);
}

/** A year range wider than this is more likely a typo than a statement; only its ends are kept. */
const MAX_SPAN = 20;

/**
 * `<birthdate>` → birthDate, birthPlace, birthCountry. The date is `birthdate` when given, else
 * built from `year`/`monthOfYear`/`dayOfMonth` (a partial date), else every year of
 * `yearRangeFrom`–`yearRangeTo`. `circa="true"` keeps the date and says so in `notes`. A date in
 * another calendar than the Gregorian cannot be written as an FtM date and is dropped.
 */
export function mapBirth(entity: ListedEntity, el: XmlElement, report: Report): void {
  const dates = birthDates(el, report);
  const place = [attr(el, 'city'), attr(el, 'place'), attr(el, 'region')]
    .filter((p, i, all): p is string => !!p && p !== '-' && all.indexOf(p) === i)
    .join(', ');
  const c = country(el, report);
  if (entity.schema !== 'Person') {
    // An organisation has no birth; say so instead of inventing a property for it.
    if (dates.length || place || c)
      report('birth details on an entity that is not a person; dropped', el.line, 'birthdate');
    return;
  }
  addValues(entity, 'birthDate', ...dates);
  addValues(entity, 'birthPlace', place);
  addValues(entity, 'birthCountry', c?.code);
  if (flag(el, 'circa') && dates.length)
    addValues(entity, 'notes', `Date of birth circa ${dates.join(', ')}`);
}

function birthDates(el: XmlElement, report: Report): string[] {
  const calendar = attr(el, 'calendarType')?.toUpperCase();
  if (calendar && calendar !== 'GREGORIAN') {
    if (el.attrs.birthdate || el.attrs.year || el.attrs.yearRangeFrom)
      report(
        `birth date in the ${calendar} calendar cannot be written as a Gregorian date; dropped`,
        el.line,
        'birthdate/@calendarType',
      );
    return [];
  }
  const full = dateAttr(el, 'birthdate', report);
  if (full) return [full];
  const year = intAttr(el, 'year', report);
  if (year !== undefined) {
    const month = intAttr(el, 'monthOfYear', report);
    const day = month ? intAttr(el, 'dayOfMonth', report) : undefined;
    const date = partialDate(year, month, day);
    if (date) return [date];
    report(`birth date ${year}-${month}-${day} is not a real date; dropped`, el.line, 'birthdate');
    return [];
  }
  const from = intAttr(el, 'yearRangeFrom', report);
  const to = intAttr(el, 'yearRangeTo', report);
  if (from !== undefined && to !== undefined && to >= from && to - from <= MAX_SPAN)
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  return [from, to].filter((y): y is number => y !== undefined).map(String);
}

/** A whole-number attribute in a plausible range for a year, month or day; reported otherwise. */
function intAttr(el: XmlElement, name: string, report: Report): number | undefined {
  const v = attr(el, name);
  if (v === undefined) return undefined;
  const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  const max = name === 'monthOfYear' ? 12 : name === 'dayOfMonth' ? 31 : 2100;
  const min = name === 'monthOfYear' || name === 'dayOfMonth' ? 1 : 1800;
  if (n >= min && n <= max) return n;
  report(`birthdate/@${name} "${v}" is not a valid value; dropped`, el.line, `birthdate/@${name}`);
  return undefined;
}

/** `<contactInfo key="PHONE">` keys → LegalEntity properties. */
const CONTACT_PROPS: Record<string, 'phone' | 'email' | 'website'> = {
  PHONE: 'phone',
  FAX: 'phone',
  EMAIL: 'email',
  WEB: 'website',
};

/**
 * `<address>` → an Address entity `<id>-addr-<logicalId>`. A post-office box and a `place` join
 * the street line; `<remark>`s, `<contactInfo>` and `asAtListingTime` go to its remarks, and
 * contact details also onto the entity (phone, email, website).
 */
export function mapAddress(entity: ListedEntity, el: XmlElement, report: Report): void {
  const c = country(el, report);
  const poBox = attr(el, 'poBox');
  const notes = remarks(el);
  for (const info of xmlChildren(el, 'contactInfo')) {
    const key = attr(info, 'key')?.toUpperCase() ?? '';
    const value = attr(info, 'value');
    if (!value) continue;
    notes.push(`${key || 'CONTACT'}: ${value}`);
    const prop = CONTACT_PROPS[key];
    if (prop) addValues(entity, prop, ...value.split(/\s*[;,]\s*/));
  }
  if (flag(el, 'asAtListingTime')) notes.push('address as at the time of listing');
  const addr = attachAddress(entity, attr(el, 'logicalId') ?? `line${el.line}`, {
    street: [attr(el, 'street'), poBox && `P.O. Box ${poBox}`, attr(el, 'place')]
      .filter(Boolean)
      .join(', '),
    city: attr(el, 'city'),
    postalCode: attr(el, 'zipCode'),
    region: attr(el, 'region'),
    country: c?.label,
    remarks: notes.join('; '),
  });
  if (addr) addValues(addr, 'postOfficeBox', poBox);
}

/** Entity properties attachIdentification copies a document number onto. */
const NUMBER_PROPS = ['passportNumber', 'idNumber', 'registrationNumber', 'taxNumber'];

/** Status flags of a document, as words for its summary. */
const FLAGS: [string, string][] = [
  ['diplomatic', 'diplomatic'],
  ['knownExpired', 'known to be expired'],
  ['knownFalse', 'known to be false'],
  ['reportedLost', 'reported lost'],
  ['revokedByIssuer', 'revoked by issuer'],
];

/**
 * `<identification>` → a Passport or Identification entity `<id>-id-<logicalId>` and the number on
 * the entity (passportNumber, idNumber, registrationNumber, taxNumber; a SWIFT/BIC and an IMO
 * number also as swiftBic / imoNumber). The Latin transcription of a number is kept beside it.
 */
export function mapIdentification(entity: ListedEntity, el: XmlElement, report: Report): void {
  const code = attr(el, 'identificationTypeCode')?.toLowerCase() ?? '';
  const latin = attr(el, 'latinNumber');
  const number = attr(el, 'number') ?? latin;
  if (!number) {
    report('<identification> without a number; skipped', el.line, 'identification/@number');
    return;
  }
  const summary = [
    // "(passport)" only repeats the type code, as in the CSV's Iden_number.
    ...remarks(el).filter((r) => r !== `(${code})` && r !== `((${code}))`),
    ...FLAGS.filter(([name]) => flag(el, name)).map(([, words]) => words),
  ];
  const onDocument = attr(el, 'nameOnDocument');
  if (onDocument) summary.push(`name on document: ${onDocument}`);
  const doc = attachIdentification(entity, attr(el, 'logicalId') ?? `line${el.line}`, {
    kind: identityKind(code),
    number,
    type: attr(el, 'identificationTypeDescription') ?? (code || undefined),
    country: country(el, report)?.code,
    authority: attr(el, 'issuedBy'),
    startDate: dateAttr(el, 'validFrom', report) ?? dateAttr(el, 'issueDate', report),
    endDate: dateAttr(el, 'validTo', report),
    summary: summary.join('; ') || undefined,
  });
  if (latin && latin !== number) {
    addValues(doc, 'number', latin);
    // Onto whichever number property attachIdentification chose for this document.
    const prop = NUMBER_PROPS.find((p) => entity.properties[p]?.includes(number));
    if (prop) addValues(entity, prop, latin);
  }
  if (code === 'swiftbic' && entity.schema !== 'Person') addValues(entity, 'swiftBic', number);
  if (code === 'imo' && (entity.schema === 'Organization' || entity.schema === 'Company'))
    addValues(entity, 'imoNumber', number);
}
