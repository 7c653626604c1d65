import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { EmbargoError, ERROR_CODES } from '../core/index.ts';
import { clientErrorHandler, HttpError, toResponse } from './errors.ts';

test("core codes map to statuses: the caller's mistakes 4xx, the store 503, bugs 500", () => {
  const status = (code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES]) =>
    toResponse(new EmbargoError(code, 'm')).status;
  assert.equal(status(ERROR_CODES.USAGE), 400);
  assert.equal(status(ERROR_CODES.INVALID_QUERY), 400);
  assert.equal(status(ERROR_CODES.INPUT_REFUSED), 400);
  assert.equal(status(ERROR_CODES.UNKNOWN_SOURCE), 404);
  assert.equal(status(ERROR_CODES.UNKNOWN_ID), 404);
  assert.equal(status(ERROR_CODES.NOT_FOUND), 404);
  assert.equal(status(ERROR_CODES.STORE), 503);
  assert.equal(status(ERROR_CODES.INTERNAL), 500);
});

test('a 5xx never carries the message; a 4xx does', () => {
  const internal = toResponse(new Error('/srv/secret.ts:1'));
  assert.deepEqual(internal, {
    status: 500,
    body: { detail: 'internal error', code: 'E_INTERNAL' },
    internal: true,
  });
  const store = toResponse(new EmbargoError(ERROR_CODES.STORE, 'cannot open /var/x.db'));
  assert.doesNotMatch(store.body.detail, /var/);
  const mine = toResponse(new HttpError(403, 'E_FORBIDDEN', 'needs admin'));
  assert.deepEqual(mine.body, { detail: 'needs admin', code: 'E_FORBIDDEN' });
});

test("Fastify's client errors get our codes", () => {
  const fst = (code: string, statusCode: number) =>
    toResponse(Object.assign(new Error('x'), { code, statusCode })).body.code;
  assert.equal(fst('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'E_TOO_LARGE');
  assert.equal(fst('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'E_MEDIA_TYPE');
  assert.equal(fst('FST_ERR_VALIDATION', 400), 'E_VALIDATION');
  assert.equal(fst('FST_ERR_CTP_EMPTY_JSON_BODY', 400), 'E_MALFORMED');
  assert.equal(fst('SOMETHING_ELSE', 400), 'E_MALFORMED');
  assert.equal(fst('SOMETHING_ELSE', 502), 'E_INTERNAL');
});

test('a request not sent in time gets 408 with {detail, code}, and the socket is closed', () => {
  const written: string[] = [];
  let destroyed = false;
  const socket = {
    destroyed: false,
    writable: true,
    write: (s: string) => void written.push(s),
    destroy: () => void (destroyed = true),
  };
  const err = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
  clientErrorHandler(err, socket as unknown as Socket);
  const raw = written.join('');
  assert.match(raw, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.deepEqual(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)), {
    detail: 'the request was not received in time',
    code: 'E_TIMEOUT',
  });
  assert.ok(destroyed);
});
