/**
 * @module
 * Checking data against a TypeBox schema and saying what is wrong in words (issue 18). Each input
 * Embargo reads (transactions, regime act files, relief scenarios, the configuration) is declared
 * once as a TypeBox schema: its TypeScript type (`Static<>`), its check (TypeBox's compiler: no
 * Ajv coercion, so `"5"` stays a string and is refused where a number is due) and, for the HTTP
 * routes, its part of `/openapi.json`. This module turns the first fault of a check into a JSON
 * pointer and a sentence; each caller wraps them in its EmbargoError with the file and its code.
 *
 * A schema says how its faults read with options the JSON Schema keywords leave alone:
 * - `errorMessage` (the ajv-errors keyword): the words after the pointer when the value does not
 *   fit. `{value}` is replaced by the value as JSON; words starting with `is ` are put after the
 *   value (`"27011" is not an HS code…`), words starting with `use ` after the value and a colon.
 * - `missingMessage`: the words when a required property is absent (else `<key> is required`,
 *   with the property's `description` when it has one).
 * - `unknownMessage`, on an object: what an unknown key is (else `unknown field`), followed by the
 *   key and the known ones.
 */
import { FormatRegistry, Type, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { isPartialDate } from './dates.ts';

// `format: "date"` is a day on the calendar, YYYY-MM-DD, as ajv-formats (Fastify's Ajv) reads it:
// TypeBox knows no format until one is registered, and refuses every value of an unknown one.
if (!FormatRegistry.Has('date'))
  FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isPartialDate(v));

/** A compiled schema, ready to check values (compile once per schema, at module load). */
export type SchemaCheck<T extends TSchema> = TypeCheck<T>;

/** Compiles a schema for {@link schemaFault} (TypeBox's compiler). */
export function compileSchema<T extends TSchema>(schema: T): SchemaCheck<T> {
  return TypeCompiler.Compile(schema);
}

/** Where a value does not fit its schema, and how. */
export interface SchemaFault {
  /** JSON pointer of the offending field (`/measures/3/citation/paragraph`), `''` for the root. */
  pointer: string;
  /** What is wrong, in words, e.g. `"27011" is not an HS code of 2, 4, 6, 8 or 10 digits`. */
  problem: string;
}

/**
 * The first way `data` does not fit the compiled schema, as a pointer and words, or undefined
 * when it fits. A union's own error (“expected union value”) says nothing; the variant whose fault
 * lies deepest does: an optional goods list that fails is a bad goods line, not a bad list.
 */
export function schemaFault<T extends TSchema>(
  check: SchemaCheck<T>,
  data: unknown,
): SchemaFault | undefined {
  if (check.Check(data)) return undefined;
  const first = check.Errors(data).First();
  if (!first) return { pointer: '', problem: 'does not fit the schema' };
  const e = deepest(first);
  return { pointer: e.path, problem: words(e) };
}

/** The words of one error, from the schema's own options where it has them. */
function words(e: ValueError): string {
  const schema = e.schema as {
    errorMessage?: string;
    missingMessage?: string;
    unknownMessage?: string;
    description?: string;
    properties?: Record<string, unknown>;
  };
  const key = lastKey(e.path);
  if (e.type === ValueErrorType.ObjectAdditionalProperties) {
    const known = Object.keys(schema.properties ?? {});
    return `${schema.unknownMessage ?? 'unknown field'} ${JSON.stringify(key)}${known.length ? ` (known: ${known.join(', ')})` : ''}`;
  }
  if (e.type === ValueErrorType.ObjectRequiredProperty)
    return (
      schema.missingMessage ??
      `${key} is required${schema.description ? `: ${schema.description}` : ''}`
    );
  const message = schema.errorMessage ?? defaultWords(e);
  const value = JSON.stringify(e.value) ?? 'undefined';
  if (message.includes('{value}')) return message.replaceAll('{value}', value);
  if (/^is /.test(message)) return `${value} ${message}`;
  if (/^use /.test(message)) return `${value}: ${message}`;
  return message;
}

/** Words for a schema that gives none. */
function defaultWords(e: ValueError): string {
  switch (e.type) {
    case ValueErrorType.Object:
      return 'must be an object';
    case ValueErrorType.Array:
      return 'must be a list';
    case ValueErrorType.ArrayMinItems:
      return 'must not be empty';
    case ValueErrorType.ArrayUniqueItems:
      return 'holds the same value twice';
    case ValueErrorType.Boolean:
      return 'must be true or false';
    case ValueErrorType.String:
    case ValueErrorType.StringMinLength:
      return 'must be a non-empty string';
    case ValueErrorType.StringFormat:
      return (e.schema as { format?: string }).format === 'date'
        ? 'is not a real date YYYY-MM-DD'
        : `is not in the format ${(e.schema as { format?: string }).format}`;
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return 'must be a number';
    default:
      return e.message.charAt(0).toLowerCase() + e.message.slice(1);
  }
}

/** The last key of a JSON pointer, unescaped (`/a/b~1c` → `b/c`). */
function lastKey(pointer: string): string {
  const last = pointer.slice(pointer.lastIndexOf('/') + 1);
  return last.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** For a union's error, the deepest error of its variants (recursively), else itself. */
function deepest(e: ValueError): ValueError {
  if (e.type !== ValueErrorType.Union) return e;
  let best: ValueError | undefined;
  for (const variant of e.errors) {
    const f = variant.First();
    if (!f) continue;
    const d = deepest(f);
    if (d.path.length > e.path.length && (!best || d.path.length > best.path.length)) best = d;
  }
  return best ?? e;
}

/**
 * A JSON pointer in words, the way a person names a field of a settings file:
 * `/sources/un_sc/maxShrink` → `sources.un_sc.maxShrink`, `/measures/3/id` → `measures[3].id`.
 */
export function pointerWords(pointer: string): string {
  if (pointer === '') return 'the top level';
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

/**
 * One of a fixed list of strings, as a union of literals (its type is the union of the strings;
 * `/openapi.json` shows each value). A value outside the list reads `"x" is not one of a, b, c`.
 */
export function oneOf<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    { errorMessage: `is not one of ${values.join(', ')}`, ...options },
  ) as unknown as TUnion<TLiteral<T[number]>[]>;
}
