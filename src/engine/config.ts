/**
 * @module
 * The configuration file, `$EMBARGO_HOME/config.json` (or `$EMBARGO_CONFIG`, or `--config`):
 * per-source download settings, the age beyond which a list is stale (`lists.maxAgeDays`), and
 * the trade section.
 *
 * ```json
 * { "sources": { "un_sc": { "urls": { "list": "https://…" }, "maxShrink": 0.05,
 *                           "timeoutMs": 30000, "retries": 3 } },
 *   "lists": { "maxAgeDays": 7 } }
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Static } from '@sinclair/typebox';
import {
  compileSchema,
  EmbargoError,
  ERROR_CODES,
  pointerWords,
  schemaFault,
  type SchemaCheck,
  type SourceId,
} from '../core/index.ts';
import {
  ConfigFileSchema,
  MAX_CHECK_SECONDS,
  MIN_CHECK_SECONDS,
  type ConfigFile,
  type ListsConfig,
  type SourceConfigInput,
  type TradeConfig,
} from './configSchema.ts';

export type { ListsConfig, TradeConfig } from './configSchema.ts';

/** One source's settings as written in the file. */
type SourceConfigFile = Static<typeof SourceConfigInput>;

/**
 * Download settings of one source, defaults filled in: the file's settings
 * ({@link SourceConfigInput}, where each is described), every one present but `formatId`.
 */
export type SourceConfig = Required<Omit<SourceConfigFile, 'formatId'>> &
  Pick<SourceConfigFile, 'formatId'>;

/** Default of `lists.checkSeconds`: a new list is served within this plus its index build. */
export const DEFAULT_LIST_CHECK_SECONDS = 10;

/** Default of `lists.maxAgeDays`: most authorities publish changes within days. */
export const DEFAULT_MAX_LIST_AGE_DAYS = 7;

/** The whole configuration, defaults filled in. */
export interface EmbargoConfig {
  /** The file it was read from, or undefined when there was none (all defaults). */
  path: string | undefined;
  /** Settings of the sources named in the file (others use {@link DOWNLOAD_DEFAULTS}). */
  sources: Partial<Record<SourceId, SourceConfig>>;
  trade?: TradeConfig;
  lists?: ListsConfig;
}

/** Defaults of every source's download settings. */
export const DOWNLOAD_DEFAULTS: Readonly<Omit<SourceConfig, 'urls' | 'formatId'>> = {
  maxShrink: 0.05,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1_000,
};

/** The configuration file to read: the given one, else $EMBARGO_CONFIG, else `<home>/config.json`. */
export function configPath(home: string, explicit?: string): { path: string; required: boolean } {
  const chosen = explicit ?? process.env.EMBARGO_CONFIG;
  return chosen
    ? { path: resolve(chosen), required: true }
    : { path: join(home, 'config.json'), required: false };
}

/**
 * Reads and validates the configuration. A missing default file means all defaults; a missing
 * file that was asked for, bad JSON or a bad field is a USAGE error naming the file and field.
 */
export function loadConfig(home: string, explicit?: string): EmbargoConfig {
  const { path, required } = configPath(home, explicit);
  if (!existsSync(path)) {
    if (required)
      throw new EmbargoError(ERROR_CODES.NOT_FOUND, `${path}: no such configuration file`, {
        file: path,
      });
    return { path: undefined, sources: {} };
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `${path}: not valid JSON: ${(err as Error).message}`,
      { file: path },
      err,
    );
  }
  return parseConfig(value, path);
}

/** The configuration schema, compiled on first use. */
let compiled: SchemaCheck<typeof ConfigFileSchema> | undefined;

/**
 * Validates a configuration value (the parsed JSON) against {@link ConfigFileSchema}; `file`
 * names it in errors, with the field in words and as a JSON pointer:
 * `config.json: sources.un_sc.maxShrink (/sources/un_sc/maxShrink): expected a number from 0 to 1, got 5`.
 */
export function parseConfig(value: unknown, file: string | undefined): EmbargoConfig {
  const fail = (pointer: string, problem: string): never => {
    const field = pointerWords(pointer);
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `${file ?? 'configuration'}: ${field}${pointer ? ` (${pointer})` : ''}: ${problem}`,
      { ...(file && { file }), field },
    );
  };
  compiled ??= compileSchema(ConfigFileSchema);
  const fault = schemaFault(compiled, value);
  if (fault) fail(fault.pointer, fault.problem);
  const root = value as ConfigFile;
  const config: EmbargoConfig = { path: file, sources: {} };
  for (const [id, raw] of Object.entries(root.sources ?? {}) as [SourceId, SourceConfigFile][]) {
    // A schema pattern says http(s)://; whether the rest is an address, only a parse can say.
    for (const [role, url] of Object.entries(raw.urls ?? {}))
      if (!isHttpUrl(url))
        fail(
          `/sources/${id}/urls/${role}`,
          `expected an http(s) address, got ${JSON.stringify(url)}`,
        );
    config.sources[id] = { ...DOWNLOAD_DEFAULTS, ...raw, urls: { ...raw.urls } };
  }
  if (root.trade !== undefined) config.trade = { ...root.trade };
  if (root.lists !== undefined) config.lists = { ...root.lists };
  return config;
}

/**
 * How often a running server checks for newly activated lists, in seconds:
 * $EMBARGO_LIST_CHECK_SECONDS if set, else the configuration's `lists.checkSeconds`, else
 * {@link DEFAULT_LIST_CHECK_SECONDS}. A bad value is a USAGE error naming the variable or field.
 */
export function listCheckSeconds(home: string, env = process.env): number {
  const raw = env.EMBARGO_LIST_CHECK_SECONDS;
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < MIN_CHECK_SECONDS || n > MAX_CHECK_SECONDS)
      throw new EmbargoError(
        ERROR_CODES.USAGE,
        `EMBARGO_LIST_CHECK_SECONDS=${raw}: expected a number of seconds from ${MIN_CHECK_SECONDS} to ${MAX_CHECK_SECONDS}`,
        { field: 'EMBARGO_LIST_CHECK_SECONDS' },
      );
    return n;
  }
  return loadConfig(home).lists?.checkSeconds ?? DEFAULT_LIST_CHECK_SECONDS;
}

/**
 * The age in days beyond which a list is stale, 0 for no check: $EMBARGO_MAX_LIST_AGE_DAYS if
 * set (it wins, so a test run or a deliberate historical analysis can turn the check off without
 * editing files), else the configuration's `lists.maxAgeDays`, else
 * {@link DEFAULT_MAX_LIST_AGE_DAYS}. A bad value is a USAGE error naming the variable or field.
 */
export function maxListAgeDays(home: string, env = process.env): number {
  const raw = env.EMBARGO_MAX_LIST_AGE_DAYS;
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 36_500)
      throw new EmbargoError(
        ERROR_CODES.USAGE,
        `EMBARGO_MAX_LIST_AGE_DAYS=${raw}: expected a whole number of days from 0 (no check) to 36500`,
        { field: 'EMBARGO_MAX_LIST_AGE_DAYS' },
      );
    return n;
  }
  return loadConfig(home).lists?.maxAgeDays ?? DEFAULT_MAX_LIST_AGE_DAYS;
}

/** The settings of one source: the file's, or the defaults. */
export function sourceSettings(config: EmbargoConfig, id: SourceId): SourceConfig {
  return config.sources[id] ?? { urls: {}, ...DOWNLOAD_DEFAULTS };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
