/**
 * @module
 * One rate limit across the processes of `embargo serve --workers N`. Each worker counting on its
 * own let N times the advertised `x-ratelimit-limit` through (40 requests a minute with
 * `--workers 2 --rate-limit 20`). The count is kept by the cluster's primary instead: a worker
 * asks it over the cluster's IPC channel for every counted request, so the limit a client is
 * told is the number that passes, whichever worker its connections land on. (A worker keeps no
 * count of its own: if the primary does not answer, the request is refused with 503 rather than
 * let through uncounted.)
 */
import type { Cluster, Worker } from 'node:cluster';
import { HttpError, HTTP_CODES } from './errors.ts';

/** Tag of this module's messages on the IPC channel, which node:cluster shares with others. */
const TAG = 'embargo:ratelimit';
/** How long a worker waits for the primary's count. */
const REPLY_MS = 2000;

interface CountRequest {
  tag: typeof TAG;
  id: number;
  key: string;
  timeWindow: number;
}

interface CountReply {
  tag: typeof TAG;
  id: number;
  current: number;
  ttl: number;
}

function isCountRequest(m: unknown): m is CountRequest {
  return (m as CountRequest | null)?.tag === TAG && typeof (m as CountRequest).key === 'string';
}

/** What the counter answers: the requests counted in the window so far and its time left (ms). */
export interface RateCount {
  current: number;
  ttl: number;
}

/** Fixed-window counts by key, as @fastify/rate-limit's own store keeps them. */
export class RateCounter {
  private readonly windows = new Map<string, { current: number; start: number }>();

  /** Counts one request of `key`. */
  incr(key: string, timeWindow: number, now = Date.now()): RateCount {
    let w = this.windows.get(key);
    if (!w || w.start + timeWindow <= now) {
      // Expired windows of other keys go too, so the map holds only the keys of this window.
      if (!w)
        for (const [k, v] of this.windows) if (v.start + timeWindow <= now) this.windows.delete(k);
      w = { current: 0, start: now };
      this.windows.set(key, w);
    }
    w.current++;
    return { current: w.current, ttl: w.start + timeWindow - now };
  }
}

/** In the primary: answers the workers' count requests from one {@link RateCounter}. */
export function serveRateCounts(cluster: Cluster): void {
  const counter = new RateCounter();
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isCountRequest(message)) return;
    const reply: CountReply = {
      tag: TAG,
      id: message.id,
      ...counter.incr(message.key, message.timeWindow),
    };
    if (worker.isConnected()) worker.send(reply);
  });
}

let nextId = 0;
const pending = new Map<number, (count: RateCount) => void>();
let listening = false;

/**
 * In a worker: a @fastify/rate-limit store (its `store` option) that counts in the primary.
 * The plugin constructs it with its settings and calls `incr` for every counted request.
 */
export class ClusterRateStore {
  /** The window of the plugin's settings, for a caller that does not pass one to `incr`. */
  private readonly timeWindow: number;

  constructor(settings?: unknown) {
    const tw = (settings as { timeWindow?: unknown } | undefined)?.timeWindow;
    this.timeWindow = typeof tw === 'number' ? tw : 60_000;
    if (!listening) {
      listening = true;
      process.on('message', (m: unknown) => {
        const reply = m as CountReply | null;
        if (reply?.tag !== TAG) return;
        pending.get(reply.id)?.({ current: reply.current, ttl: reply.ttl });
        pending.delete(reply.id);
      });
    }
  }

  incr(
    key: string,
    callback: (err: Error | null, result?: RateCount) => void,
    // The plugin passes the route's window; its type declarations do not say so.
    timeWindow: number = this.timeWindow,
  ): void {
    const unavailable = () =>
      new HttpError(503, HTTP_CODES.RATE_LIMITED, 'the rate limiter is unavailable; try again');
    if (!process.send || !process.connected) return callback(unavailable());
    const id = ++nextId;
    const timer = setTimeout(() => {
      pending.delete(id);
      callback(unavailable());
    }, REPLY_MS);
    pending.set(id, (count) => {
      clearTimeout(timer);
      callback(null, count);
    });
    const request: CountRequest = { tag: TAG, id, key, timeWindow };
    process.send(request);
  }

  /** Per-route stores share the primary's count, as the plugin's own stores share one map. */
  child(): ClusterRateStore {
    return this;
  }
}
