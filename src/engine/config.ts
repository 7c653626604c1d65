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
import { EmbargoError, ERROR_CODES, isSourceId, type SourceId } from '../core/index.ts';

/** Download settings of one source, defaults filled in. */
export interface SourceConfig {
  /** role → address, overriding the source's official download address for that role. */
  urls: Record<string, string>;
  /** The format the files are in, when not the one the source downloads by default. */
  formatId?: string;
  /** Share of entities the list may lose against the active snapshot (0.05 = 5%). */
  maxShrink: number;
  /** Per-request timeout, in ms, both to the response headers and between body chunks. */
  timeoutMs: number;
  /** Retries after a network error, a 5xx or a 429. */
  retries: number;
  /** First retry delay, in ms; doubled at each retry, with jitter. */
  backoffMs: number;
}

/** The trade section, a placeholder until the trade check reads its defaults from here. */
export interface TradeConfig {
  /** Authorities that bind the user by default, e.g. `["un"]`. */
  authorities?: string[];
}

/** The lists section: how old a list may be before answers relying on it say so. */
export interface ListsConfig {
  /**
   * Days after its list date (or its last confirming download) beyond which a list is stale;
   * 0 turns the check off. $EMBARGO_MAX_LIST_AGE_DAYS wins over it.
   */
  maxAgeDays?: number;
  /**
   * How often, in seconds, a running server checks the store for lists activated by another
   * process (or by itself) and builds their index in the background. $EMBARGO_LIST_CHECK_SECONDS
   * wins over it.
   */
  checkSeconds?: number;
}

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

/** Validates a configuration value (the parsed JSON); `file` names it in errors. */
export function parseConfig(value: unknown, file: string | undefined): EmbargoConfig {
  const fail = (field: string, problem: string): never => {
    throw new EmbargoError(ERROR_CODES.USAGE, `${file ?? 'configuration'}: ${field}: ${problem}`, {
      ...(file && { file }),
      field,
    });
  };
  const root = object(value, 'the top level', fail);
  known(root, '', ['sources', 'trade', 'lists'], fail);
  const config: EmbargoConfig = { path: file, sources: {} };
  if (root.sources !== undefined) {
    const sources = object(root.sources, 'sources', fail);
    for (const [id, raw] of Object.entries(sources)) {
      if (!isSourceId(id)) fail(`sources.${id}`, 'unknown source');
      config.sources[id as SourceId] = sourceConfig(raw, `sources.${id}`, fail);
    }
  }
  if (root.trade !== undefined) {
    const trade = object(root.trade, 'trade', fail);
    known(trade, 'trade.', ['authorities'], fail);
    config.trade = {};
    if (trade.authorities !== undefined) {
      if (
        !Array.isArray(trade.authorities) ||
        !trade.authorities.every((a) => typeof a === 'string' && a)
      )
        fail('trade.authorities', 'expected an array of authority ids, e.g. ["un"]');
      config.trade.authorities = trade.authorities as string[];
    }
  }
  if (root.lists !== undefined) {
    const lists = object(root.lists, 'lists', fail);
    known(lists, 'lists.', ['maxAgeDays', 'checkSeconds'], fail);
    config.lists = {};
    if (lists.maxAgeDays !== undefined)
      config.lists.maxAgeDays = number(
        lists.maxAgeDays,
        'lists.maxAgeDays',
        0,
        36_500,
        0,
        fail,
        true,
      );
    if (lists.checkSeconds !== undefined)
      config.lists.checkSeconds = number(
        lists.checkSeconds,
        'lists.checkSeconds',
        MIN_CHECK_SECONDS,
        MAX_CHECK_SECONDS,
        0,
        fail,
      );
  }
  return config;
}

/** Bounds of the list check interval: a few times a second at most, once an hour at least. */
const MIN_CHECK_SECONDS = 0.1;
const MAX_CHECK_SECONDS = 3600;

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

type Fail = (field: string, problem: string) => never;

function sourceConfig(raw: unknown, at: string, fail: Fail): SourceConfig {
  const o = object(raw, at, fail);
  known(o, `${at}.`, ['urls', 'formatId', 'maxShrink', 'timeoutMs', 'retries', 'backoffMs'], fail);
  const c: SourceConfig = { urls: {}, ...DOWNLOAD_DEFAULTS };
  if (o.urls !== undefined) {
    for (const [role, url] of Object.entries(object(o.urls, `${at}.urls`, fail))) {
      if (typeof url !== 'string' || !isHttpUrl(url))
        fail(`${at}.urls.${role}`, `expected an http(s) address, got ${JSON.stringify(url)}`);
      c.urls[role] = url as string;
    }
  }
  if (o.formatId !== undefined) {
    if (typeof o.formatId !== 'string' || !o.formatId)
      fail(`${at}.formatId`, 'expected a format id such as "csv" or "xml"');
    c.formatId = o.formatId as string;
  }
  c.maxShrink = number(o.maxShrink, `${at}.maxShrink`, 0, 1, c.maxShrink, fail);
  c.timeoutMs = number(o.timeoutMs, `${at}.timeoutMs`, 1, 3_600_000, c.timeoutMs, fail);
  c.retries = number(o.retries, `${at}.retries`, 0, 20, c.retries, fail, true);
  c.backoffMs = number(o.backoffMs, `${at}.backoffMs`, 0, 600_000, c.backoffMs, fail);
  return c;
}

function object(v: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'expected an object');
  return v as Record<string, unknown>;
}

function known(o: Record<string, unknown>, prefix: string, keys: string[], fail: Fail): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) fail(`${prefix}${k}`, `unknown field (known: ${keys.join(', ')})`);
}

function number(
  v: unknown,
  at: string,
  min: number,
  max: number,
  dflt: number,
  fail: Fail,
  integer = false,
): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    fail(at, `expected a number from ${min} to ${max}, got ${JSON.stringify(v)}`);
  if (integer && !Number.isInteger(v)) fail(at, `expected a whole number, got ${v as number}`);
  return v as number;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
