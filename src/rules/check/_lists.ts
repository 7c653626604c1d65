/**
 * @module
 * US list hits other than the SDN list (issue 14): the BIS Denied Persons List (a denial order
 * takes away a person's export privileges, 15 CFR 764.3(a)(2)) and OFAC's non-SDN Consolidated
 * List (sectoral and other restrictions short of blocking).
 */
import type { Transaction } from './transaction.ts';
import type { ListHit, Reason } from './verdict.ts';

/** One finding: a party or vessel and its hits. */
interface Found {
  pointer: string;
  label: string;
}

/**
 * The reason for a US list hit that is not on the SDN list: a Denied Persons List party to an
 * export of goods is BLOCK citing the denial order; otherwise, and for the non-SDN lists, REVIEW
 * naming the restriction to confirm. A possible (name-only, uncertain) hit is REVIEW either way.
 */
export function usListReason(h: ListHit, f: Found, tx: Transaction): Reason {
  const sure = h.strength !== 'possible';
  const programs = h.programs?.length ? ` (${h.programs.join(', ')})` : '';
  const how = sure ? '' : ', possibly (by name, near the threshold): an analyst must judge';
  if (h.sources.includes('us_bis_dpl')) {
    const exports = tx.goods.length > 0;
    return {
      kind: 'designation',
      verdict: sure && exports ? 'BLOCK' : 'REVIEW',
      authority: 'us',
      citation: `BIS Denied Persons List: denial order against ${h.caption}${programs} (15 CFR 764.3(a)(2))`,
      subject: f.pointer,
      detail: exports
        ? `${f.label} is a denied person, ${h.caption} [${h.id}]${how}: the denial order bars taking part in any export of items subject to the EAR`
        : `${f.label} is a denied person, ${h.caption} [${h.id}]${how}: confirm that no item subject to the EAR is exported, reexported or transferred in this ${tx.kind}`,
      hits: [h],
    };
  }
  return {
    kind: 'designation',
    verdict: 'REVIEW',
    authority: 'us',
    citation: `OFAC Consolidated (non-SDN) List${programs}`,
    subject: f.pointer,
    detail: `${f.label} is on OFAC's non-SDN Consolidated List as ${h.caption} [${h.id}]${programs}${how}: not blocked, but the restriction of that program applies (sectoral directives limit new debt, equity or named dealings): confirm the transaction is none the program's directive prohibits`,
    hits: [h],
  };
}
