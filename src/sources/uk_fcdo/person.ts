/**
 * @module
 * What only an individual's designation states, under `<IndividualDetails><Individual>`: dates and
 * places of birth, nationalities, genders, positions, passports and national identifiers; and the
 * designation's `<Titles>`.
 *
 * Where the guidance is ambiguous: readers of the file disagree on where titles sit (`Titles/Title`
 * beside the names, or `Title` inside `Individual`) and on the name of a document element
 * (`PassportDetails/Passport` or `PassportDetails/PassportDetail`, and the same for national
 * identifiers); every spelling is read.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import { attachIdentification } from '../_related.ts';
import type { XmlElement } from '../_xml.ts';
import {
  childText,
  country,
  dateValue,
  descendants,
  dropValue,
  leafValues,
  pathElements,
  pathValues,
  statesCountry,
  type RecordContext,
} from './fields.ts';

const GENDERS: Record<string, string> = { male: 'male', female: 'female' };

/** Fills a Person from a designation of an individual. */
export function mapIndividual(
  entity: ListedEntity,
  designation: XmlElement,
  ctx: RecordContext,
): void {
  const people = pathElements(designation, ['IndividualDetails', 'Individual']);
  addValues(entity, 'title', ...pathValues(designation, ['Titles', 'Title']).map((v) => v.text));
  const documents = new Set<string>();
  for (const person of people) {
    addValues(entity, 'title', ...leafValues(person, 'Title').map((v) => v.text));
    for (const v of pathValues(person, ['DOBs', 'DOB']))
      addValues(entity, 'birthDate', dateValue(ctx, v, 'DOB'));
    for (const v of pathValues(person, ['Nationalities', 'Nationality']))
      addValues(entity, 'nationality', country(ctx, v, 'Nationality'));
    for (const v of pathValues(person, ['Genders', 'Gender'])) {
      const g = GENDERS[v.text.toLowerCase()];
      if (g) addValues(entity, 'gender', g);
      else dropValue(ctx, v.el, 'Gender', `unknown Gender "${v.text}" dropped`);
    }
    addValues(
      entity,
      'position',
      ...pathValues(person, ['Positions', 'Position']).map((v) => v.text),
    );
    for (const place of pathElements(person, ['BirthDetails', 'Location']))
      addBirthPlace(entity, place, ctx);
    addDocuments(entity, person, documents);
  }
}

/** "Town, Country" as `birthPlace`, and the country as `birthCountry`. */
function addBirthPlace(entity: ListedEntity, place: XmlElement, ctx: RecordContext): void {
  const town = childText(place, 'TownOfBirth');
  const [countryValue] = pathValues(place, ['CountryOfBirth']);
  const countryName = statesCountry(countryValue?.text) ? countryValue?.text : undefined;
  addValues(entity, 'birthPlace', [town, countryName].filter(Boolean).join(', ') || undefined);
  if (countryValue) addValues(entity, 'birthCountry', country(ctx, countryValue, 'CountryOfBirth'));
}

/** The document kinds of an individual: container children, number and note elements. */
const DOCUMENTS = [
  {
    kind: 'passport',
    items: ['Passport', 'PassportDetail'],
    number: 'PassportNumber',
    info: 'PassportAdditionalInformation',
    label: 'Passport',
  },
  {
    kind: 'national-id',
    items: ['NationalIdentifier', 'NationalIdentifierDetail'],
    number: 'NationalIdentifierNumber',
    info: 'NationalIdentifierAdditionalInformation',
    label: 'National identifier',
  },
] as const;

/**
 * One Passport or Identification per distinct number, keyed 1, 2… in document order; the
 * additional information (a sentence such as "Afghanistan passport number …, issued on …") is
 * kept verbatim as the document's summary rather than parsed. The FCDO repeats a passport once
 * per date of birth, hence the de-duplication by kind and number. A document with information but
 * no number cannot be matched on and goes to the person's notes.
 */
function addDocuments(entity: ListedEntity, person: XmlElement, seen: Set<string>): void {
  for (const doc of DOCUMENTS) {
    for (const item of descendants(person, doc.items)) {
      const number = childText(item, doc.number);
      const info = childText(item, doc.info);
      if (!number) {
        if (info) addValues(entity, 'notes', `${doc.label}: ${info}`);
        continue;
      }
      const key = `${doc.kind}\0${number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attachIdentification(entity, String(seen.size), {
        kind: doc.kind,
        number,
        type: doc.label,
        summary: info,
      });
    }
  }
}
