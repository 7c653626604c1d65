/**
 * @module
 * Topics say what kind of restriction a listing carries. Values are FollowTheMoney topic slugs,
 * so exported entities stay valid FtM.
 */

/**
 * - `sanction`: a blocking listing (asset freeze, no dealings): SDN, UN, OFSI, EU asset freezes.
 * - `sanction.linked`: named because of a link to a sanctioned party.
 * - `export.risk`: a sectoral or other non-blocking restriction (OFAC SSI directives, CMIC
 *   securities bans, the non-SDN menu-based lists). FtM has no narrower slug; the Sanction
 *   entity's `provisions` says which restriction applies.
 * - `export.control`: export privileges denied (BIS Denied Persons List).
 * - `debarment`: barred from contracts or programmes.
 */
export const TOPICS = [
  'sanction',
  'sanction.linked',
  'export.risk',
  'export.control',
  'debarment',
] as const;

/** One of {@link TOPICS}. */
export type Topic = (typeof TOPICS)[number];

/** True for a topic Embargo assigns. */
export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

/** Whether a topic set means "do not deal at all" rather than a narrower restriction. */
export function isBlocking(topics: readonly Topic[]): boolean {
  return topics.includes('sanction');
}
