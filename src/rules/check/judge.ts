/**
 * @module
 * Judging a transaction against a regime's measures, authority by authority (issues 4, 14).
 *
 * - Measures are those in force on the transaction's date (or `asOf`), of each authority.
 * - Direction comes from the route, seen from the target: goods from the target are an export
 *   ("States shall prohibit the procurement … from the DPRK"), goods into it an import ("prevent
 *   the direct or indirect supply, sale or transfer to the DPRK"); charters and services are
 *   judged against the service measures.
 * - Goods lines meet a measure's goods by HS code and, where the code cannot tell, by the words of
 *   their description (`_goods.ts`); US measures by whose conduct they reach (`_us.ts`).
 * - A binding prohibition is BLOCK; a wind-down, a claimed or recognised exception
 *   (`_exemptions.ts`), a conditional measure, a cap still open, a calls-upon paragraph, goods the
 *   HS code or description cannot decide and a possible name hit are REVIEW, each saying what the
 *   analyst must confirm.
 * - Screening is injected (`screenParty`, `vesselByImo`): the rules never reach into the engine.
 */
import { measuresInForce, windDownFor } from '../load.ts';
import { applyScenario, type Scenario } from '../scenario.ts';
import type { Authority, Measure, Regime } from '../types.ts';
import { claimDetail, findClaim, unmetClaims } from './_exemptions.ts';
import { matchGoods } from './_goods.ts';
import { usListReason } from './_lists.ts';
import { usReachReasons, usPersonActs, type TargetTrade } from './_us.ts';
import { checkCap, CapLedger, type CapUse } from './caps.ts';
import { portEntryReasons } from './portEntry.ts';
import type { Transaction, TxGoods, TxParty } from './transaction.ts';
import {
  cite,
  worst,
  type AuthorityVerdict,
  type CapState,
  type ListHit,
  type Reason,
  type TradeVerdict,
} from './verdict.ts';

/** Which authority a list speaks for. Lists of no authority here are not judged. */
export const LIST_AUTHORITY: Record<string, Authority> = {
  un_sc: 'un',
  ofac_sdn: 'us',
  ofac_consolidated: 'us',
  us_bis_dpl: 'us',
  eu_fsf: 'eu',
  uk_ofsi: 'uk',
  uk_fcdo: 'uk',
};

/** What the judge needs besides the transaction. */
export interface JudgeContext {
  regime: Regime;
  /** Authorities that bind the user (--authority; default un). */
  authorities: Authority[];
  /** Judge the measures on this date instead of the transaction's (--as-of). */
  asOf?: string;
  /**
   * Screens a party (or a vessel: `role: 'vessel'`, identifiers.imo) against the lists; returns
   * the hits worth reporting (matches and possible matches).
   */
  screenParty: (party: TxParty) => ListHit[];
  /** Listed vessels bearing this IMO number (an exact identifier match: decisive). */
  vesselByImo: (imo: string) => ListHit[];
  /** Cap usage so far; a fresh one per call when omitted. */
  ledger?: CapLedger;
  /** Judge as if this relief scenario had been adopted: its lifted measures no longer apply. */
  scenario?: Scenario;
}

/** Directions judged for each kind of service transaction. */
const SERVICE_DIRECTIONS: Record<string, Measure['direction'][]> = {
  charter: ['charter'],
  service: ['other-service', 'crew', 'insurance', 'registration', 'ship-to-ship'],
  payment: ['finance'],
};

const targetsOf = new WeakMap<Regime, Set<string>>();

/**
 * The target countries of a regime: the countries its goods measures concern (lower case). Port
 * measures may concern the authority's own country (a US port, 31 CFR 510.208), which is no target.
 */
function targets(regime: Regime): Set<string> {
  let s = targetsOf.get(regime);
  if (s) return s;
  s = new Set<string>();
  targetsOf.set(regime, s);
  for (const m of regime.measures)
    if (m.direction === 'export' || m.direction === 'import')
      for (const c of m.concerns?.countries ?? []) s.add(c.toLowerCase());
  return s;
}

/** Whether each goods line leaves or enters the target, from the route, else the parties. */
function directionsOf(tx: Transaction, g: TxGoods, target: Set<string>): Set<'export' | 'import'> {
  const d = new Set<'export' | 'import'>();
  const t = (c?: string) => c !== undefined && target.has(c);
  const role = (roles: string[]) =>
    tx.parties.some((p) => roles.includes(p.role.toLowerCase()) && t(p.country));
  const origin = tx.route?.origin;
  const dest = tx.route?.destination;
  // 1718 OP8(b): procurement from the DPRK "whether or not originating in the territory of the
  // DPRK": shipped from it, or its goods shipped on by anyone.
  if (t(origin) || t(g.origin) || (origin === undefined && role(['exporter', 'shipper', 'seller'])))
    d.add('export');
  if (t(dest) || (dest === undefined && role(['importer', 'consignee', 'buyer']))) d.add('import');
  return d;
}

