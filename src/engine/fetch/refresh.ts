/**
 * @module
 * `lists update` without `--from`: download each source from its official address (or the
 * configured one) and load it, refusing anything that is not a sound, complete list before it can
 * become active. Every attempt is recorded, so that staleness can be reported.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import {
  asEmbargoError,
  EmbargoError,
  ERROR_CODES,
  refused,
  SOURCE_IDS,
  type ParseWarning,
  type SourceId,
} from '../../core/index.ts';
import { getSource } from '../../sources/index.ts';
import type {
  RefreshFile,
  RefreshOutcomeKind,
  RefreshRecord,
  Snapshot,
  Store,
} from '../../store/index.ts';
import { configPath, loadConfig, sourceSettings, type EmbargoConfig } from '../config.ts';
import type { LoadDelta, LoadOptions, LoadResult, LoadSummary } from '../load.ts';
import { downloadFile, type FileResult } from './http.ts';
import { downloadPlan, type DownloadPlan } from './plan.ts';

/** Options of a refresh. */
export interface RefreshOptions {
  /** Source ids (default: every source with a download address). */
  sources?: string[];
  /** Accept a list that shrank by more than the allowed share. */
  force?: boolean;
  /** Called as each source is done. */
  onOutcome?: (outcome: RefreshOutcome) => void;
  /** Called before a download is retried. */
  onRetry?: (info: {
    source: SourceId;
    url: string;
    attempt: number;
    reason: string;
    delayMs: number;
  }) => void;
  /** The configuration, or the path of its file (default: see {@link configPath}). */
  config?: string | EmbargoConfig;
  /** Interrupts the downloads (a load under way finishes or rolls back on its own). */
  signal?: AbortSignal;
}

/** What a refresh did with one source. */
export interface RefreshOutcome {
  source: SourceId;
  outcome: RefreshOutcomeKind;
  /** ISO timestamps. */
  startedAt: string;
  finishedAt: string;
  /** activated/loaded: the new snapshot; unchanged: the stored snapshot the files are. */
  snapshot?: Snapshot;
  /** activated: what changed against the snapshot active before. */
  delta?: LoadDelta;
  /** refused/failed: why; otherwise a note. */
  message?: string;
  /** refused: the file (as named in the download) and address concerned, when it is one file. */
  file?: string;
  url?: string;
  /** refused/failed: the error. */
  error?: EmbargoError;
  files: RefreshFile[];
  warnings: ParseWarning[];
}

/** What a refresh needs from the engine. */
export interface RefreshContext {
  store: Store;
  home: string;
  /** Loads files (the engine serialises loads). */
  load: (options: LoadOptions) => Promise<LoadResult>;
}

/**
 * Refreshes the sources one after the other. A source that is refused or fails does not stop the
 * others; its active snapshot stays as it was. A configuration that does not fit, or a source
 * asked for that has no address, is a USAGE error before anything is fetched.
 */
export async function refreshLists(
  ctx: RefreshContext,
  options: RefreshOptions = {},
): Promise<RefreshOutcome[]> {
  const config =
    typeof options.config === 'object' ? options.config : loadConfig(ctx.home, options.config);
  const plans = planSources(ctx.home, config, options.sources, options.config);
  const downloads = join(ctx.home, 'downloads');
  mkdirSync(downloads, { recursive: true });
  await sweep(downloads);
  const outcomes: RefreshOutcome[] = [];
  for (const plan of plans) {
    if (options.signal?.aborted) break;
    const outcome = await refreshSource(ctx, plan, options, downloads);
    // A download cut short by a stop is no verdict on the list: it is neither recorded nor told.
    if (options.signal?.aborted && outcome.outcome === 'refused') break;
    await ctx.store.recordRefresh({
      source: outcome.source,
      startedAt: outcome.startedAt,
      finishedAt: outcome.finishedAt,
      outcome: outcome.outcome,
      files: outcome.files,
      ...(outcome.snapshot && { snapshot: outcome.snapshot.id }),
      ...(outcome.message && { message: outcome.message }),
      ...(outcome.url && { url: outcome.url }),
    });
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  return outcomes;
}

/** Age after which a folder left in downloads/ (by a process that was killed) is removed. */
const LEFTOVER_MS = 24 * 3_600_000;

/** Removes what killed processes left in downloads/; a running refresh's folder is younger. */
async function sweep(downloads: string): Promise<void> {
  for (const name of await readdir(downloads)) {
    const path = join(downloads, name);
    const st = await stat(path).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LEFTOVER_MS)
      await rm(path, { recursive: true, force: true });
  }
}

