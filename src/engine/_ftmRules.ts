/**
 * @module
 * FollowTheMoney's value rules applied to an export, so the file validates against FtM's schema
 * (opensanctions/followthemoney, `followthemoney/types/*.py` and `schema/*.yaml` at commits
 * 9a2484d5 (phone), 04d68923 (url, string), c4c864dd (identifier), 5f659b15 (common),
 * 0092099b (Identification)). Nothing is lost: a value FtM would refuse where it stands is moved
 * to where FtM takes it (the entity's `notes`, or the vessel's `registrationNumber`), with a
 * warning naming the entity, the property and the value (`notes`, or `summary` on an Address or
 * Identification, which have no `notes`).
 *
 * - `phone` is E.164 (`+` and 8 to 15 digits; PhoneType). A number written with spaces, dashes,
 *   dots, brackets or a `00` prefix is rewritten; one without its country code cannot be (FtM
 *   rejects it without a dialing-region hint, and guessing the country would invent digits), so
 *   it goes to `notes`.
 * - `website` and other `url` values carry a scheme; FtM assumes `http` (UrlType.DEFAULT_SCHEME).
 * - maximum lengths in codepoints: identifier and phone 64, string 1024, text 65000, url 4096,
 *   any other type 250 (PropertyType.max_length); an Identification's `number` 64.
 * - `Identification.holder` has the range LegalEntity: an identification the lists give a vessel
 *   or aircraft becomes that vehicle's `registrationNumber` (Vehicle's property), and the
 *   Identification entity is left out.
 */
import { isA, isSchemaName, schemaProperties } from '../core/index.ts';
import type { FtmRecord } from './export.ts';

/** FtM's maximum value length per property type (PropertyType.max_length and overrides). */
const MAX_LENGTH: Record<string, number> = {
  identifier: 64,
  phone: 64,
  string: 1024,
  text: 65000,
  url: 4096,
};
const DEFAULT_MAX_LENGTH = 250;
/** Types whose values are not free text (a date, a code, an id): never moved to `notes`. */
const UNBOUNDED = new Set(['entity', 'name']);

/** A phone number in E.164, or undefined when it cannot be written so without guessing. */
export function e164(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s().\-/]/g, '');
  const intl = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{7,14}$/.test(intl) ? intl : undefined;
}

/** A URL with a scheme (FtM assumes http). */
export function withScheme(raw: string): string {
  const v = raw.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `http://${v.replace(/^\/+/, '')}`;
}

/** Adds a note where the schema takes one: `notes` (Thing), else `summary` (Address, Interval). */
function addNote(r: FtmRecord, note: string): void {
  const types: Record<string, string> = isSchemaName(r.schema) ? schemaProperties(r.schema) : {};
  const prop = types.notes ? 'notes' : 'summary';
  const notes = (r.properties[prop] ??= []);
  if (!notes.includes(note)) notes.push(note);
}

/**
 * The records of one listed party made valid FtM, in place; returns them without the ones that
 * moved into another (an Identification of a vessel). `warn` hears of every change.
 */
export function applyFtmRules(records: FtmRecord[], warn: (message: string) => void): FtmRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: FtmRecord[] = [];
  for (const r of records) {
    if (r.schema === 'Identification' || r.schema === 'Passport') {
      const holders = (r.properties.holder ?? []).map((id) => byId.get(id));
      const vehicle = holders.find(
        (h) => h && isSchemaName(h.schema) && !isA(h.schema, 'LegalEntity'),
      );
      if (vehicle) {
        for (const n of r.properties.number ?? []) {
          const numbers = (vehicle.properties.registrationNumber ??= []);
          if (!numbers.includes(n)) numbers.push(n);
        }
        const kind = (r.properties.type ?? []).join(', ');
        if (kind)
          addNote(vehicle, `Identification ${kind}: ${(r.properties.number ?? []).join(', ')}`);
        warn(
          `${r.id}: an Identification's holder must be a LegalEntity in FtM; ${vehicle.id} is a ${vehicle.schema}, so its number went to ${vehicle.id}.registrationNumber`,
        );
        continue;
      }
    }
    out.push(r);
  }
  for (const r of out) {
    const types: Record<string, string> = isSchemaName(r.schema) ? schemaProperties(r.schema) : {};
    for (const [prop, values] of Object.entries(r.properties)) {
      const type = types[prop];
      const kept: string[] = [];
      for (const value of values) {
        let v = value;
        if (type === 'url') {
          v = withScheme(value);
          if (v !== value)
            warn(`${r.id}: ${prop} ${JSON.stringify(value)} had no scheme; written ${v}`);
        } else if (type === 'phone') {
          const phone = e164(value);
          if (!phone) {
            addNote(r, `Phone (not in international form): ${value}`);
            warn(
              `${r.id}: phone ${JSON.stringify(value)} is not an international (E.164) number and has no country code to make it one; kept in notes`,
            );
            continue;
          }
          v = phone;
        }
        const max =
          r.schema === 'Identification' && prop === 'number'
            ? 64
            : (MAX_LENGTH[type ?? ''] ?? DEFAULT_MAX_LENGTH);
        if (type && !UNBOUNDED.has(type) && [...v].length > max && type !== 'text') {
          addNote(r, `${prop}: ${v}`);
          warn(
            `${r.id}: ${prop} is ${[...v].length} characters, over FtM's ${max} for a ${type}; kept in notes`,
          );
          continue;
        }
        if (!kept.includes(v)) kept.push(v);
      }
      if (kept.length) r.properties[prop] = kept;
      else delete r.properties[prop];
    }
  }
  return out;
}
