/**
 * @module
 * A trade book on every core. Judging is sequential by nature (a book runs in date order on one
 * cap ledger), but screening its parties and vessels, which is most of the work, is not: the
 * queries the book will ask are collected first, screened on worker processes, and the judge then
 * reads their answers. Verdicts are the same as in one process (tested).
 */
import type { ScreenOptions, ScreenResponse, ScreeningQuery } from '../core/index.ts';
import { screenOnWorkers } from './batch/index.ts';
import {
  checkBook,
  prescreenKey,
  readBook,
  screeningQueriesOf,
  type BookSummary,
  type Screening,
  type TradeOptions,
} from './trade.ts';

/** Below this many distinct queries, starting workers (each builds its index) costs more. */
export const PRESCREEN_BELOW = 2_000;

/**
 * Checks a book like {@link checkBook}, screening its queries on `workers` processes first when
 * there are enough of them to pay for the workers' start-up.
 */
export async function checkBookOnWorkers(
  engine: Screening,
  home: string,
  input: string,
  output: string,
  options: TradeOptions,
  workers: number,
  below = PRESCREEN_BELOW,
): Promise<BookSummary> {
  const book = readBook(input);
  const wanted = screeningQueriesOf(
    book.parsed.map((p) => p.tx),
    options,
  );
  if (workers < 2 || wanted.length < below) return checkBook(engine, input, output, options, book);
  // One pool per set of options that differ in more than the limit (usually one): each query is
  // screened with the largest limit asked and its answer cut to the limit each key asked for,
  // which is the answer that limit gives (results are ranked before they are cut).
  const groups = new Map<string, { options: ScreenOptions; items: typeof wanted }>();
  for (const w of wanted) {
    const { limit: _limit, ...rest } = w.options;
    const key = JSON.stringify(rest);
    const g = groups.get(key) ?? { options: rest, items: [] as typeof wanted };
    g.items.push(w);
    groups.set(key, g);
  }
  const prescreened = new Map<string, ScreenResponse>();
  for (const g of groups.values()) {
    // Not Math.max(...items): a large book asks more queries than a call can take arguments.
    const limit = g.items.reduce((m, w) => Math.max(m, w.options.limit ?? 5), 0);
    const distinct = new Map<string, ScreeningQuery>();
    for (const w of g.items) distinct.set(JSON.stringify(w.query), w.query);
    const queries = [...distinct.values()];
    const answers = await screenOnWorkers(home, queries, { ...g.options, limit }, workers);
    const byQuery = new Map(queries.map((q, i) => [JSON.stringify(q), answers[i]]));
    for (const w of g.items) {
      const answer = byQuery.get(JSON.stringify(w.query));
      if (!answer) continue;
      prescreened.set(prescreenKey(w.query, w.options), {
        ...answer,
        results: answer.results.slice(0, w.options.limit ?? 5),
      });
    }
  }
  return checkBook(engine, input, output, options, book, prescreened);
}
