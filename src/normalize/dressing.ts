/**
 * @module
 * Names as documents dress them: a bill of lading writes "MT YU JONG 2 (Sierra Leone flag) V.023N",
 * a payment message ":59:/40702810 BENEFICIARY KOREA MINING DEVELOPMENT TRADING CORP, DUBAI
 * BRANCH", a vessel report "NEW REGENT (ex YU JONG 2)". {@link undress} takes such a name apart
 * into the names worth screening, each with what was taken off, so the matcher screens them all
 * beside the name as written (nothing is lost: the written name is always screened too) and the
 * best is reported with the part that matched.
 *
 * Sources of the rules:
 * - Vessel-type prefixes: the customary ship prefixes (MV motor vessel, MT motor tanker, SS
 *   steamship, FV fishing vessel, MY motor yacht, RV research vessel, LNG/C, LPG/C…), as collected
 *   in the "Ship prefix" article of the English Wikipedia; they are not part of the name IMO
 *   registers (IMO Res. A.1078(28), ship identification number scheme).
 * - Voyage numbers: carriers' voyage references as bills of lading write them ("V.023N", "VOY
 *   123E", "Voyage 45").
 * - Payment-message party labels: SWIFT MT103 fields 50a (Ordering Customer) and 59a (Beneficiary
 *   Customer), with their tags (":50K:", ":59:"), an account line starting with "/", and the
 *   structured-name codes of option F ("1/" name, "2/" address, "3/" country and town); ISO 20022
 *   pacs.008 / pain.001 party elements (Dbtr, Cdtr, UltmtDbtr, UltmtCdtr, InitgPty, Nm); the code
 *   words between slashes of MT 103 / MT 202 field 72 and of Fedwire and CHIPS party lines
 *   ("/BNF/", "/ACC/", "/INS/", "/INT/", "/REC/").
 * - Branch suffixes and parenthesised annotations (flag, port, branch, IMO number): what
 *   registers and banks append after the name of the party ("…, DUBAI BRANCH", "(SINGAPORE
 *   BRANCH)", "(flag: Togo)").
 * - Former-name and alias markers: "ex" (shipping's marker of a former name, as in the UN 1718
 *   Committee's vessel designations), "f/k/a", "formerly", "a.k.a.", "aka", "d/b/a", "n/k/a",
 *   "also known as", "previously".
 */

/** One name worth screening, taken from a dressed one, with what was taken off it. */
export interface UndressedName {
  text: string;
  /** What was removed or split, in words for the analyst ("vessel prefix MT", "former name (ex)"). */
  removed: string[];
}

const VESSEL_PREFIX =
  /^(?:m\/?v|m\/?t|s\/?s|f\/?v|m\/?y|r\/?v|t\/?s|m\/?s|lng\/?c|lpg\/?c|mts|mfv|stv|hmv)\.?\s+(?=\S)/i;
