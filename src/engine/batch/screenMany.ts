/**
 * @module
 * Screening a known set of queries on worker processes and handing the responses back as
 * objects, for callers that need the results rather than an output file (a trade book screens
 * every party and vessel before judging them in date order).
 */
import type { ScreenOptions, ScreenResponse, ScreeningQuery } from '../../core/index.ts';
import { WorkerPool } from './pool.ts';
import type { BatchRow } from './types.ts';

/** Queries per message to a worker: large enough that the IPC round trip is a small share. */
const CHUNK = 256;

/**
 * Screens `queries` on `workers` processes (each builds its own index from `home`), with one set
 * of options, and returns the responses in the queries' order. A query the engine refuses gives
 * `undefined` in its place (the caller screens it itself and sees the error there).
 */
export async function screenOnWorkers(
  home: string,
  queries: ScreeningQuery[],
  options: ScreenOptions,
  workers: number,
): Promise<(ScreenResponse | undefined)[]> {
  let failure: unknown;
  const pool = new WorkerPool({
    size: workers,
    home,
    options,
    format: 'jsonl',
    onFailure: (err) => (failure ??= err),
  });
  try {
    const chunks: Promise<(ScreenResponse | undefined)[]>[] = [];
    for (let at = 0; at < queries.length; at += CHUNK) {
      const rows: BatchRow[] = queries
        .slice(at, at + CHUNK)
        .map((query, i) => ({ row: at + i + 1, input: null, query }));
      chunks.push(
        pool.screen(rows).then((result) => {
          const lines = Buffer.from(result.bytes).toString('utf8').split('\n');
          return result.rows.map((r, i) =>
            r.error ? undefined : (JSON.parse(lines[i]!) as ScreenResponse),
          );
        }),
      );
    }
    const answers = (await Promise.all(chunks)).flat();
    if (failure) throw failure;
    return answers;
  } finally {
    await pool.close(failure !== undefined);
  }
}
