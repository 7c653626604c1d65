/**
 * @module
 * OFAC's Remarks column is a `; `-separated list of statements ("DOB 10 Dec 1948; POB Havana,
 * Cuba; nationality Cuba; Passport 123 (Cuba); a.k.a. 'PEPE'; Linked To: SOME COMPANY."). This
 * module splits it and sorts each statement into {@link RemarkFacts}; it does not know schemata:
 * map.ts decides which facts fit which entity. Statements it does not recognise stay only in the
 * verbatim `remarks`.
 */
import { parseOfacDate } from './dates.ts';
import { matchIdLabel, parseIdValue, type IdFact } from './identifiers.ts';

/** Everything the remarks of one entry state, still as text where a code is to be looked up. */
export interface RemarkFacts {
  birthDates: string[];
  birthPlaces: string[];
  /** Country names as written ("Korea, North"). */
  nationalities: string[];
  citizenships: string[];
  genders: ('male' | 'female')[];
  ids: IdFact[];
  /** Numbers labelled as IMO numbers (ship numbers on vessels, company numbers on firms). */
  imoNumbers: string[];
  mmsi: string[];
  callSigns: string[];
  pastTypes: string[];
  pastFlags: string[];
  buildDates: string[];
  models: string[];
  serialNumbers: string[];
  tailNumbers: string[];
  previousTailNumbers: string[];
  operators: string[];
  modeS: string[];
  incorporationDates: string[];
  sectors: string[];
  registrationCountries: string[];
  positions: string[];
  websites: string[];
  emails: string[];
  phones: string[];
  swiftBic: string[];
  leiCodes: string[];
  dunsCodes: string[];
  /** a.k.a. / n.k.a. names in the remarks: OFAC's low-quality aliases (never in alt.csv). */
  weakAliases: string[];
  previousNames: string[];
  /** "Linked To:" targets; `alt` is the name with the remark's final period restored. */
  links: { name: string; alt?: string }[];
  provisions: string[];
  listingDates: string[];
  effectiveDates: string[];
  /** Programme tags written in brackets in the remarks, e.g. "[DPRK3]". */
  programs: string[];
  /** Dropped or shortened values, for warnings: field and sentence. */
  problems: { field: string; message: string }[];
}

/** Empty facts, to be filled statement by statement. */
export function emptyFacts(): RemarkFacts {
  return {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    genders: [],
    ids: [],
    imoNumbers: [],
    mmsi: [],
    callSigns: [],
    pastTypes: [],
    pastFlags: [],
    buildDates: [],
    models: [],
    serialNumbers: [],
    tailNumbers: [],
    previousTailNumbers: [],
    operators: [],
    modeS: [],
    incorporationDates: [],
    sectors: [],
    registrationCountries: [],
    positions: [],
    websites: [],
    emails: [],
    phones: [],
    swiftBic: [],
    leiCodes: [],
    dunsCodes: [],
    weakAliases: [],
    previousNames: [],
    links: [],
    provisions: [],
    listingDates: [],
    effectiveDates: [],
    programs: [],
    problems: [],
  };
}

/** OFAC's Remarks column holds at most this many characters; the rest goes to the comments file. */
export const REMARKS_LIMIT = 1000;

/**
 * Splits remarks into statements. The final period OFAC puts after the last statement is removed;
 * `lastHadPeriod` tells whether it was there (a name such as "X, S.A." may have lost its own).
 * With `cut`, the text was cut at the column limit without a continuation: the last statement is
 * incomplete and left out, so that no half passport number or half name is mapped.
 */
