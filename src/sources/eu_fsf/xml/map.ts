/**
 * @module
 * One `<sanctionEntity>` → a ListedEntity equal to what the CSV path makes of the same entity: id
 * `eu_fsf-<logicalId>`, the same schema and names (shared code in `../map.ts`), and the sub-records
 * as in `details.ts`. The XML says more than the v1.0 CSV, and that is kept too: the designation
 * and delisting dates, the UN reference, weak aliases, contact details, document validity.
 */
import type { ListedEntity, ParseContext } from '../../../core/index.ts';
import { attachSanction } from '../../_related.ts';
import { xmlChild, xmlChildren, xmlText, xmlToPlain, type XmlElement } from '../../_xml.ts';
import {
  addLegalBasis,
  AUTHORITY,
  euEntity,
  PROVISIONS,
  schemaFor,
  type LegalAct,
} from '../map.ts';
import { reporter, type Report } from '../../_report.ts';
import { mapAddress, mapBirth, mapCitizenship, mapIdentification } from './details.ts';
import { applyXmlNames, collectXmlNames } from './names.ts';
import { attr, dateAttr, remarks } from './values.ts';

/** `subjectType/@code` → the `classificationCode` it stands for, for copies without the latter. */
const CLASSIFICATION: Record<string, string> = { person: 'P', enterprise: 'E' };

/**
 * Maps one record whose `logicalId` the caller has checked. Returns undefined (with a warning) when
 * it has no usable name, since an entity without a name cannot be screened or stored.
 */
export function mapSanctionEntity(
  el: XmlElement,
  recordId: string,
  path: string,
  ctx: ParseContext,
): ListedEntity | undefined {
  const report = reporter(ctx, path, recordId);

  const names = collectXmlNames(el);
  const primary = names.strong[0];
  if (!primary) {
    report(`entity ${recordId} has no usable name; skipped`, el.line, 'nameAlias');
    return undefined;
  }
  const subject = xmlChild(el, 'subjectType');
  const classification = (
    (subject && attr(subject, 'classificationCode')) ??
    CLASSIFICATION[(subject && attr(subject, 'code'))?.toLowerCase() ?? ''] ??
    ''
  ).toUpperCase();
  const schema = schemaFor(classification, primary.whole);
  if (schema === 'LegalEntity')
    report(
      `subjectType "${classification || (subject && attr(subject, 'code')) || ''}" is neither P (person) nor E (enterprise); mapped as LegalEntity`,
      subject?.line ?? el.line,
      'subjectType',
    );

  const entity = euEntity(recordId, schema, xmlToPlain(el));
  applyXmlNames(entity, names, report);
  mapListing(entity, el, report);
  for (const c of el.children) {
    if (c.name === 'citizenship') mapCitizenship(entity, c, report);
    else if (c.name === 'birthdate') mapBirth(entity, c, report);
    else if (c.name === 'address') mapAddress(entity, c, report);
    else if (c.name === 'identification') mapIdentification(entity, c, report);
  }
  return entity;
}

/**
 * Programmes, remarks and the Sanction. The listing date is `designationDate`; without it, the
 * earliest publication date of the entity's `<regulation>`s (the CSV path's rule). `modifiedAt` is
 * the latest publication date when it is later than the listing.
 */
function mapListing(entity: ListedEntity, el: XmlElement, report: Report): void {
  const acts = new Map<string, LegalAct>();
  for (const reg of xmlChildren(el, 'regulation')) {
    const programme = attr(reg, 'programme');
    if (programme && !entity.programs.includes(programme)) entity.programs.push(programme);
    const url = xmlText(reg, 'publicationUrl');
    const title = attr(reg, 'numberTitle') ?? url;
    if (title && !acts.has(title))
      acts.set(title, { date: dateAttr(reg, 'publicationDate', report), url });
  }
  for (const r of remarks(el)) if (!entity.remarks.includes(r)) entity.remarks.push(r);

  const dates = [...acts.values()]
    .map((a) => a.date)
    .filter((d): d is string => !!d)
    .sort();
  const designated = dateAttr(el, 'designationDate', report);
  const listingDate = designated ?? dates[0];
  if (listingDate) entity.listingDate = listingDate;
  const latest = dates[dates.length - 1];
  const euRef = attr(el, 'euReferenceNumber');
  const unId = attr(el, 'unitedNationId');
  const delisted = dateAttr(el, 'delistingDate', report);
  const details = attr(el, 'designationDetails');
  const sanction = attachSanction(entity, {
    authority: AUTHORITY,
    programs: entity.programs,
    ...(euRef !== undefined && { authorityId: euRef }),
    ...(unId !== undefined && { unscId: unId }),
    ...(listingDate !== undefined && { listingDate }),
    ...(designated !== undefined && { startDate: designated }),
    ...(latest !== undefined &&
      listingDate !== undefined &&
      latest > listingDate && { modifiedAt: latest }),
    ...(delisted !== undefined && { endDate: delisted }),
    ...(details !== undefined && { reason: details }),
    provisions: PROVISIONS,
  });
  addLegalBasis(sanction, acts);
}