/** Whether the target country takes part at all: a party, the flag, the route. */
function involvesTarget(tx: Transaction, target: Set<string>): boolean {
  const t = (c?: string) => c !== undefined && target.has(c);
  return (
    tx.parties.some((p) => t(p.country) || t(p.nationality)) ||
    t(tx.vessel?.flag) ||
    t(tx.route?.origin) ||
    t(tx.route?.destination) ||
    (tx.route?.transshipment ?? []).some(t) ||
    (tx.route?.port_calls ?? []).some((c) => t(c.country))
  );
}

/** Judges one transaction. Records its cap usage in the ledger (replacing any earlier record). */
export function judge(tx: Transaction, ctx: JudgeContext): TradeVerdict {
  const date = ctx.asOf ?? tx.date;
  const ledger = ctx.ledger ?? new CapLedger();
  const target = targets(ctx.regime);
  const inForce = ctx.scenario
    ? applyScenario(ctx.regime, ctx.scenario, date)
    : measuresInForce(ctx.regime, date);
  const caps: CapState[] = [];
  const uses: CapUse[] = [];

  // Screening once, shared by every authority.
  const partyHits = tx.parties.map((p, i) => ({
    pointer: `/parties/${i}`,
    label: `${p.role} ${p.name}`,
    hits: ctx.screenParty(p),
  }));
  const vesselHits = vesselFindings(tx, ctx);

  const nexus = !!(
    tx.nexus?.us_person ||
    tx.nexus?.usd ||
    tx.nexus?.us_origin ||
    tx.nexus?.us_facilitation ||
    usPersonActs(tx)
  );
  const bound = (a: Authority) => ctx.authorities.includes(a) || (a === 'us' && nexus);
  const judged = new Set<Authority>(ctx.authorities);
  if (nexus) judged.add('us');
  // US designations reach non-US persons as secondary-sanctions risk: shown, as REVIEW.
  const onSdn = [...partyHits, ...vesselHits].some((x) =>
    x.hits.some((h) => h.sources.some((s) => LIST_AUTHORITY[s] === 'us')),
  );
  if (onSdn) judged.add('us');
  // Port-entry look-backs bind where the port is, whatever else ties the transaction.
  const portReasons = portEntryReasons(tx, inForce);
  for (const r of portReasons) judged.add(r.authority);

  const byAuthority: TradeVerdict['by_authority'] = {};
  for (const a of judged) {
    const measures = inForce.filter((m) => m.authority === a);
    const reasons: Reason[] = portReasons.filter((r) => r.authority === a);
    if (bound(a)) {
      const plain = measures.filter((m) => !m.concerns?.reach);
      reasons.push(...goodsReasons(tx, a, plain, target, date, ledger, caps, uses));
      reasons.push(...serviceReasons(tx, a, plain, target, date));
      reasons.push(...usReachReasons(tx, measures, targetTrade(tx, target), date));
      reasons.push(...listReasons(a, measures, partyHits, 'designation', tx));
      reasons.push(...listReasons(a, measures, vesselHits, 'vessel', tx));
    } else {
      for (const x of [...partyHits, ...vesselHits]) {
        const hits = x.hits.filter((h) => h.sources.some((s) => LIST_AUTHORITY[s] === a));
        if (hits.length)
          reasons.push({
            kind: 'secondary-sanctions',
            verdict: 'REVIEW',
            authority: a,
            citation: listNames(hits),
            subject: x.pointer,
            detail: `${x.label} resembles ${hits.map((h) => h.caption).join(', ')} on ${listNames(hits)}; no US nexus binds this transaction: secondary-sanctions risk, confirm whether the party is the listed one before dealing with it`,
            hits,
          });
      }
    }
    const verdict: AuthorityVerdict = {
      verdict: worst(reasons.map((r) => r.verdict)),
      bound: bound(a),
      reasons,
    };
    byAuthority[a] = verdict;
  }
  const all = Object.values(byAuthority);
  const verdict = worst(all.map((v) => v.verdict));
  // A blocked transaction should not take place: it uses none of any cap.
  ledger.record(tx.id, verdict === 'BLOCK' ? [] : uses);
  return {
    id: tx.id,
    date,
    verdict,
    by_authority: byAuthority,
    reasons: all.flatMap((v) => v.reasons),
    caps,
  };
}