export function splitRemarks(
  text: string,
  cut = false,
): { parts: string[]; lastHadPeriod: boolean } {
  let t = text.trim();
  const lastHadPeriod = !cut && t.endsWith('.');
  if (lastHadPeriod) t = t.slice(0, -1);
  const parts = t
    .split(/\s*;\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (cut) parts.pop();
  return { parts, lastHadPeriod };
}

const ALIAS = /^([afn])\.k\.a\.?,?\s+(.*)$/i;
const QUOTED = /^['"‘’`](.*)['"‘’`]$/;
// "Vessel Registration Identification IMO 9256860 (Russia)", "Company Number IMO 5055293",
// "International Maritime Organization No. (5777731)". Whitespace after IMO varies ("IMO  8730455").
const IMO_LABELLED =
  /^(?:(?:Vessel Registration Identification|Identification Number|Company Number)\s+IMO|International Maritime Organization No\.)\s*\(?(\d{6,7})\)?(?:\s*\([^()]*\))?$/;
const PROVISION =
  /^(Secondary sanctions risk|Additional Sanctions Information|Transactions Prohibited For Persons|Executive Order \d+ (Directive|information|Information)|CAATSA Section|IFCA Determination|PEESA Information|Purchase\/Sales For Divestment Date|United States financial institutions are prohibited|Subject to Directive)/;
const DIRECTIVE_DATE = /^(Listing|Effective) Date\s*\(([^)]*)\):?\s*(.*)$/;
const BRACKET_TAG = /^\[([A-Z0-9][A-Z0-9 _-]*)\]$/;
const LEI = /^[A-Z0-9]{18}\d{2}$/;

/** Adds the dates of a date text to `list`, recording a problem when part of it was dropped. */
function addDates(facts: RemarkFacts, list: string[], field: string, text: string): void {
  const r = parseOfacDate(text);
  list.push(...r.dates);
  if (r.problem) facts.problems.push({ field, message: r.problem });
}

/**
 * Sorts the statements of one entry's remarks into facts (new ones, or `facts` when given).
 * `isCountry` tells a country name in parentheses from other parenthesised text in identifier
 * statements.
 */
export function readRemarks(
  text: string,
  isCountry: (name: string) => boolean,
  cut = false,
  facts: RemarkFacts = emptyFacts(),
): RemarkFacts {
  const { parts, lastHadPeriod } = splitRemarks(text, cut);
  parts.forEach((raw, index) =>
    readStatement(facts, raw, isCountry, index === parts.length - 1 && lastHadPeriod),
  );
  return facts;
}

/**
 * Sorts one statement ("DOB 10 Dec 1948", "Passport 123 (Cuba)") into `facts`. The XML formats,
 * which state the same facts as labelled values, are read through here too, so that every format
 * maps a value the way the remarks do. `endedWithPeriod` says that the statement ended the
 * remarks and lost OFAC's final period, which a "Linked To" name may need back.
 */
export function readStatement(
  facts: RemarkFacts,
  raw: string,
  isCountry: (name: string) => boolean,
  endedWithPeriod = false,
): void {
  const part = raw.replace(/^alt\.\s+/i, '');
  const space = part.indexOf(' ');
  const word = space < 0 ? part : part.slice(0, space);
  const rest = space < 0 ? '' : part.slice(space + 1).trim();
  switch (word) {
    case 'DOB':
      return addDates(facts, facts.birthDates, 'DOB', rest);
    case 'POB':
      if (rest) facts.birthPlaces.push(rest);
      return;
    case 'nationality':
      if (rest) facts.nationalities.push(rest);
      return;
    case 'citizen':
      if (rest) facts.citizenships.push(rest);
      return;
    case 'Gender':
      if (/^male$/i.test(rest)) facts.genders.push('male');
      else if (/^female$/i.test(rest)) facts.genders.push('female');
      return;
    case 'MMSI':
      if (rest) facts.mmsi.push(rest);
      return;
    case 'SWIFT/BIC':
      if (rest) facts.swiftBic.push(rest);
      return;
    case 'Website':
      if (rest) facts.websites.push(rest);
      return;
    case 'Email':
    case 'EMAIL':
      if (rest) facts.emails.push(rest.replace(/^Address\s+/, ''));
      return;
    case 'Phone':
    case 'PHONE':
    case 'Telephone':
    case 'Telephone:':
      // "Phone Number 98…", "Telephone No. 00…", "Telephone Number: (971)…", "Telephone: 00…"
      if (rest) facts.phones.push(rest.replace(/^(Number|No\.)\s*/, '').replace(/^:\s*/, ''));
      return;
    case 'Position:':
      if (rest) facts.positions.push(rest);
      return;
  }
  const alias = ALIAS.exec(part);
  if (alias) {
    const name = (QUOTED.exec(alias[2]!.trim())?.[1] ?? alias[2]!).trim();
    if (!name) return;
    if (alias[1]!.toLowerCase() === 'f') facts.previousNames.push(name);
    else facts.weakAliases.push(name);
    return;
  }
  if (part.startsWith('Linked To:')) {
    const name = part.slice(10).trim();
    if (name) facts.links.push(endedWithPeriod ? { name, alt: name + '.' } : { name });
    return;
  }
  const imo = IMO_LABELLED.exec(part);
  if (imo) {
    facts.imoNumbers.push(imo[1]!);
    return;
  }
  if (PROVISION.test(part)) {
    facts.provisions.push(part);
    return;
  }
  const dd = DIRECTIVE_DATE.exec(part);
  if (dd) {
    facts.provisions.push(part);
    if (dd[3])
      addDates(
        facts,
        dd[1] === 'Listing' ? facts.listingDates : facts.effectiveDates,
        `${dd[1]} Date`,
        dd[3],
      );
    return;
  }
  const tag = BRACKET_TAG.exec(part);
  if (tag) {
    facts.programs.push(tag[1]!.trim());
    return;
  }
  if (readVesselOrAircraft(facts, part) || readOrganisation(facts, part)) return;
  const id = matchIdLabel(part, word);
  if (id && !/^ISIN\b/.test(id.rest)) {
    const fact = parseIdValue(id.label, id.kind, id.rest, isCountry);
    if (!fact) return;
    if (id.label === 'Legal Entity Number' && LEI.test(fact.number))
      facts.leiCodes.push(fact.number);
    else facts.ids.push(fact);
  }
}

/** Vessel and aircraft statements. True when the part was one of them. */
function readVesselOrAircraft(facts: RemarkFacts, part: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^Other Vessel Call Sign\s+(.+)$/.exec(part))) facts.callSigns.push(m[1]!);
  else if ((m = /^Other Vessel Type\s+(.+)$/.exec(part))) facts.pastTypes.push(m[1]!);
  else if ((m = /^Former Vessel Flag\s+(.+)$/.exec(part))) facts.pastFlags.push(m[1]!);
  else if ((m = /^Vessel Year of Build\s+(.+)$/.exec(part)))
    addDates(facts, facts.buildDates, 'Vessel Year of Build', m[1]!);
  else if ((m = /^Aircraft Manufacture Date\s+(.+)$/.exec(part)))
    addDates(facts, facts.buildDates, 'Aircraft Manufacture Date', m[1]!);
  else if ((m = /^Aircraft Model\s+(.+)$/.exec(part))) facts.models.push(m[1]!);
  else if (
    (m =
      /^Aircraft (?:Manufacturer's Serial Number \(MSN\)|Construction Number \(also called L\/N or S\/N or F\/N\)|Serial Identification)\s+(.+)$/.exec(
        part,
      ))
  )
    facts.serialNumbers.push(m[1]!);
  else if ((m = /^Aircraft Tail Number\s+(.+)$/.exec(part))) facts.tailNumbers.push(m[1]!);
  else if ((m = /^Previous Aircraft Tail Number\s+(.+)$/.exec(part)))
    facts.previousTailNumbers.push(m[1]!);
  else if ((m = /^Aircraft Operator\s+(.+)$/.exec(part))) facts.operators.push(m[1]!);
  else if ((m = /^Aircraft Mode S Transponder Code\s+(.+)$/.exec(part))) facts.modeS.push(m[1]!);
  else return false;
  return true;
}

