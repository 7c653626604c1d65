/**
 * @module
 * JSON schemas shared by the routes. Fastify validates requests with them (Ajv) and
 * @fastify/swagger builds `/openapi.json` from them. Request schemas are TypeBox declarations:
 * the routes take their handlers' types from them through the TypeBox type provider
 * ({@link typed}), so a request's type and its validation cannot drift apart. Response schemas
 * are kept open (`additionalProperties`, nothing required) so that serialising a result can
 * never fail on a field the schema did not foresee.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

/**
 * The server with handler types taken from the route schemas (params, querystring, body): a
 * route registered on it reads `request.query` and `request.body` as the `Static<>` of their
 * TypeBox declarations. Validation stays Fastify's Ajv, configured in app.ts (coercion, the
 * words of its errors), so the provider changes types only, not behaviour.
 */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

/**
 * A value or null, written as JSON Schema's type list (`{"type": ["string", "null"]}`) rather
 * than TypeBox's `anyOf`: Ajv's message for it names the types ("must be string,null"), as the
 * API has always answered.
 */
export function Nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [schema.type, 'null'] });
}

/**
 * An object of any keys whose values all fit `value` (`additionalProperties`), as yente's
 * `Dict[str, …]`; TypeBox's `Record` would write `patternProperties`, which OpenAPI 3.0 lacks.
 */
export function Dict<T extends TSchema>(value: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Record<string, Static<T>>>({
    ...options,
    type: 'object',
    additionalProperties: value,
  });
}

/** Any object (`{"type": "object"}`), read as such. */
export function AnyObject(options: SchemaOptions = {}) {
  return Type.Unsafe<Record<string, unknown>>({ ...options, type: 'object' });
}

/** One of a few strings, as `{"type": "string", "enum": […]}` (Ajv names the allowed values). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: values });
}

/** Reference to the shared error schema. */
export const ERROR_REF = { $ref: 'Error#' } as const;

/** The error responses a route may give, for the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, typeof ERROR_REF> {
  return Object.fromEntries(statuses.map((s) => [s, ERROR_REF]));
}

/** A list of strings given as repeated query parameters (`?topics=a&topics=b`). */
export const STRING_LIST = Type.Array(Type.String({ maxLength: 200 }));

/** {@link STRING_LIST} with options of its own (a description, `maxItems`). */
export function stringList(options: SchemaOptions = {}) {
  return Type.Array(Type.String({ maxLength: 200 }), options);
}

/** A day, or a datetime whose day is used (yente's `changed_since`). */
export const DATE_PARAM = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.+-Z]*)?$',
});

/** A full day. */
export const DAY_PARAM = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Path parameter `dataset`. */
export const DATASET_PARAMS = Type.Object({
  dataset: Type.String({
    description:
      '`default` or `sanctions` (every list), or one list: ofac_sdn, ofac_consolidated, un_sc, uk_ofsi, eu_fsf, us_bis_dpl',
    examples: ['default'],
  }),
});

/** An object of any fields (`additionalProperties: true`), in answers: any object fits. */
function OpenObject(options: SchemaOptions = {}) {
  return Type.Unsafe<object>({ ...options, type: 'object', additionalProperties: true });
}

/** A list of strings, in answers. */
const STRINGS = Type.Array(Type.String());

/** yente's EntityResponse, open. */
export const ENTITY_RESPONSE = Type.Object(
  {
    id: Type.Optional(Type.String({ examples: ['ofac_sdn-36163'] })),
    caption: Type.Optional(Type.String({ examples: ['KIM, Jong Un'] })),
    schema: Type.Optional(Type.String({ examples: ['Person'] })),
    properties: Type.Optional(
      OpenObject({
        description: 'FtM properties: each a list of strings (or of nested entities).',
      }),
    ),
    datasets: Type.Optional(STRINGS),
    referents: Type.Optional(STRINGS),
    target: Type.Optional(Type.Boolean()),
    first_seen: Type.Optional(Nullable(Type.String())),
    last_seen: Type.Optional(Nullable(Type.String())),
    last_change: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: true },
);

