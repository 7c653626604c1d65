/**
 * @module
 * OFAC's Consolidated Sanctions List (the non-SDN lists: SSI, NS-CMIC, NS-PLC, NS-MBS, CAPTA),
 * in its three formats: legacy CSV, XML (consolidated.xml, what `lists update` downloads) and the
 * advanced XML (cons_advanced.xml). None of its entries is blocked: topic `export.risk`, and the
 * Sanction's `provisions` name each programme's restriction. The parsing lives in `../_ofac/`.
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
  xml: {
    fileName: 'consolidated.xml',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML',
  },
  // Published at https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADVANCED.XML
  advanced: { fileName: 'cons_advanced.xml' },
});
