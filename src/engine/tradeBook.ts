/**
 * @module
 * A trade book on every core. Judging is sequential by nature (a book runs in date order on one
 * cap ledger), but screening its parties and vessels is not. This process judges from the first
 * transaction on; worker processes screen ahead of it, in the same order, and the judge finds
 * their answers waiting when it gets there. What no worker has been given when the judge needs
 * it (while the workers start, or between the chunks they are given), the judge screens itself;
 * what a worker is screening, the judge waits for rather than screen it twice.
 *
 * Each name is screened by one process: the first to screen it keeps it, and its later queries
 * (the same counterparty with another role or country) go there too. A process remembers the
 * names it has screened (`memoNames`), and a name that recurs is cheap only where it was seen.
 *
 * Verdicts are the same as in one process (tested): each query is answered by the same code on
 * the same lists, whichever process answers it. The CLI uses it only when asked (`--workers`):
 * on the 2-core machine we measure on, one process was faster (`npm run bench:trade`), each
 * worker building its own index and every answer crossing a process boundary.
 */
import { setImmediate as tick } from 'node:timers/promises';
import type { ScreenResponse } from '../core/index.ts';
import { WorkerPool, type BatchRow } from './batch/index.ts';
import {
  checkBook,
  judgeBook,
  keepLedger,
  openKeptLedger,
  judgingOrder,
  namesOf,
  readBook,
  recurringNames,
  screeningQueriesOf,
  type AskedQuery,
  type BookSummary,
  type Prescreened,
  type ReadBook,
  type Screening,
  type TradeOptions,
} from './trade.ts';

/** Below this many distinct queries, starting workers (each builds its index) costs more. */
export const PRESCREEN_BELOW = 2_000;

/** Queries per message to a worker: enough that the IPC round trip is a small share. */
const CHUNK = 256;
/** Chunks each worker has on hand, so it never waits for the next. */
const IN_FLIGHT = 2;
/** Transactions the judge runs between looks at the workers' answers. */
const STRIDE = 32;
/**
 * Workers are not sent the queries of the judge's next transactions: it will have screened them
 * itself before a chunk could come back.
 */
const AHEAD = 256;

/** The judge's process, as an owner of names. */
const JUDGE = -1;

interface Wanted extends AskedQuery {
  /** Whose names these are: the same names go to the same process. */
  names: string;
}

/**
 * A book's distinct queries in the order the judge first asks them; how far into them each
 * transaction reaches; and which of them each transaction asks.
 */
function queriesInOrder(
  order: ReadBook['parsed'],
  options: TradeOptions,
  recurring: ReadonlySet<string>,
): { wanted: Wanted[]; reach: Int32Array; asks: number[][] } {
  const position = new Map<string, number>();
  const wanted: Wanted[] = [];
  const reach = new Int32Array(order.length);
  const asks = order.map(({ tx }, i) => {
    const mine: number[] = [];
    for (const q of screeningQueriesOf(tx, options, recurring)) {
      let at = position.get(q.key);
      if (at === undefined) {
        position.set(q.key, (at = wanted.length));
        wanted.push({ ...q, names: namesOf(q.query) });
      }
      mine.push(at);
    }
    reach[i] = wanted.length;
    return mine;
  });
  return { wanted, reach, asks };
}

/**
 * Checks a book like {@link checkBook}, with `workers` screening processes helping this one when
 * the book asks enough distinct queries to pay for their start-up (each builds its own index).
 * `judgeScreens: false` leaves all screening to the workers (the judge waits for their answers
 * and needs no index of its own, but for a query a worker refuses).
 */
