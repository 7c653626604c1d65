/**
 * @module
 * Validators for the compatibility tests: Ajv (Fastify's own copy, already a dependency, so the
 * tests add none) over yente's response models as we transcribed them
 * (`yente-models.schema.json`) and the W3C Reconciliation API 0.2 schemas vendored unchanged in
 * `w3c-reconciliation-0.2/` (with their licence note).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(fileURLToPath(import.meta.url), '..');
const require = createRequire(import.meta.url);
// Fastify validates with Ajv 8 through @fastify/ajv-compiler; take that one (the top-level `ajv`
// is ESLint's Ajv 6).
const fromFastify = createRequire(require.resolve('@fastify/ajv-compiler'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const Ajv = (fromFastify('ajv') as { default: any }).default;

interface Validate {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** Swagger 2.0's Security Scheme Object, which the 0.2 manifest's `authentication` refers to:
 * not vendored (see w3c-reconciliation-0.2/LICENSE.md); our transcription of that object. */
const SWAGGER_SECURITY = {
  $id: 'http://swagger.io/v2/schema.json',
  definitions: {
    securityDefinitions: {
      additionalProperties: {
        oneOf: [
          {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: ['basic'] }, description: { type: 'string' } },
          },
          {
            type: 'object',
            required: ['type', 'name', 'in'],
            properties: {
              type: { enum: ['apiKey'] },
              name: { type: 'string' },
              in: { enum: ['header', 'query'] },
              description: { type: 'string' },
            },
          },
          {
            type: 'object',
            required: ['type', 'flow'],
            properties: { type: { enum: ['oauth2'] }, flow: { type: 'string' } },
          },
        ],
      },
    },
  },
};

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  validateSchema: false,
  validateFormats: false,
});
const w3cDir = join(here, 'w3c-reconciliation-0.2');
for (const file of readdirSync(w3cDir).filter((f) => f.endsWith('.json')))
  ajv.addSchema(JSON.parse(readFileSync(join(w3cDir, file), 'utf8')));
ajv.addSchema(SWAGGER_SECURITY);
const yente = JSON.parse(readFileSync(join(here, 'yente-models.schema.json'), 'utf8')) as {
  $id: string;
};
ajv.addSchema(yente);

/** Validates `data` against a yente model (`EntityMatchResponse`…); returns Ajv's errors. */
export function yenteErrors(model: string, data: unknown): unknown[] {
  const validate = ajv.getSchema(`${yente.$id}#/$defs/${model}`) as Validate | undefined;
  if (!validate) throw new Error(`no yente model ${model}`);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Validates `data` against a W3C 0.2 schema by file name (`manifest`…); returns Ajv's errors. */
export function w3cErrors(schema: string, data: unknown): unknown[] {
  const id =
    schema === 'reconciliation-query-batch'
      ? 'https://reconciliation-api.github.io/specs/0.2/schemas/reconciliation-query.json'
      : `https://reconciliation-api.github.io/specs/0.2/schemas/${schema}.json`;
  const validate = ajv.getSchema(id) as Validate | undefined;
  if (!validate) throw new Error(`no W3C schema ${schema}`);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
