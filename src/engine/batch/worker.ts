/**
 * @module
 * The screening worker: a child process (forked by {@link WorkerPool}) that opens the parent's
 * database, loads (or builds) its matcher as soon as it is told which (not on the first chunk, so
 * that the load overlaps the parent's start), and answers chunks in the order they arrive. It
 * opens the screening part of an engine only (openScreening.ts): the rest (list parsers, rules,
 * the trade check) would be loaded in every worker for nothing. It exits when the parent
 * disconnects, including when the parent dies, so no worker outlives its batch.
 */
import { asEmbargoError } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { resolveHome } from '../home.ts';
import { openScreening, type OpenedScreening } from '../openScreening.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';
import { keepToBudget } from './memory.ts';
import { screenRows } from './screenRows.ts';

if (!process.send) {
  process.stderr.write('embargo batch worker: must be started by the batch runner (no IPC)\n');
  process.exit(2);
}

/** The screening opened on init, its matcher loaded (or built); chunks wait for it. */
let ready: Promise<OpenedScreening | undefined> | undefined;
/** The store opened, closed on disconnect without waiting for the matcher's load. */
let store: Store | undefined;
let init: WorkerInit | undefined;
let failed = false;
/** The chunk being screened: the next one waits for it. */
let turn: Promise<void> = Promise.resolve();

/**
 * Opens the database and loads the matcher, at once: the parent meanwhile reads its first
 * chunks, so this overlaps them instead of waiting for the first one.
 */
async function start(msg: WorkerInit): Promise<OpenedScreening> {
  const home = resolveHome(msg.home);
  // The parent resolves it; else the configuration's, read (as createEngine would) only then.
  const maxAgeDays = msg.maxAgeDays ?? (await import('../config.ts')).maxListAgeDays(home);
  const opened = openScreening({ home, database: msg.database, maxAgeDays: () => maxAgeDays });
  store = opened.store;
  await opened.screening.refresh();
  return opened;
}

const send = (msg: FromWorker) => process.send!(msg);

function fatal(err: unknown, seq?: number): void {
  failed = true;
  const e = asEmbargoError(err);
  send({
    type: 'fatal',
    ...(seq !== undefined && { seq }),
    error: { code: e.code, message: e.message },
  });
}

process.on('message', (msg: ToWorker) => {
  // After a fatal error the parent is tearing the batch down; answering more would only race it.
  if (failed) return;
  if (msg.type === 'init') {
    init = msg;
    ready = start(msg).catch((err: unknown) => {
      fatal(err);
      return undefined;
    });
    return;
  }
  if (!ready || !init) return fatal(new Error('chunk before init'), msg.seq);
  const opening = ready;
  try {
    const seq = msg.seq;
    // Chunks are answered in the order they came: one after the other, as the parent expects.
    turn = turn
      .then(async () => {
        const opened = await opening;
        if (failed || !opened) return;
        // The lists brought up to date once for the chunk; its rows are then screened in one go.
        await opened.screening.refresh();
        const screening = opened.screening;
        const result = screenRows(
          (q, o) => screening.screenNow(q, o),
          msg.rows,
          init!.options,
          init!.format,
        );
        send({ type: 'done', seq, result, rss: process.resourceUsage().maxRSS * 1024 });
        keepToBudget();
      })
      .catch((err: unknown) => fatal(err, seq));
  } catch (err) {
    fatal(err, msg.seq);
  }
});

process.on('disconnect', () => {
  void Promise.resolve(store?.close()).finally(() => process.exit(0));
});
