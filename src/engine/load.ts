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
import type { DateOrigin, EntityToStore, Snapshot, Store } from '../store/index.ts';
import { assignFiles, describeFiles, expandPaths, folderDate } from './files.ts';

/** What to load. */
export interface LoadOptions {
  /** Source id, e.g. `ofac_sdn`. */
  source: string;
  /** A folder holding the list's files, or the files themselves. */
  paths: string[];
  /** Date of the list when neither the file nor its folder name states one (`YYYY-MM-DD`). */
  date?: string;
  /** Called with the number of entities parsed so far. */
  onProgress?: (entities: number) => void;
}

/** Outcome of a load. */
export interface LoadResult {
  /** `unchanged`: the same files were loaded before; no snapshot was created. */
  status: 'loaded' | 'unchanged';
  snapshot: Snapshot;
  /** Whether the snapshot is now the active one of its source. */
  active: boolean;
  warnings: ParseWarning[];
}

/**
 * Loads a list into a new snapshot. The snapshot's date is the one the file states; failing that
 * the `date` option; failing that the date in the folder name (`YYYY-MM-DD[_suffix]`). Structural
 * faults throw INPUT_REFUSED and leave the store as it was.
 */
export async function loadList(store: Store, options: LoadOptions): Promise<LoadResult> {
  const source = getSource(options.source);
  if (
    options.date !== undefined &&
    !(/^\d{4}-\d{2}-\d{2}$/.test(options.date) && isPartialDate(options.date))
  )
    throw new EmbargoError(
      ERROR_CODES.USAGE,
      `--date ${options.date}: expected a date as YYYY-MM-DD`,
    );
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
  const existing = store.findSnapshotByFiles(
    source.id,
    described.map((f) => f.sha256),
  );
  if (existing) {
    return {
      status: 'unchanged',
      snapshot: existing,
      active: store.activeSnapshot(source.id)?.id === existing.id,
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

  async function* validated(): AsyncGenerator<EntityToStore> {
    let n = 0;
    for await (const entity of format.parse(byRole, ctx)) {
      validateListedEntity(entity);
      yield { entity, hash: entityHash(entity) };
      if (++n % 1000 === 0) options.onProgress?.(n);
    }
    options.onProgress?.(n);
  }

  const snapshot = await store.writeSnapshot({
    source: source.id,
    files: described,
    entities: validated(),
    finish: () => {
      let date: string | undefined;
      let dateOrigin: DateOrigin = 'file';
      if (published) date = published;
      else if (options.date) [date, dateOrigin] = [options.date, 'option'];
      else if (fromFolder) [date, dateOrigin] = [fromFolder, 'folder'];
      if (!date)
        throw new EmbargoError(
          ERROR_CODES.USAGE,
          `${source.id}: the files state no date and the folder name has none; pass --date YYYY-MM-DD`,
        );
      if (published && options.date && options.date !== published)
        warnings.push({
          message: `--date ${options.date} ignored: the list states its own date ${published}`,
        });
      return {
        date,
        dateOrigin,
        files: described.map((f) => ({ ...f, records: counts.get(f.path) ?? 0 })),
        warnings,
      };
    },
  });
  return {
    status: 'loaded',
    snapshot,
    active: store.activeSnapshot(source.id)?.id === snapshot.id,
    warnings,
  };
}
