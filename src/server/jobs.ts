/**
 * @module
 * Long work as jobs (issue 18), run in this process: a large book, a scenario run over a large
 * book, a list update. The route answers 202 with `Location: /jobs/{id}` and the client polls
 * `GET /jobs/{id}` for the state, the progress and the result or error. The work itself yields
 * to the event loop (the engine judges in slices), so the server keeps answering meanwhile.
 *
 * Ids are random UUIDs (122 random bits): unguessable, and a job is shown only to the API key
 * that made it, or to an admin key (with auth off, to anyone who has the id). Finished jobs are
 * kept for {@link JOB_TTL_MS} and at most {@link MAX_FINISHED} of them, oldest dropped first:
 * results are large, and a client that never polls must not fill the heap.
 */
import { randomUUID } from 'node:crypto';
import { asEmbargoError } from '../core/index.ts';

/** How long a finished job's result is kept. */
export const JOB_TTL_MS = 60 * 60 * 1000;
/** Most finished jobs kept. */
export const MAX_FINISHED = 50;

/** Where a job is. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** A job as `GET /jobs/{id}` shows it. */
export interface JobView {
  id: string;
  /** What the job does (`trade-check`, `scenario-run`, `lists-update`). */
  kind: string;
  state: JobState;
  /** Units of work done, of `total` (transactions judged, lists fetched…), when known. */
  progress: { done: number; total?: number };
  created_at: string;
  started_at?: string;
  finished_at?: string;
  /** The answer the route would have given synchronously, once succeeded. */
  result?: unknown;
  /** `{detail, code}` once failed, as an error response. */
  error?: { detail: string; code: string; field?: string; line?: number };
}

interface Job extends JobView {
  /** Id of the API key that made it (undefined with auth off). */
  owner: string | undefined;
  finishedMs?: number;
}

/** What a job's work gets: a way to report progress. */
export interface JobProgress {
  (done: number, total?: number): void;
}

/** The in-process job runner of one server. */
export class Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    /** Turns a failure into the `{detail, code}` an error response would carry. */
    private readonly describe: (err: unknown) => JobView['error'] = (err) => {
      const e = asEmbargoError(err);
      return { detail: e.message, code: e.code };
    },
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts `work` on the next turn of the event loop and returns the job's id at once. The work
   * must yield to the event loop itself if it is long (the engine's book judging does).
   */
  start(
    kind: string,
    owner: string | undefined,
    work: (progress: JobProgress) => Promise<unknown>,
  ): string {
    this.sweep();
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      owner,
      state: 'queued',
      progress: { done: 0 },
      created_at: new Date(this.now()).toISOString(),
    };
    this.jobs.set(id, job);
    setImmediate(() => {
      job.state = 'running';
      job.started_at = new Date(this.now()).toISOString();
      const progress: JobProgress = (done, total) => {
        job.progress = total === undefined ? { done } : { done, total };
      };
      work(progress).then(
        (result) => this.finish(job, 'succeeded', { result }),
        (err: unknown) => this.finish(job, 'failed', { error: this.describe(err) }),
      );
    });
    return id;
  }

  /** The job, if it exists and `owner` may see it (its maker, or `admin`). */
  get(id: string, owner: string | undefined, admin: boolean): JobView | undefined {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || (!admin && job.owner !== owner)) return undefined;
    const { owner: _o, finishedMs: _f, ...view } = job;
    return view;
  }

  private finish(job: Job, state: 'succeeded' | 'failed', outcome: Partial<JobView>): void {
    Object.assign(job, outcome);
    job.state = state;
    job.finishedMs = this.now();
    job.finished_at = new Date(job.finishedMs).toISOString();
    this.sweep();
  }

  /** Drops finished jobs past their time, then the oldest past the count. */
  private sweep(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedMs !== undefined);
    const cutoff = this.now() - JOB_TTL_MS;
    let kept = 0;
    for (const j of finished.sort((a, b) => b.finishedMs! - a.finishedMs!))
      if (j.finishedMs! < cutoff || ++kept > MAX_FINISHED) this.jobs.delete(j.id);
  }
}
