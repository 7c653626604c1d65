/**
 * @module
 * Legal-form words (LLC, Ltd, JSC, GmbH…). Parsers use them to tell a company from another kind of
 * organisation; the matcher (later) uses them to weigh such words low.
 */

/**
 * Legal forms and company words, folded to lower case without dots. Multi-word forms are matched
 * as phrases. Two-letter forms that are also common name particles (Arabic "as", Swedish "ab" in
 * transliterations, Indonesian "pt") are left out: they would make a person or a militant group
 * look like a company.
 */
export const LEGAL_FORMS = [
  'llc',
  'l l c',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'jsc',
  'ojsc',
  'cjsc',
  'pjsc',
  'ooo',
  'zao',
  'oao',
  'pao',
  'gmbh',
  'ag',
  'kg',
  'sa',
  's a',
  'sarl',
  's a r l',
  'srl',
  'spa',
  'bv',
  'b v',
  'nv',
  'n v',
  'a s',
  'oy',
  'sas',
  'fze',
  'fzco',
  'fzc',
  'fz llc',
  'llp',
  'lp',
  'pte',
  'pty',
  'bhd',
  'sdn bhd',
  'tbk',
  'jsc',
  'sociedad anonima',
  'societe anonyme',
  'sa de cv',
  's a de c v',
  'sirketi',
  'limited liability company',
  'joint stock company',
  'closed joint stock company',
  'open joint stock company',
  'trading',
  'holding',
  'holdings',
  'enterprises',
  'industries',
  'shipping',
] as const;

const PHRASES = [...new Set(LEGAL_FORMS)].sort((a, b) => b.length - a.length);

function fold(name: string): string {
  return ` ${name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,'"()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/**
 * Legal forms written in other scripts, with the Latin form they stand for. Hebrew: בע״מ
 * (be-eravon mugbal, "with limited liability": Ltd; also with an ASCII quote or none);
 * Burmese: ကုမ္ပဏီ လီမိတက် (company limited; written with or without a space); Georgian:
 * შპს (LLC) and სს (JSC) (Law of Georgia on Entrepreneurs, art. 2); Armenian: ՍՊԸ (LLC),
 * ՓԲԸ (closed JSC), ԲԲԸ (open JSC); Khmer: ក្រុមហ៊ុន (company); Thai: บริษัท … จำกัด
 * (company … limited) and its public form มหาชน.
 */
const NATIVE_FORMS: readonly (readonly [RegExp, string])[] = [
  [/(^|[^\p{L}\p{M}])בע["״']?מ($|[^\p{L}\p{M}])/u, 'ltd'],
  [/בערבון\s+מוגבל/u, 'ltd'],
  [/လီမိတက်/u, 'limited'],
  [/ကုမ္ပဏီ/u, 'company'],
  [/(^|[^\p{L}\p{M}])შპს($|[^\p{L}\p{M}])/u, 'llc'],
  [/(^|[^\p{L}\p{M}])სს($|[^\p{L}\p{M}])/u, 'jsc'],
  [/(^|[^\p{L}\p{M}])սպը($|[^\p{L}\p{M}])/u, 'llc'],
  [/(^|[^\p{L}\p{M}])փբը($|[^\p{L}\p{M}])/u, 'cjsc'],
  [/(^|[^\p{L}\p{M}])բբը($|[^\p{L}\p{M}])/u, 'ojsc'],
  [/ក្រុមហ៊ុន/u, 'company'],
  [/บริษัท/u, 'company'],
  [/จำกัด/u, 'limited'],
];
const NON_ASCII = /[^\x20-\x7e]/;

/** The legal-form or company words a name contains, e.g. `["ltd"]` for "ANGLO-CARIBBEAN CO., LTD.". */
export function legalFormsIn(name: string): string[] {
  const text = fold(name);
  const found: string[] = PHRASES.filter((p) => text.includes(` ${p} `));
  if (NON_ASCII.test(name)) {
    const lower = name.toLowerCase();
    for (const [re, form] of NATIVE_FORMS) if (re.test(lower)) found.push(form);
  }
  // Short forms that double as name particles count only where a legal form stands: Swedish AB and
  // Norwegian AS at the end ("DATASAAB CONTRACTING AB"), Indonesian PT at the start.
  const words = text.trim().split(' ');
  const last = words[words.length - 1];
  if (words.length > 1 && (last === 'ab' || last === 'as' || last === 'ao')) found.push(last);
  if (words.length > 1 && words[0] === 'pt') found.push('pt');
  return found;
}

/** True when a name reads as a company's (has a legal form such as LLC, Ltd, JSC, GmbH). */
export function looksLikeCompany(name: string): boolean {
  return legalFormsIn(name).length > 0;
}
