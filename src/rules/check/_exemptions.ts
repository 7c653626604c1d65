/**
 * @module
 * Exceptions a transaction can claim (issue 14): by key in `declarations.exemption`, by a
 * Committee approval reference, or recognised from the words of `declarations.purpose` or a goods
 * line's description (2397 OP7's aircraft models). A claim never clears: it makes a prohibition
 * REVIEW, with the exception's own condition and citation to confirm.
 */
import type { Exemption, Measure } from '../types.ts';
import { DECLARABLE_KINDS } from '../validate.ts';
import { namedTerm } from './_goods.ts';
import type { Transaction, TxGoods } from './transaction.ts';

/** The key an exemption is claimed by, or undefined when it cannot be claimed. */
export function exemptionKey(e: Exemption): string | undefined {
  if (e.key) return e.key;
  return DECLARABLE_KINDS.includes(e.kind) ? e.kind : undefined;
}

/**
 * The exemptions of `m` a transaction on `date` can claim: those with a key that exist on that
 * date (2321 OP46's general Committee exemption not before 30 Nov 2016). Wind-downs are judged
 * apart, from the contract date.
 */
export function claimable(m: Measure, date: string): Exemption[] {
  return (m.exemptions ?? []).filter(
    (e) =>
      e.kind !== 'contract-before' &&
      exemptionKey(e) !== undefined &&
      (e.effective === undefined || e.effective <= date),
  );
}

/** An exemption a transaction claims or states, and how. */
export interface Claim {
  exemption: Exemption;
  key: string;
  /** `claimed` by key; `recognised` from the words, quoted in `words`. */
  how: 'claimed' | 'recognised';
  words?: string;
}

/** The keys a transaction claims: its exemption keys, its purpose, an approval reference. */
export function claimedKeys(tx: Transaction): Set<string> {
  const d = tx.declarations;
  const keys = new Set<string>(d?.exemption ?? []);
  if (d?.purpose) keys.add(d.purpose);
  if (d?.approval_ref) keys.add('committee-approval');
  return keys;
}

/**
 * The exemption of `m` on `date` that the transaction claims, or whose condition its purpose or
 * the given goods lines' descriptions state; undefined when none.
 */
export function findClaim(
  m: Measure,
  tx: Transaction,
  date: string,
  goods: TxGoods[] = [],
): Claim | undefined {
  const offered = claimable(m, date);
  const keys = claimedKeys(tx);
  for (const e of offered) {
    const key = exemptionKey(e)!;
    if (keys.has(key)) return { exemption: e, key, how: 'claimed' };
  }
  for (const e of offered) {
    if (!e.recognise) continue;
    const texts = [tx.declarations?.purpose, ...goods.map((g) => g.description)];
    for (const t of texts) {
      const words = namedTerm(t, e.recognise);
      if (words) return { exemption: e, key: exemptionKey(e)!, how: 'recognised', words };
    }
  }
  return undefined;
}

/** Keys claimed that `m` does not offer on `date`, to say so beside a BLOCK. */
export function unmetClaims(m: Measure, tx: Transaction, date: string): string[] {
  const offered = new Set(claimable(m, date).map((e) => exemptionKey(e)));
  return [...(tx.declarations?.exemption ?? [])].filter((k) => !offered.has(k));
}

/** The words of a REVIEW for a claim: what the analyst must confirm, and where it comes from. */
export function claimDetail(what: string, c: Claim, approvalRef?: string): string {
  const by =
    c.how === 'claimed'
      ? `the ${c.key} exception is claimed`
      : `the ${c.key} exception is stated ("${c.words}")`;
  return `${what}: prohibited unless ${c.exemption.citation.act} ${c.exemption.citation.paragraph} holds (${by}); confirm: ${c.exemption.condition}${approvalRef ? ` (approval ${approvalRef})` : ''}`;
}