/** yente's ScoredEntityResponse plus Embargo's fields, open. */
export const SCORED_RESPONSE = Type.Object(
  {
    ...ENTITY_RESPONSE.properties,
    score: Type.Optional(Type.Number()),
    match: Type.Optional(Type.Boolean()),
    features: Type.Optional(Dict(Type.Number())),
    explanations: Type.Optional(
      OpenObject({
        description: "Per feature: {score, detail, query, candidate}, as yente's FtResult.",
      }),
    ),
    matched_name: Type.Optional(Type.String()),
    programs: Type.Optional(STRINGS),
    topics: Type.Optional(STRINGS),
    tokens: Type.Optional(
      Type.Array(OpenObject(), {
        description: 'Embargo: how each query token was paired with a token of the matched name.',
      }),
    ),
  },
  { additionalProperties: true },
);

/** yente's TotalSpec. */
export const TOTAL = Type.Object({
  value: Type.Optional(Type.Integer()),
  relation: Type.Optional(StringEnum(['eq', 'gte'])),
});

/** An open object, for bodies the engine validates itself (transactions). */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

/** What an answer was judged on (core's `Coverage`), open. */
export const COVERAGE = Type.Object(
  {
    snapshots: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.Optional(Type.String({ examples: ['un_sc@2026-02-27'] })),
            source: Type.Optional(Type.String()),
            list_date: Type.Optional(Type.String()),
            age_days: Type.Optional(Type.Integer()),
            stale: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: true },
        ),
      ),
    ),
    missing: Type.Optional(STRINGS),
    stale: Type.Optional(Type.Array(OpenObject())),
    max_age_days: Type.Optional(Nullable(Type.Integer())),
    checked_at: Type.Optional(Type.String()),
  },
  {
    additionalProperties: true,
    description:
      'The snapshots used with their list date, age and staleness; the lists relied on that are not loaded; the stale ones.',
  },
);

/**
 * A transaction, field by field: the rules' TypeBox schema (`src/rules/check/schema.ts`), the one
 * `parseTransaction` validates against, so the document and the validation cannot drift apart.
 */
export { TransactionInput as TRANSACTION } from '../engine/index.ts';

/** Options that say how a fault reads (core/schemaCheck.ts): for inputs, not for answers. */
const FAULT_WORDS = new Set(['errorMessage', 'missingMessage', 'unknownMessage']);

/**
 * The schema of an answer, from the declaration of its type (a TypeBox schema of the rules or the
 * engine), as the response schemas here are kept: every object open and nothing required, so that
 * serialising a result can never fail or drop a field the declaration did not foresee; a union of
 * strings becomes an `enum` (shorter in the document, and fast-json-stringify need not try each
 * branch); the words of input faults are left out.
 */
export function answerOf(schema: unknown): Record<string, unknown> {
  const walk = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(walk);
    if (typeof s !== 'object' || s === null) return s;
    const o = s as Record<string, unknown>;
    const branches = o.anyOf as Record<string, unknown>[] | undefined;
    if (branches?.length && branches.every((b) => typeof b.const === 'string')) {
      const { anyOf: _a, ...rest } = o;
      return {
        ...strip(rest),
        type: 'string',
        enum: branches.map((b) => b.const),
      };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (FAULT_WORDS.has(k) || k === 'required') continue;
      out[k] = k === 'properties' ? mapValues(v as Record<string, unknown>, walk) : walk(v);
    }
    if (out.type === 'object') out.additionalProperties = true;
    return out;
  };
  const strip = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !FAULT_WORDS.has(k)));
  const mapValues = (o: Record<string, unknown>, f: (v: unknown) => unknown) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  // JSON round trip: TypeBox's symbol keys (Kind, Optional) are no part of a JSON Schema.
  return walk(JSON.parse(JSON.stringify(schema))) as Record<string, unknown>;
}

/** An error in a list of results: `{detail, code}` and where (line, field). */
export const ERROR_ITEM = {
  type: 'object',
  additionalProperties: true,
  properties: {
    detail: { type: 'string' },
    code: { type: 'string', examples: ['E_INVALID_QUERY'] },
    line: { type: 'integer' },
    field: { type: 'string', examples: ['/goods/0/hs'] },
  },
} as const;
