/**
 * @module
 * Downloads one file over HTTP(S) with Node's built-in fetch: conditional request, timeouts (to
 * the response headers, and between body chunks), retries with backoff on network errors, 5xx and
 * 429, streaming to `<dest>.part` with sha256 and a Content-Length check, renamed to `dest` only
 * when whole and not an HTML page.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { refused } from '../../core/index.ts';
import { backoffDelay, retryAfterMs, sleep } from './_backoff.ts';
import { htmlProblem } from './_sanity.ts';

/** One file to download. */
export interface FileRequest {
  url: string;
  /** Where the file ends up; it exists only once complete. */
  dest: string;
  /** Validators from the last successful download, for a conditional request. */
  etag?: string;
  lastModified?: string;
  /** Per-request timeout in ms: to the response headers, and between two body chunks. */
  timeoutMs: number;
  /** Retries after a network error, a 5xx or a 429 (0: one attempt only). */
  retries: number;
  /** First retry delay in ms (doubled each time, with jitter). */
  backoffMs: number;
  /** Aborts the download at once (no retry). */
  signal?: AbortSignal;
  /** Called before each retry, with why and how long it waits. */
  onRetry?: (info: { attempt: number; reason: string; delayMs: number }) => void;
}

/** What the server answered. */
export type FileResult =
  | { status: 304; etag?: string; lastModified?: string }
  | {
      status: 200;
      path: string;
      sha256: string;
      size: number;
      etag?: string;
      lastModified?: string;
      contentType?: string;
    };

/** A failure worth retrying (network, timeout, truncation, 5xx, 429). */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * Downloads `url` to `dest`. Throws INPUT_REFUSED (with `file` set to the url) when the server
 * refuses, keeps failing, times out, truncates the body or serves an HTML page.
 */
export async function downloadFile(req: FileRequest): Promise<FileResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(req);
    } catch (err) {
      if (req.signal?.aborted)
        throw refused(`${req.url}: download interrupted`, { file: req.url }, err);
      if (!(err instanceof Transient)) throw err;
      const tries = `${attempt + 1} attempt${attempt ? 's' : ''}`;
      if (attempt >= req.retries)
        throw refused(
          `${req.url}: ${err.message} (gave up after ${tries})`,
          { file: req.url },
          err,
        );
      const delayMs = err.retryAfter ?? backoffDelay(attempt, req.backoffMs);
      req.onRetry?.({ attempt: attempt + 1, reason: err.message, delayMs });
      await sleep(delayMs, req.signal);
    }
  }
}

async function attemptOnce(req: FileRequest): Promise<FileResult> {
  const ctrl = new AbortController();
  const onOuterAbort = () => ctrl.abort(req.signal!.reason);
  req.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = `${what} within ${req.timeoutMs} ms`;
      ctrl.abort();
    }, req.timeoutMs);
  };
  const part = `${req.dest}.part`;
  try {
    arm('no response');
    let res: Response;
    try {
      res = await fetch(req.url, {
        headers: {
          ...(req.etag && { 'if-none-match': req.etag }),
          ...(req.lastModified && { 'if-modified-since': req.lastModified }),
          'user-agent': 'embargo (sanctions list refresh)',
        },
        redirect: 'follow',
        signal: ctrl.signal,
      });
    } catch (err) {
      throw new Transient(timedOut ? `timed out: ${timedOut}` : `request failed: ${describe(err)}`);
    }
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    const validators = { ...(etag && { etag }), ...(lastModified && { lastModified }) };
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 304, ...validators };
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      throw new Transient(
        `HTTP ${res.status} ${res.statusText}`.trim(),
        retryAfterMs(res.headers.get('retry-after')),
      );
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw refused(`${req.url}: HTTP ${res.status} ${res.statusText}`.trim(), { file: req.url });
    }
    const contentType = res.headers.get('content-type') ?? undefined;
    const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const lengthHeader = res.headers.get('content-length');
    // With a Content-Encoding, fetch inflates the body and the header counts compressed bytes.
    const expected = lengthHeader !== null && !encoded ? Number(lengthHeader) : undefined;
    const body = await stream(
      res,
      part,
      () => arm('no data'),
      () => timedOut,
      expected,
    );
    if (expected !== undefined && body.size !== expected)
      throw new Transient(`truncated: got ${body.size} of the ${expected} bytes announced`);
    if (body.size === 0) throw refused(`${req.url}: empty response body`, { file: req.url });
    const problem = htmlProblem(contentType ?? null, body.head);
    if (problem) throw refused(`${req.url}: ${problem}`, { file: req.url });
    await rename(part, req.dest);
    return {
      status: 200,
      path: req.dest,
      sha256: body.sha256,
      size: body.size,
      ...validators,
      ...(contentType && { contentType }),
    };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
    await rm(part, { force: true });
  }
}

/** Streams the body to `path`, hashing it; keeps its first bytes for the HTML check. */
async function stream(
  res: Response,
  path: string,
  onChunk: () => void,
  timedOut: () => string | undefined,
  expected: number | undefined,
): Promise<{ sha256: string; size: number; head: Buffer }> {
  const hash = createHash('sha256');
  const out = await open(path, 'w');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    const reader = res.body!.getReader();
    for (;;) {
      onChunk();
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        const got = `${size}${expected !== undefined ? ` of ${expected}` : ''} bytes`;
        const late = timedOut();
        throw new Transient(
          late
            ? `timed out: ${late}, after ${got}`
            : `truncated: the connection closed after ${got} (${describe(err)})`,
        );
      }
      if (chunk.done) break;
      const bytes = chunk.value;
      hash.update(bytes);
      size += bytes.length;
      if (head.length < 4096) head = Buffer.concat([head, Buffer.from(bytes.subarray(0, 4096))]);
      await out.write(bytes);
    }
  } finally {
    await out.close();
  }
  return { sha256: hash.digest('hex'), size, head };
}

/** A network error's own words: undici hides the useful part in `cause`. */
function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return [e.message ?? String(err), cause].filter(Boolean).join(': ');
}
