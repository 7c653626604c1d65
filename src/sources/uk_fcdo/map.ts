/**
 * @module
 * One `<Designation>` → one ListedEntity with its Sanction, Address and identity-document
 * entities: what every designation shares (UniqueID, regime, names, addresses, contact details,
 * dates, measures, reasons); person-, entity- and ship-only fields are in person.ts,
 * organization.ts and ship.ts.
 */
import { addValues, refused, type ListedEntity, type SchemaName } from '../../core/index.ts';
import { attachAddress, attachSanction } from '../_related.ts';
import { xmlToPlain, type XmlElement } from '../_xml.ts';
import {
  childDate,
  childText,
  country,
  dropValue,
  pathElements,
  pathValues,
  statesCountry,
  type RecordContext,
} from './fields.ts';
import { applyNames, mainName, publishedNames } from './names.ts';
import { entityDetails, entitySchema, mapEntity } from './organization.ts';
import { mapIndividual } from './person.ts';
import { mapShip } from './ship.ts';

/** Authority named on every Sanction. */
export const AUTHORITY = 'Foreign, Commonwealth and Development Office';

/** A UN reference number and its list prefix: `KPi` for `KPi.033`. */
const UN_REFERENCE = /^([A-Za-z]+)\.\d+$/;

/**
 * Maps one designation. Throws INPUT_REFUSED when it has no UniqueID or no name, since such a
 * record can be neither identified nor screened; drops bad values with warnings.
 */
export function mapDesignation(el: XmlElement, ctx: RecordContext): ListedEntity {
  const uid = childText(el, 'UniqueID');
  if (!uid)
    throw refused(`${ctx.file}: line ${el.line}: <Designation> has no UniqueID`, {
      file: ctx.file,
      line: el.line,
      field: 'UniqueID',
    });
  ctx = { ...ctx, record: uid };
  const names = publishedNames(el, ctx);
  const main = mainName(names);
  if (!main)
    throw refused(`${ctx.file}: line ${el.line}: <Designation> ${uid} has no name`, {
      file: ctx.file,
      line: el.line,
      field: 'Names',
      record: uid,
    });

  const regime = childText(el, 'RegimeName');
  const unRef = childText(el, 'UNReferenceNumber');
  // The UN list prefix (KPi, QDe…) joins the regime, as on the OFSI list, so that UN-derived
  // listings can be found by it.
  const unPrefix = unRef ? UN_REFERENCE.exec(unRef)?.[1] : undefined;
  const programs = [...new Set([regime, unPrefix].filter((p): p is string => !!p))];
  const listingDate = childDate(ctx, el, 'DateDesignated');
  const remarks = childText(el, 'OtherInformation');
  const details = entityDetails(el);

  const entity: ListedEntity = {
    id: `uk_fcdo-${uid}`,
    schema: schemaOf(
      el,
      names.map((n) => n.full),
      details,
      ctx,
    ),
    properties: {},
    source: 'uk_fcdo',
    sourceRecordId: uid,
    programs,
    topics: ['sanction'],
    ...(listingDate && { listingDate }),
    remarks: remarks ? [remarks] : [],
    related: [],
    raw: xmlToPlain(el),
  };
  applyNames(entity, el, names, main);
  if (entity.schema === 'Person') mapIndividual(entity, el, ctx);
  else if (entity.schema === 'Vessel') mapShip(entity, el, ctx);
  else mapEntity(entity, details);
  addAddresses(entity, el, ctx);
  addContacts(entity, el);

  const sanction = attachSanction(entity, {
    authority: AUTHORITY,
    country: 'gb',
    programs,
    authorityId: uid,
    ...(unRef && { unscId: unRef }),
    ...(listingDate && { listingDate }),
    ...lastUpdated(el, ctx),
    provisions: provisions(el),
    ...(childText(el, 'UKStatementofReasons') && {
      reason: childText(el, 'UKStatementofReasons'),
    }),
  });
  // The OFSI Group ID of designations made before the single list (28 January 2026) ties this
  // entry to `uk_ofsi-<Group ID>` of the old ConList.
  addValues(sanction, 'authorityId', childText(el, 'OFSIGroupID'));
  const source = childText(el, 'DesignationSource');
  if (source) addValues(sanction, 'summary', `Designation source: ${source.replace(/\|/g, ', ')}`);
  return entity;
}

