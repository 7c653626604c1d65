/**
 * @module
 * Port-entry measures with a look-back: EO 13810 sec. 2 and 31 CFR 510.208(b) bar from US ports
 * a vessel that "has called at a port in North Korea within the previous 180 days" or "has
 * engaged in a ship-to-ship transfer with such a vessel within the previous 180 days". The rule
 * binds where the port is (a vessel calling at a US port is within US jurisdiction whatever the
 * transaction's other ties), so it is judged whenever the route calls at a port of the measure's
 * `concerns.countries`.
 */
import type { Measure } from '../types.ts';
import type { Transaction, TxPortCall } from './transaction.ts';
import { cite, type Reason } from './verdict.ts';

const DAY_MS = 86_400_000;
const days = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Where and when the vessel calls at a port of `states`: a dated port call, else the destination. */
function entryCall(tx: Transaction, states: Set<string>): TxPortCall | undefined {
  const calls = (tx.route?.port_calls ?? []).filter((c) => states.has(c.country));
  const dated = calls.filter((c) => c.date).sort((a, b) => a.date!.localeCompare(b.date!));
  if (dated.length) return dated[0];
  if (calls.length) return { ...calls[0]!, date: tx.date };
  const dest = tx.route?.destination;
  return dest && states.has(dest) ? { country: dest, date: tx.date } : undefined;
}

/**
 * Reasons from the port-entry look-back measures among `measures`: BLOCK when a dated call at a
 * port of `priorCall.countries` falls within the look-back before the entry call; REVIEW when a
 * call there has no date, or when a ship-to-ship transfer falls within the window (whether the
 * partner called at such a port is beyond what the transaction states).
 */
export function portEntryReasons(tx: Transaction, measures: Measure[]): Reason[] {
  const reasons: Reason[] = [];
  for (const m of measures) {
    const prior = m.concerns?.priorCall;
    if (m.direction !== 'port-entry' || !prior || !tx.vessel) continue;
    // Transactions carry lower-case ISO codes; the measure files write them in capitals.
    const lower = (cs: string[] = []) => cs.map((c) => c.toLowerCase());
    const entry = entryCall(tx, new Set(lower(m.concerns?.countries)));
    const priorCountries = lower(prior.countries);
    if (!entry?.date) continue;
    const at = `${entry.port ? `${entry.port}, ` : ''}${entry.country.toUpperCase()} on ${entry.date}`;
    const base = { authority: m.authority, measure: m.id, citation: cite(m) };
    const inWindow = (date: string) => {
      const d = days(date, entry.date!);
      return d >= 0 && d <= prior.lookbackDays;
    };
    const before = (tx.route?.port_calls ?? []).filter(
      (c) => priorCountries.includes(c.country) && c !== entry,
    );
    for (const c of before) {
      const where = `${c.port ? `${c.port}, ` : ''}${c.country.toUpperCase()}`;
      if (!c.date)
        reasons.push({
          ...base,
          kind: 'conditional',
          verdict: 'REVIEW',
          subject: '/route/port_calls',
          detail: `the vessel called at ${where} on an unstated date and calls at ${at}: a call within ${prior.lookbackDays} days before bars it (${m.title})`,
        });
      else if (inWindow(c.date))
        reasons.push({
          ...base,
          kind: 'measure',
          verdict: m.effect === 'prohibited' && m.citation.force === 'decides' ? 'BLOCK' : 'REVIEW',
          subject: '/route/port_calls',
          detail: `the vessel called at ${where} on ${c.date}, ${days(c.date, entry.date)} days before its call at ${at} (look-back ${prior.lookbackDays} days): ${m.title}`,
        });
    }
    if (prior.shipToShip)
      for (const [i, s] of (tx.vessel.sts ?? []).entries())
        if (!s.date || inWindow(s.date))
          reasons.push({
            ...base,
            kind: 'conditional',
            verdict: 'REVIEW',
            subject: `/vessel/sts/${i}`,
            detail: `ship-to-ship transfer with ${s.name ?? (s.imo ? `IMO ${s.imo}` : 'a vessel')}${s.date ? ` on ${s.date}` : ''} before the call at ${at}: barred if that vessel called at a port of ${prior.countries.join(', ')} within the previous ${prior.lookbackDays} days`,
          });
  }
  return reasons;
}
