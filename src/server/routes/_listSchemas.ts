/**
 * @module
 * What the list routes answer, for Fastify's serialiser and `/openapi.json`: the engine's
 * `SourceStatus`, `SnapshotDiff` and `Activation`, open (as every response schema here: a field
 * the schema does not name is still sent), nullable where the types are.
 */

const STRING = { type: 'string' } as const;
const NULLABLE_STRING = { type: ['string', 'null'] } as const;
const STRINGS = { type: 'array', items: STRING } as const;

/** A snapshot, without the paths its files had on the server. */
export const SNAPSHOT = {
  type: ['object', 'null'],
  additionalProperties: true,
  properties: {
    id: { type: 'string', examples: ['un_sc@2026-02-27'] },
    source: STRING,
    date: { type: 'string', description: "the list's date" },
    dateOrigin: { type: 'string', enum: ['file', 'option', 'folder', 'download'] },
    loadedAt: STRING,
    loadMs: { type: 'number' },
    entityCount: { type: 'integer' },
    warningCount: { type: 'integer' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          role: STRING,
          name: STRING,
          sha256: STRING,
          size: { type: 'integer' },
          records: { type: 'integer' },
        },
      },
    },
  },
} as const;

/** `GET /lists`. */
export const LISTS_ANSWER = {
  type: 'object',
  additionalProperties: true,
  properties: {
    lists: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          source: { type: 'string', examples: ['un_sc'] },
          title: STRING,
          active: { ...SNAPSHOT, description: 'the active snapshot, or null when none is loaded' },
          snapshots: { ...STRINGS, description: 'every snapshot id, oldest first' },
          freshness: {
            type: 'object',
            additionalProperties: true,
            properties: {
              source: STRING,
              lastSuccessAt: NULLABLE_STRING,
              lastAttemptAt: NULLABLE_STRING,
              lastOutcome: NULLABLE_STRING,
              lastMessage: NULLABLE_STRING,
              staleSeconds: { type: ['number', 'null'] },
            },
          },
          ageDays: { type: ['number', 'null'] },
          stale: { type: 'boolean' },
          maxAgeDays: { type: ['number', 'null'] },
        },
      },
    },
  },
} as const;

/** An entity named in a diff. */
const DIFF_ENTITY = {
  type: 'object',
  additionalProperties: true,
  properties: { id: STRING, schema: STRING, caption: STRING },
} as const;

/** `GET /lists/{source}/diff`. */
export const DIFF_ANSWER = {
  type: 'object',
  additionalProperties: true,
  properties: {
    source: STRING,
    from: { type: 'string', description: 'snapshot id' },
    to: { type: 'string', description: 'snapshot id' },
    added: { type: 'array', items: DIFF_ENTITY },
    removed: { type: 'array', items: DIFF_ENTITY },
    changed: {
      type: 'array',
      items: {
        ...DIFF_ENTITY,
        properties: {
          ...DIFF_ENTITY.properties,
          changes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: true,
              properties: { field: STRING, before: STRINGS, after: STRINGS },
            },
          },
        },
      },
    },
  },
} as const;

/** An entity an activation added, removed or changed. */
const CHANGED_ENTITY = {
  type: 'object',
  additionalProperties: true,
  properties: { id: STRING, schema: STRING, caption: STRING, fields: STRINGS },
} as const;

/** `GET /lists/changes`. */
export const CHANGES_ANSWER = {
  type: 'object',
  additionalProperties: true,
  properties: {
    changes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          snapshot: STRING,
          previous: NULLABLE_STRING,
          source: STRING,
          date: STRING,
          activatedAt: STRING,
          entityCount: { type: 'integer' },
          added: { type: 'array', items: CHANGED_ENTITY },
          removed: { type: 'array', items: CHANGED_ENTITY },
          changed: { type: 'array', items: CHANGED_ENTITY },
        },
      },
    },
  },
} as const;
