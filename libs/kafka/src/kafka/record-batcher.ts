import { BusLogger } from '../contract/logger';
import { errorText } from '../core/error-text';

export interface BatchLimits {
  lingerMs: number;
  maxBatchRecords: number;
  maxBatchBytes: number;
  maxBufferedBytes: number;
}

/** A send refused because too much is already waiting for the broker. */
export class ProducerBufferFullError extends Error {
  constructor(bufferedBytes: number, maxBufferedBytes: number) {
    super(`producer buffer full: ${bufferedBytes} bytes waiting, producer.maxBufferedBytes is ${maxBufferedBytes}`);
    this.name = 'ProducerBufferFullError';
  }
}

/** Records that travel in one request; every sender of one of them shares one promise. */
interface Chunk<R> {
  readonly byTopic: Map<string, R[]>;
  records: number;
  bytes: number;
  lingerExpired: boolean;
  timer?: NodeJS.Timeout;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Groups single sends into requests, the way Kafka's Java producer does and kafkajs does not:
 * a chunk is sent when it is full (records or bytes) or `lingerMs` after its first record. One
 * request is in flight at a time, so records reach each partition in send order; while it is,
 * the next chunk keeps filling. All records of a chunk share one promise, so a send costs no
 * promise of its own.
 */
export class RecordBatcher<R> {
  private open?: Chunk<R>;
  private readonly sealed: Chunk<R>[] = [];
  private inFlight?: Chunk<R>;
  private bufferedBytes = 0;

  constructor(
    private readonly limits: BatchLimits,
    private readonly deliver: (byTopic: Map<string, R[]>) => Promise<void>,
    private readonly logger: BusLogger,
  ) {}

  /** Queues one record of about `bytes` bytes; resolves once its request is acknowledged. */
  add(topic: string, record: R, bytes: number): Promise<void> {
    if (this.bufferedBytes > 0 && this.bufferedBytes + bytes > this.limits.maxBufferedBytes) {
      return Promise.reject(new ProducerBufferFullError(this.bufferedBytes, this.limits.maxBufferedBytes));
    }
    if (this.open && this.open.bytes + bytes > this.limits.maxBatchBytes) this.sealOpen();
    const chunk = (this.open ??= newChunk<R>());
    const records = chunk.byTopic.get(topic);
    if (records) records.push(record);
    else chunk.byTopic.set(topic, [record]);
    chunk.records += 1;
    chunk.bytes += bytes;
    this.bufferedBytes += bytes;
    if (chunk.records >= this.limits.maxBatchRecords || chunk.bytes >= this.limits.maxBatchBytes) this.sealOpen();
    else if (chunk.records === 1) chunk.timer = setTimeout(() => this.lingerExpired(chunk), this.limits.lingerMs);
    return chunk.done;
  }

  /** Sends what is waiting now; resolves when all of it is acknowledged, rejects if any of it failed. */
  async flush(): Promise<void> {
    if (this.open) this.sealOpen();
    const pending = [this.inFlight, ...this.sealed].filter((chunk): chunk is Chunk<R> => chunk !== undefined);
    await Promise.all(pending.map((chunk) => chunk.done));
  }

  private lingerExpired(chunk: Chunk<R>): void {
    chunk.timer = undefined;
    chunk.lingerExpired = true;
    this.sendNext();
  }

  private sealOpen(): void {
    const chunk = this.open;
    if (!chunk) return;
    clearTimeout(chunk.timer);
    this.open = undefined;
    this.sealed.push(chunk);
    this.sendNext();
  }

  private sendNext(): void {
    if (this.inFlight) return;
    if (this.sealed.length === 0 && this.open?.lingerExpired) {
      this.sealed.push(this.open);
      this.open = undefined;
    }
    const chunk = this.sealed.shift();
    if (!chunk) return;
    this.inFlight = chunk;
    void this.deliver(chunk.byTopic).then(
      () => this.settle(chunk, undefined),
      (error: unknown) => this.settle(chunk, error ?? new Error('delivery failed')),
    );
  }

  private settle(chunk: Chunk<R>, error: unknown): void {
    this.inFlight = undefined;
    this.bufferedBytes -= chunk.bytes;
    if (error === undefined) chunk.resolve();
    else {
      this.logger.error('producer request failed', { records: chunk.records, topics: [...chunk.byTopic.keys()], error: errorText(error) });
      chunk.reject(error);
    }
    this.sendNext();
  }
}

function newChunk<R>(): Chunk<R> {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Fire-and-forget senders never look at the promise; their failures are logged in settle().
  done.catch(() => undefined);
  return { byTopic: new Map(), records: 0, bytes: 0, lingerExpired: false, done, resolve, reject };
}
