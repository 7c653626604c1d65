/**
 * @module
 * What only an `<INDIVIDUAL>` states: name parts, title, designation, nationality, gender, dates
 * and places of birth (its own and those given under an alias) and identity documents.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { xmlChild, xmlChildren, xmlText, type XmlElement } from '../_xml.ts';
import { birthDates } from './dates.ts';
import { addDocuments } from './documents.ts';
import {
  country,
  dropValue,
  childDate,
  statesCountry,
  valueElements,
  values,
  type RecordContext,
} from './fields.ts';
import { nameParts } from './names.ts';

const GENDERS: Record<string, string> = { male: 'male', female: 'female' };

/**
 * Fills a Person from an INDIVIDUAL element. `aliases` are the alias elements that hold a name
 * (from `addAliases`): some give the date and place of birth used under that alias.
 */
export function mapIndividual(
  entity: ListedEntity,
  el: XmlElement,
  aliases: XmlElement[],
  ctx: RecordContext,
): void {
  // FIRST and SECOND name map to FtM's fields of the same name; THIRD and FOURTH are further
  // given or family names that FtM has no slot for but middleName.
  const parts = nameParts(el);
  addValues(entity, 'firstName', parts.FIRST_NAME);
  addValues(entity, 'secondName', parts.SECOND_NAME);
  addValues(entity, 'middleName', parts.THIRD_NAME, parts.FOURTH_NAME);

  // TITLE holds honorifics and ranks ("Maulavi", "Dr.", "Major General"); DESIGNATION the
  // functions held ("Director of Namchongang Trading Corporation").
  addValues(entity, 'title', ...values(el, 'TITLE'));
  addValues(entity, 'position', ...values(el, 'DESIGNATION'));

  for (const v of valueElements(el, 'NATIONALITY'))
    addValues(entity, 'nationality', country(ctx, v.el, 'NATIONALITY', v.text));

  const gender = xmlText(el, 'GENDER');
  if (gender) {
    const g = GENDERS[gender.toLowerCase()];
    if (g) addValues(entity, 'gender', g);
    else dropValue(ctx, xmlChild(el, 'GENDER')!, 'GENDER', `unknown GENDER "${gender}" dropped`);
  }

  for (const dob of xmlChildren(el, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const { dates, notes } = birthDates(ctx, dob);
    addValues(entity, 'birthDate', ...dates);
    addValues(entity, 'notes', ...notes);
  }
  for (const pob of xmlChildren(el, 'INDIVIDUAL_PLACE_OF_BIRTH')) addBirthPlace(entity, pob, ctx);

  for (const a of aliases) {
    addValues(entity, 'birthDate', childDate(ctx, a, 'DATE_OF_BIRTH'));
    const place = joinPlace([xmlText(a, 'CITY_OF_BIRTH'), xmlText(a, 'COUNTRY_OF_BIRTH')]);
    addValues(entity, 'birthPlace', place);
  }

  addDocuments(entity, el, ctx);
}

/**
 * The place of birth as one line, most specific part first ("Musanze District, Northern Province,
 * Rwanda"), with the NOTE in brackets ("(now Tanganyika Province)"); the country also as a code.
 */
function addBirthPlace(entity: ListedEntity, pob: XmlElement, ctx: RecordContext): void {
  const countryName = xmlText(pob, 'COUNTRY');
  const line = joinPlace([
    xmlText(pob, 'STREET'),
    xmlText(pob, 'CITY'),
    xmlText(pob, 'STATE_PROVINCE'),
    statesCountry(countryName) ? countryName : undefined,
  ]);
  const note = xmlText(pob, 'NOTE');
  const place = !note
    ? line
    : !line
      ? note
      : note.startsWith('(')
        ? `${line} ${note}`
        : `${line} (${note})`;
  addValues(entity, 'birthPlace', place);
  addValues(
    entity,
    'birthCountry',
    country(ctx, xmlChild(pob, 'COUNTRY') ?? pob, 'INDIVIDUAL_PLACE_OF_BIRTH', countryName),
  );
}

/** Joins place parts with commas, leaving out blanks and a part that repeats the one before. */
function joinPlace(parts: (string | undefined)[]): string | undefined {
  const out: string[] = [];
  for (const p of parts) {
    const text = p?.replace(/\s+/g, ' ').trim();
    if (text && text !== out[out.length - 1]) out.push(text);
  }
  return out.length ? out.join(', ') : undefined;
}
