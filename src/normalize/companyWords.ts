/**
 * @module
 * Business-word abbreviations, spelled out so that "KOREA MINING DEVELOPMENT TRADING CORP" and
 * "…CORPORATION", "Intl Trdg Co" and "International Trading Company" are the same words to the
 * matcher, as legal forms are. The abbreviated token takes the full word as its primary form and
 * keeps the abbreviation as a spelling, so it is weighed as the full word (a legal form or
 * company word weighs little; "Development" is a name word). "Dev" is kept although it is also a
 * given name: the name still matches itself through the spelling kept.
 *
 * Sources: the abbreviations of business words in company registers and trade documents of the
 * lists' parties' languages: English (Companies House and SEC EDGAR conformed names write Corp,
 * Co, Intl, Mfg, Bros, Hldgs), Spanish and Portuguese (Cía.), French (Cie), Turkish trade-register titles (Tic., Şti. for Ticaret, Şirketi) and
 * Russian transliterated (Obyed. for Obyedineniye). Only abbreviations that are not themselves
 * names are listed: "Gen" and "Ind" (given names), "Eng" (a surname), "San" (a Korean name
 * syllable, and Turkish Sanayi), "Ste" (Sainte), "Soc", "Ent" and "Nav" are left out.
 */

/** Abbreviation (folded: lower-case ASCII, no dots) → the word it stands for. */
export const COMPANY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  // English
  ['corp', 'corporation'],
  ['corpn', 'corporation'],
  ['co', 'company'],
  ['cos', 'companies'],
  ['intl', 'international'],
  ['intnl', 'international'],
  ['internat', 'international'],
  ['trdg', 'trading'],
  ['tdg', 'trading'],
  ['trad', 'trading'],
  ['mfg', 'manufacturing'],
  ['mfrs', 'manufacturers'],
  ['bros', 'brothers'],
  ['hldgs', 'holdings'],
  ['hldg', 'holding'],
  ['grp', 'group'],
  ['dev', 'development'],
  ['devt', 'development'],
  ['mgmt', 'management'],
  ['mgt', 'management'],
  ['svcs', 'services'],
  ['svc', 'service'],
  ['assn', 'association'],
  ['assoc', 'associates'],
  ['natl', 'national'],
  ['inds', 'industries'],
  ['indus', 'industries'],
  ['engg', 'engineering'],
  ['eqpt', 'equipment'],
  ['equip', 'equipment'],
  ['elec', 'electric'],
  ['chem', 'chemical'],
  ['shpg', 'shipping'],
  ['shipg', 'shipping'],
  ['transp', 'transport'],
  ['constr', 'construction'],
  ['invest', 'investment'],
  ['invt', 'investment'],
  ['mktg', 'marketing'],
  ['ents', 'enterprises'],
  ['tech', 'technology'],
  ['techs', 'technologies'],
  ['coop', 'cooperative'],
  ['dept', 'department'],
  ['govt', 'government'],
  ['petrochem', 'petrochemical'],
  // Spanish, Portuguese, French, German
  ['cia', 'compania'],
  ['cie', 'compagnie'],
  // Turkish
  ['tic', 'ticaret'],
  ['sti', 'sirketi'],
  // Russian, transliterated
  ['obyed', 'obyedineniye'],
]);

/** The spelled-out word first, then the forms as written; the forms unchanged if none. */
export function expandCompanyWord(forms: readonly string[]): readonly string[] {
  const full = COMPANY_ABBREVIATIONS.get(forms[0] ?? '');
  return full ? [full, ...forms] : forms;
}
