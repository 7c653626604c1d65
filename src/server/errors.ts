/**
 * @module
 * Errors at the HTTP edge: every failure leaves the server as `{"detail", "code"}` with the status
 * this file assigns, as `src/cli/exit.ts` assigns exit codes. Fastify's own errors (validation,
 * malformed JSON, body too large, unsupported media type) are mapped here too, so no response
 * ever carries Fastify's `{statusCode, error, message}` or a stack trace.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EmbargoError, ERROR_CODES, type ErrorCode } from '../core/index.ts';

/** Codes of failures that exist only at the HTTP edge (the core's codes are used as they are). */
export const HTTP_CODES = {
  /** No API key, an unknown one, or a revoked one. */
  UNAUTHORIZED: 'E_UNAUTHORIZED',
  /** The key's role does not allow the route. */
  FORBIDDEN: 'E_FORBIDDEN',
  /** The request body or parameters do not fit the route's schema. */
  VALIDATION: 'E_VALIDATION',
  /** The body is not valid JSON (or not a valid form). */
  MALFORMED: 'E_MALFORMED',
  /** The body exceeds the server's limit. */
  TOO_LARGE: 'E_TOO_LARGE',
  /** A content type the route does not read. */
  MEDIA_TYPE: 'E_MEDIA_TYPE',
  /** Too many requests for this key (or address) in the window. */
  RATE_LIMITED: 'E_RATE_LIMITED',
  /** The screening index is not built yet, or no list is loaded. */
  NOT_READY: 'E_NOT_READY',
  /** No such route. */
  NO_ROUTE: 'E_NO_ROUTE',
  /** The request's headers exceed the server's limit (431). */
  HEADERS_TOO_LARGE: 'E_HEADERS_TOO_LARGE',
  /** The client did not send its whole request in time (408). */
  TIMEOUT: 'E_TIMEOUT',
} as const;

/** Any code a response may carry. */
export type ResponseCode = ErrorCode | (typeof HTTP_CODES)[keyof typeof HTTP_CODES];

/** The status of each core error code. The caller's mistakes are 4xx; the store's and ours 5xx. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ERROR_CODES.USAGE]: 400,
  [ERROR_CODES.INVALID_QUERY]: 400,
  [ERROR_CODES.INPUT_REFUSED]: 400,
  [ERROR_CODES.INVALID_ENTITY]: 422,
  [ERROR_CODES.NOT_FOUND]: 404,
  [ERROR_CODES.UNKNOWN_ID]: 404,
  [ERROR_CODES.UNKNOWN_SOURCE]: 404,
  // A locked or missing store: the service cannot answer now; not the caller's fault.
  [ERROR_CODES.STORE]: 503,
  [ERROR_CODES.INTERNAL]: 500,
  // No list (or none of those asked for) is loaded: the service cannot answer until one is.
  [ERROR_CODES.NOT_READY]: 503,
  // Another process is loading lists and kept the write lock past the wait: try again later.
  [ERROR_CODES.BUSY]: 503,
};

/** HTTP status for an EmbargoError. */
export function statusFor(err: EmbargoError): number {
  return STATUS_BY_CODE[err.code] ?? 500;
}

/** An error raised by the HTTP layer itself, with its status and code. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ResponseCode;
  readonly headers: Record<string, string>;

  constructor(
    statusCode: number,
    code: ResponseCode,
    detail: string,
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  detail: string;
  code: string;
}

/** JSON schema of {@link ErrorBody}, for the OpenAPI document. */
export const ERROR_SCHEMA = {
  $id: 'Error',
  type: 'object',
  description: 'Every error: a message for people and a stable code for programs.',
  properties: {
    detail: { type: 'string', examples: ['no dataset "foo"; known: default, sanctions, un_sc'] },
    code: { type: 'string', examples: ['E_UNKNOWN_SOURCE'] },
  },
  required: ['detail', 'code'],
} as const;

/** Fastify's codes for a client error, and ours for them. */
const FASTIFY_CODES: Record<string, ResponseCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: HTTP_CODES.TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: HTTP_CODES.MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: HTTP_CODES.MALFORMED,
  FST_ERR_CTP_EMPTY_JSON_BODY: HTTP_CODES.MALFORMED,
  FST_ERR_CTP_INVALID_JSON_BODY: HTTP_CODES.MALFORMED,
  FST_ERR_CTP_EMPTY_TYPE: HTTP_CODES.MEDIA_TYPE,
  FST_ERR_CTP_INVALID_TYPE: HTTP_CODES.MEDIA_TYPE,
  FST_ERR_VALIDATION: HTTP_CODES.VALIDATION,
};

