/**
 * @module
 * Advanced-XML dates (`Year`/`Month`/`Day` points and `DatePeriod` ranges) written as OFAC writes
 * them in remarks ("05 Mar 1961", "Mar 1961", "1961", "circa 1958", "1962 to 1964"), so that the
 * remarks' date reading (circa, ranges, precision) applies to every format alike.
 */
import { partialDate } from '../../../core/index.ts';
import { xmlChild, xmlText, type XmlElement } from '../../_xml.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el && xmlChild(el, name);

/** The date of an element with Year, Month and Day children, as a (partial) ISO date. */
export function pointDate(el: XmlElement | undefined): string | undefined {
  const y = xmlText(el, 'Year');
  if (!y || !/^\d{4}$/.test(y)) return undefined;
  const m = xmlText(el, 'Month');
  const d = xmlText(el, 'Day');
  return partialDate(Number(y), m ? Number(m) : undefined, m && d ? Number(d) : undefined);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A partial date widened to its first (or last) day. */
function bound(iso: string, last: boolean): Ymd {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  const month = m ?? (last ? 12 : 1);
  return { y, m: month, d: d ?? (last ? daysIn(y, month) : 1) };
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayText = (p: Ymd): string => `${String(p.d).padStart(2, '0')} ${MONTHS[p.m - 1]} ${p.y}`;
const monthText = (p: Ymd): string => `${MONTHS[p.m - 1]} ${p.y}`;

/**
 * A DatePeriod as the remarks write it. The start is the earliest the period may begin, the end
 * the latest it may end; a period of whole years or months is written at that precision, which
 * is how OFAC encodes "DOB 1958" (1 Jan to 31 Dec 1958). `Approximate` makes it "circa".
 */
export function periodText(period: XmlElement | undefined): string | undefined {
  const start = child(period, 'Start');
  const end = child(period, 'End');
  const a = pointDate(child(start, 'From')) ?? pointDate(child(start, 'To'));
  const b = pointDate(child(end, 'To')) ?? pointDate(child(end, 'From'));
  if (!a && !b) return undefined;
  const s = bound((a ?? b)!, false);
  const e = bound((b ?? a)!, true);
  const circa =
    start?.attrs.Approximate === 'true' || end?.attrs.Approximate === 'true' ? 'circa ' : '';
  let text: string;
  if (s.m === 1 && s.d === 1 && e.m === 12 && e.d === 31)
    text = s.y === e.y ? String(s.y) : `${s.y} to ${e.y}`;
  else if (s.d === 1 && e.d === daysIn(e.y, e.m))
    text = s.y === e.y && s.m === e.m ? monthText(s) : `${monthText(s)} to ${monthText(e)}`;
  else if (s.y === e.y && s.m === e.m && s.d === e.d) text = dayText(s);
  else text = `${dayText(s)} to ${dayText(e)}`;
  return circa + text;
}