const VOYAGE = /[\s,;-]+(?:v|voy|voyage)[.-]?\s*(?:no\.?\s*)?[#:]?\s*\d{1,4}[nsew]?\.?\s*$/i;
/** "No. 14", "Nr 9", "#3", "Number 9": the marker before a vessel's or unit's number. */
const NUMBER_MARKER = /\b(?:no|nr|number|num)\.?\s*(?=\d)|#\s*(?=\d)/gi;
const IMO_NUMBER = /[\s,;(]*\bimo(?:\s*(?:no|number|nr)\.?)?\s*[:#]?\s*\d{7}\)?/gi;
const SWIFT_TAG = /^\s*:?(?:50[afk]|59[af]?|52[ad]|57[abcd]|56[acd]|53[abd]|54[abd]):\s*/i;
const ACCOUNT_LINE = /^\s*\/[A-Z0-9]{4,40}\s+/i;
/**
 * Code words between slashes that open a party line: "/BNF/" (beneficiary, in MT 202 field 72 and
 * the Fedwire and CHIPS beneficiary fields), "/BEN/", "/ORD/", "/ACC/", "/INS/", "/INT/", "/REC/"
 * (MT 103 field 72's code words: account with, instructing, intermediary, receiver).
 */
const CODE_WORD = /^\s*\/(?:bnf|ben|benef|ord|ordp|acc|ins|int|rec|ult|ultb|ultd)\/\s*/i;
/** MT103 field 50F: "1/" opens the name; "2/" to "8/" address, country, birth details, ids. */
const STRUCTURED_NAME = /(?:^|\s)1\/(.*?)(?=\s[2-8]\/|$)/;
const TRAILING_FLAG =
  /\s*[,;]\s*(?:flag(?:ged)?(?:\s+state)?\s*[:-]?\s*[a-z .'’]+|[a-z .'’]+\s+flag(?:ged)?)\s*$/i;
const PARTY_LABEL =
  /^\s*(?:beneficiary(?:\s+customer)?|ordering\s+(?:customer|institution)|orderer|remitter|debtor|creditor|ultimate\s+(?:debtor|creditor)|intermediary(?:\s+bank)?|account\s+(?:with\s+institution|name|holder)|a\/c(?:\s+name)?|ultmtdbtr|ultmtcdtr|initgpty|dbtr|cdtr)\s*(?:[:=-]|\s)\s*/i;
/** Labels that are also words or names ("Bene", "Name"): labels only before a colon. */
const PARTY_LABEL_COLON = /^\s*(?:bene|benef|name|nm|payee|payer|applicant)\s*[:=]\s*/i;
const BRANCH_WORDS =
  "(?:branch(?:\\s+office)?|br\\.|representative\\s+office|rep\\.?\\s+office|liaison\\s+office)(?:\\s+(?:of|in|at)\\s+[a-z .'’]+)?";
/** ", DUBAI BRANCH", " - Shenyang Branch": a place may stand before the word after a comma or dash. */
const BRANCH_AFTER_COMMA = new RegExp(
  `\\s*[,;\\-–]\\s*(?:[a-z.'’]+\\s+){0,3}${BRANCH_WORDS}\\s*$`,
  'i',
);
/** "… Bank Representative Office": without a comma the words before it are the name. */
const BRANCH_WORD = new RegExp(`\\s+${BRANCH_WORDS}\\s*$`, 'i');
const PARENS = /\s*[([{]([^)\]}]*)[)\]}]\s*/g;
/** Annotations in parentheses that describe, not name, the party. */
const ANNOTATION =
  /\b(?:flag(?:ged)?|port|branch|office|imo|mmsi|call\s*sign|registered|built|voy(?:age)?|dwt|grt|tanker|bulk\s+carrier|cargo)\b/i;
