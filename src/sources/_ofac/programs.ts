/**
 * @module
 * OFAC programme tags and what a listing under them restricts. Every SDN entry is blocked; the
 * Consolidated (non-SDN) lists carry narrower restrictions that depend on the programme, which
 * the Sanction entity's `provisions` spells out so a screener can tell a securities ban from a
 * sectoral debt restriction.
 */

/** Issuing authority of both OFAC lists. */
export const AUTHORITY = 'Office of Foreign Assets Control (US Department of the Treasury)';

/** The Program column's tags: `DPRK3] [DPRK4` → `["DPRK3", "DPRK4"]`, deduplicated. */
export function splitPrograms(field: string | undefined): string[] {
  if (!field) return [];
  const out: string[] = [];
  for (const raw of field.split(/\]\s*\[/)) {
    const tag = raw.replace(/^\s*\[|\]\s*$/g, '').trim();
    if (tag && tag !== '-0-' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** The provision of every SDN listing. */
export const SDN_PROVISION =
  'Blocking (asset freeze): Specially Designated Nationals and Blocked Persons List';

// Non-SDN programme → the restriction its listing carries. Programmes not in this table fall back
// to a generic sentence (they appear on the non-SDN lists only beside one of these).
const NON_SDN: Record<string, string> = {
  'UKRAINE-EO13662':
    'Sectoral Sanctions Identifications (SSI) List: restrictions of the EO 13662 directive(s) stated (new debt, equity, deep-water/Arctic/shale projects); not blocked',
  'CMIC-EO13959':
    'Non-SDN Chinese Military-Industrial Complex Companies (NS-CMIC) List: purchase or sale of publicly traded securities prohibited (EO 13959 as amended by EO 14032); not blocked',
  'NS-PLC':
    'Non-SDN Palestinian Legislative Council (NS-PLC) List: transactions prohibited unless authorised, property not blocked (reject, do not block)',
  'RUSSIA-EO14024':
    'Non-SDN Menu-Based Sanctions (NS-MBS) List: EO 14024 menu-based sanctions and directive restrictions as stated; not blocked',
  'CAATSA - RUSSIA':
    'Non-SDN Menu-Based Sanctions (NS-MBS) List: CAATSA section 235 menu-based sanctions as stated; not blocked',
  'ILLICIT-DRUGS-EO14059':
    'Non-SDN Menu-Based Sanctions (NS-MBS) List: EO 14059 menu-based sanctions as stated; not blocked',
  'BURMA-EO14014':
    'Non-SDN Menu-Based Sanctions (NS-MBS) List: EO 14014 directive restrictions as stated; not blocked',
  '561-Related':
    'Correspondent Account or Payable-Through Account Sanctions (CAPTA) List: US financial institutions may not open or maintain correspondent or payable-through accounts (31 CFR part 561)',
};

/** Provisions for a non-SDN listing under `programs`. */
export function nonSdnProvisions(programs: string[]): string[] {
  const out = programs.map((p) => NON_SDN[p]).filter((p): p is string => !!p);
  if (!out.length)
    out.push(
      `Non-SDN listing (not blocked): restrictions under ${programs.join(', ') || 'the stated programme'} as stated in the entry`,
    );
  return out;
}
