/**
 * @module
 * API keys: how they are made, hashed, read from a request and ranked. The secret is shown once,
 * when created; the store keeps only its sha256, which is what a request's key is looked up by.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Engine } from '../engine/index.ts';

/** Roles, weakest first: each includes the ones before it. */
export const ROLES = ['read', 'analyst', 'admin'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** An API key as the store describes it (never the secret). */
export type ApiKeyInfo = Awaited<ReturnType<Engine['apiKeys']['list']>>[number];

/** True for a role name. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `has` is at least `needs`. */
export function allows(has: Role, needs: Role): boolean {
  return ROLES.indexOf(has) >= ROLES.indexOf(needs);
}

/** sha256 (hex) of a key's secret: what the store keeps and looks keys up by. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Prefix of every secret, so that a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = 'emb_';

/**
 * Creates a key: 256 random bits, stored as their hash. Returns the stored description and the
 * secret, which is not kept anywhere and cannot be shown again.
 */
export async function createApiKey(
  engine: Engine,
  name: string,
  role: Role,
): Promise<{ key: ApiKeyInfo; secret: string }> {
  const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
  const id = `key_${randomBytes(6).toString('hex')}`;
  const key = await engine.apiKeys.create({ id, name, role, hash: hashApiKey(secret) });
  return { key, secret };
}

/**
 * The key a request carries: `Authorization: ApiKey <key>` (yente's form) or `Bearer <key>`.
 * Undefined when there is no Authorization header; an empty string for a malformed one.
 */
export function keyFromHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(apikey|bearer)\s+(\S+)\s*$/i.exec(header);
  return m ? m[2]! : '';
}
