/**
 * @module
 * Which listed entities a labelled row names, for the eval harness and the screening benchmark
 * alike: every listed person carrying the row's name, compared on a key of sorted normalised
 * tokens.
 */
import type { EvalEngine } from './_engine.ts';
import { tokenizeName } from '../src/normalize/index.ts';

/**
 * A name's key: its normalised tokens, sorted. "na" is the UN's "not available" in a name part
 * (FAIZULLAH KHAN NOORZAI na); the UN parser drops it, so the key does too.
 */
export const nameKey = (name: string): string =>
  tokenizeName(name)
    .map((t) => t.text)
    .filter((t) => t !== 'na')
    .sort()
    .join(' ');

/**
 * Entity ids carrying each name key, over every loaded list. A positive row names a person of
 * the UN list; the same person found on the OFAC or UK list is a correct hit too, and some rows
 * name people the UN has since delisted but OFAC and OFSI still list.
 */
export function targetsByName(engine: EvalEngine): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of engine.entities()) {
    if (e.schema !== 'Person') continue;
    for (const prop of ['name', 'alias', 'previousName', 'weakAlias'])
      for (const n of e.properties[prop] ?? []) {
        const k = nameKey(n);
        if (!map.has(k)) map.set(k, new Set());
        map.get(k)!.add(e.id);
      }
  }
  return map;
}
