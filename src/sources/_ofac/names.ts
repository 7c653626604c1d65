/**
 * @module
 * The names of every entry in one load, collected in a first pass over the primary file, so that
 * "Linked To: NAME" statements and the vessel owner column can point at the entity of that name.
 * Matching is exact up to case and spacing; a name carried by several entries links to none.
 */

/** Lookup key of a name: upper case, single spaces. */
export function nameKey(name: string): string {
  const key = name.trim().toUpperCase();
  // Most names are clean; only collapse runs of white space where there are some.
  return /\s\s|[\t\r\n]/.test(key) ? key.replace(/\s+/g, ' ') : key;
}

/** The outcome of a name lookup. */
export type Resolution = { id: string } | { ambiguous: string[] } | { missing: true };

/** Primary names and aliases of the entries of one load, by name key. */
export class NameIndex {
  private readonly primary = new Map<string, string[]>();
  private readonly aliases = new Map<string, string[]>();

  /** Records an entry's primary name. */
  addPrimary(name: string, id: string): void {
    add(this.primary, nameKey(name), id);
  }

  /** Records one of an entry's aliases (alt file or remarks). */
  addAlias(name: string, id: string): void {
    add(this.aliases, nameKey(name), id);
  }

  /**
   * The entry a name refers to: the one whose primary name it is, else the one that has it as an
   * alias. `self` is never returned (an entry is not linked to itself). Several candidates at the
   * same level make the name ambiguous, and nothing is linked: a wrong link is worse than none.
   */
  resolve(name: string, self?: string): Resolution {
    const key = nameKey(name);
    for (const map of [this.primary, this.aliases]) {
      const ids = (map.get(key) ?? []).filter((id) => id !== self);
      if (ids.length === 1) return { id: ids[0]! };
      if (ids.length > 1) return { ambiguous: ids };
    }
    return { missing: true };
  }
}

function add(map: Map<string, string[]>, key: string, id: string): void {
  if (!key) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}
