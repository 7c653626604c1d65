/**
 * @module
 * OFAC's Specially Designated Nationals and Blocked Persons (SDN) List, in its three formats:
 * legacy CSV, XML (sdn.xml, what `lists update` downloads) and the advanced XML
 * (sdn_advanced.xml). Every entry is blocked (asset freeze): topic `sanction`. The parsing lives
 * in `../_ofac/`.
 */
import type { ListSource } from '../../core/index.ts';
import { makeOfacSource } from '../_ofac/index.ts';

/** The SDN list source. */
export const source: ListSource = makeOfacSource({
  id: 'ofac_sdn',
  title: 'OFAC Specially Designated Nationals and Blocked Persons (SDN) List',
  url: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
  blocking: true,
  fileNames: { primary: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' },
  xml: {
    fileName: 'sdn.xml',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
  },
  // Published at https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML
  advanced: { fileName: 'sdn_advanced.xml' },
});