/** What to answer for anything thrown by a handler, a hook or Fastify itself. */
export function toResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof HttpError)
    return {
      status: err.statusCode,
      body: { detail: err.message, code: err.code },
      internal: false,
    };
  if (err instanceof EmbargoError) {
    const status = statusFor(err);
    // A 5xx says only what kind of fault it was: its message may name files on the server. Not
    // ready names lists only, and says what to load.
    if (status >= 500 && err.code !== ERROR_CODES.NOT_READY)
      return {
        status,
        body: {
          detail:
            err.code === ERROR_CODES.BUSY
              ? 'another list load holds the write lock of the store; try again once it is done'
              : status === 503
                ? 'the store is unavailable; try again'
                : 'internal error',
          code: err.code,
        },
        internal: true,
      };
    return { status, body: { detail: err.message, code: err.code }, internal: false };
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      (fe.code && FASTIFY_CODES[fe.code]) ??
      (fe.validation
        ? HTTP_CODES.VALIDATION
        : status === 413
          ? HTTP_CODES.TOO_LARGE
          : status === 415
            ? HTTP_CODES.MEDIA_TYPE
            : status === 429
              ? HTTP_CODES.RATE_LIMITED
              : status === 404
                ? HTTP_CODES.NO_ROUTE
                : HTTP_CODES.MALFORMED);
    // An unknown field (a misspelt `source` for `sources`) is not a malformed request but one
    // that cannot be processed as meant: 422, as yente answers for its validation errors.
    const unknownField =
      Array.isArray(fe.validation) &&
      (fe.validation as { keyword?: string }[]).some((v) => v.keyword === 'additionalProperties');
    return {
      status: unknownField ? 422 : status,
      body: { detail: fe.message ?? 'bad request', code },
      internal: false,
    };
  }
  return {
    status: 500,
    body: { detail: 'internal error', code: ERROR_CODES.INTERNAL },
    internal: true,
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A yente-compatible route: a request that fails validation is 422, as yente (FastAPI)
     * answers, not 400; the body stays `{detail, code}`.
     */
    yente?: boolean;
  }
}

/** Whether a response is a validation failure yente would answer with 422. */
function yenteValidation(request: FastifyRequest, status: number, body: ErrorBody): boolean {
  return (
    status === 400 &&
    body.code === HTTP_CODES.VALIDATION &&
    request.routeOptions?.config?.yente === true
  );
}

/** Sends an error response; logs it when it is our fault. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  err: unknown,
): FastifyReply {
  const answer = toResponse(err);
  const { body, internal } = answer;
  // Only the request's schema validation: a 400 a handler raises on purpose ("No queries
  // provided.") is a 400 in yente too.
  const schemaFailure =
    typeof err === 'object' &&
    err !== null &&
    (err as { validation?: unknown }).validation !== undefined;
  const status =
    schemaFailure && yenteValidation(request, answer.status, body) ? 422 : answer.status;
  if (internal) request.log.error({ err }, 'internal error');
  if (err instanceof HttpError) reply.headers(err.headers);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Answers an HTTP-level client error (headers too large, a request not sent in time, a request
 * line Node cannot parse) with the `{detail, code}` body of every other error; Fastify's default
 * writes its own `{error, message, statusCode}`. The socket is closed after it, as Node does.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection: nobody is left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ErrorBody] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, { detail: 'the request was not received in time', code: HTTP_CODES.TIMEOUT }]
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            {
              detail: 'the request headers are larger than the server accepts',
              code: HTTP_CODES.HEADERS_TOO_LARGE,
            },
          ]
        : [400, { detail: 'the request cannot be read as HTTP', code: HTTP_CODES.MALFORMED }];
  const json = JSON.stringify(body);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`,
    );
  socket.destroy(err);
}

/** Installs the error and not-found handlers on an instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => sendError(request, reply, err));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new HttpError(
        404,
        HTTP_CODES.NO_ROUTE,
        `no route ${request.method} ${request.url.split('?')[0]}`,
      ),
    ),
  );
}

/** Shorthand for a 400 the caller can fix. */
export function badRequest(detail: string): HttpError {
  return new HttpError(400, HTTP_CODES.VALIDATION, detail);
}
