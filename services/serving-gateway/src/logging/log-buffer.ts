/** Sends one batch; rejects when the destination (Kafka) is unavailable. */
export type BatchSender<T> = (batch: T[]) => Promise<void>;

export interface LogBufferOptions {
  /** Most entries held in memory (default 10 000). */
  capacity: number;
  /** Most entries per send (default 500). */
  batchSize: number;
  /** Longest an entry waits before a send is started (default 50 ms). */
  flushIntervalMs: number;
  /** After a failed send, wait this long before retrying the batch (default 200 ms). */
  retryBackoffMs: number;
}

export const DEFAULT_LOG_BUFFER_OPTIONS: LogBufferOptions = { capacity: 10_000, batchSize: 500, flushIntervalMs: 50, retryBackoffMs: 200 };

/** Timer seam so the policy is testable with a fake clock. */
export interface BufferTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: BufferTimers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * A bounded buffer between the request path and Kafka. `offer` never waits and never throws:
 * it appends, or, when the buffer is full, drops the entry and counts it. One send runs at a
 * time, in batches of up to `batchSize`, started when a batch fills or `flushIntervalMs` after
 * the first waiting entry. A failed send keeps its batch at the front and retries after
 * `retryBackoffMs` (the "block briefly" part: entries keep queueing meanwhile); once the buffer
 * fills while Kafka is down, new entries are dropped and counted, so memory stays bounded and
 * requests never wait for Kafka.
 */
export class LogBuffer<T> {
  private queue: T[] = [];
  private sending = false;
  private timer: unknown;
  private closed = false;
  private droppedCount = 0;
  private sentCount = 0;
  private failedSends = 0;

  constructor(
    private readonly send: BatchSender<T>,
    private readonly options: LogBufferOptions = DEFAULT_LOG_BUFFER_OPTIONS,
    private readonly timers: BufferTimers = realTimers,
  ) {}

  /** Entries dropped because the buffer was full (or closed). */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Entries Kafka acknowledged. */
  get sent(): number {
    return this.sentCount;
  }

  get failures(): number {
    return this.failedSends;
  }

  /** Entries queued, the batch being sent included (it leaves the queue once acknowledged). */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues an entry; false when it was dropped. */
  offer(entry: T): boolean {
    if (this.closed || this.queue.length >= this.options.capacity) {
      this.droppedCount++;
      return false;
    }
    this.queue.push(entry);
    if (!this.sending) {
      if (this.queue.length >= this.options.batchSize) this.startSend();
      else if (this.timer === undefined) this.schedule(this.options.flushIntervalMs);
    }
    return true;
  }

  /** Sends what is queued, waiting at most `timeoutMs`; later entries are dropped and counted. */
  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    const deadline = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.sending) && Date.now() < deadline) {
      if (!this.sending) this.startSend();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    this.cancelTimer();
    this.droppedCount += this.queue.length;
    this.queue = [];
  }

  private schedule(ms: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.startSend();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private startSend(): void {
    if (this.sending || this.queue.length === 0) return;
    this.cancelTimer();
    this.sending = true;
    const batch = this.queue.slice(0, this.options.batchSize);
    this.send(batch).then(
      () => {
        this.queue.splice(0, batch.length);
        this.sentCount += batch.length;
        this.sending = false;
        if (this.queue.length >= this.options.batchSize) this.startSend();
        else if (this.queue.length > 0 && !this.closed) this.schedule(this.options.flushIntervalMs);
      },
      () => {
        this.failedSends++;
        this.sending = false;
        if (!this.closed) this.schedule(this.options.retryBackoffMs);
      },
    );
  }
}
