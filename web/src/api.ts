/**
 * @module
 * Calls to Embargo's HTTP API from the browser, same origin. The API key, when the server wants
 * one, is pasted by the analyst and kept in sessionStorage: it lasts as long as the tab and is
 * never written to disk by the page.
 */

const KEY = 'embargo.apiKey';

/** The API key of this tab, if one was given. */
export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: work without a key
  }
}

/** Sets (or, with an empty value, forgets) the API key of this tab. */
export function setApiKey(key: string | null): void {
  const k = key?.trim();
  if (k) sessionStorage.setItem(KEY, k);
  else sessionStorage.removeItem(KEY);
}

/** An error answer of the API (`{detail, code}`), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }

  /** What to tell the analyst, with a hint for the errors they can fix themselves. */
  explain(): string {
    if (this.status === 401)
      return `${this.message} — this server needs an API key: paste one under “API key” at the top.`;
    if (this.status === 403)
      return `${this.message} — the API key in use lacks the role this needs.`;
    if (this.status === 0) return `Cannot reach the server: ${this.message}`;
    return this.message;
  }
}

/** Options of {@link api}. */
export interface CallOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON, unless a string (sent as is, with `contentType`). */
  body?: unknown;
  contentType?: string;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/** Calls the API and returns its JSON; throws {@link ApiError} on any failure. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(options.query ?? {}))
    if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = apiKey();
  if (key) headers.authorization = `ApiKey ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    const raw = typeof options.body === 'string';
    body = raw ? (options.body as string) : JSON.stringify(options.body);
    headers['content-type'] = raw ? (options.contentType ?? 'text/plain') : 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = (json ?? {}) as { detail?: unknown; code?: unknown; message?: unknown };
    const detail =
      typeof e.detail === 'string'
        ? e.detail
        : typeof e.message === 'string'
          ? e.message
          : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, typeof e.code === 'string' ? e.code : 'HTTP', detail);
  }
  if (json === undefined) throw new ApiError(res.status, 'BAD_RESPONSE', 'not a JSON answer');
  // Long work (a large book, a list update) is a job: follow it to its result.
  const job = res.status === 202 ? res.headers.get('location') : null;
  if (job) return waitForJob<T>(job, options.signal);
  return json as T;
}

/** A job as `GET /jobs/{id}` shows it. */
interface JobAnswer {
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  result?: unknown;
  error?: { detail: string; code: string };
}

/** Polls a job until it is finished: its result, or its error as an {@link ApiError}. */
async function waitForJob<T>(path: string, signal?: AbortSignal): Promise<T> {
  for (;;) {
    const job = await api<JobAnswer>(path, signal ? { signal } : {});
    if (job.state === 'succeeded') return job.result as T;
    if (job.state === 'failed')
      throw new ApiError(
        500,
        job.error?.code ?? 'JOB_FAILED',
        job.error?.detail ?? 'the job failed',
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The message to show for any error thrown by a call. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.explain();
  return err instanceof Error ? err.message : String(err);
}
