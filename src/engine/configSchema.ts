/**
 * @module
 * The configuration file's schema, declared once with TypeBox (issue 18): `parseConfig` checks a
 * file against it, its types are the schema's `Static<>`, and a fault reads with the field in
 * words (`sources.un_sc.maxShrink`), its JSON pointer and what was expected.
 */
import { Type, type Static, type TOptional } from '@sinclair/typebox';
import { SOURCE_IDS, type SourceId } from '../core/index.ts';

/** A number from `min` to `max`; a fault says the range and what was given. */
function range(min: number, max: number, description: string, integer = false) {
  const options = {
    minimum: min,
    maximum: max,
    description,
    errorMessage: `expected a ${integer ? 'whole ' : ''}number from ${min} to ${max}, got {value}`,
  };
  return integer ? Type.Integer(options) : Type.Number(options);
}

/** Download settings of one source, as written in the file (each optional). */
export const SourceConfigInput = Type.Object(
  {
    /** role → address, overriding the source's official download address for that role. */
    urls: Type.Optional(
      Type.Record(
        Type.String(),
        Type.String({
          pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
          errorMessage: 'expected an http(s) address, got {value}',
        }),
        {
          description: "role → http(s) address, overriding the source's official address",
          errorMessage: 'expected an object of role → address',
        },
      ),
    ),
    /** The format the files are in, when not the one the source downloads by default. */
    formatId: Type.Optional(
      Type.String({
        pattern: '\\S',
        description: 'the format the files are in: csv, xml…',
        errorMessage: 'expected a format id such as "csv" or "xml"',
      }),
    ),
    /** Share of entities the list may lose against the active snapshot (0.05 = 5%). */
    maxShrink: Type.Optional(range(0, 1, 'share of entities the list may lose (0.05 = 5%)')),
    /** Per-request timeout, in ms, both to the response headers and between body chunks. */
    timeoutMs: Type.Optional(range(1, 3_600_000, 'per-request timeout, in ms')),
    /** Retries after a network error, a 5xx or a 429. */
    retries: Type.Optional(range(0, 20, 'retries after a network error, a 5xx or a 429', true)),
    /** First retry delay, in ms; doubled at each retry, with jitter. */
    backoffMs: Type.Optional(range(0, 600_000, 'first retry delay, in ms; doubled at each retry')),
  },
  { additionalProperties: false, errorMessage: 'expected an object' },
);

/** The trade section, a placeholder until the trade check reads its defaults from here. */
export const TradeConfigSchema = Type.Object(
  {
    /** Authorities that bind the user by default, e.g. `["un"]`. */
    authorities: Type.Optional(
      Type.Array(
        Type.String({
          pattern: '\\S',
          errorMessage: 'expected an array of authority ids, e.g. ["un"]',
        }),
        {
          description: 'authorities that bind the user by default',
          errorMessage: 'expected an array of authority ids, e.g. ["un"]',
        },
      ),
    ),
  },
  { additionalProperties: false, errorMessage: 'expected an object' },
);
/** See {@link TradeConfigSchema}. */
export type TradeConfig = Static<typeof TradeConfigSchema>;

/** Bounds of the list check interval: a few times a second at most, once an hour at least. */
export const MIN_CHECK_SECONDS = 0.1;
export const MAX_CHECK_SECONDS = 3600;

/** The lists section: how old a list may be before answers relying on it say so. */
export const ListsConfigSchema = Type.Object(
  {
    /**
     * Days after its list date (or its last confirming download) beyond which a list is stale;
     * 0 turns the check off. $EMBARGO_MAX_LIST_AGE_DAYS wins over it.
     */
    maxAgeDays: Type.Optional(
      range(0, 36_500, 'days after its list date beyond which a list is stale; 0: no check', true),
    ),
    /**
     * How often, in seconds, a running server checks the store for lists activated by another
     * process (or by itself) and builds their index in the background. $EMBARGO_LIST_CHECK_SECONDS
     * wins over it.
     */
    checkSeconds: Type.Optional(
      range(
        MIN_CHECK_SECONDS,
        MAX_CHECK_SECONDS,
        'how often a running server checks for newly activated lists',
      ),
    ),
  },
  { additionalProperties: false, errorMessage: 'expected an object' },
);
/** See {@link ListsConfigSchema}. */
export type ListsConfig = Static<typeof ListsConfigSchema>;

/** The configuration file, `config.json`, as written. */
export const ConfigFileSchema = Type.Object(
  {
    sources: Type.Optional(
      Type.Object(
        Object.fromEntries(
          SOURCE_IDS.map((id) => [id, Type.Optional(SourceConfigInput)]),
        ) as Record<SourceId, TOptional<typeof SourceConfigInput>>,
        {
          additionalProperties: false,
          unknownMessage: 'unknown source',
          errorMessage: 'expected an object',
          description: 'download settings by source id',
        },
      ),
    ),
    trade: Type.Optional(TradeConfigSchema),
    lists: Type.Optional(ListsConfigSchema),
  },
  {
    additionalProperties: false,
    title: 'Configuration',
    errorMessage: 'expected an object',
  },
);
/** The configuration file as written: the type of {@link ConfigFileSchema}. */
export type ConfigFile = Static<typeof ConfigFileSchema>;
