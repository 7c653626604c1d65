/**
 * @module
 * One `<INDIVIDUAL>` or `<ENTITY>` element → one ListedEntity with its Sanction and Address
 * entities: what both kinds of record share (reference number, list, names, aliases, addresses,
 * comments, listing and update dates); person- and entity-only fields are in person.ts and
 * organization.ts.
 */
import { addValues, refused, type ListedEntity } from '../../core/index.ts';
import { xmlChild, xmlChildren, xmlText, xmlToPlain, type XmlElement } from '../_xml.ts';
import { attachAddress, attachSanction } from '../_related.ts';
import {
  childDate,
  country,
  isoDate,
  statesCountry,
  valueElements,
  type RecordContext,
} from './fields.ts';
import { addAliases, fullName, nameParts } from './names.ts';
import { entitySchema, imoNumbers } from './organization.ts';
import { mapIndividual } from './person.ts';

/** Authority named on every Sanction. */
export const AUTHORITY = 'United Nations Security Council';

/**
 * The measures of the consolidated list. The Security Council's note on the list says the
 * measures (asset freeze, travel ban, arms embargo) apply to everyone on it; a travel ban only
 * binds natural persons. Regimes that apply fewer measures to one entry say so in its COMMENTS1
 * (e.g. the Houthis: "targeted arms embargo"), which stays in `remarks`; it is not parsed here.
 */
const PROVISIONS = {
  INDIVIDUAL: ['Asset freeze', 'Travel ban', 'Arms embargo'],
  ENTITY: ['Asset freeze', 'Arms embargo'],
} as const;

/** The list prefix of a reference number: `KPi` for `KPi.033`, `QDe` for `QDe.004`. */
const REFERENCE = /^([A-Za-z]+)\.\d+/;

/**
 * Maps one record. Throws INPUT_REFUSED when the record has no REFERENCE_NUMBER or no name, since
 * such a record can be neither identified nor screened; drops bad values with warnings.
 */
export function mapRecord(el: XmlElement, ctx: RecordContext): ListedEntity {
  const ref = xmlText(el, 'REFERENCE_NUMBER');
  if (!ref)
    throw refused(`${ctx.file}: line ${el.line}: <${el.name}> has no REFERENCE_NUMBER`, {
      file: ctx.file,
      line: el.line,
      field: 'REFERENCE_NUMBER',
    });
  ctx = { ...ctx, record: ref };
  const name = fullName(nameParts(el));
  if (!name)
    throw refused(`${ctx.file}: line ${el.line}: <${el.name}> ${ref} has no name`, {
      file: ctx.file,
      line: el.line,
      field: 'FIRST_NAME',
      record: ref,
    });

  const isPerson = el.name === 'INDIVIDUAL';
  const remarks = xmlText(el, 'COMMENTS1');
  const imo = isPerson ? [] : imoNumbers(remarks);
  const listType = xmlText(el, 'UN_LIST_TYPE');
  const programs = [
    ...new Set([listType, REFERENCE.exec(ref)?.[1]].filter((p) => !!p)),
  ] as string[];
  const listingDate = childDate(ctx, el, 'LISTED_ON');

  const entity: ListedEntity = {
    id: `un_sc-${ref}`,
    schema: isPerson ? 'Person' : entitySchema(name, imo),
    properties: {},
    source: 'un_sc',
    sourceRecordId: ref,
    programs,
    topics: ['sanction'],
    ...(listingDate && { listingDate }),
    remarks: remarks ? [remarks] : [],
    related: [],
    raw: xmlToPlain(el),
  };
  addValues(entity, 'name', name);
  addValues(entity, 'imoNumber', ...imo);

  const aliases = addAliases(entity, el, isPerson ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS', ctx);
  if (isPerson) mapIndividual(entity, el, aliases, ctx);
  addAddresses(entity, el, isPerson ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS', ctx);

  attachSanction(entity, {
    authority: AUTHORITY,
    programs,
    unscId: ref,
    ...(listingDate && { listingDate }),
    ...lastUpdated(el, ctx),
    provisions: [...PROVISIONS[isPerson ? 'INDIVIDUAL' : 'ENTITY']],
  });
  return entity;
}

/**
 * The latest LAST_DAY_UPDATED value as the Sanction's `modifiedAt` (the element lists every
 * update date; ISO dates compare as strings).
 */
function lastUpdated(el: XmlElement, ctx: RecordContext): { modifiedAt?: string } {
  let latest: string | undefined;
  for (const v of valueElements(el, 'LAST_DAY_UPDATED')) {
    const d = isoDate(ctx, v.el, 'LAST_DAY_UPDATED', v.text);
    if (d && (!latest || d > latest)) latest = d;
  }
  return latest ? { modifiedAt: latest } : {};
}

/**
 * Adds one Address per address element that states something. Keys are the element's position
 * among the record's address elements (1-based). Many addresses are only a NOTE ("Branch Office
 * 2: Peshawar, Khyber Paktunkhwa Province, Pakistan;", "Located in Syria"); the note is then the
 * address line itself, else it is the address's remarks.
 */
function addAddresses(
  entity: ListedEntity,
  el: XmlElement,
  elementName: string,
  ctx: RecordContext,
): void {
  let key = 0;
  for (const a of xmlChildren(el, elementName)) {
    key++;
    const countryName = xmlText(a, 'COUNTRY');
    const parts = {
      street: xmlText(a, 'STREET'),
      city: xmlText(a, 'CITY'),
      postalCode: xmlText(a, 'ZIP_CODE'),
      region: xmlText(a, 'STATE_PROVINCE'),
      country: statesCountry(countryName) ? countryName : undefined,
    };
    // Checked here for the warning; attachAddress maps the name again (cached) for the entity.
    country(ctx, xmlChild(a, 'COUNTRY') ?? a, elementName, countryName);
    const note = xmlText(a, 'NOTE');
    const structured = Object.values(parts).some(Boolean);
    if (!structured && !note) continue;
    attachAddress(entity, String(key), structured ? { ...parts, remarks: note } : { street: note });
  }
}
