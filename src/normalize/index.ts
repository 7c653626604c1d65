/**
 * @module
 * Normalisation of names, countries and identifiers, shared by parsers and the matcher.
 */
export { countryCode, foldCountry } from './countries.ts';
export { LEGAL_FORMS, legalFormsIn, looksLikeCompany } from './legalForms.ts';
export type { NameToken, TokenKind } from './nameToken.ts';
export { detectScript, TABLE_READ_SCRIPTS, type Script } from './script.ts';
export { MAX_NAME_LENGTH, tokenizeName } from './tokenize.ts';
export { phoneticKeys, skeleton } from './phonetic.ts';
export { displayOrder, hasFormatCharacters, nameReadings } from './formatChars.ts';
export { undress, type UndressedName } from './dressing.ts';
export { areNameVariants, nameVariants, tableGivenNames } from './givenNames.ts';
export { isBusinessLine, isTruncatedBusinessWord } from './companyWords.ts';
export {
  clipStrength,
  clippedFrom,
  CLIP_KEY_SPACE,
  CLIP_SCRIPTS,
  consonantClipKeys,
  fullNameKeys,
  isConsonantClip,
  isReshapedClip,
  isStrongClip,
  shortFormKeys,
  STRONG_CLIP,
  WEAK_CLIP,
  type ClipStrength,
} from './shortForms.ts';
export { isPetForm } from './petForms.ts';
