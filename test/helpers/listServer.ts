/**
 * @module
 * A local HTTP server that publishes list files the way the authorities do (ETag, Last-Modified,
 * 304 on a conditional request) and misbehaves on demand: slow, truncated, 5xx, an HTML page, or
 * other content at the same address. It serves `/lists/<path>` from the real data folder (read in
 * place through test/helpers/data.ts) and any path mounted on a file (e.g. one generated in a
 * temporary folder at test time).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listPath } from './data.ts';

/** How the server answers one path. */
export type Behaviour =
  /** Serve the file properly (the default). */
  | { kind: 'normal' }
  /** Answer nothing for `ms`, then serve normally. */
  | { kind: 'stall'; ms: number }
  /** Send the headers and the first bytes, then stall for `ms` before sending the rest (never 304). */
  | { kind: 'slow'; ms: number }
  /** Announce the full Content-Length, send half the body, then close the connection (never 304). */
  | { kind: 'truncated' }
  /** Answer `status` the next `times` requests, then serve normally again. */
  | { kind: 'status'; status: number; times: number }
  /** Answer 200 with an HTML error page, as a portal does during maintenance. */
  | { kind: 'html' }
  /** Serve the file but ignore conditional headers (always 200). */
  | { kind: 'unconditional' };

/** One request the server saw. */
export interface SeenRequest {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  status: number;
}

/** A running list server. */
export interface ListServer {
  /** Base address, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** Full address of a path. */
  url(path: string): string;
  /** Serves `path` from `file` (replacing what it served before). */
  mount(path: string, file: string): void;
  /** Sets how `path` is answered until changed again. */
  behave(path: string, behaviour: Behaviour): void;
  /** Every request so far, oldest first. */
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

const ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>' +
  '<body><h1>Sorry, the service is down for maintenance</h1></body></html>\n';

/** Starts a server on 127.0.0.1 on a free port. */
export async function startListServer(): Promise<ListServer> {
  const mounts = new Map<string, string>();
  const behaviours = new Map<string, Behaviour>();
  const requests: SeenRequest[] = [];

  const fileFor = (path: string): string | undefined => {
    const mounted = mounts.get(path);
    if (mounted) return mounted;
    if (!path.startsWith('/lists/') || path.includes('..')) return undefined;
    return listPath(...path.slice('/lists/'.length).split('/').map(decodeURIComponent));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const seen: SeenRequest = {
      path,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      status: 0,
    };
    requests.push(seen);
    const answer = (status: number, headers: Record<string, string | number> = {}) => {
      seen.status = status;
      res.writeHead(status, headers);
    };
    const file = fileFor(path);
    const st = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !st?.isFile()) {
      answer(404, { 'content-type': 'text/plain' });
      return res.end('not found\n');
    }
    const b = behaviours.get(path) ?? { kind: 'normal' };
    if (b.kind === 'stall') {
      const timer = setTimeout(
        () => respond(req, res, file, st.mtime, { kind: 'normal' }, answer),
        b.ms,
      );
      res.on('close', () => clearTimeout(timer));
      return;
    }
    respond(req, res, file, st.mtime, b, answer);
  };

  const respond = (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    mtime: Date,
    b: Behaviour,
    answer: (status: number, headers?: Record<string, string | number>) => void,
  ) => {
    if (b.kind === 'status' && b.times > 0) {
      b.times--;
      answer(b.status, { 'content-type': 'text/plain' });
      return res.end(`error ${b.status}\n`);
    }
    if (b.kind === 'html') {
      answer(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(ERROR_PAGE);
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const lastModified = mtime.toUTCString();
    const validators = { etag, 'last-modified': lastModified };
    // A misbehaving body is sent whatever the request's validators say.
    if (b.kind !== 'unconditional' && b.kind !== 'slow' && b.kind !== 'truncated') {
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (
        (inm !== undefined && inm === etag) ||
        (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(lastModified))
      ) {
        answer(304, validators);
        return res.end();
      }
    }
    const headers = {
      ...validators,
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    };
    if (b.kind === 'truncated') {
      answer(200, headers);
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      // Let the half reach the client, then cut the connection as a dropped link would.
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    if (b.kind === 'slow') {
      answer(200, headers);
      res.write(body.subarray(0, 1024));
      const timer = setTimeout(() => res.end(body.subarray(1024)), b.ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    answer(200, headers);
    createReadStream(file).pipe(res);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    mount: (path, file) => void mounts.set(path, file),
    behave: (path, behaviour) => void behaviours.set(path, behaviour),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
