/**
 * @module
 * Facts in the "Other Information" text. In the old ConList layout this is the only place that
 * gives a target's UN reference ("UN Ref KPi.033"), hence its UN programme, and the only place
 * that shows an "Entity" is a ship (its IMO and MMSI numbers, flag state).
 */
import { resolveCountry } from './nations.ts';

/** A UN reference read from the text. */
export interface UnReference {
  /** The reference as the UN writes it: `KPi.067`, `QI.A.291.11`, or as found for odd forms. */
  id: string;
  /** UN programme prefix (`KPi`, `QDe`, `QI`…), when the reference has the UN's usual shape. */
  prefix?: string;
}

/** Result of reading the UN references of a text. */
export interface UnReferences {
  refs: UnReference[];
  /** Labelled references we could not read (e.g. "UN Ref.079", which lacks its prefix). */
  unreadable: string[];
}

// "UN Ref KPe.018", "UN Ref. CFi.001", "UN REF:QE.A.146.14", "UN Reference No: TAi.172",
// "UN Ref No. YEi.001", "Un Ref: QDi.123"; and "UN listing. KPi.023." without the word Ref.
const LABEL =
  /\bUN\s*Ref(?:erence)?\b\.?\s*(?:No\b\.?)?\s*:?\s*|\bUN\s+listing\.\s*(?=[A-Z]{2}[ie]\.\d)/gi;
// Current form: two letters, i (individual) or e (entity), a number: "KPi.067". The file also
// writes "KPI.067", "KPI. 076", "KPe 070", "KPe.23" and "QD1.410" (a 1 for the i).
const CURRENT = /^([A-Z]{2})\s*([IE1])\s*\.?\s*(\d{1,3})(?!\d)/i;
// Pre-2014 Al-Qaida and Taliban form: "QI.A.291.11", "TE.H.12.01", once "Q.I.A.291.11".
const LEGACY = /^([QT])\.?([IE])\.([A-Z])\.(\d+)\.(\d{2})(?!\d)/i;
// Older Iran committee forms kept as written: "E.29.I.22", "I.AC.50.20.12.12.(1)", "E.37.A.5".
const OTHER = /^[EI]\.[A-Z0-9]+(?:\.(?:[A-Z0-9]+|\(\d+\)))*/i;

/** Reads every labelled UN reference of a text. */
export function unReferences(text: string): UnReferences {
  const out: UnReferences = { refs: [], unreadable: [] };
  for (const label of text.matchAll(LABEL)) {
    const rest = text.slice((label.index ?? 0) + label[0].length);
    const ref = readReference(rest);
    if (ref) {
      if (!out.refs.some((r) => r.id === ref.id)) out.refs.push(ref);
    } else {
      out.unreadable.push((label[0] + rest.slice(0, 12)).trim());
    }
  }
  return out;
}

function readReference(rest: string): UnReference | undefined {
  const current = CURRENT.exec(rest);
  if (current) {
    const kind = current[2]!.toLowerCase() === 'e' ? 'e' : 'i';
    const prefix = current[1]!.toUpperCase() + kind;
    return { id: `${prefix}.${current[3]!.padStart(3, '0')}`, prefix };
  }
  const legacy = LEGACY.exec(rest);
  if (legacy) {
    const prefix = (legacy[1]! + legacy[2]!).toUpperCase();
    return { id: `${prefix}.${legacy[3]!.toUpperCase()}.${legacy[4]}.${legacy[5]}`, prefix };
  }
  const other = OTHER.exec(rest);
  if (other) return { id: other[0].replace(/\.$/, '') };
  return undefined;
}

/** What the text says about a ship, or about a shipping company's IMO number. */
export interface ShipFacts {
  /** IMO ship number (passes the check digit): the entity is a vessel. */
  vesselImo?: string;
  /** IMO company and registered-owner number: the entity is a company. */
  companyImo?: string;
  mmsi?: string;
  /** Flag state as a country code. */
  flag?: string;
  /** Flag state as written, when it is not a country we know. */
  flagText?: string;
}

const IMO = /\b(?:Company Number\s+)?IMO(?:\s+number)?\s*:?\s*(\d{7})(?!\d)/gi;
const MMSI = /\bMMSI\s*:?\s*(\d{9})(?!\d)/i;
const FLAG = /\bFlag(?: State)?\s*:\s*([^.;()]+)/i;

/**
 * Reads IMO, MMSI and flag from an entity's text. A ship's IMO number ends in a check digit
 * (digits 1–6 weighted 7…2, summed, mod 10); IMO company numbers do not follow that rule, which
 * is how "IMO Number: 5342883" of Chong Chon Gang Shipping Co. is told from the ship "IMO: 8937675".
 */
export function shipFacts(text: string): ShipFacts {
  const facts: ShipFacts = {};
  for (const m of text.matchAll(IMO)) {
    const number = m[1]!;
    const companyLabel = /^Company/i.test(m[0]);
    if (!companyLabel && isShipImo(number)) facts.vesselImo ??= number;
    else facts.companyImo ??= number;
  }
  const mmsi = MMSI.exec(text);
  if (mmsi) facts.mmsi = mmsi[1]!;
  const flag = FLAG.exec(text);
  if (flag) {
    const code = resolveCountry(flag[1]!);
    if (code) facts.flag = code;
    else facts.flagText = flag[1]!.trim();
  }
  return facts;
}

/** True when a 7-digit number has a valid IMO ship-number check digit. */
export function isShipImo(number: string): boolean {
  if (!/^\d{7}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(number[i]) * (7 - i);
  return sum % 10 === Number(number[6]);
}