export async function checkBookOnWorkers(
  engine: Screening,
  /** What the workers open: the database's address, and the staleness setting. */
  stores: { database: string; maxAgeDays?: number },
  input: string,
  output: string,
  options: TradeOptions,
  workers: number,
  below = PRESCREEN_BELOW,
  judgeScreens = true,
): Promise<BookSummary> {
  const book = readBook(input);
  const order = judgingOrder(book, options);
  const recurring = recurringNames(order.map((p) => p.tx));
  const { wanted, reach, asks } = queriesInOrder(order, options, recurring);
  if (workers < 1 || wanted.length < below) return checkBook(engine, input, output, options, book);

  const answers = new Map<string, ScreenResponse>();
  // An answer is let go once the last transaction asking it is judged: kept to the end, a large
  // book's answers filled the heap the collector kept walking.
  const uses = new Int32Array(wanted.length);
  for (const mine of asks) for (const at of mine) uses[at]!++;
  /** Positions in `wanted` a worker is screening now, with the chunk's promise. */
  const pending = new Map<number, Promise<unknown>>();
  /** 1 where a worker has answered (or refused) the query at that position. */
  const settled = new Uint8Array(wanted.length);
  const position = new Map(wanted.map((w, i) => [w.key, i]));
  const owner = new Map<string, number>();
  let answeredByWorkers = 0;
  let failure: unknown;
  const ledger = await openKeptLedger(engine, options);
  await engine.screening.refresh();
  const pool = new WorkerPool({
    size: workers,
    database: stores.database,
    ...(stores.maxAgeDays !== undefined && { maxAgeDays: stores.maxAgeDays }),
    options: {},
    format: 'jsonl',
    lean: false,
    onFailure: (err) => (failure ??= err),
  });
  // The judge's view of the answers: what it has to screen itself, it keeps the names of.
  const prescreened: Prescreened = {
    get(key: string) {
      const answer = answers.get(key);
      if (!answer) {
        const at = position.get(key);
        if (at !== undefined && !owner.has(wanted[at]!.names)) owner.set(wanted[at]!.names, JUDGE);
      }
      return answer;
    },
  };

  // Each worker reads the queries forward from its own cursor, taking those whose names are its
  // own or no one's yet, never behind the judge's horizon. (Handing the judge a share of new
  // names as well was slower: judging a book of 50,000 keeps it busy enough.)
  const cursor = new Array<number>(workers).fill(0);
  const inFlight = new Array<number>(workers).fill(0);
  let judged = 0;
  let wake: () => void = () => {};
  const horizon = () => (judgeScreens ? reach[Math.min(judged + AHEAD, reach.length - 1)]! : 0);
  const chunkFor = (w: number): { at: number; query: Wanted }[] => {
    const chunk: { at: number; query: Wanted }[] = [];
    let at = Math.max(cursor[w]!, horizon());
    for (; at < wanted.length && chunk.length < CHUNK; at++) {
      const q = wanted[at]!;
      if (answers.has(q.key)) continue;
      const mine = owner.get(q.names);
      if (mine === undefined) owner.set(q.names, w);
      else if (mine !== w) continue;
      chunk.push({ at, query: q });
    }
    cursor[w] = at;
    return chunk;
  };
  const feed = (): void => {
    for (let w = 0; w < workers; w++)
      while (!failure && inFlight[w]! < IN_FLIGHT) {
        const chunk = chunkFor(w);
        if (!chunk.length) {
          break;
        }
        inFlight[w]!++;
        const rows: BatchRow[] = chunk.map(({ at, query }) => ({
          row: at + 1,
          input: null,
          query: query.query,
          options: query.options,
        }));
        const done = pool.screen(rows, w).then(
          (result) => {
            inFlight[w]!--;
            const lines = Buffer.from(result.bytes).toString('utf8').split('\n');
            // A query the worker refused is left for the judge, which screens it and sees why.
            result.rows.forEach((r, i) => {
              if (r.error) return;
              answers.set(chunk[i]!.query.key, JSON.parse(lines[i]!) as ScreenResponse);
              answeredByWorkers++;
            });
            feed();
            wake();
          },
          (err: unknown) => {
            inFlight[w]!--;
            failure ??= err;
            wake();
          },
        );
        for (const { at } of chunk) pending.set(at, done);
        void done.then(() => {
          for (const { at } of chunk) {
            pending.delete(at);
            settled[at] = 1;
          }
        });
      }
  };
  try {
    feed();
    const run = judgeBook(engine, book, output, options, ledger, prescreened, recurring);
    for (;;) {
      // What a worker is screening for this transaction, the judge waits for; without a screen
      // of its own, it waits for everything it asks.
      if (judged < asks.length)
        for (const at of asks[judged]!)
          while (!settled[at] && !failure) {
            const chunk = pending.get(at);
            if (chunk) await chunk;
            else if (judgeScreens) break;
            else {
              feed();
              await new Promise<void>((resolve) => (wake = resolve));
            }
          }
      const step = run.next();
      if (judged < asks.length)
        for (const at of asks[judged]!) if (--uses[at]! === 0) answers.delete(wanted[at]!.key);
      if (step.done) {
        if (failure) throw failure;
        await keepLedger(engine, options, ledger);
        return { ...step.value, screenedOnWorkers: answeredByWorkers };
      }
      // Let the workers' answers in and keep them supplied.
      if (++judged % STRIDE === 0) {
        if (failure) throw failure;
        await tick();
        feed();
      }
    }
  } finally {
    await pool.close(true);
  }
}
