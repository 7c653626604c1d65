/**
 * @module
 * US measures by whose conduct they reach (issue 14): exports of any goods, services or technology
 * from the United States or by a US person (EO 13722 sec. 3(a)(i)), new investment (sec.
 * 3(a)(ii)), facilitation of a foreign person's transaction (sec. 3(a)(iii)), DPRK-flagged
 * vessels (EO 13466 sec. 2, 31 CFR 510.207), importation into the United States (EO 13570 sec. 1),
 * items subject to the EAR (15 CFR 746.4), and a non-US person's exposure to secondary sanctions
 * (EO 13810 sec. 1(a)(iii) and sec. 4), stated as such.
 */
import type { Measure } from '../types.ts';
import { claimDetail, findClaim } from './_exemptions.ts';
import type { Transaction, TxGoods } from './transaction.ts';
import { cite, type Reason } from './verdict.ts';

/** Services that own, lease, operate, insure, register or flag a vessel (EO 13466 sec. 2). */
const VESSEL_SERVICES = [
  'registration',
  'register',
  'flagging',
  'flag',
  'ownership',
  'owning',
  'leasing',
  'lease',
  'operation',
  'operating',
  'ship management',
  'management',
  'insurance',
  'insuring',
  'chartering',
  'charter',
];

/** Roles whose country being the US makes the act a US person's. */
const ACTING_ROLES = ['exporter', 'shipper', 'seller', 'supplier', 'provider', 'broker', 'manager'];

/** Whether a US person acts, or the goods leave the United States. */
export function usPersonActs(tx: Transaction): boolean {
  if (tx.nexus?.us_person) return true;
  if (tx.route?.origin === 'us') return true;
  return tx.parties.some(
    (p) =>
      ACTING_ROLES.includes(p.role.toLowerCase()) && (p.country === 'us' || p.nationality === 'us'),
  );
}

/** What the judge knows of the transaction's trade with the target. */
export interface TargetTrade {
  /** Goods lines supplied to the target, with their pointers. */
  supplied: { g: TxGoods; pointer: string }[];
  /** Goods lines procured from the target. */
  procured: { g: TxGoods; pointer: string }[];
  /** The target takes part (a party, the flag, the route). */
  involved: boolean;
  /** The vessel flies the target's flag. */
  flagged: boolean;
}

/** Reasons of the US measures that carry `concerns.reach`, for one transaction. */
export function usReachReasons(
  tx: Transaction,
  measures: Measure[],
  trade: TargetTrade,
  date: string,
): Reason[] {
  const reasons: Reason[] = [];
  const usPerson = usPersonActs(tx);
  const service = tx.kind !== 'shipment' && trade.involved;
  const services = tx.services ?? [];
  const named = (list: string[]) =>
    services.find((s) => list.some((w) => s === w || s.includes(w))) ??
    (tx.kind === 'charter' && list.includes('chartering') ? 'chartering' : undefined);
  for (const m of measures) {
    const reach = m.concerns?.reach;
    if (!reach) continue;
    const base = { authority: m.authority, measure: m.id, citation: cite(m) };
    const prohibit = (subject: string, what: string): Reason => {
      const claim = findClaim(
        m,
        tx,
        date,
        trade.supplied.map((x) => x.g),
      );
      if (m.effect === 'conditional')
        return {
          ...base,
          kind: 'conditional',
          verdict: 'REVIEW',
          subject,
          detail: `${what}: permitted only if: ${(m.conditions ?? []).join(' ')}`,
        };
      if (claim)
        return {
          ...base,
          kind: 'exemption',
          verdict: 'REVIEW',
          citation: `${claim.exemption.citation.act} ${claim.exemption.citation.paragraph}`,
          subject,
          detail: claimDetail(what, claim, tx.declarations?.approval_ref),
        };
      return { ...base, kind: 'measure', verdict: 'BLOCK', subject, detail: `${what}: prohibited` };
    };
    const goodsSubject = (lines: { pointer: string }[]) => lines.map((x) => x.pointer).join(', ');
    if (reach === 'us-persons' && usPerson) {
      if (m.direction === 'import' && trade.supplied.length)
        reasons.push(
          prohibit(
            goodsSubject(trade.supplied),
            `${m.title}: goods (HS ${trade.supplied.map((x) => x.g.hs).join(', ')}) supplied to North Korea from the United States or by a US person`,
          ),
        );
      else if (m.direction === 'import' && service)
        reasons.push(
          prohibit(
            '/kind',
            `${m.title}: a ${tx.kind}${services.length ? ` (${services.join(', ')})` : ''} provided by a US person where North Korea takes part is an exportation of services to North Korea`,
          ),
        );
      else if (
        m.direction === 'registration' &&
        trade.flagged &&
        (named(VESSEL_SERVICES) || tx.kind === 'charter')
      )
        reasons.push(
          prohibit(
            '/vessel/flag',
            `${m.title}: a US person's ${named(VESSEL_SERVICES) ?? tx.kind} of a vessel flagged by North Korea`,
          ),
        );
      else if (m.direction === 'joint-venture' && named(['investment', 'invest']) && trade.involved)
        reasons.push(
          prohibit('/services', `${m.title}: new investment in North Korea by a US person`),
        );
    } else if (reach === 'into-us' && tx.route?.destination === 'us' && trade.procured.length)
      reasons.push(
        prohibit(
          goodsSubject(trade.procured),
          `${m.title}: goods from North Korea (HS ${trade.procured.map((x) => x.g.hs).join(', ')}) imported into the United States`,
        ),
      );
    else if (
      reach === 'us-items' &&
      (tx.nexus?.us_origin || tx.route?.origin === 'us') &&
      trade.supplied.length
    )
      reasons.push(
        prohibit(
          goodsSubject(trade.supplied),
          `${m.title}: US-origin items (subject to the EAR) supplied to North Korea`,
        ),
      );
    else if (reach === 'us-facilitation' && tx.nexus?.us_facilitation && trade.involved)
      reasons.push(
        prohibit(
          '/nexus/us_facilitation',
          `${m.title}: a US person approves, finances, facilitates or guarantees a foreign person's transaction with North Korea that would be prohibited if a US person performed it`,
        ),
      );
    else if (
      reach === 'non-us-persons' &&
      !usPerson &&
      !tx.nexus?.us_facilitation &&
      (trade.supplied.length || trade.procured.length || service)
    )
      reasons.push({
        ...base,
        kind: 'secondary-sanctions',
        verdict: 'REVIEW',
        subject: trade.supplied.length || trade.procured.length ? '/goods' : '/kind',
        detail: `US secondary-sanctions exposure under ${cite(m)}: ${m.conditions?.join(' ') ?? m.title}`,
      });
  }
  return reasons;
}