/** Statements about organisations. True when the part was one of them. */
function readOrganisation(facts: RemarkFacts, part: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^Organization Established Date\s+(.+)$/.exec(part)))
    addDates(facts, facts.incorporationDates, 'Organization Established Date', m[1]!);
  else if ((m = /^Organization Type:\s*(.+)$/.exec(part))) facts.sectors.push(m[1]!);
  else if ((m = /^Nationality of Registration\s+(.+)$/.exec(part)))
    facts.registrationCountries.push(m[1]!);
  else if ((m = /^D-U-N-S Number\s+(\S+)/.exec(part))) facts.dunsCodes.push(m[1]!);
  else return false;
  return true;
}

/**
 * The a.k.a. / f.k.a. / n.k.a. names in remarks, for the name pass that resolves "Linked To"
 * before entities are mapped. Cheaper than {@link readRemarks}: only these statements are read.
 */
export function remarkAliasNames(text: string, cut = false): string[] {
  if (!text.includes('.k.a')) return [];
  const out: string[] = [];
  for (const raw of splitRemarks(text, cut).parts) {
    const alias = ALIAS.exec(raw.replace(/^alt\.\s+/i, ''));
    if (!alias) continue;
    const name = (QUOTED.exec(alias[2]!.trim())?.[1] ?? alias[2]!).trim();
    if (name) out.push(name);
  }
  return out;
}
