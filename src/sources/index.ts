/**
 * @module
 * The registry of list sources. Each source lives in its own folder with one door (`index.ts`).
 */
import {
  EmbargoError,
  ERROR_CODES,
  isSourceId,
  SOURCE_IDS,
  type ListSource,
  type SourceId,
} from '../core/index.ts';
import { source as euFsf } from './eu_fsf/index.ts';
import { source as ofacConsolidated } from './ofac_consolidated/index.ts';
import { source as ofacSdn } from './ofac_sdn/index.ts';
import { source as ukFcdo } from './uk_fcdo/index.ts';
import { source as ukOfsi } from './uk_ofsi/index.ts';
import { source as unSc } from './un_sc/index.ts';
import { source as usBisDpl } from './us_bis_dpl/index.ts';

/** Every source, by id. */
export const SOURCES: Readonly<Record<SourceId, ListSource>> = {
  ofac_sdn: ofacSdn,
  ofac_consolidated: ofacConsolidated,
  un_sc: unSc,
  uk_ofsi: ukOfsi,
  eu_fsf: euFsf,
  us_bis_dpl: usBisDpl,
  uk_fcdo: ukFcdo,
};

/** The source with this id, or a USAGE error listing the known ids. */
export function getSource(id: string): ListSource {
  if (!isSourceId(id))
    throw new EmbargoError(
      ERROR_CODES.UNKNOWN_SOURCE,
      `unknown source "${id}"; known sources: ${SOURCE_IDS.join(', ')}`,
    );
  return SOURCES[id];
}
