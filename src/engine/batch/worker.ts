/**
 * @module
 * The screening worker: a child process (forked by {@link WorkerPool}) that opens its own engine
 * on the parent's EMBARGO_HOME, builds its own matcher on the first chunk, and answers chunks in
 * the order they arrive. It exits when the parent disconnects, including when the parent dies, so
 * no worker outlives its batch.
 */
import { asEmbargoError } from '../../core/index.ts';
import { createEngine, type Engine } from '../engine.ts';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.ts';
import { keepToBudget } from './memory.ts';
import { screenRows } from './screenRows.ts';

if (!process.send) {
  process.stderr.write('embargo batch worker: must be started by the batch runner (no IPC)\n');
  process.exit(2);
}

let engine: Engine | undefined;
let init: WorkerInit | undefined;
let failed = false;
/** The chunk being screened: the next one waits for it. */
let turn: Promise<void> = Promise.resolve();

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
    try {
      engine = createEngine({
        database: msg.database,
        ...(msg.maxAgeDays !== undefined && { maxAgeDays: msg.maxAgeDays }),
      });
    } catch (err) {
      fatal(err);
    }
    return;
  }
  if (!engine || !init) return fatal(new Error('chunk before init'), msg.seq);
  try {
    const seq = msg.seq;
    // Chunks are answered in the order they came: one after the other, as the parent expects.
    turn = turn
      .then(async () => {
        if (failed) return;
        const result = await screenRows(engine!, msg.rows, init!.options, init!.format);
        send({ type: 'done', seq, result, rss: process.resourceUsage().maxRSS * 1024 });
        keepToBudget();
      })
      .catch((err: unknown) => fatal(err, seq));
  } catch (err) {
    fatal(err, msg.seq);
  }
});

process.on('disconnect', () => {
  void Promise.resolve(engine?.close()).finally(() => process.exit(0));
});
