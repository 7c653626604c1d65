/**
 * @module
 * The small TypeBox parts regimes and scenarios are both declared with (a non-blank text, a
 * non-empty list of them, a calendar day), so their files fail with the same words.
 */
import { Type } from '@sinclair/typebox';

/** A string with a non-blank character. */
export const text = (description?: string) =>
  Type.String({
    pattern: '\\S',
    errorMessage: 'must be a non-empty string',
    ...(description !== undefined && { description }),
  });

/** A non-empty list of non-empty strings. */
export const texts = (description: string) => Type.Array(text(), { minItems: 1, description });

/** A day on the calendar, YYYY-MM-DD. */
export const day = (description: string) =>
  Type.String({ format: 'date', description, errorMessage: 'is not a real date YYYY-MM-DD' });
