/**
 * @module
 * The `ReferenceValueSets` of an advanced XML file: the code lists every other element points
 * into by ID (`AliasTypeValues/AliasType`, `CountryValues/Country`, `FeatureTypeValues/…`).
 * Kept as they are published, so that a new value OFAC adds is known without a code change.
 */
import type { XmlElement } from '../../_xml.ts';

/** One reference value: its text and its attributes (ISO2 of a Country, PartyTypeID…). */
export interface RefValue {
  text: string;
  attrs: Record<string, string>;
}

/** The reference value sets of one file, by set name without `Values` (e.g. `FeatureType`). */
export class ReferenceValues {
  private readonly sets = new Map<string, Map<string, RefValue>>();

  constructor(el: XmlElement) {
    for (const set of el.children) {
      const values = new Map<string, RefValue>();
      for (const v of set.children)
        if (v.attrs.ID !== undefined)
          values.set(v.attrs.ID, { text: v.text.trim(), attrs: v.attrs });
      this.sets.set(set.name.replace(/Values$/, ''), values);
    }
  }

  /** The value `id` of set `set` (e.g. `Country`, `11073`). */
  get(set: string, id: string | undefined): RefValue | undefined {
    return id === undefined ? undefined : this.sets.get(set)?.get(id);
  }

  /** The text of value `id` of set `set`; undefined when unknown or blank. */
  text(set: string, id: string | undefined): string | undefined {
    return this.get(set, id)?.text || undefined;
  }
}
