/**
 * @module
 * Loading one list: files → parser → validation → one snapshot, written in one transaction.
 */
import { dirname } from 'node:path';
import {
  EmbargoError,
  entityHash,
  ERROR_CODES,
  isPartialDate,
  refused,
  validateListedEntity,
  type ParseContext,
  type ParseWarning,
} from '../core/index.ts';
import { getSource } from '../sources/index.ts';
import type {
  Activation,
  DateOrigin,
  EntityToStore,
  LoadTransaction,
  LockHolder,
  Snapshot,
  SnapshotFile,
  Store,
  StoreReader,
} from '../store/index.ts';
import { diffBetween } from './diff.ts';
import { assignFiles, describeFiles, expandPaths, folderDate } from './files.ts';

/** What to load. */
export interface LoadOptions {
  /** Source id, e.g. `ofac_sdn`. */
  source: string;
  /** A folder holding the list's files, or the files themselves. */
  paths: string[];
  /** Date of the list when neither the file nor its folder name states one (`YYYY-MM-DD`). */
  date?: string;
  /**
   * The day the files were downloaded, the date of last resort for lists that state none (origin
   * `download`). Unlike `date`, it gives way to a date the file states without a warning.
   */
  downloadDate?: string;
  /** Where files came from (path → a download's address), recorded as their path. */
  origins?: Readonly<Record<string, string>>;
  /** Called with the number of entities parsed so far. */
  onProgress?: (entities: number) => void;
  /**
   * A last check, called inside the load's transaction once every entity is parsed and before the
   * snapshot can become active. Throwing (INPUT_REFUSED, say) rolls the load back and leaves the
   * active snapshot as it was.
   */
  accept?: (summary: LoadSummary) => void;
  /**
   * Called once when another writer (a load in another process) holds the store's write lock
   * and this load waits for it; `holder.describe` says who, since when.
   */
  onWait?: (holder: LockHolder) => void;
  /**
   * Build and store the screening index of the lists this load activates before activating
   * them, inside the load's transaction (where the new snapshot is visible to this load only):
   * a server following the store then finds the index stored when it notices the new lists,
   * and loads it rather than builds it beside requests (issue 17). Costs the load one index
   * build. Ignored by an engine without a folder for stored indexes.
   */
  storeIndex?: boolean;
  /**
   * With {@link storeIndex}: the nice value this thread takes for that build (on Linux a
   * thread's own), so that the build yields the cores to a server answering requests on the
   * same machine. Not raised again afterwards (an unprivileged process cannot): for a process
   * that ends with its load, as the CLI's `lists load` does.
   */
  indexBuildNice?: number;
}

/** What a load found, handed to {@link LoadOptions.accept} before the snapshot is written. */
export interface LoadSummary {
  source: string;
  /** The snapshot's date, as decided. */
  date: string;
  /** Entities parsed. */
  entityCount: number;
  files: SnapshotFile[];
  /** The snapshot active now, if any. */
  active: Snapshot | undefined;
  /** Whether the new snapshot will become the active one (its date is not older). */
  activates: boolean;
}

/** What an activation changed, in counts (the entities are in the store's activations). */
export interface LoadDelta {
  /** The snapshot active before; null for the first snapshot of its source. */
  previous: string | null;
  added: number;
  removed: number;
  changed: number;
}

/** Outcome of a load. */
export interface LoadResult {
  /** `unchanged`: the same files were loaded before; no snapshot was created. */
  status: 'loaded' | 'unchanged';
  snapshot: Snapshot;
  /** Whether the snapshot is now the active one of its source. */
  active: boolean;
  /** When this load activated its snapshot: what it changed against the one active before. */
  delta?: LoadDelta;
  warnings: ParseWarning[];
}

/** What the engine adds to a load (not options of the library's caller). */
export interface LoadHooks {
  /**
   * Called inside the load's transaction once it has recorded its activation, before it commits;
   * `tx` sees the new snapshot active. Throwing rolls the load back, so a hook that may fail
   * without that catches its own errors.
   */
  beforeActivation?: (tx: LoadTransaction) => Promise<void>;
}

/**
 * Loads a list into a new snapshot. The snapshot's date is the one the file states; failing that
 * the `date` option; failing that the date in the folder name (`YYYY-MM-DD[_suffix]`). Structural
 * faults throw INPUT_REFUSED and leave the store as it was. One load writes at a time per store:
 * a load that finds another one writing waits for it (E_BUSY past the store's wait), and checks
 * whether its files are stored already only once it holds the lock, so that two loads of the
 * same files, in two processes at once, make one snapshot and one activation.
 */
export async function loadList(
  store: Store,
  options: LoadOptions,
  hooks: LoadHooks = {},
): Promise<LoadResult> {
  const source = getSource(options.source);
  for (const d of [options.date, options.downloadDate])
    if (d !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(d) && isPartialDate(d)))
      throw new EmbargoError(ERROR_CODES.USAGE, `--date ${d}: expected a date as YYYY-MM-DD`);
  const files = expandPaths(options.paths);
  if (!files.length) throw refused(`${options.paths.join(', ')}: no files to load`, {});
  const { format, byRole, missing } = assignFiles(source, files);
  if (missing.length) {
    const wanted = format.files
      .filter((s) => missing.includes(s.role))
      .map((s) => `${s.role} (${s.description})`);
    throw refused(
      `${dirname(files[0]!)}: incomplete ${source.id} set, missing ${wanted.join(', ')}`,
      {
        file: dirname(files[0]!),
      },
    );
  }
  const described = await describeFiles(byRole);
  const found = { source, format, byRole, files, described };
  return store.exclusive(() => loadLocked(store, options, found, hooks), {
    what: `loading ${source.id}`,
    source: source.id,
    ...(options.onWait && { onWait: options.onWait }),
  });
}

