/**
 * @module
 * The name records (`Naal_*`) of one entity: deduplicated by `Naal_logical_id`, stripped of the
 * translations whose letters were lost, and ordered so the primary name comes first.
 */
import { COL } from './layout.ts';
import type { Row } from './rows.ts';

/** One name record of the file. */
export interface NameRecord {
  id: string;
  line: number;
  whole: string;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: string;
  title: string;
  position: string;
  /** Language of a translated name (`FR`, `EL`…); empty for the name as designated. */
  language: string;
}

/** Name records of an entity, and those dropped because the file lost their letters. */
export interface EntityNames {
  /** Usable records; the first is the primary name. */
  records: NameRecord[];
  /** Records whose text holds `?` in place of letters that Latin-1 cannot write. */
  lossy: NameRecord[];
}

/**
 * Collects the distinct name records of an entity's rows. The primary name is the first record in
 * English or without a language (a translation may come first in the file: entity 202's first
 * name is French), or the first record when every one is a translation.
 */
export function collectNames(rows: readonly Row[]): EntityNames {
  const seen = new Set<string>();
  const records: NameRecord[] = [];
  const lossy: NameRecord[] = [];
  for (const { line, fields: f } of rows) {
    const id = f[COL.naalId]!.trim();
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const rec: NameRecord = {
      id,
      line,
      lastName: clean(f[COL.naalLastname]),
      firstName: clean(f[COL.naalFirstname]),
      middleName: clean(f[COL.naalMiddlename]),
      whole: clean(f[COL.naalWholename]),
      gender: clean(f[COL.naalGender]),
      title: clean(f[COL.naalTitle]),
      position: clean(f[COL.naalFunction]),
      language: clean(f[COL.naalLanguage]).toUpperCase(),
    };
    if (!rec.whole)
      rec.whole = [rec.firstName, rec.middleName, rec.lastName].filter(Boolean).join(' ');
    if (!rec.whole) continue;
    // Names in Greek, Bulgarian, Latvian… were written to this Latin-1 file with `?` for every
    // letter it cannot hold ("?µ??? ??????"). No real name contains `?`; such a name would only
    // match by accident, so it is dropped (and reported) rather than screened against.
    if (rec.whole.includes('?') || rec.lastName.includes('?') || rec.firstName.includes('?'))
      lossy.push(rec);
    else records.push(rec);
  }
  primaryFirst(records);
  return { records, lossy };
}

/**
 * Moves the primary name to the front, in place: the first record in English or without a
 * language, or the first record when every one is a translation.
 */
export function primaryFirst(records: NameRecord[]): NameRecord[] {
  const primary = records.findIndex((r) => r.language === '' || r.language === 'EN');
  if (primary > 0) records.unshift(...records.splice(primary, 1));
  return records;
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
