/**
 * @module
 * What the reconciliation routes answer (OpenRefine's Reconciliation API v0.2, as yente serves
 * it), for Fastify's serialiser and `/openapi.json`. Open, as every response schema here.
 */

const STRING = { type: 'string' } as const;
const STRINGS = { type: 'array', items: STRING } as const;
const OPEN = { type: 'object', additionalProperties: true } as const;

/** `{id, name}` of a type or property. */
const NAMED = {
  type: 'object',
  additionalProperties: true,
  properties: { id: STRING, name: STRING },
} as const;

/** A service the manifest points to. */
const SERVICE = {
  type: 'object',
  additionalProperties: true,
  properties: { service_url: STRING, service_path: STRING, flyout_service_path: STRING },
} as const;

/** The service manifest. */
export const MANIFEST_ANSWER = {
  type: 'object',
  additionalProperties: true,
  description: 'The service manifest (Reconciliation API v0.2).',
  properties: {
    versions: STRINGS,
    name: STRING,
    identifierSpace: STRING,
    schemaSpace: STRING,
    view: { ...OPEN, properties: { url: STRING } },
    preview: {
      ...OPEN,
      properties: { url: STRING, width: { type: 'integer' }, height: { type: 'integer' } },
    },
    suggest: {
      ...OPEN,
      properties: { entity: SERVICE, type: SERVICE, property: SERVICE },
    },
    extend: {
      ...OPEN,
      properties: {
        propose_properties: SERVICE,
        property_settings: { type: 'array', items: OPEN },
      },
    },
    defaultTypes: {
      type: 'array',
      items: { ...NAMED, properties: { ...NAMED.properties, description: STRING } },
    },
    batchSize: { type: 'integer' },
    documentation: STRING,
    serviceVersion: STRING,
    authentication: { ...OPEN, description: 'how to send the key (with `auth: keys`)' },
  },
} as const;

/** One candidate of a reconciliation query. */
const CANDIDATE = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string', examples: ['ofac_sdn-36163'] },
    name: STRING,
    description: STRING,
    type: { type: 'array', items: NAMED },
    score: { type: 'number' },
    match: { type: 'boolean' },
  },
} as const;

/** Queries' answers, by the name of each query. */
const QUERIES_ANSWER = {
  type: 'object',
  description: '`{"q0": {"result": [...]}}`: the candidates of each query, best first',
  additionalProperties: {
    type: 'object',
    additionalProperties: true,
    required: ['result'],
    properties: {
      result: { type: 'array', items: CANDIDATE },
      warnings: { ...STRINGS, description: 'why a query was screened otherwise, or not at all' },
    },
  },
} as const;

/** A data extension's answer. */
const EXTEND_ANSWER = {
  type: 'object',
  additionalProperties: true,
  required: ['meta', 'rows'],
  description: 'a data extension: `{"meta": [{id, name}], "rows": {id: {property: [{str}]}}}`',
  properties: {
    meta: { type: 'array', items: NAMED },
    rows: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: {
          type: 'array',
          items: { ...OPEN, properties: { str: STRING } },
        },
      },
    },
  },
} as const;

/** `POST /reconcile/{dataset}` (and GET with `?queries=` or `?extend=`). */
export const RECONCILE_ANSWER = { anyOf: [EXTEND_ANSWER, QUERIES_ANSWER] } as const;

/** `GET /reconcile/{dataset}/extend/propose`. */
export const PROPOSE_ANSWER = {
  type: 'object',
  additionalProperties: true,
  properties: {
    type: STRING,
    limit: { type: 'integer' },
    properties: { type: 'array', items: NAMED },
  },
} as const;

/** `GET /reconcile/{dataset}/preview`: an HTML card. */
export const PREVIEW_ANSWER = {
  description: 'An HTML card of the entity, framed by OpenRefine',
  content: { 'text/html': { schema: { type: 'string' } } },
} as const;

/** `GET /reconcile/{dataset}/flyout/entity`. */
export const FLYOUT_ANSWER = {
  type: 'object',
  additionalProperties: true,
  properties: { id: STRING, html: { type: 'string', description: 'the card, as HTML' } },
} as const;

/** The suggest services' answer, around their `result`. */
function suggestAnswer(item: object) {
  return {
    type: 'object',
    additionalProperties: true,
    properties: {
      code: { type: 'string', examples: ['/api/status/ok'] },
      status: STRING,
      prefix: STRING,
      result: { type: 'array', items: item },
    },
  } as const;
}

/** `GET /reconcile/{dataset}/suggest/entity`. */
export const SUGGEST_ENTITY_ANSWER = suggestAnswer({
  ...CANDIDATE,
  properties: {
    id: CANDIDATE.properties.id,
    name: STRING,
    description: STRING,
    notable: { type: 'array', items: NAMED },
  },
});

/** `GET /reconcile/{dataset}/suggest/type` and `/suggest/property`. */
export const SUGGEST_ANSWER = suggestAnswer({
  ...NAMED,
  properties: { ...NAMED.properties, description: STRING },
});