/** A party or vessel and what screening found. */
export interface Finding {
  pointer: string;
  label: string;
  hits: ListHit[];
}

/** A vessel the judge looks for: the transaction's own, or one of its ship-to-ship partners. */
interface VesselAsk {
  pointer: string;
  name?: string;
  imo?: string;
}

function vesselsOf(tx: Transaction): VesselAsk[] {
  if (!tx.vessel) return [];
  return [
    { pointer: '/vessel', name: tx.vessel.name, imo: tx.vessel.imo },
    ...(tx.vessel.sts ?? []).map((s, i) => ({
      pointer: `/vessel/sts/${i}`,
      name: s.name,
      imo: s.imo,
    })),
  ];
}

/** The party a vessel's name is screened as (with its IMO number, which decides if it matches). */
function vesselAsParty(name: string, imo?: string): TxParty {
  return { role: 'vessel', name, ...(imo && { identifiers: { imo } }) };
}

/**
 * Every screening judging `tx` asks for, whatever it finds: each party, and each vessel (with
 * its ship-to-ship partners) by IMO number and by name. A book's runner screens these ahead, on
 * other processes, and the judge reads the answers.
 */
export function screeningAsks(tx: Transaction): { parties: TxParty[]; imos: string[] } {
  const vessels = vesselsOf(tx);
  return {
    parties: [
      ...tx.parties,
      ...vessels.flatMap((v) => (v.name ? [vesselAsParty(v.name, v.imo)] : [])),
    ],
    imos: vessels.flatMap((v) => (v.imo ? [v.imo] : [])),
  };
}

/**
 * The vessel and its ship-to-ship partners: by IMO number first (decisive, whatever name the
 * vessel sails under); by name only when no IMO is given or the listed vessel states none, and then
 * a possible hit at most. A listed vessel with another IMO number is another vessel.
 */
function vesselFindings(tx: Transaction, ctx: JudgeContext): Finding[] {
  const out: Finding[] = [];
  for (const { pointer, name, imo } of vesselsOf(tx)) {
    const hits: ListHit[] = [];
    if (imo)
      hits.push(...ctx.vesselByImo(imo).map((h) => ({ ...h, strength: 'decisive' as const })));
    if (name)
      for (const h of ctx.screenParty(vesselAsParty(name, imo)))
        if (!hits.some((x) => x.id === h.id))
          hits.push(imo && h.strength !== 'decisive' ? { ...h, strength: 'possible' } : h);
    const label = `vessel ${name ?? ''}${imo ? ` (IMO ${imo})` : ''}`.trim();
    if (hits.length) out.push({ pointer, label, hits });
  }
  return out;
}

/**
 * The designation measure of an authority in force that a list hit is cited under. A person or
 * entity a resolution listed in its annexes carries that resolution's adoption date as its listing
 * date (2094 OP8, 2270 OP10, 2321 OP3, 2356 OP3, 2371 OP3, 2375 OP3, 2397 OP3): the measure of
 * that date is cited; a Committee designation falls back to 1718 OP8(d).
 */
function designationMeasure(
  measures: Measure[],
  vessel: boolean,
  listedOn?: string,
): Measure | undefined {
  const freeze = (m: Measure) => m.tags.includes('designation') && m.direction === 'finance';
  if (vessel) {
    const v = measures.find((m) => freeze(m) && m.concerns?.vessels === 'designated');
    if (v) return v;
  }
  const persons = measures.filter((m) => freeze(m) && m.concerns?.parties === 'designated');
  return (listedOn && persons.find((m) => m.effective === listedOn)) || persons[0];
}

/** The US lists hits come from, in words. */
function listNames(hits: ListHit[]): string {
  const names: Record<string, string> = {
    ofac_sdn: 'the OFAC SDN List',
    ofac_consolidated: 'the OFAC Consolidated (non-SDN) List',
    us_bis_dpl: 'the BIS Denied Persons List',
  };
  const s = new Set(hits.flatMap((h) => h.sources.filter((x) => names[x]).map((x) => names[x]!)));
  return [...s].join(', ') || 'a US list';
}