const ALIAS_MARKER =
  /\s*[(,;]?\s*\b(?:ex|f\/k\/a|fka|n\/k\/a|nka|d\/b\/a|dba|a\.?k\.?a\.?|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|also\s+known\s+as|now\s+known\s+as)\b\.?[\s\-:]+/i;
/**
 * What any dressing needs: punctuation it is written with, one of its words, or a capital inside
 * a word. One test, so the names that wear none (nearly all) cost a microsecond, not fifty.
 */
const MAYBE_DRESSED =
  /[([{:/#,;]|\ba\.k\.a|\b(?:ex|aka|fka|nka|dba|formerly|previously|known|branch|br|office|flag|flagged|imo|v|voy|voyage|no|nr|num|number|beneficiary|bene|benef|ordering|orderer|remitter|debtor|creditor|ultimate|intermediary|account|applicant|payee|payer|name|nm|dbtr|cdtr|ultmtdbtr|ultmtcdtr|initgpty|m|mv|mt|ss|fv|my|rv|ts|ms|lng|lpg|mts|mfv|stv|hmv)\b/iu;
/** A capital inside a word (case matters: not under the `i` flag of the test above). */
const CAMEL_INSIDE = /\p{Ll}\p{Lu}/u;
const CAMEL = /(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})/gu;

/** Collapses spaces and trims separators left at either end. */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:\-–/]+|[\s,;:\-–/]+$/g, '')
    .trim();
}

/** Strips the dressing of one name (no splitting); returns the bare name and what went. */
function strip(name: string, vessels: boolean, removed: string[]): string {
  let s = name;
  const take = (re: RegExp, what: string) => {
    const next = s.replace(re, ' ');
    // Nothing matched (most rules, on most names): nothing to compare. The comparison below
    // tidies both strings, three regular-expression passes each, for each of some twenty rules.
    if (next === s) return;
    const bare = tidy(next);
    if (bare !== tidy(s) && bare) {
      if (!removed.includes(what)) removed.push(what);
      s = next;
    }
  };
  take(SWIFT_TAG, 'payment field tag');
  take(ACCOUNT_LINE, 'account number');
  take(CODE_WORD, 'payment code word');
  for (let i = 0; i < 3; i++) {
    take(PARTY_LABEL, 'payment party label');
    take(PARTY_LABEL_COLON, 'payment party label');
  }
  take(ACCOUNT_LINE, 'account number');
  const structured = STRUCTURED_NAME.exec(s);
  if (structured && tidy(structured[1]!)) {
    removed.push('structured-name codes (the name line 1/ kept)');
    s = structured[1]!;
  }
  take(IMO_NUMBER, 'IMO number');
  if (vessels) take(VESSEL_PREFIX, 'vessel-type prefix');
  take(VOYAGE, 'voyage number');
  take(NUMBER_MARKER, 'number marker');
  s = s.replace(PARENS, (whole, inner: string) => {
    if (!ANNOTATION.test(inner)) return whole;
    removed.push(`annotation (${inner.trim()})`);
    return ' ';
  });
  take(TRAILING_FLAG, 'flag annotation');
  take(BRANCH_AFTER_COMMA, 'branch suffix');
  take(BRANCH_WORD, 'branch suffix');
  return tidy(s);
}

/**
 * The names a dressed name stands for: the name without its document dressing, and each former
 * name or alias it marks as its own name. Empty when the name wears no dressing (screen it as
 * written). `vessels`: whether vessel-type prefixes may be taken off (not for a person query,
 * where "MS" or "MV" may be initials).
 */
export function undress(name: string, vessels = true): UndressedName[] {
  if (!MAYBE_DRESSED.test(name) && !CAMEL_INSIDE.test(name)) return [];
  const out: UndressedName[] = [];
  const seen = new Set([tidy(name).toLowerCase()]);
  const add = (text: string, removed: string[]) => {
    const key = text.toLowerCase();
    if (!text || seen.has(key)) return;
    seen.add(key);
    out.push({ text, removed });
  };
  // "NEW REGENT (ex YU JONG 2)", "KOMID a.k.a. Korea Mining…": every part is a name.
  const parts = name
    .split(ALIAS_MARKER)
    .map((p) => p.replace(/^[\s)]+|[\s(]+$/g, '').replace(/^\((.*)\)$/, '$1'))
    .map((p) => (/^[^(]*\)$/.test(p) ? p.slice(0, -1) : p))
    .filter((p) => tidy(p));
  const split = parts.length > 1;
  for (const part of parts) {
    const removed: string[] = split ? ['former name or alias marker'] : [];
    const bare = strip(part, vessels, removed);
    if (bare && removed.length) add(bare, removed);
    // "KOREA MINING … CORPORATION (KOMID)": the name without the brackets, and what they hold.
    if (/[([]/.test(bare)) {
      const outside = tidy(bare.replace(PARENS, ' '));
      if (outside) add(outside, [...removed, 'bracketed part']);
      for (const m of bare.matchAll(PARENS))
        if (tidy(m[1]!)) add(tidy(m[1]!), [...removed, 'bracketed part as its own name']);
    }
    // "AleksandrLukashenka": words run together, capitals still showing where they meet.
    const camel = bare.replace(CAMEL, ' ');
    if (camel !== bare) add(camel, [...removed, 'words run together']);
  }
  return out;
}
