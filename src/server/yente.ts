/**
 * @module
 * Embargo's results in yente's shapes: `EntityResponse` (`id, caption, schema, properties,
 * datasets, referents, target, first_seen, last_seen, last_change`) and `ScoredEntityResponse`
 * (plus `score, match, features, explanations`), field by field as in yente's
 * `yente/data/common.py`. Embargo's own fields ride along (`programs`, `topics`, `matched_name`,
 * and `tokens`, the token-by-token explanation); yente clients ignore fields they do not know.
 */
import type { Properties, ScoredEntity, TokenExplanation } from '../core/index.ts';

/** yente's per-feature explanation (nomenklatura's FtResult). */
export interface FeatureResult {
  score: number;
  detail: string | null;
  query?: string;
  candidate?: string;
}

/** The fields of yente's EntityResponse, whatever its properties hold. */
export interface YenteEntity<P> {
  id: string;
  caption: string;
  schema: string;
  properties: P;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

/** A scored result in yente's shape, with Embargo's additions. */
export interface YenteScored extends YenteEntity<Properties> {
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanations: Record<string, FeatureResult>;
  matched_name: string;
  programs: string[];
  topics: string[];
  tokens: TokenExplanation[];
}

/** yente serialises its dates as datetimes; Embargo's are days, so they become midnight. */
export function dateTime(date: string | undefined | null): string | null {
  if (!date) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00` : date;
}

/** Properties with the entity's topics added, where FtM keeps them. */
export function withTopics(properties: Properties, topics: readonly string[]): Properties {
  if (!topics.length || properties.topics) return properties;
  return { ...properties, topics: [...topics] };
}

/** The token pairs of a name explanation as one line: `kim=kim exact 1; jong~jung variant 0.9`. */
function tokenDetail(tokens: TokenExplanation[]): string | null {
  if (!tokens.length) return null;
  return tokens
    .map(
      (t) =>
        `${t.query || '∅'}${t.method === 'exact' ? '=' : '~'}${t.list || '∅'} ${t.method} ${t.score}`,
    )
    .join('; ');
}

/**
 * A scored entity in yente's shape. `lastSeen` maps a source to the date of its screened
 * snapshot: every result is in it, so that is when the entity was last seen.
 */
export function toYenteScored(
  r: ScoredEntity,
  queryName: string | undefined,
  lastSeen: Map<string, string>,
): YenteScored {
  const features = r.explanations.features;
  const explanations: Record<string, FeatureResult> = {};
  for (const [feature, score] of Object.entries(features)) {
    if (feature === 'name' || feature.startsWith('name.'))
      explanations[feature] = {
        score,
        detail: tokenDetail(r.explanations.tokens),
        ...(queryName !== undefined && { query: queryName }),
        candidate: r.matched_name,
      };
    else explanations[feature] = { score, detail: null };
  }
  return {
    id: r.id,
    caption: r.caption,
    schema: r.schema,
    properties: withTopics(r.properties, r.topics),
    datasets: [...r.datasets],
    referents: [],
    // Every entity Embargo holds is a listed party: yente's `target`.
    target: true,
    first_seen: dateTime(r.first_seen),
    last_seen: dateTime(lastSeen.get(r.datasets[0] ?? '')),
    last_change: dateTime(r.last_change),
    score: r.score,
    match: r.match,
    features: { ...features },
    explanations,
    matched_name: r.matched_name,
    programs: r.programs,
    topics: r.topics,
    tokens: r.explanations.tokens,
  };
}

/** Source → date of its screened snapshot, from snapshot ids `<source>@<date>[.n]`. */
export function snapshotDates(snapshots: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of snapshots) {
    const at = id.indexOf('@');
    if (at > 0) out.set(id.slice(0, at), id.slice(at + 1, at + 11));
  }
  return out;
}
