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
  ['inc', 'incorporated'],
  ['ltd', 'limited'],
  ['servs', 'services'],
  // Spanish, Portuguese, French, German
  ['cia', 'compania'],
  ['cie', 'compagnie'],
  // Turkish
  ['tic', 'ticaret'],
  ['sti', 'sirketi'],
  // Russian, transliterated
  ['obyed', 'obyedineniye'],
]);

/**
 * Words that name a company's line of business, spelled out (the abbreviations above are spelled
 * out before they are looked up here). Two companies whose names agree but for such a word
 * ("Black Sea Grain Trading Inc" and "BLACK SEA GRAIN CONSTRUCTION INC") are sibling companies of
 * one group, different parties (the matcher marks the pair down: see the aligner), and a
 * register's truncation of one ("Eng", "Constr") stands for the word.
 *
 * Source: the section and division titles of the UN's International Standard Industrial
 * Classification of All Economic Activities (ISIC Rev. 4, ST/ESA/STAT/SER.M/4/Rev.4, 2008) as
 * trade registers and company names word them (agriculture, fishing, mining, manufacturing of
 * textiles, chemicals, pharmaceuticals, steel, electronics, machinery; electricity and energy,
 * construction, wholesale trade and import-export, transport and shipping, insurance,
 * investment, real estate, engineering, technology), with their adjectives and plurals. Generic
 * words that name no line of business (group, holding, enterprises, company, international,
 * general, development) are not in it.
 */
export const BUSINESS_LINES: ReadonlySet<string> = new Set([
  // ISIC A: agriculture, forestry and fishing
  'agriculture',
  'agricultural',
  'agro',
  'farming',
  'forestry',
  'timber',
  'fishing',
  'fisheries',
  'fishery',
  'seafood',
  'grain',
  // B: mining and quarrying
  'mining',
  'minerals',
  'mineral',
  'coal',
  'petroleum',
  'oil',
  'gas',
  // C: manufacturing
  'manufacturing',
  'manufacturers',
  'textile',
  'textiles',
  'garment',
  'garments',
  'chemical',
  'chemicals',
  'petrochemical',
  'pharmaceutical',
  'pharmaceuticals',
  'steel',
  'metals',
  'metal',
  'metallurgical',
  'electronics',
  'electronic',
  'electrical',
  'electric',
  'machinery',
  'machine',
  'automotive',
  'aviation',
  'aerospace',
  'shipbuilding',
  'food',
  'foods',
  'tobacco',
  'cement',
  'paper',
  'plastics',
  'industrial',
  // D: electricity, gas, steam
  'energy',
  'power',
  // F: construction
  'construction',
  'building',
  'contracting',
  // G: wholesale and retail trade
  'trading',
  'trade',
  'import',
  'export',
  'commercial',
  'retail',
  'wholesale',
  // H: transportation and storage
  'shipping',
  'logistics',
  'transport',
  'transportation',
  'freight',
  'marine',
  'maritime',
  'navigation',
  'airlines',
  'tankers',
  // J: information and communication
  'technology',
  'technologies',
  'telecom',
  'telecommunications',
  'software',
  'media',
  // K: financial and insurance activities
  'insurance',
  'investment',
  'investments',
  'finance',
  'financial',
  'capital',
  'bank',
  'banking',
  'securities',
  // L: real estate
  'realty',
  'property',
  'properties',
  // M: professional, scientific and technical
  'engineering',
  'consulting',
  'research',
  // N, P, Q, R, S: services, education, health, tourism
  'services',
  'security',
  'medical',
  'tourism',
  'travel',
  'hotel',
  'hotels',
]);

/** Whether a token's primary form names a line of business (see {@link BUSINESS_LINES}). */
export function isBusinessLine(form: string): boolean {
  return BUSINESS_LINES.has(form);
}

/**
 * Whether `short` is a register's truncation of the business word `word`: its first three letters
 * or more, cut short ("eng" for engineering, "constr" for construction, "pharm" for
 * pharmaceutical).
 */
export function isTruncatedBusinessWord(short: string, word: string): boolean {
  return (
    short.length >= 3 &&
    short.length < word.length &&
    BUSINESS_LINES.has(word) &&
    word.startsWith(short)
  );
}

/**
 * The business words a word written with a dot may cut short ("Fish." → fisheries, fishing,
 * fishery; "Constr." → construction), for the tokenizer to add as spellings so that retrieval
 * reaches the full word. Empty for most words.
 */
export function truncatedBusinessWords(word: string): string[] {
  if (word.length < 3) return [];
  const out: string[] = [];
  for (const w of BUSINESS_LINES) if (isTruncatedBusinessWord(word, w)) out.push(w);
  return out;
}

/** The spelled-out word first, then the forms as written; the forms unchanged if none. */
export function expandCompanyWord(forms: readonly string[]): readonly string[] {
  const full = COMPANY_ABBREVIATIONS.get(forms[0] ?? '');
  return full ? [full, ...forms] : forms;
}

/**
 * Legal forms spelled out → the abbreviation registers use for them, from the ISO 20275 Entity
 * Legal Forms code list (GLEIF), which gives each form's local name and abbreviation: "Besloten
 * vennootschap" is BV, "Gesellschaft mit beschränkter Haftung" GmbH, "Obshchestvo s
 * ogranichennoy otvetstvennostyu" (Общество с ограниченной ответственностью) OOO. The spelled-out
 * words become the one abbreviated token, so "Nile Delta B.V." and "NILE DELTA BESLOTEN
 * VENNOOTSCHAP" write the same legal form.
 */
export const LEGAL_FORM_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['besloten vennootschap', 'bv'],
  ['naamloze vennootschap', 'nv'],
  ['gesellschaft mit beschrankter haftung', 'gmbh'],
  ['aktiengesellschaft', 'ag'],
  ['kommanditgesellschaft', 'kg'],
  ['sociedad anonima', 'sa'],
  ['societe anonyme', 'sa'],
  ['sociedade anonima', 'sa'],
  ['societa per azioni', 'spa'],
  ['societe a responsabilite limitee', 'sarl'],
  ['sociedad de responsabilidad limitada', 'srl'],
  ['societa a responsabilita limitata', 'srl'],
  ['aktsionernoye obshchestvo', 'ao'],
  ['aktsionernoe obshchestvo', 'ao'],
  ['zakrytoye aktsionernoye obshchestvo', 'zao'],
  ['otkrytoye aktsionernoye obshchestvo', 'oao'],
  ['publichnoye aktsionernoye obshchestvo', 'pao'],
  ['obshchestvo s ogranichennoy otvetstvennostyu', 'ooo'],
  ['obshchestvo s ogranichennoi otvetstvennostiu', 'ooo'],
  ['limited liability company', 'llc'],
  ['limited liability partnership', 'llp'],
  ['joint stock company', 'jsc'],
  ['open joint stock company', 'ojsc'],
  ['closed joint stock company', 'cjsc'],
  ['public joint stock company', 'pjsc'],
  ['public limited company', 'plc'],
  ['sendirian berhad', 'sdn bhd'],
  ['anonim sirketi', 'as'],
  ['limited sirketi', 'ltd sti'],
  ['free zone establishment', 'fze'],
  ['free zone company', 'fzco'],
]);

/** Spelled-out legal forms by their first word, as word arrays, longest first. */
export const LEGAL_FORM_PHRASES: ReadonlyMap<string, readonly string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of LEGAL_FORM_ABBREVIATIONS.keys()) {
    const words = phrase.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();
