/**
 * @module
 * What an entity's designation states under `<EntityDetails><Entity>`: type of entity, business
 * registration numbers, parent companies and subsidiaries; and which schema it takes.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { looksLikeCompany } from '../../normalize/index.ts';
import { attachIdentification, type IdentificationParts } from '../_related.ts';
import type { XmlElement } from '../_xml.ts';
import { leafValues, pathElements, type Value } from './fields.ts';

/** The `<Entity>` elements of a designation (one in every file seen). */
export function entityDetails(designation: XmlElement): XmlElement[] {
  return pathElements(designation, ['EntityDetails', 'Entity']);
}

/**
 * Company when a name or the stated type of entity has a legal form (LLC, JSC, "Limited Liability
 * Company"…; `looksLikeCompany` also counts BANK, TRADING, SHIPPING) or the entity has a business
 * registration number; Organization otherwise (ministries, armed groups, "Evrazia").
 */
export function entitySchema(
  names: readonly string[],
  details: readonly XmlElement[],
): 'Company' | 'Organization' {
  const types = details.flatMap((d) => leafValues(d, 'TypeOfEntity')).map((v) => v.text);
  const registered = details.some((d) => leafValues(d, 'BusinessRegistrationNumber').length > 0);
  return registered || [...names, ...types].some((n) => looksLikeCompany(n))
    ? 'Company'
    : 'Organization';
}

/**
 * Fills an Organization or Company. TypeOfEntity mixes legal forms and sectors ("Limited Liability
 * Company", "Bank", "Military"), so it is kept as the entity's `summary` rather than forced into
 * `legalForm` or `sector`. Parent companies and subsidiaries are names only, with no id to link to,
 * so they go to `notes` where they are not lost.
 */
export function mapEntity(entity: ListedEntity, details: readonly XmlElement[]): void {
  let key = 0;
  for (const d of details) {
    for (const v of leafValues(d, 'TypeOfEntity')) addValues(entity, 'summary', v.text);
    for (const v of leafValues(d, 'BusinessRegistrationNumber'))
      for (const id of registrationNumbers(v)) attachIdentification(entity, String(++key), id);
    for (const v of leafValues(d, 'ParentCompany'))
      addValues(entity, 'notes', `Parent company: ${v.text}`);
    for (const v of leafValues(d, 'Subsidiary'))
      addValues(entity, 'notes', `Subsidiary: ${v.text}`);
  }
}

// "INN: 7710137066", "OGRN - 1237700096523", "Company number 03503060", "UEN ID: 202022772K": a
// label of letters, a separator or a space, then a number holding a digit.
const LABELLED =
  /^([A-Za-z][A-Za-z ./()]*?)(?:\s*(?:[:#–-]|\bNo\.)\s*|\s+)(\d[A-Z0-9 ./-]*|[A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*)$/i;
const TAX = /\b(?:INN|TIN|tax|taxpayer)\b/i;
const OTHER = /\bKPP\b/i;

/**
 * The numbers of one BusinessRegistrationNumber element. One element may hold several labelled
 * numbers on separate lines ("OGRN: 1247700291200 / KPP: 770701001 / INN: 9707028663", newline
 * separated): each line is a number of its own, INN/TIN as a tax number, KPP as another
 * identifier, anything else as a registration number, the label as the document's type. The
 * element's text stays verbatim in each document's summary when it was split.
 */
export function registrationNumbers(v: Value): IdentificationParts[] {
  const raw = v.el.text;
  const lines = raw
    .split(/\r?\n|;/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => /\d/.test(l));
  const out: IdentificationParts[] = [];
  for (const line of lines) {
    const m = LABELLED.exec(line);
    const label = m?.[1]?.trim();
    const number = (m ? m[2]! : line).trim();
    if (!/\d/.test(number) || out.some((d) => d.number === number)) continue;
    const kind =
      label && TAX.test(label) ? 'tax' : label && OTHER.test(label) ? 'other' : 'registration';
    out.push({
      kind,
      number,
      type: label ?? 'Business registration number',
      summary: lines.length > 1 ? v.text : undefined,
    });
  }
  return out;
}
