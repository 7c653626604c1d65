/**
 * @module
 * Bounds on list files, enforced while streaming so that a hostile or corrupt file is refused
 * (INPUT_REFUSED, exit 3) before it can exhaust the stack or the memory. The real files are far
 * inside them: the UN consolidated XML nests 5 elements deep, its longest text is 1,723
 * characters; the longest CSV field of the OFAC, UK, EU and BIS files is 7,812 characters (an
 * OFAC remark) and the widest record has 29 fields. Each limit leaves two orders of magnitude or
 * more of room for formats and list versions not seen yet.
 */

/** Deepest element nesting an XML list file may have (the real files: 5). */
export const MAX_XML_DEPTH = 256;

/**
 * Longest run of characters the XML reader buffers as one unit: a text node, CDATA section,
 * comment or attribute value (the real files: under 2,000).
 */
export const MAX_XML_TEXT = 1_000_000;

/** Most elements one record (e.g. one `<INDIVIDUAL>`) may hold, its descendants counted. */
export const MAX_XML_RECORD_ELEMENTS = 100_000;

/** Longest CSV field, and longest line of a line-oriented file, in characters (real: 7,812). */
export const MAX_FIELD_LENGTH = 4_000_000;

/** Most fields one CSV record may have (the real files: 29). */
export const MAX_FIELDS = 10_000;