/** The part of {@link loadList} that runs holding the store's write lock. */
async function loadLocked(
  store: Store,
  options: LoadOptions,
  found: {
    source: ReturnType<typeof getSource>;
    format: ReturnType<typeof assignFiles>['format'];
    byRole: ReturnType<typeof assignFiles>['byRole'];
    /** Every file named by the paths, for the folder's date. */
    files: string[];
    described: SnapshotFile[];
  },
  hooks: LoadHooks,
): Promise<LoadResult> {
  const { source, format, byRole, files, described } = found;
  const existing = await store.findSnapshotByFiles(
    source.id,
    described.map((f) => f.sha256),
  );
  if (existing) {
    return {
      status: 'unchanged',
      snapshot: existing,
      active: (await store.activeSnapshot(source.id))?.id === existing.id,
      warnings: [],
    };
  }

  const warnings: ParseWarning[] = [];
  const counts = new Map<string, number>();
  let published: string | undefined;
  const ctx: ParseContext = {
    warn: (w) => warnings.push(w),
    setPublicationDate: (d) => {
      if (isPartialDate(d) && d.length === 10) published = d;
      else warnings.push({ message: `ignored publication date ${d}: not a full date` });
    },
    countRecords: (file, n) => counts.set(file, n),
  };
  const fromFolder = folderDate(dirname(files[0]!));

  let n = 0;
  async function* validated(): AsyncGenerator<EntityToStore> {
    for await (const entity of format.parse(byRole, ctx)) {
      validateListedEntity(entity);
      yield { entity, hash: entityHash(entity) };
      if (++n % 1000 === 0) options.onProgress?.(n);
    }
    options.onProgress?.(n);
  }

  let previous: Snapshot | undefined;
  let delta: LoadDelta | undefined;
  let written = false;
  const snapshot = await store.writeSnapshot({
    source: source.id,
    files: described,
    entities: validated(),
    finish: async (tx) => {
      let date: string | undefined;
      let dateOrigin: DateOrigin = 'file';
      if (published) date = published;
      else if (options.date) [date, dateOrigin] = [options.date, 'option'];
      else if (fromFolder) [date, dateOrigin] = [fromFolder, 'folder'];
      else if (options.downloadDate) [date, dateOrigin] = [options.downloadDate, 'download'];
      if (!date)
        throw new EmbargoError(
          ERROR_CODES.USAGE,
          `${source.id}: the files state no date and the folder name has none; pass --date YYYY-MM-DD`,
        );
      if (published && options.date && options.date !== published)
        warnings.push({
          message: `--date ${options.date} ignored: the list states its own date ${published}`,
        });
      const files = described.map((f) => ({
        ...f,
        path: options.origins?.[f.path] ?? f.path,
        records: counts.get(f.path) ?? 0,
      }));
      // Inside the transaction: no other load can change the active snapshot until commit.
      previous = await tx.activeSnapshot(source.id);
      options.accept?.({
        source: source.id,
        date,
        entityCount: n,
        files,
        active: previous,
        activates: !previous || date >= previous.date,
      });
      return { date, dateOrigin, files, warnings };
    },
    onComplete: async (complete, tx) => {
      written = true;
      if ((await tx.activeSnapshot(source.id))?.id !== complete.id) return;
      const activation = await activationOf(tx, complete, previous);
      await tx.recordActivation(activation);
      delta = {
        previous: activation.previous,
        added: activation.added.length,
        removed: activation.removed.length,
        changed: activation.changed.length,
      };
      await hooks.beforeActivation?.(tx);
    },
  });
  if (!written)
    // The same files were stored by a writer that did not wait for the lock.
    return {
      status: 'unchanged',
      snapshot,
      active: (await store.activeSnapshot(source.id))?.id === snapshot.id,
      warnings: [],
    };
  return {
    status: 'loaded',
    snapshot,
    active: (await store.activeSnapshot(source.id))?.id === snapshot.id,
    ...(delta && { delta }),
    warnings,
  };
}

/** The changes a snapshot brings against the one active before it (none for a first one). */
async function activationOf(
  store: StoreReader,
  to: Snapshot,
  from: Snapshot | undefined,
): Promise<Activation> {
  const diff = from ? await diffBetween(store, from, to) : undefined;
  return {
    snapshot: to.id,
    previous: from?.id ?? null,
    source: to.source,
    date: to.date,
    activatedAt: new Date().toISOString(),
    entityCount: to.entityCount,
    added: diff?.added ?? [],
    removed: diff?.removed ?? [],
    changed: (diff?.changed ?? []).map((c) => ({
      id: c.id,
      schema: c.schema,
      caption: c.caption,
      fields: [...new Set(c.changes.map((f) => f.field))],
    })),
  };
}
