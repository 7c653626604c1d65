/**
 * @module
 * Live lists in SQLite: refresh attempts (`refreshes`) and what each activated snapshot changed
 * (`activations` and `changes`).
 */
import type Database from 'better-sqlite3';
import type { SourceId } from '../../core/index.ts';
import type { ActivationRow, ChangeRow } from '../rows.ts';
import type {
  Activation,
  ActivationQuery,
  ChangedEntity,
  RefreshFile,
  RefreshOutcomeKind,
  RefreshRecord,
} from '../types.ts';

interface RefreshRow {
  source: SourceId;
  started_at: string;
  finished_at: string;
  outcome: RefreshOutcomeKind;
  snapshot: string | null;
  message: string | null;
  url: string | null;
  files: string | null;
}

/** Outcomes that count as a successful refresh (the list was read and is current). */
const SUCCESS = ['activated', 'loaded', 'unchanged'];

/** Inserts one refresh attempt. */
export function insertRefresh(db: Database.Database, r: RefreshRecord): void {
  db.prepare(
    `INSERT INTO refreshes (source, started_at, finished_at, outcome, snapshot, message, url, files)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.source,
    r.startedAt,
    r.finishedAt,
    r.outcome,
    r.snapshot ?? null,
    r.message ?? null,
    r.url ?? null,
    JSON.stringify(r.files),
  );
}

/** The last attempt and the last success of a source. */
export function selectLastRefreshes(
  db: Database.Database,
  source: SourceId,
): { attempt?: RefreshRecord; success?: RefreshRecord } {
  const attempt = db
    .prepare('SELECT * FROM refreshes WHERE source = ? ORDER BY pk DESC LIMIT 1')
    .get(source) as RefreshRow | undefined;
  const success = db
    .prepare(
      `SELECT * FROM refreshes WHERE source = ? AND outcome IN (${SUCCESS.map(() => '?').join(', ')})
       ORDER BY pk DESC LIMIT 1`,
    )
    .get(source, ...SUCCESS) as RefreshRow | undefined;
  return {
    ...(attempt && { attempt: toRefresh(attempt) }),
    ...(success && { success: toRefresh(success) }),
  };
}

function toRefresh(row: RefreshRow): RefreshRecord {
  return {
    source: row.source,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    ...(row.snapshot !== null && { snapshot: row.snapshot }),
    ...(row.message !== null && { message: row.message }),
    ...(row.url !== null && { url: row.url }),
    files: row.files ? (JSON.parse(row.files) as RefreshFile[]) : [],
  };
}

/** Inserts an activation and its changed entities. */
export function insertActivation(db: Database.Database, a: Activation): void {
  db.prepare(
    `INSERT INTO activations (snapshot, previous, source, date, activated_at, entity_count, added,
     removed, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.snapshot,
    a.previous,
    a.source,
    a.date,
    a.activatedAt,
    a.entityCount,
    a.added.length,
    a.removed.length,
    a.changed.length,
  );
  const insert = db.prepare(
    `INSERT INTO changes (snapshot, previous, source, date, entity_id, change, caption, schema, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const put = (change: string, list: ChangedEntity[]) => {
    for (const e of list)
      insert.run(
        a.snapshot,
        a.previous,
        a.source,
        a.date,
        e.id,
        change,
        e.caption,
        e.schema,
        e.fields ? JSON.stringify(e.fields) : null,
      );
  };
  put('added', a.added);
  put('removed', a.removed);
  put('changed', a.changed);
}

/** Activations whose list date is on or after `since`, oldest first, with their changes. */
export function selectActivations(db: Database.Database, q: ActivationQuery): Activation[] {
  const rows = (
    q.source
      ? db
          .prepare(
            'SELECT * FROM activations WHERE date >= ? AND source = ? ORDER BY date, activated_at, rowid',
          )
          .all(q.since, q.source)
      : db
          .prepare(
            'SELECT * FROM activations WHERE date >= ? ORDER BY date, activated_at, source, rowid',
          )
          .all(q.since)
  ) as ActivationRow[];
  const changes = db.prepare(
    'SELECT entity_id, change, caption, schema, fields FROM changes WHERE snapshot = ? ORDER BY entity_id',
  );
  return rows.map((row) => {
    const a: Activation = {
      snapshot: row.snapshot,
      previous: row.previous,
      source: row.source,
      date: row.date,
      activatedAt: row.activated_at,
      entityCount: row.entity_count,
      added: [],
      removed: [],
      changed: [],
    };
    for (const c of changes.all(row.snapshot) as ChangeRow[]) {
      const e: ChangedEntity = {
        id: c.entity_id,
        schema: c.schema ?? '',
        caption: c.caption ?? '',
      };
      if (c.fields) e.fields = JSON.parse(c.fields) as string[];
      a[c.change].push(e);
    }
    return a;
  });
}
