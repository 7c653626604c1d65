/**
 * @module
 * A profile's `Feature`s → the entry's facts, vessel columns, title and addresses. A feature's
 * type is, in most cases, the label the CSV remarks use for the same value ("Vessel Year of
 * Build", "Secondary sanctions risk:", "Gender", "Website"), so the value is written back as that
 * remark statement and read by the remarks reader. The exceptions: the few types named otherwise
 * in remarks (Birthdate → DOB…), the vessel features that are columns of sdn.csv, `Title` (a
 * column too) and `Location` (an address).
 */
import { xmlChild, xmlChildren, type XmlElement } from '../../_xml.ts';
import type { OfacAddress, VesselColumns } from '../context.ts';
import type { RemarkFacts } from '../remarks.ts';
import { cityLine, joinStreet, readLabelled } from '../structured.ts';
import { periodText } from './dates.ts';
import type { Location, Tables } from './tables.ts';

// Feature types whose remark label differs (keys lower-cased).
const LABELS: Record<string, string> = {
  birthdate: 'DOB',
  'place of birth': 'POB',
  'nationality country': 'nationality',
  'citizenship country': 'citizen',
};

// Feature types that are sdn.csv's vessel columns.
const VESSEL: Record<string, keyof VesselColumns> = {
  'vessel call sign': 'callSign',
  'vessel type': 'type',
  'vessel flag': 'flag',
  'vessel owner': 'owner',
  'vessel tonnage': 'tonnage',
  'vessel gross registered tonnage': 'grt',
};

/** Where the features of one profile go. */
export interface FeatureTarget {
  facts: RemarkFacts;
  vessel: VesselColumns;
  titles: string[];
  addresses: OfacAddress[];
  /** The locations used, for the raw record. */
  locations: Location[];
}

/** Reads the features of `profile` into `target`. */
export function readFeatures(
  profile: XmlElement,
  t: Tables,
  path: string,
  target: FeatureTarget,
): void {
  for (const f of xmlChildren(profile, 'Feature')) {
    const type = t.refs.text('FeatureType', f.attrs.FeatureTypeID);
    if (!type) {
      target.facts.problems.push({
        field: 'Feature',
        message: `line ${f.line}: FeatureTypeID ${f.attrs.FeatureTypeID ?? '?'} is not in the reference values (dropped)`,
      });
      continue;
    }
    const key = type.toLowerCase();
    for (const v of xmlChildren(f, 'FeatureVersion')) {
      const locations: { loc: Location; line: number }[] = [];
      for (const l of xmlChildren(v, 'VersionLocation')) {
        const loc = t.locations.get(l.attrs.LocationID ?? '');
        if (loc) locations.push({ loc, line: l.line });
      }
      target.locations.push(...locations.map((l) => l.loc));
      if (key === 'location') {
        for (const { loc, line } of locations) target.addresses.push(address(loc, path, line));
        continue;
      }
      const texts = [...details(v, t), ...locations.map(({ loc }) => locationText(loc))];
      if (key === 'title') target.titles.push(...texts);
      else if (VESSEL[key]) target.vessel[VESSEL[key]] ??= texts[0];
      else for (const text of texts) readLabelled(target.facts, LABELS[key] ?? type, text);
    }
  }
}

/** The values of a FeatureVersion: its details (text or reference value) and date periods. */
function details(v: XmlElement, t: Tables): string[] {
  const out: string[] = [];
  for (const d of xmlChildren(v, 'VersionDetail')) {
    const text = d.attrs.DetailReferenceID
      ? t.refs.text('DetailReference', d.attrs.DetailReferenceID)
      : d.text.trim();
    if (text) out.push(text);
  }
  for (const p of xmlChildren(v, 'DatePeriod')) {
    const text = periodText(p);
    if (text) out.push(text);
  }
  const comment = xmlChild(v, 'Comment')?.text.trim();
  if (!out.length && comment) out.push(comment);
  return out;
}

/** A Location as add.csv's columns; a region without a country is written as add.csv does. */
export function address(loc: Location, path: string, line: number): OfacAddress {
  const p = loc.parts;
  let country = loc.country;
  let region = p.REGION;
  if (!country && region) [country, region] = [`Region: ${region}`, undefined];
  return {
    key: loc.id,
    street: joinStreet(p.ADDRESS1, p.ADDRESS2, p.ADDRESS3, p.UNKNOWN),
    city: cityLine(p.CITY, p['STATE/PROVINCE'], p['POSTAL CODE']),
    country,
    region,
    file: path,
    line,
  };
}

/** A Location as text, for features whose value is a place (a country, mostly). */
function locationText(loc: Location): string {
  const a = address(loc, '', 0);
  return [a.street, a.city, a.region, a.country].filter(Boolean).join(', ');
}