function planSources(
  home: string,
  config: EmbargoConfig,
  wanted: string[] | undefined,
  explicit: string | EmbargoConfig | undefined,
): DownloadPlan[] {
  const ids = wanted?.length ? wanted.map((s) => getSource(s).id) : [...SOURCE_IDS];
  const plans: DownloadPlan[] = [];
  for (const id of ids) {
    const plan = downloadPlan(getSource(id), sourceSettings(config, id));
    if (plan) plans.push(plan);
    else if (wanted?.length) {
      const file = config.path ?? (typeof explicit === 'string' ? explicit : configPath(home).path);
      throw new EmbargoError(
        ERROR_CODES.USAGE,
        `${id}: no download address is known; set sources.${id}.urls in ${file}`,
      );
    }
  }
  return plans;
}

async function refreshSource(
  ctx: RefreshContext,
  plan: DownloadPlan,
  options: RefreshOptions,
  downloads: string,
): Promise<RefreshOutcome> {
  const id = plan.source.id;
  const startedAt = new Date().toISOString();
  const prior = (await ctx.store.lastRefreshes(id)).success;
  const files: RefreshFile[] = plan.files.map((f) => ({ ...f, status: 0 }));
  const dir = await mkdtemp(join(downloads, `${id}-`));
  let outcome: Omit<RefreshOutcome, 'source' | 'startedAt' | 'finishedAt' | 'files'>;
  try {
    outcome = await fetchAndLoad(ctx, plan, options, dir, files, prior);
  } catch (err) {
    const error = asEmbargoError(err);
    const failed = error.code === ERROR_CODES.INTERNAL || error.code === ERROR_CODES.STORE;
    const concerned = plan.files.find(
      (f) => error.file === f.url || (error.file && basename(error.file) === f.name),
    );
    const reason = clean(error.message, dir, concerned);
    const message = concerned ? `${concerned.name} (${concerned.url}): ${reason}` : reason;
    // The temporary file is gone: the error names the address (and keeps line, field, record).
    const where = {
      ...(concerned && { file: concerned.url }),
      ...(error.line !== undefined && { line: error.line }),
      ...(error.field !== undefined && { field: error.field }),
      ...(error.record !== undefined && { record: error.record }),
    };
    outcome = {
      outcome: failed ? 'failed' : 'refused',
      message,
      ...(concerned && { file: concerned.name, url: concerned.url }),
      error: new EmbargoError(error.code, message, where, error),
      warnings: [],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { source: id, startedAt, finishedAt: new Date().toISOString(), files, ...outcome };
}

async function fetchAndLoad(
  ctx: RefreshContext,
  plan: DownloadPlan,
  options: RefreshOptions,
  dir: string,
  files: RefreshFile[],
  prior: RefreshRecord | undefined,
): Promise<Omit<RefreshOutcome, 'source' | 'startedAt' | 'finishedAt' | 'files'>> {
  const id = plan.source.id;
  const { settings } = plan;
  const fetchOne = async (file: RefreshFile, conditional: boolean): Promise<FileResult> => {
    const before = conditional ? prior?.files.find((f) => f.url === file.url) : undefined;
    try {
      return await downloadFile({
        url: file.url,
        dest: join(dir, file.name),
        ...(before?.etag && { etag: before.etag }),
        ...(before?.lastModified && { lastModified: before.lastModified }),
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        backoffMs: settings.backoffMs,
        ...(options.signal && { signal: options.signal }),
        onRetry: (r) => options.onRetry?.({ source: id, url: file.url, ...r }),
      });
    } catch (err) {
      const e = asEmbargoError(err);
      // Name the download's file and address, whatever the failure said.
      throw e.file === file.url ? e : refused(e.message, { file: file.url }, err);
    }
  };
  const record = (file: RefreshFile, r: FileResult) => {
    const before = prior?.files.find((f) => f.url === file.url);
    file.status = r.status;
    delete file.etag;
    delete file.lastModified;
    const etag = r.etag ?? (r.status === 304 ? before?.etag : undefined);
    const lastModified = r.lastModified ?? (r.status === 304 ? before?.lastModified : undefined);
    if (etag) file.etag = etag;
    if (lastModified) file.lastModified = lastModified;
    if (r.status === 200) [file.sha256, file.size] = [r.sha256, r.size];
    else if (before?.sha256 !== undefined) [file.sha256, file.size] = [before.sha256, before.size];
  };

  // Conditional requests first; a file that did not change (304) is fetched again in full only
  // when another one did, since a load needs the whole set.
  const first = [];
  for (const file of files) {
    const r = await fetchOne(file, true);
    record(file, r);
    first.push(r);
  }
  if (first.every((r) => r.status === 304)) {
    const known = prior?.snapshot ? await ctx.store.getSnapshot(prior.snapshot) : undefined;
    return {
      outcome: 'unchanged',
      ...(known && { snapshot: known }),
      message: `not modified since the last refresh${known ? ` (${known.id})` : ''}`,
      warnings: [],
    };
  }
  for (const file of files) if (file.status === 304) record(file, await fetchOne(file, false));

  const accept = (s: LoadSummary) => {
    if (options.force || !s.activates || !s.active) return;
    const { active } = s;
    if (s.entityCount >= active.entityCount * (1 - settings.maxShrink)) return;
    const share = (((active.entityCount - s.entityCount) / active.entityCount) * 100).toFixed(1);
    throw refused(
      `${s.entityCount} entities, ${share}% fewer than the ${active.entityCount} of the active ${active.id}: ` +
        `more than the ${+(settings.maxShrink * 100).toFixed(2)}% allowed (sources.${id}.maxShrink); ` +
        `nothing was activated (use --force to accept it)`,
      { file: join(dir, files[0]!.name) },
    );
  };
  const result = await ctx.load({
    source: id,
    paths: files.map((f) => join(dir, f.name)),
    downloadDate: new Date().toISOString().slice(0, 10),
    origins: Object.fromEntries(files.map((f) => [join(dir, f.name), f.url])),
    accept,
  });
  const s = result.snapshot;
  if (result.status === 'unchanged') {
    const active = await ctx.store.activeSnapshot(id);
    return {
      outcome: 'unchanged',
      snapshot: s,
      message: `files identical to ${s.id}${active?.id === s.id ? '' : `, not the active ${active?.id ?? 'snapshot'}`}`,
      warnings: [],
    };
  }
  if (!result.active) {
    const active = await ctx.store.activeSnapshot(id);
    return {
      outcome: 'loaded',
      snapshot: s,
      message: `not active: ${active?.id ?? 'another snapshot'} is newer`,
      warnings: result.warnings.map((w) => cleanWarning(w, dir)),
    };
  }
  return {
    outcome: 'activated',
    snapshot: s,
    ...(result.delta && { delta: result.delta }),
    warnings: result.warnings.map((w) => cleanWarning(w, dir)),
  };
}

/** A message without the temporary folder's path (which is gone by the time anyone reads it). */
function clean(message: string, dir: string, concerned?: { name: string; url: string }): string {
  let m = message;
  if (concerned) {
    for (const prefix of [`${concerned.url}: `, `${join(dir, concerned.name)}: `])
      if (m.startsWith(prefix)) m = m.slice(prefix.length);
  }
  return m.split(dir + sep).join('');
}

function cleanWarning(w: ParseWarning, dir: string): ParseWarning {
  const out: ParseWarning = { ...w, message: clean(w.message, dir) };
  if (w.file) out.file = clean(w.file, dir);
  return out;
}
