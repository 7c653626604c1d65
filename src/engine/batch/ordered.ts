/**
 * @module
 * The bounded, ordered queue between the batch's reader and its writer. The reader pushes one
 * promise per chunk, in input order, as soon as the chunk is handed to a screener; the writer
 * takes results in that same order, whichever screener finishes first. At most `limit` chunks are
 * in flight (handed out and not yet written), so a slow screener or a slow disk makes the reader
 * wait instead of piling rows up in memory: this is the whole of the batch's backpressure.
 */

/** A FIFO of pending results with a cap on how many may be outstanding. */
export class OrderedQueue<T> {
  private readonly limit: number;
  private readonly items: Promise<T>[] = [];
  /** Chunks pushed and not yet fully consumed (their slot is freed after the consumer's turn). */
  private outstanding = 0;
  private closed = false;
  private failure: { error: unknown } | undefined;
  /** Rejects the consumer's wait for the head result, so a result that never settles frees it. */
  private rejectWait: ((error: unknown) => void) | undefined;
  private wakeProducer: (() => void) | undefined;
  private wakeConsumer: (() => void) | undefined;
  /** The highest number of chunks ever outstanding at once. */
  peak = 0;

  constructor(limit: number) {
    if (!(limit >= 1)) throw new RangeError(`queue limit must be at least 1, got ${limit}`);
    this.limit = limit;
  }

  /** Chunks currently outstanding. */
  get size(): number {
    return this.outstanding;
  }

  /** Waits for a free slot, then queues `result`. Rejects once the queue has failed. */
  async push(result: Promise<T>): Promise<void> {
    await this.slot();
    // Rejections are observed by the consumer in order; until then, do not let Node call them
    // unhandled.
    result.catch(() => {});
    this.items.push(result);
    this.outstanding++;
    this.peak = Math.max(this.peak, this.outstanding);
    this.wake('consumer');
  }

  /** Waits until a chunk could be pushed without exceeding the limit. */
  async slot(): Promise<void> {
    while (this.outstanding >= this.limit && !this.failure)
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    this.check();
  }

  /** No more pushes: the consumer ends after the last queued result. */
  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  /** Stops both sides: a waiting `push` and the consumer throw `error`. */
  fail(error: unknown): void {
    if (!this.failure) this.failure = { error };
    this.rejectWait?.(this.failure.error);
    this.wake('producer');
    this.wake('consumer');
  }

  /**
   * Results in push order. A result's slot is freed only when the consumer comes back for the
   * next one, so the write of a chunk counts as in flight until it is done.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      while (!this.items.length && !this.closed && !this.failure)
        await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      this.check();
      const next = this.items.shift();
      if (!next) return;
      // Not Promise.race with one long-lived "failed" promise: every race would leave a reaction
      // on it holding that chunk's result, and memory would grow with the input.
      const value = await new Promise<T>((resolve, reject) => {
        this.rejectWait = reject;
        next.then(resolve, reject);
      });
      this.rejectWait = undefined;
      this.check();
      yield value;
      this.outstanding--;
      this.wake('producer');
    }
  }

  /** Throws the failure, if the queue has failed. */
  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  private wake(side: 'producer' | 'consumer'): void {
    const fn = side === 'producer' ? this.wakeProducer : this.wakeConsumer;
    if (side === 'producer') this.wakeProducer = undefined;
    else this.wakeConsumer = undefined;
    fn?.();
  }
}
