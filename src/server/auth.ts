/**
 * @module
 * Access control: each route states the role it needs in its config (`public`, `read`, `analyst`,
 * `admin`); a request's key is read from `Authorization` (`ApiKey <key>` or `Bearer <key>`), or,
 * on the reconciliation routes only, from `?api_key=` (OpenRefine cannot send headers), and looked
 * up by its hash. Missing, unknown and revoked keys are 401; a key below the role 403.
 */
import type { FastifyRequest } from 'fastify';
import type { Engine } from '../engine/index.ts';
import { HttpError, HTTP_CODES } from './errors.ts';
import { allows, hashApiKey, keyFromHeader, type ApiKeyInfo, type Role } from './keys.ts';

/** The role a route needs; `public` needs no key. */
export type Access = Role | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Role the route needs (default: public). */
    access?: Access;
    /** Whether the key may come as `?api_key=` (reconciliation, for OpenRefine). */
    queryKey?: boolean;
  }
  interface FastifyRequest {
    /** The key the request was authenticated with (undefined on public routes and with auth off). */
    apiKey?: ApiKeyInfo;
  }
}

/** How often a key's `last_used_at` is written, at most: not on every request. */
const TOUCH_MS = 60_000;

const CHALLENGE = { 'www-authenticate': 'ApiKey, Bearer' };

function unauthorized(detail: string): HttpError {
  return new HttpError(401, HTTP_CODES.UNAUTHORIZED, detail, CHALLENGE);
}

/** The onRequest hook that enforces keys and roles. With `mode: 'none'` every route is open. */
export function authHook(engine: Engine, mode: 'keys' | 'none') {
  const touched = new Map<string, number>();
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const config = request.routeOptions.config;
    const needs: Access = config?.access ?? 'public';
    if (mode === 'none' || needs === 'public') return;
    let secret = keyFromHeader(request.headers.authorization);
    if (secret === undefined && config?.queryKey) {
      const q = (request.query ?? {}) as Record<string, unknown>;
      if (typeof q.api_key === 'string') secret = q.api_key;
    }
    if (secret === undefined)
      throw unauthorized('missing API key: send the header Authorization: ApiKey <key>');
    if (secret === '')
      throw unauthorized('malformed Authorization header: use ApiKey <key> or Bearer <key>');
    const key = await engine.apiKeys.findByHash(hashApiKey(secret));
    // A revoked key gets the answer of an unknown one: whoever holds it learns nothing of the
    // key's id or when it was revoked (the operator sees both in `keys list`).
    if (!key || key.revokedAt) throw unauthorized('unknown or revoked API key');
    if (!allows(key.role, needs))
      throw new HttpError(
        403,
        HTTP_CODES.FORBIDDEN,
        `this route needs the ${needs} role; API key ${key.id} has ${key.role}`,
      );
    request.apiKey = key;
    const now = Date.now();
    if (now - (touched.get(key.id) ?? 0) >= TOUCH_MS) {
      touched.set(key.id, now);
      // Best effort: a store busy with a list load must not fail the request over a timestamp.
      try {
        await engine.apiKeys.touch(key.id, new Date(now).toISOString());
      } catch (err) {
        request.log.warn({ err }, 'could not record the API key as used');
      }
    }
  };
}
