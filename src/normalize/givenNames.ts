/**
 * @module
 * Given names and their diminutives and short forms (Rebecca/Becky, Andrew/Drew, Samuel/Sam,
 * William/Bill), from the vendored nicknames table (see `_nicknamesData.ts`: the
 * carltonnorthern/nicknames dataset, Apache-2.0). A name and each nickname on its line are
 * related, both ways; relations are not chained (Al is Albert and Alexander, which are not each
 * other).
 *
 * Known gap: the table is English. Russian and other Slavic diminutives (Sasha for Aleksandr,
 * Dima for Dmitry, Borya for Boris), Spanish hypocoristics (Paco, Pepe, Lalo) and Yoruba short
 * forms are not in it, and no maintained public table of them with a licence was found for this
 * project (none on npm or in Debian, looked for again in issue 12). Those cut from their name
 * (Borya, Sveta, Mide, Concha) are matched by clipping instead (`shortForms.ts`), those cut from
 * it reshaped or by its consonants (Beto, Nacho, Zhenya, Dima) and East Slavic pet forms made by
 * templatic truncation (Sasha, Tanya, Kolya: `petForms.ts`) only beside a part spelled the same;
 * the others (Misha, Paco, Vova, Shura) are not.
 *
 * Looked at for issue 12 and not vendored: npm's name-match (an English list in its code),
 * lvovich and petrovich (Russian declension, no short forms), gender-detection-from-name (names
 * and genders, no relations); Debian has no such package (apt-cache: nickname, diminutive,
 * given/first names; enamdict is Japanese names, no short forms); DLu/namor_data (Wiktionary's
 * given-name relations in many languages, Paco → Francisco among them: the closest fit, but its
 * repository states no licence, and Wiktionary's own is CC BY-SA, share-alike); diminutives.db
 * (GPL-3.0, English); SOEMPI's name_to_nick.csv, onyxrev/common_nickname_csv and
 * Lingua-EN-Nickname (English only); gender.c's nam_dict.txt (GNU FDL, spellings and genders).
 */
import { NICKNAMES_CSV } from './_nicknamesData.ts';

let related: Map<string, Set<string>> | undefined;

/** Builds the relation on first use (a few thousand entries). */
function table(): Map<string, Set<string>> {
  if (related) return related;
  related = new Map();
  const link = (a: string, b: string) => {
    if (a === b) return;
    let s = related!.get(a);
    if (!s) related!.set(a, (s = new Set()));
    s.add(b);
  };
  for (const line of NICKNAMES_CSV.split('\n')) {
    // Entries with dots ("k.c.", "l.r.") are initials, not names.
    const names = line
      .trim()
      .split(',')
      .filter((n) => /^[a-z]{2,}$/.test(n));
    const [name, ...nicks] = names;
    if (!name) continue;
    for (const n of nicks) {
      link(name, n);
      link(n, name);
    }
  }
  return related;
}

/** The names a given name is a diminutive or short form of, or has as one (lower-case ASCII). */
export function nameVariants(form: string): ReadonlySet<string> | undefined {
  return table().get(form);
}

/** Every given name of the table, full or short (lower-case ASCII). */
export function tableGivenNames(): Iterable<string> {
  return table().keys();
}

/** Whether one of two given names is a diminutive or short form of the other. */
export function areNameVariants(a: string, b: string): boolean {
  return table().get(a)?.has(b) ?? false;
}
