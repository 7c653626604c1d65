/**
 * @module
 * Request bodies read as they arrive (issue 18): a book in JSON lines (`application/x-ndjson`,
 * `application/jsonl`) or a batch of names in CSV (`text/csv`) reaches its route as the request
 * stream itself, not as one buffered string. Each route that reads one says so
 * (`config.streamedBody`); every other route refuses those types (415), as before. The route
 * reads the bytes through {@link bodyBytes}, which counts them against the server's limit for
 * streamed bodies: a `Content-Length` over it is 413 before a byte is read, and a body that runs
 * over it while arriving stops there with 413 (or, once a streamed answer has begun, with an
 * error as the answer's last line).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { HttpError, HTTP_CODES } from './errors.ts';
export { DEFAULT_STREAM_LIMIT } from './context.ts';

/** Media types of the bodies read as streams. */
export const STREAMED_TYPES = [
  'application/x-ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'text/csv',
] as const;

/** What a streamed media type holds: JSON lines or CSV. */
export function streamedFormat(request: FastifyRequest): 'jsonl' | 'csv' | undefined {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  return (STREAMED_TYPES as readonly string[]).includes(type) ? 'jsonl' : undefined;
}

/**
 * Registers the streamed media types: the body is handed to the route unread, for the routes
 * that ask for it; other routes answer 415.
 */
export function registerStreamedBodies(app: FastifyInstance): void {
  app.addContentTypeParser([...STREAMED_TYPES], (request, payload, done) => {
    if (request.routeOptions.config?.streamedBody) done(null, payload);
    else
      done(
        new HttpError(
          415,
          HTTP_CODES.MEDIA_TYPE,
          `${request.headers['content-type']}: this route reads JSON`,
        ),
      );
  });
}

/** 413 for a body over `limit` bytes. */
function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    HTTP_CODES.TOO_LARGE,
    `the body is over ${limit.toLocaleString('en-US')} bytes`,
  );
}

/**
 * The bytes of a streamed body, as they arrive, counted against `limit` (see the module comment).
 * Call it before the answer starts, so a declared length over the limit is a plain 413.
 */
export function bodyBytes(request: FastifyRequest, limit: number): AsyncIterable<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const body = request.body as Readable;
  return (async function* () {
    let seen = 0;
    // Not destroyed when reading stops early: that would close the socket under the 413.
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > limit) throw tooLarge(limit);
      yield chunk;
    }
  })();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads JSON-lines and CSV bodies as streams (see `_body.ts`). */
    streamedBody?: boolean;
  }
}
