/**
 * @module
 * Content hashes: sha256 over a canonical JSON form, so the same content always hashes alike
 * whatever the order in which a parser filled the objects.
 */
import { createHash } from 'node:crypto';
import type { ListedEntity } from './entity.ts';

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Hex sha256 of a string or buffer. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The content that defines an entity's version. `raw` is left out on purpose: a change in how the
 * source lays out a record (column order, whitespace) is not a change in what it says.
 */
export function contentOf(entity: ListedEntity): Omit<ListedEntity, 'raw'> {
  const { raw: _raw, ...content } = entity;
  return content;
}

/** sha256 of an entity's content (see {@link contentOf}). */
export function entityHash(entity: ListedEntity): string {
  return sha256(canonicalJson(contentOf(entity)));
}