/** Goods to and from the target, and whether it takes part: what the US reach rules ask. */
function targetTrade(tx: Transaction, target: Set<string>): TargetTrade {
  const supplied: TargetTrade['supplied'] = [];
  const procured: TargetTrade['procured'] = [];
  tx.goods.forEach((g, i) => {
    const d = directionsOf(tx, g, target);
    if (d.has('import')) supplied.push({ g, pointer: `/goods/${i}` });
    if (d.has('export')) procured.push({ g, pointer: `/goods/${i}` });
  });
  return {
    supplied,
    procured,
    involved: involvesTarget(tx, target),
    flagged: tx.vessel?.flag !== undefined && target.has(tx.vessel.flag),
  };
}

/** Party or vessel hits on an authority's own lists. */
function listReasons(
  a: Authority,
  measures: Measure[],
  findings: Finding[],
  kind: 'designation' | 'vessel',
  tx: Transaction,
): Reason[] {
  const reasons: Reason[] = [];
  for (const f of findings) {
    let hits = f.hits.filter((h) => h.sources.some((s) => LIST_AUTHORITY[s] === a));
    if (a === 'us') {
      // Only the SDN list blocks property; the Denied Persons and non-SDN lists restrict otherwise.
      for (const h of hits.filter((x) => !x.sources.includes('ofac_sdn')))
        reasons.push(usListReason(h, f, tx));
      hits = hits.filter((x) => x.sources.includes('ofac_sdn'));
    }
    if (!hits.length) continue;
    const sure = hits.filter((h) => h.strength !== 'possible');
    const best = sure[0] ?? hits[0]!;
    const m = designationMeasure(measures, kind === 'vessel', best.listed_on);
    const how =
      best.strength === 'decisive'
        ? 'by identifier (IMO number), decisive'
        : best.strength === 'match'
          ? `by name (score ${best.score.toFixed(2)})`
          : `possibly, by name (score ${best.score.toFixed(2)}): an analyst must judge`;
    reasons.push({
      kind,
      verdict: sure.length ? 'BLOCK' : 'REVIEW',
      authority: a,
      ...(m && { measure: m.id }),
      // Without a measure file (the US, for now), the listing itself is the authority.
      citation: m
        ? cite(m)
        : `${best.sources.join(', ')} listing${best.programs?.length ? ` (${best.programs.join(', ')})` : ''}`,
      subject: f.pointer,
      detail: `${f.label} is listed as ${best.caption} [${best.id}] ${how}`,
      hits,
    });
  }
  return reasons;
}

