/**
 * @module
 * What a ship's designation states under `<ShipDetails><Ship>`: IMO numbers, owners and operators,
 * flags, type, tonnage, length, year built and hull identification numbers.
 *
 * Where the guidance is ambiguous: readers of the file name some containers differently
 * (`TypeOfShipDetails` or `TypeOfShips`, `YearsBuilt` or `YearBuilts`), and the XSD defines
 * `HullIdentificationNumbers` that no published record was seen to fill; the leaves are read by
 * their own names (`TypeOfShip`, `YearBuilt`, `HullIdentificationNumber`) wherever they sit.
 */
import { addValues, type ListedEntity } from '../../core/index.ts';
import type { XmlElement } from '../_xml.ts';
import {
  country,
  dropValue,
  leafValues,
  pathElements,
  ukDate,
  type RecordContext,
} from './fields.ts';

// The FCDO writes most IMO numbers as `IMO9562233` and some as `9562233`; the prefix repeats the
// element's name and would make the two spellings of one number differ.
const IMO = /^(?:IMO)?\s*[:.-]?\s*(\d{7})$/i;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Fills a Vessel from a designation of a ship. */
export function mapShip(entity: ListedEntity, designation: XmlElement, ctx: RecordContext): void {
  for (const ship of pathElements(designation, ['ShipDetails', 'Ship'])) {
    for (const v of leafValues(ship, 'IMONumber')) {
      const m = IMO.exec(v.text);
      if (m) addValues(entity, 'imoNumber', m[1]);
      else dropValue(ctx, v.el, 'IMONumber', `"${v.text}" is not a 7-digit IMO number; dropped`);
    }
    for (const v of leafValues(ship, 'HullIdentificationNumber'))
      addValues(entity, 'registrationNumber', v.text);
    // Owners and operators are names with no id to link to: kept as notes, as for OFAC vessels
    // whose owner is not on the list.
    for (const v of leafValues(ship, 'CurrentOwnerOperator'))
      addValues(entity, 'notes', `Owner/operator: ${v.text}`);
    for (const v of leafValues(ship, 'PreviousOwnerOperator'))
      addValues(entity, 'notes', `Previous owner/operator: ${v.text}`);
    for (const v of leafValues(ship, 'CurrentBelievedFlagOfShip'))
      addValues(entity, 'flag', country(ctx, v, 'CurrentBelievedFlagOfShip'));
    for (const v of leafValues(ship, 'PreviousFlag'))
      addValues(entity, 'pastFlags', country(ctx, v, 'PreviousFlag'));
    addValues(entity, 'type', ...leafValues(ship, 'TypeOfShip').map((v) => v.text));
    for (const v of leafValues(ship, 'TonnageOfShip')) {
      const tonnage = v.text.replace(/,/g, '');
      if (NUMBER.test(tonnage)) addValues(entity, 'tonnage', tonnage);
      else addValues(entity, 'notes', `Tonnage: ${v.text}`);
    }
    // FtM's Vessel has no length.
    for (const v of leafValues(ship, 'LengthOfShip'))
      addValues(entity, 'notes', `Length: ${v.text}`);
    for (const v of leafValues(ship, 'YearBuilt')) {
      const year = /^\d{4}$/.test(v.text) ? ukDate(v.text) : undefined;
      if (year) addValues(entity, 'buildDate', year);
      else dropValue(ctx, v.el, 'YearBuilt', `invalid year "${v.text}" dropped from YearBuilt`);
    }
  }
}
