/**
 * @module
 * OFAC's Consolidated Sanctions List (the non-SDN lists: SSI, NS-CMIC, NS-PLC, NS-MBS, CAPTA),
 * legacy CSV format. None of its entries is blocked: topic `export.risk`, and the Sanction's
 * `provisions` name each programme's restriction. The parsing lives in `../_ofac/`.
 */
import type { ListSource } from '../../core/index.ts';
import { makeOfacSource } from '../_ofac/index.ts';

/** The Consolidated (non-SDN) list source. */
export const source: ListSource = makeOfacSource({
  id: 'ofac_consolidated',
  title: 'OFAC Consolidated Sanctions List (non-SDN lists)',
  url: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
  blocking: false,
  fileNames: {
    primary: 'cons_prim.csv',
    alt: 'cons_alt.csv',
    add: 'cons_add.csv',
    comments: 'cons_comments.csv',
  },
});
