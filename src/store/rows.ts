/**
 * @module
 * Rows as both adapters read them: the tables have the same columns in SQLite and PostgreSQL, so
 * the row shapes and their mapping to the port's types are written once.
 */
import type { SourceId } from '../core/index.ts';
import type { ApiKey, ApiKeyRole } from './types.ts';

/** An `activations` row. */
export interface ActivationRow {
  snapshot: string;
  previous: string | null;
  source: SourceId;
  date: string;
  activated_at: string;
  entity_count: number;
}

/** An `activation_changes` row. */
export interface ChangeRow {
  entity_id: string;
  change: 'added' | 'removed' | 'changed';
  caption: string | null;
  schema: string | null;
  fields: string | null;
}

/** An `api_keys` row, without the hash. */
export interface KeyRow {
  id: string;
  name: string;
  role: ApiKeyRole;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The `api_keys` columns a {@link KeyRow} holds. */
export const KEY_COLUMNS = 'id, name, role, created_at, revoked_at, last_used_at';

/** The port's API key from its row. */
export function toKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
    ...(row.last_used_at !== null && { lastUsedAt: row.last_used_at }),
  };
}