/**
 * Person for Individual, Vessel for Ship, Company or Organization for Entity (see
 * {@link entitySchema}); LegalEntity with a warning for a type we do not know.
 */
function schemaOf(
  el: XmlElement,
  names: string[],
  details: XmlElement[],
  ctx: RecordContext,
): SchemaName {
  const type = childText(el, 'IndividualEntityShip');
  switch (type?.toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'ship':
      return 'Vessel';
    case 'entity':
      return entitySchema(names, details);
  }
  const at = pathElements(el, ['IndividualEntityShip'])[0] ?? el;
  dropValue(
    ctx,
    at,
    'IndividualEntityShip',
    type
      ? `IndividualEntityShip "${type}" is not Individual, Entity or Ship; mapped as LegalEntity`
      : 'no IndividualEntityShip; mapped as LegalEntity',
  );
  return 'LegalEntity';
}

/** LastUpdated as the Sanction's `modifiedAt`. */
function lastUpdated(el: XmlElement, ctx: RecordContext): { modifiedAt?: string } {
  const d = childDate(ctx, el, 'LastUpdated');
  return d ? { modifiedAt: d } : {};
}

/**
 * The measures imposed: SanctionsImposed split at `|` ("Asset freeze|Travel Ban"); where it is
 * blank, the SanctionsImposedIndicators set to true, their names spelled out ("AssetFreeze" →
 * "Asset freeze").
 */
function provisions(el: XmlElement): string[] {
  const stated = (childText(el, 'SanctionsImposed') ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  if (stated.length) return stated;
  const out: string[] = [];
  for (const flag of pathElements(el, ['SanctionsImposedIndicators'])[0]?.children ?? []) {
    if (flag.text.trim().toLowerCase() !== 'true') continue;
    const words = flag.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    out.push(words.charAt(0).toUpperCase() + words.slice(1));
  }
  return out;
}

/**
 * One Address per `<Address>` that states something, keyed by its position (1-based). Lines 1–5
 * are the street and locality, line 6 the last line before the country (a city or a province):
 * the guidance names the lines only by number, so line 6 goes to `city` and the others to `street`
 * in order, and the one-line form keeps them all.
 */
function addAddresses(entity: ListedEntity, el: XmlElement, ctx: RecordContext): void {
  let key = 0;
  for (const a of pathElements(el, ['Addresses', 'Address'])) {
    key++;
    const lines = [1, 2, 3, 4, 5]
      .map((n) => childText(a, `AddressLine${n}`))
      .filter((l): l is string => !!l);
    const [countryValue] = pathValues(a, ['AddressCountry']);
    // Checked here for the warning; attachAddress maps the name again (cached) for the entity.
    if (countryValue) country(ctx, countryValue, 'AddressCountry');
    attachAddress(entity, String(key), {
      street: lines.length ? lines.join(', ') : undefined,
      city: childText(a, 'AddressLine6'),
      postalCode: childText(a, 'AddressPostalCode'),
      country: statesCountry(countryValue?.text) ? countryValue?.text : undefined,
    });
  }
}

/**
 * Phone numbers, e-mail addresses and websites. A ship has no such properties in FtM, so there they
 * go to `notes`. One EmailAddress element sometimes holds two addresses, split at spaces, commas
 * and semicolons.
 */
function addContacts(entity: ListedEntity, el: XmlElement): void {
  const phones = pathValues(el, ['PhoneNumbers', 'PhoneNumber']).map((v) => v.text);
  const emails = pathValues(el, ['EmailAddresses', 'EmailAddress'])
    .flatMap((v) => v.text.split(/[\s,;]+/))
    .filter((e) => e.includes('@'));
  const websites = pathValues(el, ['Websites', 'Website']).map((v) => v.text);
  if (entity.schema === 'Vessel') {
    addValues(entity, 'notes', ...phones.map((p) => `Phone: ${p}`));
    addValues(entity, 'notes', ...emails.map((e) => `E-mail: ${e}`));
    addValues(entity, 'notes', ...websites.map((w) => `Website: ${w}`));
    return;
  }
  addValues(entity, 'phone', ...phones);
  addValues(entity, 'email', ...emails);
  addValues(entity, 'website', ...websites);
}
