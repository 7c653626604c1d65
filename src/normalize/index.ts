/**
 * @module
 * Normalisation of names, countries and identifiers, shared by parsers and the matcher.
 */
export { countryCode, foldCountry } from './countries.ts';
export { LEGAL_FORMS, legalFormsIn, looksLikeCompany } from './legalForms.ts';