/** Measures over goods lines: HS scope, wind-downs, exemptions, caps. */
function goodsReasons(
  tx: Transaction,
  a: Authority,
  measures: Measure[],
  target: Set<string>,
  date: string,
  ledger: CapLedger,
  caps: CapState[],
  uses: CapUse[],
): Reason[] {
  const reasons: Reason[] = [];
  // Goods lines wholly within each measure, to add up against caps.
  const covered = new Map<Measure, { goods: TxGoods[]; pointers: string[]; items: string[] }>();
  tx.goods.forEach((g, i) => {
    const pointer = `/goods/${i}`;
    const dirs = directionsOf(tx, g, target);
    for (const m of measures) {
      if (m.direction !== 'export' && m.direction !== 'import') continue;
      if (!dirs.has(m.direction)) continue;
      const match = matchGoods(m.goods, g);
      if (match.state === 'out') continue;
      if (match.state === 'ask') {
        reasons.push({
          kind: match.kind,
          verdict: 'REVIEW',
          authority: a,
          measure: m.id,
          citation: match.item?.citation ?? cite(m),
          subject: match.kind === 'hs-unclassified' ? `${pointer}/hs` : pointer,
          detail: `${m.title}: ${match.question}`,
        });
        continue;
      }
      const c = covered.get(m) ?? { goods: [], pointers: [], items: [] };
      c.goods.push(g);
      c.pointers.push(pointer);
      if (match.item) {
        const it = match.item;
        const words = `${it.name} (${it.citation}${it.inferred ? `; our reading: ${it.inferred}` : ''})`;
        if (!c.items.includes(words)) c.items.push(words);
      }
      covered.set(m, c);
    }
  });
  for (const [m, { goods, pointers, items }] of covered) {
    const subject = pointers.join(', ');
    const base = { authority: a, measure: m.id, citation: cite(m), subject };
    const what = `${m.title} (HS ${goods.map((g) => g.hs).join(', ')}${items.length ? `: ${items.join('; ')}` : ''})`;
    if (m.citation.force === 'calls-upon') {
      // A calls-upon paragraph asks; it does not oblige: REVIEW, never BLOCK.
      reasons.push({
        ...base,
        kind: 'calls-upon',
        verdict: 'REVIEW',
        detail: `${what}: the Council calls upon States, it does not decide: confirm whether your State has made it binding`,
      });
      continue;
    }
    const wind = windDownFor(m, date, tx.declarations?.contract_date);
    if (wind) {
      reasons.push({
        ...base,
        kind: 'wind-down',
        verdict: 'REVIEW',
        citation: `${wind.citation.act} ${wind.citation.paragraph}`,
        detail: `${what}: permitted only for a contract signed before ${wind.contractBefore} (declared ${tx.declarations?.contract_date}) and performed by ${wind.until ?? 'no stated end'}: ${wind.condition}`,
      });
      continue;
    }
    if (m.cap) {
      const check = checkCap(m, goods, date, ledger, tx.id);
      if (check) {
        caps.push(check.state);
        if (check.use) uses.push(check.use);
        const conditions = (m.conditions ?? []).join(' ');
        reasons.push({
          ...base,
          kind: 'cap',
          verdict: check.state.state === 'over' ? 'BLOCK' : 'REVIEW',
          detail:
            check.state.state === 'over'
              ? `${what}: ${check.state.detail}`
              : check.state.state === 'unknown'
                ? `${what}: cannot count against the cap: ${check.state.detail}; state the quantity in ${m.cap.quantity?.unit ?? m.cap.value?.currency} to judge it`
                : `${what}: under the cap (${check.state.detail}); permitted only if: ${conditions}`,
        });
        continue;
      }
    }
    const claim = findClaim(m, tx, date, goods);
    if (m.effect === 'conditional') {
      reasons.push({
        ...base,
        kind: 'conditional',
        verdict: 'REVIEW',
        detail: `${what}: permitted only if: ${(m.conditions ?? []).join(' ') || 'the conditions of the measure are met'}`,
      });
      continue;
    }
    if (claim) {
      reasons.push({
        ...base,
        kind: 'exemption',
        verdict: 'REVIEW',
        citation: `${claim.exemption.citation.act} ${claim.exemption.citation.paragraph}`,
        detail: claimDetail(what, claim, tx.declarations?.approval_ref),
      });
      continue;
    }
    const unmet = unmetClaims(m, tx, date);
    reasons.push({
      ...base,
      kind: 'measure',
      verdict: 'BLOCK',
      detail: `${what}: prohibited${unmet.length ? ` (the claimed ${unmet.join(', ')} is no exception of this measure on ${date})` : ''}`,
    });
  }
  // A route through the target that neither starts nor ends there.
  const via = [
    ...(tx.route?.transshipment ?? []),
    ...(tx.route?.port_calls ?? []).map((c) => c.country),
  ].filter((c) => target.has(c));
  if (via.length && tx.goods.every((g) => directionsOf(tx, g, target).size === 0))
    reasons.push({
      kind: 'route',
      verdict: 'REVIEW',
      authority: a,
      subject: '/route',
      detail: `the route calls at or transships through ${[...new Set(via)].join(', ').toUpperCase()}: confirm that no goods are loaded or unloaded there (goods may be supplied to or procured from the target)`,
    });
  return reasons;
}

/** Measures over services (charter, service, payment) where the target takes part. */
function serviceReasons(
  tx: Transaction,
  a: Authority,
  measures: Measure[],
  target: Set<string>,
  date: string,
): Reason[] {
  const directions = SERVICE_DIRECTIONS[tx.kind];
  if (!directions || !involvesTarget(tx, target)) return [];
  const reasons: Reason[] = [];
  const flagged = tx.vessel?.flag !== undefined && target.has(tx.vessel.flag);
  for (const m of measures) {
    if (!directions.includes(m.direction)) continue;
    // Measures on designated parties or vessels are judged through the lists.
    if (m.concerns?.parties === 'designated' || m.concerns?.vessels === 'designated') continue;
    if (m.concerns?.vessels === 'flagged' && !flagged) continue;
    const base = { authority: a, measure: m.id, citation: cite(m), subject: `/kind` };
    // A charter of a target-flagged vessel, or chartering to the target (2321 OP8, 2371 OP7), is
    // prohibited outright; any other service needs a human to see whether the measure covers it.
    const block =
      m.citation.force === 'decides' &&
      m.effect === 'prohibited' &&
      m.direction === 'charter' &&
      !findClaim(m, tx, date);
    reasons.push({
      ...base,
      kind: 'service',
      verdict: block ? 'BLOCK' : 'REVIEW',
      detail: block
        ? `${m.title}: prohibited`
        : `a ${tx.kind}${tx.services?.length ? ` (${tx.services.join(', ')})` : ''} where North Korea takes part: confirm whether it is one the measure prohibits: ${m.title}`,
    });
  }
  return reasons;
}
